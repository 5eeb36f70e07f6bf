import { z } from "zod";
import {
  CuratorNoteSchema,
  HttpUrlSchema,
  IdSchema,
  LocalizedTextSchema,
  ShortText,
  SlugSchema,
} from "./common.ts";
import { PartialDateSchema } from "./partial-date.ts";

export const SourceSchema = z
  .strictObject({
    id: IdSchema,
    slug: SlugSchema,
    kind: z.enum(["ngo-report", "press-release", "court-document", "media", "un-document", "other"]),
    publisher: ShortText,
    title: ShortText,
    published: PartialDateSchema,
    /** The date the source describes the situation as of, when it says so. */
    asOf: PartialDateSchema.optional(),
    url: HttpUrlSchema.optional(),
    language: z.enum(["en", "ru", "kk"]),
    /** The project's plain-text copy, so that line citations can be checked. */
    copy: z
      .strictObject({
        file: z.string().regex(/^[\w.-]+$/),
        lineCount: z.int().positive(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .optional(),
    description: LocalizedTextSchema.optional(),
    /** What a reader of the registry's lists as of this source's date should know (a count that differs). */
    notes: z.array(CuratorNoteSchema).max(20).default([]),
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceSchema>;
export const PublicSourceSchema = SourceSchema;
