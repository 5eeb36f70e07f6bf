import { z } from "zod";
import {
  LocalizedShortTextSchema,
  HttpUrlSchema,
  CitationSchema,
  CitationsSchema,
  IdSchema,
  LocalizedTextSchema,
  ShortText,
} from "./common.ts";
import { DateValueSchema, comparePartialDates } from "./partial-date.ts";

export const RECOGNITION_BODIES = [
  "european-parliament",
  "un-wgad",
  "un-human-rights-committee",
  "un-special-rapporteur",
  "pace",
  "osce",
  "us-congress",
  "national-court-abroad",
  "ngo",
  "other",
] as const;

export const FOLLOW_UP_OUTCOMES = ["followed", "partly-followed", "not-followed"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * What a source reports happened afterwards: the person released as asked (followed), one of several released or
 * only some of what was asked done (partly-followed), still held or nothing done on a later date (not-followed, as
 * of that date). Only ever from a cited source; a recognition with no follow-up is "unknown".
 */
export const RecognitionFollowUpSchema = z
  .strictObject({
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    asOf: DateValueSchema.meta({ description: "The day the source reports the outcome for" }),
    note: LocalizedTextSchema.optional(),
    citations: z.array(CitationSchema).min(1, "A follow-up needs a citation").max(20),
  })
  .meta({ id: "RecognitionFollowUp" });
export type RecognitionFollowUp = z.infer<typeof RecognitionFollowUpSchema>;

/** An international body or NGO recognised someone as a political prisoner or called for their release. */
export const RecognitionSchema = z
  .strictObject({
    id: IdSchema,
    body: z.enum(RECOGNITION_BODIES),
    instrument: LocalizedShortTextSchema.meta({
      description: "e.g. 'Resolution 2021/2544(RSP)', 'Opinion 67/2018'",
    }),
    reference: ShortText.optional().meta({ description: "Paragraph or section, e.g. 'para. 3'" }),
    date: DateValueSchema,
    kind: z.enum([
      "named-political-prisoner",
      "called-for-release",
      "arbitrary-detention",
      "concern",
      "asylum",
      "other",
    ]),
    persons: z.array(IdSchema).min(1).max(500),
    url: HttpUrlSchema.optional(),
    summary: LocalizedTextSchema.optional(),
    citations: CitationsSchema,
    followUp: z
      .array(RecognitionFollowUpSchema)
      .max(20)
      .default([])
      .meta({ description: "Cited reports of whether it was followed, oldest first; none = unknown" }),
  })
  .meta({ id: "Recognition" });
export type Recognition = z.infer<typeof RecognitionSchema>;
export type RecognitionInput = z.input<typeof RecognitionSchema>;
export const PublicRecognitionSchema = RecognitionSchema;

/** The follow-up of the latest date (the last of equals, as listed), or undefined: "unknown". */
export function latestFollowUp(r: {
  followUp?: RecognitionFollowUp[] | undefined;
}): RecognitionFollowUp | undefined {
  let best: RecognitionFollowUp | undefined;
  for (const f of r.followUp ?? []) {
    if (!best || comparePartialDates(f.asOf.end ?? f.asOf.date, best.asOf.end ?? best.asOf.date) >= 0)
      best = f;
  }
  return best;
}
