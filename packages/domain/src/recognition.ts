import { z } from "zod";
import {
  LocalizedShortTextSchema,
  HttpUrlSchema,
  CitationsSchema,
  IdSchema,
  LocalizedTextSchema,
  ShortText,
} from "./common.ts";
import { DateValueSchema } from "./partial-date.ts";

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
  })
  .meta({ id: "Recognition" });
export type Recognition = z.infer<typeof RecognitionSchema>;
export type RecognitionInput = z.input<typeof RecognitionSchema>;
export const PublicRecognitionSchema = RecognitionSchema;
