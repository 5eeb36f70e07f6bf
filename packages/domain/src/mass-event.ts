import { z } from "zod";
import {
  LocalizedShortTextSchema,
  CitationsSchema,
  CuratorNoteSchema,
  IdSchema,
  LocalizedTextSchema,
  PlaceSchema,
  SlugSchema,
} from "./common.ts";
import { DateValueSchema } from "./partial-date.ts";

/** A count of people detained in one city, by whom it was counted; counts from different sides are kept apart. */
export const DetaineeCountSchema = z.strictObject({
  place: PlaceSchema,
  count: z.int().min(0).max(1_000_000),
  approx: z.boolean().optional(),
  countedBy: LocalizedShortTextSchema.optional().meta({
    description: "Who gives the figure: 'Ministry of Internal Affairs', 'ODF'",
  }),
  citations: CitationsSchema,
});

export const MassEventSchema = z
  .strictObject({
    id: IdSchema,
    slug: SlugSchema,
    name: LocalizedShortTextSchema,
    kind: z.enum(["rally", "protest", "crackdown", "unrest", "other"]).default("rally"),
    date: DateValueSchema,
    places: z.array(PlaceSchema).max(50).default([]),
    detaineeCounts: z.array(DetaineeCountSchema).max(200).default([]),
    /** Named detainees; the public page lists only those whose records are published. */
    detainees: z.array(IdSchema).max(5000).default([]),
    organisers: z.array(IdSchema).max(20).default([]),
    description: LocalizedTextSchema,
    citations: CitationsSchema,
    notes: z.array(CuratorNoteSchema).max(50).default([]),
  })
  .meta({ id: "MassEvent" });
export type MassEvent = z.infer<typeof MassEventSchema>;
export type MassEventInput = z.input<typeof MassEventSchema>;
export const PublicMassEventSchema = MassEventSchema;
