import { z } from "zod";
import {
  LocalizedShortTextSchema,
  CitationsSchema,
  CuratorNoteSchema,
  IdSchema,
  LocalizedTextSchema,
  ShortText,
  SlugSchema,
  HttpUrlSchema,
} from "./common.ts";
import { DateValueSchema } from "./partial-date.ts";

export const ORGANISATION_KINDS = [
  "banned-movement",
  "political-party",
  "civic-movement",
  "rights-group",
  "media",
  "state-body",
  "court",
  "international-body",
  "other",
] as const;

export const OrganisationSchema = z
  .strictObject({
    id: IdSchema,
    slug: SlugSchema,
    name: LocalizedShortTextSchema,
    nameVariants: z.array(ShortText).max(30).default([]),
    kind: z.enum(ORGANISATION_KINDS),
    bans: z
      .array(
        z.strictObject({
          date: DateValueSchema,
          court: LocalizedShortTextSchema.optional(),
          label: LocalizedShortTextSchema.optional().meta({
            description: "What it was declared: 'extremist'",
          }),
          citations: CitationsSchema,
        }),
      )
      .max(10)
      .default([]),
    description: LocalizedTextSchema.optional(),
    url: HttpUrlSchema.optional(),
    citations: CitationsSchema,
    notes: z.array(CuratorNoteSchema).max(50).default([]),
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationInput = z.input<typeof OrganisationSchema>;
/** Organisations have no private fields. */
export const PublicOrganisationSchema = OrganisationSchema;
