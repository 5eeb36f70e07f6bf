import { z } from "zod";

/** Stable identifiers and URL slugs: lowercase ASCII letters, digits and hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/, "Use 1-100 lowercase letters, digits and hyphens")
  .meta({ description: "Stable identifier: lowercase letters, digits, hyphens" });
export type Id = z.infer<typeof IdSchema>;
export const SlugSchema = IdSchema;

/**
 * Invisible characters that reorder or hide text: bidirectional embeddings, overrides, isolates and marks, and
 * zero-width spaces and joiners. In a name they make one string look like another (an override can show
 * "Abishev" for a stored "vehsibA"); none belongs in Latin or Cyrillic text.
 */
const INVISIBLE: Record<string, string> = {
  "\u200e": "left-to-right mark",
  "\u200f": "right-to-left mark",
  "\u061c": "Arabic letter mark",
  "\u202a": "left-to-right embedding",
  "\u202b": "right-to-left embedding",
  "\u202c": "pop directional formatting",
  "\u202d": "left-to-right override",
  "\u202e": "right-to-left override",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
  "\u200b": "zero-width space",
  "\u200c": "zero-width non-joiner",
  "\u200d": "zero-width joiner",
  "\u2060": "word joiner",
  "\ufeff": "zero-width no-break space",
};
const INVISIBLE_RE = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/;

/** The first bidirectional control or zero-width character in a string, described for a curator. */
export function invisibleCharacter(s: string): string | null {
  const m = INVISIBLE_RE.exec(s);
  if (!m) return null;
  const ch = m[0];
  const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `${code} (${INVISIBLE[ch] ?? "invisible"}) at position ${m.index + 1}`;
}

/**
 * Free text entered by curators, in Unicode NFC (one stored form for "й" typed as one or two code points).
 * NUL is refused (PostgreSQL cannot store it in text). `plain` text (names, labels, places: ShortText) also
 * refuses bidirectional controls and zero-width characters.
 */
export const textSchema = (max: number, opts: { plain?: boolean } = {}) => {
  const text = z
    .string()
    .normalize("NFC")
    .trim()
    .min(1, "Required")
    .max(max, `At most ${max} characters`)
    .refine((s) => !s.includes("\u0000"), "Text must not contain NUL characters");
  if (!opts.plain) return text;
  return text.superRefine((s, ctx) => {
    const found = invisibleCharacter(s);
    if (found)
      ctx.addIssue({
        code: "custom",
        message: `Remove the invisible character ${found}: bidirectional controls and zero-width characters are not allowed here`,
      });
  });
};

export const ShortText = textSchema(300, { plain: true });
export const LongText = textSchema(20_000);

/** Who stands behind a translation: a curator translated it, or a second person checked it against the English. */
export const TranslationStateSchema = z.enum(["translated", "reviewed"]);

/**
 * Text written by us (never copied from a report) in up to three languages; English is required. `provenance`
 * says, for each translation, whether it was checked by a second person; readers are told.
 */
function localized<T extends z.ZodType<string>>(text: T) {
  return z
    .strictObject({
      en: text,
      ru: text.optional(),
      kk: text.optional(),
      provenance: z
        .strictObject({ ru: TranslationStateSchema.optional(), kk: TranslationStateSchema.optional() })
        .optional(),
    })
    .refine((t) => !t.provenance?.ru || t.ru !== undefined, {
      message: "A Russian provenance needs a Russian text",
      path: ["provenance", "ru"],
    })
    .refine((t) => !t.provenance?.kk || t.kk !== undefined, {
      message: "A Kazakh provenance needs a Kazakh text",
      path: ["provenance", "kk"],
    });
}
export const LocalizedTextSchema = localized(LongText).meta({ id: "LocalizedText" });
/** A localized title, label or name: one line of at most 300 characters in each language. */
export const LocalizedShortTextSchema = localized(ShortText).meta({ id: "LocalizedShortText" });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * The languages some text of a record lacks: every localized text (an object with an English `en`) outside the
 * private part is checked. For the "missing Russian / missing Kazakh" badges and filters.
 */
export function missingLanguages(record: unknown): ("ru" | "kk")[] {
  const missing = new Set<"ru" | "kk">();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.en === "string") {
        if (o.ru === undefined) missing.add("ru");
        if (o.kk === undefined) missing.add("kk");
        return;
      }
      for (const [k, x] of Object.entries(o)) if (k !== "private") walk(x);
    }
  };
  walk(record);
  return (["ru", "kk"] as const).filter((l) => missing.has(l));
}

/** The text in the reader's language, or the English with `lang: "en"` where no translation exists yet. */
export function textIn(
  t: { en: string; ru?: string | undefined; kk?: string | undefined },
  locale: "en" | "ru" | "kk",
): { text: string; lang: "en" | "ru" | "kk" } {
  const local = locale === "en" ? undefined : t[locale];
  return local !== undefined ? { text: local, lang: locale } : { text: t.en, lang: "en" };
}

/**
 * Where a fact comes from: a source and a locator in it. For the five seed reports the locator is a
 * line range in the project's copy of the report, checked against its recorded line count.
 */
export const CitationSchema = z
  .strictObject({
    source: IdSchema,
    lines: z
      .tuple([z.int().min(1), z.int().min(1)])
      .refine(([a, b]) => a <= b, "The first line must not be after the last")
      .optional(),
    locator: ShortText.optional().meta({ description: "Page, paragraph or anchor when there are no lines" }),
    quote: textSchema(300).optional().meta({ description: "A short quotation, for disputed wording only" }),
  })
  .refine((c) => c.lines !== undefined || c.locator !== undefined, {
    message: "A citation needs a line range or a locator",
    path: ["lines"],
  });
export type Citation = z.infer<typeof CitationSchema>;

export const CitationsSchema = z.array(CitationSchema).max(50).default([]);

/** A public editorial note: why two names are one person, where sources disagree, a corrected typo. */
export const CuratorNoteSchema = z.strictObject({
  kind: z.enum(["identity", "conflict", "correction", "context"]),
  text: LocalizedTextSchema,
  citations: CitationsSchema,
});
export type CuratorNote = z.infer<typeof CuratorNoteSchema>;

export const PUBLICATION_STATES = ["draft", "in-review", "published", "archived"] as const;
export const PublicationStateSchema = z.enum(PUBLICATION_STATES);
export type PublicationState = z.infer<typeof PublicationStateSchema>;

const TRANSITIONS: Record<PublicationState, readonly PublicationState[]> = {
  draft: ["in-review", "archived"],
  "in-review": ["draft", "published", "archived"],
  published: ["draft", "archived"],
  archived: ["draft"],
};

/** Workflow: draft → in review → published → archived; a reviewer can send work back to draft. */
export function canTransition(from: PublicationState, to: PublicationState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What the database adds to every record. */
export const RecordMetaSchema = z.strictObject({
  version: z.int().min(1),
  publicationState: PublicationStateSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
});
export type RecordMeta = z.infer<typeof RecordMetaSchema>;

export const REGIONS = [
  "astana",
  "almaty",
  "shymkent",
  "abai",
  "akmola",
  "aktobe",
  "almaty-region",
  "atyrau",
  "east-kazakhstan",
  "jambyl",
  "jetisu",
  "karaganda",
  "kostanay",
  "kyzylorda",
  "mangystau",
  "north-kazakhstan",
  "pavlodar",
  "turkistan",
  "ulytau",
  "west-kazakhstan",
  "abroad",
] as const;
/** Kazakhstan's regions and cities of republican status (Astana was Nur-Sultan in 2019-2022). */
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

export const PlaceSchema = z.strictObject({
  name: LocalizedShortTextSchema.meta({
    description: "As the source names it: Almaty, Kaskelen, Uralsk, Kyiv",
  }),
  region: RegionSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "ISO 3166 two-letter code")
    .optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const MoneySchema = z.strictObject({
  amount: z.number().nonnegative().max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code such as KZT or EUR"),
});
export type Money = z.infer<typeof MoneySchema>;

/** Links shown to readers: http(s) only (a javascript: or data: URL would run script when clicked). */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);
