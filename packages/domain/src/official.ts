import { z } from "zod";
import {
  CitationsSchema,
  CuratorNoteSchema,
  IdSchema,
  LongText,
  ShortText,
  SlugSchema,
  textSchema,
} from "./common.ts";
import { DateValueSchema } from "./partial-date.ts";

export const OFFICIAL_ROLES = [
  "judge",
  "prosecutor",
  "investigator",
  "police",
  "security-service",
  "prison-official",
  "minister",
  "head-of-state",
  "official",
  "other",
] as const;
export const OfficialRoleSchema = z.enum(OFFICIAL_ROLES);
export type OfficialRole = z.infer<typeof OfficialRoleSchema>;

export const INVOLVEMENT_ACTIONS = [
  "investigated",
  "prosecuted",
  "tried",
  "detained",
  "ill-treated",
  "threatened",
  "refused-access",
  "ordered",
  "responsible",
  "other",
] as const;

export const InvolvementSchema = z.strictObject({
  action: z.enum(INVOLVEMENT_ACTIONS),
  case: IdSchema.optional(),
  event: IdSchema.optional(),
  persons: z.array(IdSchema).max(500).default([]),
  date: DateValueSchema.optional(),
  description: LongText,
  quote: textSchema(300).optional(),
  citations: CitationsSchema,
});
export type Involvement = z.infer<typeof InvolvementSchema>;

const officialFields = {
  id: IdSchema,
  slug: SlugSchema,
  /** As the source gives it, often with initials only ("T. Erzhanov"). */
  name: ShortText,
  nameVariants: z.array(ShortText).max(30).default([]),
  role: OfficialRoleSchema,
  position: ShortText.optional(),
  body: ShortText.optional(),
  involvements: z.array(InvolvementSchema).max(500).default([]),
  citations: CitationsSchema,
  notes: z.array(CuratorNoteSchema).max(50).default([]),
};

export const OfficialSchema = z.strictObject({
  ...officialFields,
  private: z.strictObject({ internalNotes: LongText.optional() }).default({}),
});
export type Official = z.infer<typeof OfficialSchema>;
export type OfficialInput = z.input<typeof OfficialSchema>;
export const PublicOfficialSchema = z.object(officialFields).meta({ id: "PublicOfficial" });
export type PublicOfficial = z.infer<typeof PublicOfficialSchema>;
