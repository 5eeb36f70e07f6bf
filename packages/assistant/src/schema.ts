import {
  ChargeSchema,
  DateValueSchema,
  IdSchema,
  MeasureSchema,
  PersonNameSchema,
  ScriptSchema,
  SentenceSchema,
} from "@registry/domain";
import { z } from "zod";

/** A line range `[from, to]` of the source's text. */
export const LinesSchema = z
  .tuple([z.int().min(1), z.int().min(1)])
  .refine(([a, b]) => a <= b, "The first line must not be after the last");

// The domain's one-line text (300 characters, no invisible characters), its legal codes and kinds.
const ShortText = PersonNameSchema.shape.text;
const LegalCodeSchema = ChargeSchema.shape.code;
const MeasureKindSchema = MeasureSchema.shape.kind;
const SentenceKindSchema = SentenceSchema.shape.kind;
const place = ShortText.optional();

/** The facts a proposal carries, in the domain's vocabulary (charges, measure and sentence kinds, partial dates). */
export const FactSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("detention"),
    date: DateValueSchema.optional(),
    place,
    lines: LinesSchema,
  }),
  z.strictObject({
    kind: z.literal("charge"),
    code: LegalCodeSchema,
    article: ChargeSchema.shape.article,
    part: ChargeSchema.shape.part,
    date: DateValueSchema.optional(),
    lines: LinesSchema,
  }),
  z.strictObject({
    kind: z.literal("measure"),
    measure: MeasureKindSchema,
    from: DateValueSchema.optional(),
    place,
    lines: LinesSchema,
  }),
  z.strictObject({
    kind: z.literal("sentence"),
    sentence: SentenceKindSchema,
    imposed: DateValueSchema.optional(),
    termMonths: SentenceSchema.shape.termMonths,
    days: SentenceSchema.shape.days,
    hours: SentenceSchema.shape.hours,
    lines: LinesSchema,
  }),
  z.strictObject({ kind: z.literal("release"), date: DateValueSchema.optional(), place, lines: LinesSchema }),
]);

/** A proposal as a curator accepts it, possibly edited: names as written with their lines, and the facts. */
export const AcceptedProposalSchema = z.strictObject({
  names: z
    .array(
      z.strictObject({ text: ShortText, script: ScriptSchema, lines: z.array(LinesSchema).min(1).max(50) }),
    )
    .min(1)
    .max(20),
  /** The known person this is an addition to; absent for a new person. */
  match: z.strictObject({ id: IdSchema, name: ShortText.optional() }).optional(),
  /**
   * A new person although a known one shares a name key (a namesake): without it, accepting a new person whose
   * name the registry already has is refused, so that a proposal accepted twice does not make a duplicate.
   */
  namesake: z.literal(true).optional(),
  facts: z.array(FactSchema).max(100).default([]),
});
export type AcceptedProposal = z.infer<typeof AcceptedProposalSchema>;
