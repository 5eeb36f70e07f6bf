import { z } from "zod";
import {
  LocalizedTextSchema,
  LocalizedShortTextSchema,
  CitationsSchema,
  CuratorNoteSchema,
  IdSchema,
  LongText,
  ShortText,
  SlugSchema,
  textSchema,
} from "./common.ts";
import { DateValueSchema } from "./partial-date.ts";
import { NameAttestationSchema } from "./person.ts";

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

/** An official's name in Cyrillic: the Russian and the Kazakh form, and where that spelling was found. */
export const OfficialLocalNamesSchema = z.strictObject({
  ru: ShortText,
  kk: ShortText,
  attestation: NameAttestationSchema,
});

export const InvolvementSchema = z.strictObject({
  action: z.enum(INVOLVEMENT_ACTIONS),
  case: IdSchema.optional(),
  event: IdSchema.optional(),
  persons: z.array(IdSchema).max(500).default([]),
  date: DateValueSchema.optional(),
  description: LocalizedTextSchema,
  quote: textSchema(300).optional(),
  citations: CitationsSchema,
});
export type Involvement = z.infer<typeof InvolvementSchema>;

const officialFields = {
  id: IdSchema,
  slug: SlugSchema,
  /** As the source gives it, often with initials only ("T. Erzhanov"). */
  name: ShortText,
  /** The name in Russian and Kazakh Cyrillic, with where that spelling comes from. */
  localNames: OfficialLocalNamesSchema.optional(),
  nameVariants: z.array(ShortText).max(30).default([]),
  role: OfficialRoleSchema,
  position: LocalizedShortTextSchema.optional(),
  body: LocalizedShortTextSchema.optional(),
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
