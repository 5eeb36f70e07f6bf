import { z } from "zod";

export const STATUSES = [
  "imprisoned",
  "pre-trial-detention",
  "house-arrest",
  "psychiatric-detention",
  "restriction-of-liberty",
  "suspended-sentence",
  "under-investigation",
  "fined-or-warned",
  "in-exile",
  "released",
  "deceased",
  "unknown",
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** What a source can report of a person's situation: any status but "unknown" ("released" = at liberty). */
export const ReportedStatusSchema = StatusSchema.exclude(["unknown"]);
export type ReportedStatus = z.infer<typeof ReportedStatusSchema>;
