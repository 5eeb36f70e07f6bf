import { z } from "zod";
import {
  LocalizedShortTextSchema,
  CitationsSchema,
  CuratorNoteSchema,
  IdSchema,
  LocalizedTextSchema,
  LongText,
  MoneySchema,
  SlugSchema,
} from "./common.ts";
import { DateValueSchema, PartialDateSchema } from "./partial-date.ts";

export const LEGAL_CODES = ["criminal", "administrative", "civil"] as const;
export const LegalCodeSchema = z.enum(LEGAL_CODES);
export type LegalCode = z.infer<typeof LegalCodeSchema>;

export const ChargeSchema = z.strictObject({
  person: IdSchema,
  code: LegalCodeSchema,
  article: z.string().regex(/^\d{1,4}(?:\.\d{1,2})?$/, "An article number such as 405 or 272.1"),
  part: z
    .string()
    .regex(/^\d{1,2}$/, "A part number such as 2")
    .optional(),
  /** The label as the source wrote it; labels of one article differ between reports. */
  label: LocalizedShortTextSchema.optional(),
  date: DateValueSchema.optional(),
  outcome: z
    .enum(["pending", "convicted", "acquitted", "dropped", "requalified", "closed"])
    .default("pending"),
  citations: CitationsSchema,
});
export type Charge = z.infer<typeof ChargeSchema>;

export const MEASURE_KINDS = [
  "pre-trial-detention",
  "house-arrest",
  "temporary-detention",
  "psychiatric-detention",
  "travel-ban",
  "city-ban",
  "bail",
  "asset-freeze",
] as const;
export const MeasureKindSchema = z.enum(MEASURE_KINDS);
export type MeasureKind = z.infer<typeof MeasureKindSchema>;

export const MeasureSchema = z.strictObject({
  person: IdSchema,
  kind: MeasureKindSchema,
  from: DateValueSchema,
  /** Last day of the measure, when known. */
  to: PartialDateSchema.optional(),
  place: LocalizedShortTextSchema.optional(),
  citations: CitationsSchema,
});
export type Measure = z.infer<typeof MeasureSchema>;

export const SENTENCE_KINDS = [
  "imprisonment",
  "life-imprisonment",
  "restriction-of-liberty",
  "suspended",
  "probation",
  "criminal-fine",
  "compulsory-labour",
  "activity-ban",
  "psychiatric-treatment",
  "deportation",
  "administrative-arrest",
  "administrative-fine",
  "administrative-warning",
  "postponed",
  "other",
] as const;
export const SentenceKindSchema = z.enum(SENTENCE_KINDS);
export type SentenceKind = z.infer<typeof SentenceKindSchema>;

export const SentenceSchema = z.strictObject({
  person: IdSchema,
  kind: SentenceKindSchema,
  /** The day of the judgment (or the administrative decision). */
  imposed: DateValueSchema,
  court: LocalizedShortTextSchema.optional(),
  stage: z
    .enum(["first-instance", "appeal", "cassation", "supreme-court", "conversion", "administrative"])
    .default("first-instance"),
  termMonths: z.number().positive().max(1200).optional(),
  days: z.int().positive().max(366).optional().meta({ description: "Administrative arrest in days" }),
  hours: z.int().positive().max(10_000).optional().meta({ description: "Compulsory labour in hours" }),
  fine: MoneySchema.optional(),
  /** What an activity ban covers: public or political activity, social networks, journalism. */
  scope: LocalizedShortTextSchema.optional(),
  /** Explicit last day when known (early release is an event, not an edit). */
  endsOn: PartialDateSchema.optional(),
  inAbsentia: z.boolean().optional(),
  /**
   * The person did not begin serving it when it was imposed (they had fled, it was not yet in force, it was
   * replaced on appeal): it does not make them imprisoned. A later dated fact (an arrest, an order to serve it,
   * a status report) does.
   */
  unserved: z.literal(true).optional(),
  citations: CitationsSchema,
});
export type Sentence = z.infer<typeof SentenceSchema>;

const caseFields = {
  id: IdSchema,
  slug: SlugSchema,
  title: LocalizedShortTextSchema.meta({
    description: "Our own short title, e.g. 'DCK support case (Almaty, 2018)'",
  }),
  kind: z.enum(["criminal", "administrative", "civil", "extradition"]).default("criminal"),
  defendants: z.array(IdSchema).min(1).max(500),
  charges: z.array(ChargeSchema).max(200).default([]),
  investigatingBody: LocalizedShortTextSchema.optional(),
  opened: DateValueSchema.optional(),
  measures: z.array(MeasureSchema).max(200).default([]),
  sentences: z.array(SentenceSchema).max(200).default([]),
  summary: LocalizedTextSchema.optional(),
  citations: CitationsSchema,
  notes: z.array(CuratorNoteSchema).max(50).default([]),
};

export const CaseSchema = z
  .strictObject({
    ...caseFields,
    private: z.strictObject({ internalNotes: LongText.optional() }).default({}),
  })
  .superRefine((c, ctx) => {
    const defendants = new Set(c.defendants);
    for (const [key, items] of [
      ["charges", c.charges],
      ["measures", c.measures],
      ["sentences", c.sentences],
    ] as const) {
      items.forEach((item, i) => {
        if (!defendants.has(item.person)) {
          ctx.addIssue({ code: "custom", message: "Not a defendant in this case", path: [key, i, "person"] });
        }
      });
    }
  });
export type Case = z.infer<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;

export const PublicCaseSchema = z.object(caseFields).meta({ id: "PublicCase" });
export type PublicCase = z.infer<typeof PublicCaseSchema>;
