import { z } from "zod";
import { ConsentSchema } from "./consent.ts";
import {
  LocalizedShortTextSchema,
  CitationSchema,
  CitationsSchema,
  HttpUrlSchema,
  CuratorNoteSchema,
  IdSchema,
  LocalizedTextSchema,
  LongText,
  PlaceSchema,
  ShortText,
  SlugSchema,
} from "./common.ts";
import { HelpSchema } from "./help.ts";
import { nameTokens } from "./names.ts";
import { PartialDateSchema } from "./partial-date.ts";
import { ReportedStatusSchema } from "./status-report.ts";

export const SCRIPTS = ["latin", "cyrillic-ru", "cyrillic-kk"] as const;
export const ScriptSchema = z.enum(SCRIPTS);
export type Script = z.infer<typeof ScriptSchema>;

export const NameAttestationSchema = z
  .strictObject({
    kind: z.enum(["media", "transliterated"]),
    url: HttpUrlSchema.optional(),
    publisher: ShortText.optional(),
  })
  .refine((a) => a.kind !== "media" || a.url !== undefined, {
    message: "Give the address of the page that publishes this spelling",
    path: ["url"],
  });
export type NameAttestation = z.infer<typeof NameAttestationSchema>;

export const PersonNameSchema = z.strictObject({
  text: ShortText.meta({ description: "The name as written, e.g. 'Abishev Aset Muksutkhanovich'" }),
  script: ScriptSchema,
  surname: ShortText.optional(),
  given: ShortText.optional(),
  patronymic: ShortText.optional(),
  primary: z.boolean().optional().meta({ description: "Exactly one Latin name is the primary name" }),
  citations: CitationsSchema,
  /**
   * Where a spelling the reports do not give comes from: a Russian- or Kazakh-language media page that publishes
   * it ("media", with its address), or our own transliteration ("transliterated"), shown as such to readers.
   */
  attestation: NameAttestationSchema.optional(),
});
export type PersonName = z.infer<typeof PersonNameSchema>;

export const GenderSchema = z.enum(["female", "male", "unknown"]);

export const AgeClaimSchema = z.strictObject({
  age: z.int().min(0).max(120),
  asOf: PartialDateSchema,
  citations: CitationsSchema,
});

export const PersonPlaceSchema = PlaceSchema.extend({
  kind: z.enum(["residence", "origin", "detention", "exile"]).default("residence"),
  citations: CitationsSchema,
});

export const VULNERABILITIES = [
  "minor",
  "elderly",
  "disability",
  "illness",
  "pregnancy",
  "many-children",
  "sole-carer",
] as const;
export const VulnerabilitySchema = z.strictObject({
  kind: z.enum(VULNERABILITIES),
  note: LocalizedShortTextSchema.optional(),
  citations: CitationsSchema,
});

export const PERSON_ROLES = [
  "human-rights-defender",
  "journalist",
  "blogger",
  "lawyer",
  "civic-activist",
  "opposition-politician",
  "trade-unionist",
  "religious-believer",
  "refugee",
  "relative-of-victim",
  "election-observer",
] as const;
export const PersonRoleSchema = z.strictObject({
  kind: z.enum(PERSON_ROLES),
  citations: CitationsSchema,
});

/** PACE Resolution 1900 (2012), paragraph 3: the five ways a detention is political. */
export const PACE_CRITERIA = [
  "fundamental-freedoms",
  "purely-political-reasons",
  "disproportionate",
  "discriminatory",
  "unfair-proceedings",
] as const;
export const PaceCriterionSchema = z.enum(PACE_CRITERIA);
export type PaceCriterion = z.infer<typeof PaceCriterionSchema>;

export const PaceAssessmentSchema = z.strictObject({
  criterion: PaceCriterionSchema,
  reasoning: LocalizedTextSchema,
  citations: CitationsSchema,
});

/**
 * What a source says the person's situation was on a given day ("serving a prison term as of 1 September 2021",
 * "released by the time of the report"): an observation, cited, dated by the day the source describes (usually
 * its own as-of date). Observations confirm a derived status (its `lastReported` date) or, where no dated fact
 * explains the situation, set it from that day.
 */
export const StatusReportSchema = z.strictObject({
  status: ReportedStatusSchema,
  asOf: PartialDateSchema,
  citations: z.array(CitationSchema).min(1, "A status report needs a citation").max(20),
});
export type StatusReport = z.infer<typeof StatusReportSchema>;

export const AffiliationSchema = z.strictObject({
  organisation: IdSchema,
  role: LocalizedShortTextSchema.optional(),
  /** The link exists only in the accusation ("accused of supporting the DCK"). */
  alleged: z.boolean().optional(),
  citations: CitationsSchema,
});

/** Private: never leaves the admin side. Relatives are named to pressure the persecuted. */
export const RelativeSchema = z.strictObject({
  relation: ShortText,
  name: ShortText.optional(),
  details: LongText.optional(),
  citations: CitationsSchema,
});
export const ContactSchema = z.strictObject({
  kind: z.enum(["phone", "email", "address", "messenger", "lawyer", "other"]),
  value: ShortText,
  note: ShortText.optional(),
});
export { ConsentSchema, type Consent } from "./consent.ts";

export const PersonPrivateSchema = z.strictObject({
  relatives: z.array(RelativeSchema).max(100).default([]),
  contacts: z.array(ContactSchema).max(100).default([]),
  internalNotes: LongText.optional(),
  consent: ConsentSchema.default("public-source"),
});
export type PersonPrivate = z.infer<typeof PersonPrivateSchema>;

/**
 * "anonymous": published, counted and described, but the name and identifying details are withheld
 * (minors, people at risk). The real names stay in `names` for curators; the public projection replaces them
 * (`toPublicPerson`), and no public text of the record (slug, summary, notes, reasoning, quotes...) may contain
 * them (`withheldNameLeaks`).
 */
export const PersonVisibilitySchema = z.enum(["public", "anonymous"]);

const personFields = {
  id: IdSchema,
  slug: SlugSchema,
  names: z.array(PersonNameSchema).min(1).max(60),
  gender: GenderSchema.default("unknown"),
  birthYear: z.int().min(1900).max(2100).optional(),
  ages: z.array(AgeClaimSchema).max(20).default([]),
  places: z.array(PersonPlaceSchema).max(20).default([]),
  occupations: z
    .array(z.strictObject({ label: LocalizedShortTextSchema, citations: CitationsSchema }))
    .max(20)
    .default([]),
  roles: z.array(PersonRoleSchema).max(20).default([]),
  affiliations: z.array(AffiliationSchema).max(20).default([]),
  vulnerabilities: z.array(VulnerabilitySchema).max(20).default([]),
  citizenship: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(5)
    .default([]),
  summary: LocalizedTextSchema.optional(),
  pace: z.array(PaceAssessmentSchema).max(5).default([]),
  statusReports: z.array(StatusReportSchema).max(50).default([]),
  notes: z.array(CuratorNoteSchema).max(50).default([]),
  visibility: PersonVisibilitySchema.default("public"),
  /** Where the person is held and how to write (ADR 020); public only where the consent allows. */
  help: HelpSchema,
};

/** The text an anonymous person's names begin with when the source gives none ("Name withheld (minor)"). */
export const WITHHELD_NAME = "Name withheld";

/**
 * The folded words of an anonymous person's real names (text, surname, given name, patronymic), for finding
 * them in public text; a placeholder such as "Name withheld (minor)" is no name.
 */
function realNameWords(
  names: readonly {
    text: string;
    surname?: string | undefined;
    given?: string | undefined;
    patronymic?: string | undefined;
  }[],
): Map<string, string> {
  const words = new Map<string, string>(); // folded word → the word as written
  for (const n of names) {
    if (n.text.startsWith(WITHHELD_NAME)) continue;
    for (const part of [n.text, n.surname, n.given, n.patronymic])
      for (const written of part?.split(/[^\p{L}\p{N}]+/u) ?? [])
        for (const w of nameTokens(written)) if (!words.has(w)) words.set(w, written);
  }
  return words;
}

/**
 * The public strings of an anonymous person that contain one of their real names, with their paths. Every string
 * the public projection keeps is searched (slug, summary, notes, reasoning, citations' quotes and locators...);
 * what the projection replaces or drops is not (names, place names, occupations, identity notes, help, private).
 * Words are compared folded (transliterated, case and spelling drift removed), so "Абишева" in a Russian summary
 * meets "Aset Abishev"; words of four letters or more are found inside longer words too (case endings, slugs such
 * as "withheld-asetabishev").
 */
export function withheldNameLeaks(p: {
  names: Parameters<typeof realNameWords>[0];
  [key: string]: unknown;
}): { path: (string | number)[]; name: string }[] {
  const names = realNameWords(p.names);
  if (names.size === 0) return [];
  const words = [...names.keys()];
  const found: { path: (string | number)[]; name: string }[] = [];
  const search = (text: string, path: (string | number)[]) => {
    const folded = nameTokens(text);
    const joined = ` ${folded.join(" ")} `;
    const hit = words.find((w) => (w.length >= 4 ? joined.includes(w) : joined.includes(` ${w} `)));
    if (hit) found.push({ path, name: names.get(hit) ?? hit });
  };
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === "string") search(v, path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, [...path, k]);
  };
  for (const [key, value] of Object.entries(p)) {
    // `help` is emptied for an anonymous person (helpIsPublic), so it is not searched either.
    if (["names", "occupations", "places", "private", "help"].includes(key)) continue;
    if (key === "notes" && Array.isArray(value))
      value.forEach((note, i) => {
        if ((note as { kind?: string }).kind !== "identity") walk(note, [key, i]);
      });
    else walk(value, [key]);
  }
  return found;
}

function checkPerson(
  p: {
    names: { text: string; primary?: boolean | undefined; script: string }[];
    visibility: string;
    slug: string;
  },
  ctx: z.RefinementCtx,
) {
  const primaries = p.names.filter((n) => n.primary);
  if (primaries.length !== 1) {
    ctx.addIssue({ code: "custom", message: "Mark exactly one name as primary", path: ["names"] });
  } else if (primaries[0]?.script !== "latin") {
    ctx.addIssue({ code: "custom", message: "The primary name must be in Latin script", path: ["names"] });
  }
  if (p.visibility === "anonymous" && !p.slug.startsWith("withheld-")) {
    ctx.addIssue({
      code: "custom",
      message: "An anonymous person's slug must start with 'withheld-' and not contain the name",
      path: ["slug"],
    });
  }
  if (p.visibility === "anonymous")
    for (const leak of withheldNameLeaks(p))
      ctx.addIssue({
        code: "custom",
        message: `The name of an anonymous person is withheld: remove "${leak.name}" (a word of their name) from this public text`,
        path: leak.path,
      });
}

export const PersonSchema = z
  .strictObject({
    ...personFields,
    private: PersonPrivateSchema.default({ relatives: [], contacts: [], consent: "public-source" }),
  })
  .superRefine(checkPerson);
export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

/** The public form: the same fields without `private`. */
export const PublicPersonSchema = z.object(personFields).meta({ id: "PublicPerson" });
export type PublicPerson = z.infer<typeof PublicPersonSchema>;

export function primaryName(p: {
  names: readonly { text: string; primary?: boolean | undefined }[];
}): string {
  return (p.names.find((n) => n.primary) ?? p.names[0])?.text ?? "";
}

/**
 * The person's name for readers of a language: the Russian or Kazakh Cyrillic form where the record has one,
 * otherwise the primary (Latin) name. `lang` says which it is, for the page's markup.
 */
export function nameIn(
  p: { names: readonly { text: string; script: string; primary?: boolean | undefined }[] },
  locale: "en" | "ru" | "kk",
): { text: string; lang: "en" | "ru" | "kk" } {
  const script = locale === "ru" ? "cyrillic-ru" : locale === "kk" ? "cyrillic-kk" : null;
  const local = script ? p.names.find((n) => n.script === script) : undefined;
  return local ? { text: local.text, lang: locale } : { text: primaryName(p), lang: "en" };
}

/** The Russian and Kazakh Cyrillic forms of a name, where the record has them (lists carry them). */
export function localNames(p: { names: readonly { text: string; script: string }[] }): {
  ru?: string;
  kk?: string;
} {
  const ru = p.names.find((n) => n.script === "cyrillic-ru")?.text;
  const kk = p.names.find((n) => n.script === "cyrillic-kk")?.text;
  return { ...(ru ? { ru } : {}), ...(kk ? { kk } : {}) };
}
