import { z } from "zod";
import { PublicCaseSchema, type Case, type PublicCase } from "./case.ts";
import {
  CitationSchema,
  IdSchema,
  LocalizedShortTextSchema,
  LocalizedTextSchema,
  RegionSchema,
  SlugSchema,
} from "./common.ts";
import { helpIsPublic } from "./help.ts";
import { PublicEventSchema, type Event, type PublicEvent } from "./event.ts";
import { PublicMassEventSchema, type MassEvent } from "./mass-event.ts";
import { PublicOfficialSchema, type Official, type PublicOfficial } from "./official.ts";
import { PublicOrganisationSchema } from "./organisation.ts";
import { GenderSchema, PublicPersonSchema, WITHHELD_NAME, type Person, type PublicPerson } from "./person.ts";
import { PublicRecognitionSchema } from "./recognition.ts";
import { PublicSourceSchema } from "./source.ts";
import { PersonListSchema } from "./lists.ts";
import { ExpectedEndSchema, LastReportedSchema, StatusPeriodSchema, StatusSchema } from "./status.ts";
import { PartialDateSchema } from "./partial-date.ts";
import { OfficialLocalNamesSchema, OfficialRoleSchema } from "./official.ts";

export { WITHHELD_NAME };

/**
 * Copies only the keys a public schema declares. Records are validated when written, so this is enough to drop
 * private parts without re-validating every record on every read (the export streams 10^5 of them).
 */
function pick<T>(schema: { shape: object }, value: object): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/**
 * The public form of a person. Private fields are dropped by construction (the public schema has no
 * `private` key and strips unknown keys); an anonymous person also loses the name and identifying details.
 */
export function toPublicPerson(person: Person): PublicPerson {
  const pub = pick<PublicPerson>(PublicPersonSchema, person);
  // Where someone is held is published only with their consent (or from public sources), never for an
  // anonymous person; the reason stays private.
  if (!helpIsPublic(person)) pub.help = [];
  if (pub.visibility === "public") return pub;
  return {
    ...pub,
    names: [{ text: WITHHELD_NAME, script: "latin", primary: true, citations: [] }],
    birthYear: undefined,
    places: [],
    occupations: [],
    notes: pub.notes.filter((n) => n.kind !== "identity"),
  };
}

/**
 * The public form of a case, limited to defendants whose records are public: other defendants' charges,
 * measures and sentences are left out.
 */
export function toPublicCase(c: Case, isPublic: (personId: string) => boolean): PublicCase {
  const pub = pick<PublicCase>(PublicCaseSchema, c);
  return {
    ...pub,
    defendants: pub.defendants.filter(isPublic),
    charges: pub.charges.filter((x) => isPublic(x.person)),
    measures: pub.measures.filter((x) => isPublic(x.person)),
    sentences: pub.sentences.filter((x) => isPublic(x.person)),
  };
}

export function toPublicEvent(e: Event, isPublic: (personId: string) => boolean): PublicEvent {
  const pub = pick<PublicEvent>(PublicEventSchema, e);
  return { ...pub, persons: pub.persons.filter(isPublic) };
}

export function toPublicOfficial(o: Official, isPublic: (personId: string) => boolean): PublicOfficial {
  const pub = pick<PublicOfficial>(PublicOfficialSchema, o);
  return {
    ...pub,
    involvements: pub.involvements.map((i) => ({ ...i, persons: i.persons.filter(isPublic) })),
  };
}

export function toPublicMassEvent(m: MassEvent, isPublic: (personId: string) => boolean): MassEvent {
  return { ...pick<MassEvent>(PublicMassEventSchema, m), detainees: m.detainees.filter(isPublic) };
}

/** A name's Russian and Kazakh Cyrillic forms, where the record has them. */
export const LocalNamesSchema = z.object({ ru: z.string().optional(), kk: z.string().optional() });

export const PersonRefSchema = z.object({
  id: IdSchema,
  slug: SlugSchema,
  name: z.string(),
  localNames: LocalNamesSchema.optional(),
});

export const PersonStatusSchema = z.object({
  /** The status on `asOf`, derived from the facts certain by then; "unknown" when none gives one. */
  current: StatusSchema,
  since: PartialDateSchema.optional(),
  /** "before": the status is known to have begun by `since` (a report of the situation then), not when. */
  sinceBound: z.literal("before").optional(),
  /** The facts that put the person in the current status. */
  citations: z.array(CitationSchema),
  /** The newest date a cited fact or a source's status report shows the person in the current status. */
  lastReported: LastReportedSchema.optional(),
  /** When a term or custody limit would run out: computed from the facts, never reported. */
  expectedEnd: ExpectedEndSchema.optional(),
  /** The day the status is derived for (today, or a snapshot's day). */
  asOf: PartialDateSchema,
  /** Every status since the first fact that gave one, each with its citations and last-reported date. */
  history: z.array(StatusPeriodSchema),
});

/** A published person a case, an event or a recognition names: its id, and its page, /persons/<slug>. */
export const PersonLinkSchema = z.object({ id: IdSchema, slug: SlugSchema });

/**
 * One record of the open-data files of cases, events and recognitions (issue 17): the public record, limited to
 * the published persons it names (as in their dossiers), and those persons' page slugs.
 */
export const PublicCaseEntrySchema = PublicCaseSchema.extend({
  personLinks: z
    .array(PersonLinkSchema)
    .meta({ description: "The published defendants (`defendants`), with their page slugs" }),
});
export type PublicCaseEntry = z.infer<typeof PublicCaseEntrySchema>;
export const PublicEventEntrySchema = PublicEventSchema.extend({
  personLinks: z
    .array(PersonLinkSchema)
    .meta({ description: "The published persons of `persons`, with their page slugs" }),
});
export type PublicEventEntry = z.infer<typeof PublicEventEntrySchema>;
export const PublicRecognitionEntrySchema = PublicRecognitionSchema.extend({
  personLinks: z
    .array(PersonLinkSchema)
    .meta({ description: "The published persons of `persons`, with their page slugs" }),
});
export type PublicRecognitionEntry = z.infer<typeof PublicRecognitionEntrySchema>;

/** Everything the public may know about one person: the record behind a person page and /data/persons.json. */
export const PersonDossierSchema = z
  .object({
    person: PublicPersonSchema,
    status: PersonStatusSchema,
    politicalPrisoner: z.boolean(),
    lists: z.array(PersonListSchema),
    cases: z.array(PublicCaseSchema),
    events: z.array(PublicEventSchema),
    officials: z.array(
      z.object({
        id: IdSchema,
        slug: SlugSchema,
        name: z.string(),
        localNames: OfficialLocalNamesSchema.optional(),
        role: OfficialRoleSchema,
        body: LocalizedShortTextSchema.optional(),
        actions: z.array(LocalizedTextSchema),
      }),
    ),
    recognitions: z.array(PublicRecognitionSchema),
    massEvents: z.array(
      z.object({ id: IdSchema, slug: SlugSchema, name: LocalizedShortTextSchema, date: PartialDateSchema }),
    ),
    coDefendants: z.array(PersonRefSchema),
    /** The organisations the person's affiliations name. */
    organisations: z.array(z.object({ id: IdSchema, slug: SlugSchema, name: LocalizedShortTextSchema })),
    sources: z.array(PublicSourceSchema),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "PersonDossier", title: "Persecution Registry: public record of one person" });
export type PersonDossier = z.infer<typeof PersonDossierSchema>;

/** One row of the public lists. */
export const PersonListItemSchema = z.object({
  id: IdSchema,
  slug: SlugSchema,
  name: z.string(),
  localNames: LocalNamesSchema.optional(),
  gender: GenderSchema,
  status: StatusSchema,
  since: PartialDateSchema.optional(),
  sinceBound: z.literal("before").optional(),
  /** When the status was last reported (see PersonDossier.status.lastReported). */
  lastReported: PartialDateSchema.optional(),
  politicalPrisoner: z.boolean(),
  lists: z.array(PersonListSchema),
  articles: z.array(z.string()),
  region: RegionSchema.optional(),
  firstYear: z.int().optional(),
  updatedAt: z.iso.datetime(),
});
export type PersonListItem = z.infer<typeof PersonListItemSchema>;

export const CountSchema = z.object({ key: z.string(), count: z.int().min(0) });
export const StatisticsSchema = z.object({
  /** The day the counts are for. */
  asOf: PartialDateSchema,
  /** The date of the newest source (on or before `asOf`): no count is more recent than it. */
  newestSource: PartialDateSchema.optional(),
  total: z.int(),
  politicalPrisoners: z.int(),
  /** Political prisoners by how long before `asOf` their status was last reported (REPORT_AGES). */
  politicalPrisonersByLastReport: z.array(CountSchema),
  byStatus: z.array(CountSchema),
  byList: z.array(CountSchema),
  byArticle: z.array(CountSchema),
  byRegion: z.array(CountSchema),
  byYear: z.array(CountSchema),
  bySentenceKind: z.array(CountSchema),
  byGender: z.array(CountSchema),
  bySource: z.array(CountSchema),
});
export type Statistics = z.infer<typeof StatisticsSchema>;

/**
 * Political prisoners and other persecuted persons counted on the first day of each month and on each source's
 * day, with the same rules as the lists "as of" a day (`/persons?list=…&asOf=…`).
 */
export const TimelineSchema = z.object({
  asOf: PartialDateSchema,
  points: z.array(
    z.object({
      day: PartialDateSchema,
      /** As `list=political-prisoners` on that day. */
      politicalPrisoners: z.int().min(0),
      /** Persons with a recorded status on that day who were not political prisoners (`list=persecuted&recorded=1`). */
      persecuted: z.int().min(0),
    }),
  ),
  /** The sources' own days (a partial date's last day), each with its date as the source gives it. */
  reports: z.array(z.object({ source: IdSchema, day: PartialDateSchema, date: PartialDateSchema })),
});
export type Timeline = z.infer<typeof TimelineSchema>;

/** An international decision or recommendation with the published persons it concerns. */
export const RecognitionEntrySchema = z.object({
  recognition: PublicRecognitionSchema,
  persons: z.array(PersonRefSchema),
});
export type RecognitionEntry = z.infer<typeof RecognitionEntrySchema>;

export {
  PublicCaseSchema,
  PublicEventSchema,
  PublicOfficialSchema,
  PublicOrganisationSchema,
  PublicPersonSchema,
};
