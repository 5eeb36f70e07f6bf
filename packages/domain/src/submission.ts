import { z } from "zod";
import { SlugSchema, textSchema } from "./common.ts";

/**
 * What a reader sends with the public form (issue 20): a correction to a person's record or a new case. Private
 * data, never published by itself: curators read it in the admin inbox and may turn it into a draft change
 * through the write pipeline (ADR 021).
 */
export const SUBMISSION_KINDS = ["correction", "new-case"] as const;
export const SubmissionKindSchema = z.enum(SUBMISSION_KINDS);
export type SubmissionKind = z.infer<typeof SubmissionKindSchema>;

export const SUBMISSION_STATUSES = ["new", "accepted", "replied", "discarded"] as const;
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** The most a reader may write about what they know; the form says so. */
export const SUBMISSION_TEXT_MAX = 5000;
export const SUBMISSION_SOURCE_MAX = 1000;
export const SUBMISSION_CONTACT_MAX = 300;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), textSchema(max).optional());

/** A reader's submission as the form sends it (every field a string); the server adds kind and language. */
export const SubmissionInputSchema = z.strictObject({
  kind: SubmissionKindSchema,
  /** The person a correction is about (their public slug); a new case names none. */
  personSlug: z.preprocess((v) => (v === "" ? undefined : v), SlugSchema.optional()),
  text: textSchema(SUBMISSION_TEXT_MAX),
  source: optionalText(SUBMISSION_SOURCE_MAX),
  /** How to reach the reader: private, shown to curators only. */
  contact: optionalText(SUBMISSION_CONTACT_MAX),
  language: z.enum(["en", "ru", "kk"]),
});
export type SubmissionInput = z.infer<typeof SubmissionInputSchema>;

/** A curator's decision on a submission: a reply sent, discarded, or accepted as a draft change. */
export const SubmissionTriageSchema = z.strictObject({
  id: z.int().min(1),
  status: z.enum(["replied", "discarded"]),
  note: optionalText(2000),
});

/** Accepting a submission: a correction becomes a note in the person's private notes, a new case a draft person. */
export const SubmissionAcceptSchema = z.strictObject({
  id: z.int().min(1),
  /** The name of the new person (a new case); a correction names the person it is about. */
  name: textSchema(300, { plain: true }).optional(),
  note: optionalText(2000),
});
