import {
  comparePartialDates,
  endDay,
  ENTITY_SCHEMAS,
  startDay,
  type Citation,
  type Case,
  type Event,
  type MassEvent,
  type Official,
  type Organisation,
  type Person,
  type Recognition,
  type Source,
} from "@registry/domain";
import { z } from "zod";
import { DEFAULT_DATA_DIR, readEntityFiles, readIdentities, type RawFile } from "./files.ts";
import {
  firstDefined,
  groupById,
  joinText,
  mergeFacts,
  mergeLocalized,
  union,
  unionCitations,
} from "./merge.ts";

export interface Dataset {
  sources: Source[];
  organisations: Organisation[];
  persons: Person[];
  cases: Case[];
  events: Event[];
  officials: Official[];
  massEvents: MassEvent[];
  recognitions: Recognition[];
}

export interface Problem {
  file: string;
  message: string;
}

export interface Parsed<T> {
  file: string;
  report: string;
  value: T;
}

export const PersonFragmentSchema = z.strictObject({
  person: ENTITY_SCHEMAS.person,
  events: z.array(ENTITY_SCHEMAS.event).default([]),
});

export const IdentitiesSchema = z.strictObject({
  description: z.string(),
  persons: z.array(
    z.strictObject({
      id: z.string(),
      slug: z.string(),
      primaryName: z.string(),
      reports: z.array(z.string()),
      note: z.string(),
    }),
  ),
});

export interface LoadResult {
  dataset: Dataset;
  problems: Problem[];
  /** Which reports each merged person was taken from. */
  personReports: Map<string, string[]>;
  fragments: { persons: Parsed<z.infer<typeof PersonFragmentSchema>>[] };
}

function parseAll<T>(files: RawFile[], schema: z.ZodType<T>, problems: Problem[]): Parsed<T>[] {
  const out: Parsed<T>[] = [];
  for (const f of files) {
    const r = schema.safeParse(f.value);
    if (r.success) out.push({ file: f.file, report: f.report, value: r.data });
    else
      for (const issue of r.error.issues) {
        problems.push({ file: f.file, message: `${issue.path.join(".") || "(root)"}: ${issue.message}` });
      }
  }
  return out;
}

/** One assessment per PACE criterion: the reasonings of several reports joined, their citations combined. */
function mergePace(items: Person["pace"]): Person["pace"] {
  const byCriterion = groupById(items, (p) => p.criterion);
  return [...byCriterion.values()].map((g) => ({
    criterion: (g[0] as Person["pace"][number]).criterion,
    reasoning: mergeLocalized(...g.map((p) => p.reasoning)) ?? (g[0] as Person["pace"][number]).reasoning,
    citations: unionCitations(...g.map((p) => p.citations)),
  }));
}

/**
 * One affiliation per organisation (and per "alleged" or not): reports word the role differently ("leader",
 * "founder and leader"); the most descriptive wording is kept and every report's citations with it.
 */
function mergeAffiliations(items: Person["affiliations"]): Person["affiliations"] {
  const groups = groupById(items, (a) => `${a.organisation}\u0000${a.alleged ? 1 : 0}`);
  return [...groups.values()].map((g) => {
    const role = g
      .map((a) => a.role)
      .filter((r) => r !== undefined)
      .sort((a, b) => b.en.length - a.en.length)[0];
    const first = g[0] as Person["affiliations"][number];
    const { role: _r, ...rest } = first;
    return { ...rest, ...(role ? { role } : {}), citations: unionCitations(...g.map((a) => a.citations)) };
  });
}

function mergePersons(group: Parsed<Person>[], primaryName: string | undefined): Person {
  const values = group.map((g) => g.value);
  const names = mergeFacts(...values.map((v) => v.names.map((n) => ({ ...n, primary: undefined }))));
  const primaryText = primaryName ?? values[0]?.names.find((n) => n.primary)?.text;
  let marked = false;
  const withPrimary = names.map((n) => {
    if (!marked && n.script === "latin" && n.text === primaryText) {
      marked = true;
      return { ...n, primary: true };
    }
    const { primary: _p, ...rest } = n;
    return rest;
  });
  if (!marked && withPrimary[0]) withPrimary[0] = { ...withPrimary[0], primary: true };
  const first = values[0] as Person;
  const summary = mergeLocalized(...values.map((v) => v.summary));
  return {
    id: first.id,
    slug: first.slug,
    names: withPrimary,
    gender: values.find((v) => v.gender !== "unknown")?.gender ?? "unknown",
    ...(firstDefined(...values.map((v) => v.birthYear)) !== undefined
      ? { birthYear: firstDefined(...values.map((v) => v.birthYear)) }
      : {}),
    ages: mergeFacts(...values.map((v) => v.ages)),
    places: mergeFacts(...values.map((v) => v.places)),
    occupations: mergeFacts(...values.map((v) => v.occupations)),
    roles: mergeFacts(...values.map((v) => v.roles)),
    affiliations: mergeAffiliations(mergeFacts(...values.map((v) => v.affiliations))),
    vulnerabilities: mergeFacts(...values.map((v) => v.vulnerabilities)),
    citizenship: union(...values.map((v) => v.citizenship)),
    ...(summary ? { summary } : {}),
    pace: mergePace(values.flatMap((v) => v.pace)),
    statusReports: mergeFacts(...values.map((v) => v.statusReports)),
    notes: mergeFacts(...values.map((v) => v.notes)),
    visibility: values.some((v) => v.visibility === "anonymous") ? "anonymous" : "public",
    help: mergeFacts(...values.map((v) => v.help)),
    private: {
      consent: first.private.consent,
      relatives: mergeFacts(...values.map((v) => v.private.relatives)),
      contacts: mergeFacts(
        ...values.map((v) => v.private.contacts.map((c) => ({ ...c, citations: [] }))),
      ).map(({ citations: _c, ...c }) => c),
      ...(joinText(...values.map((v) => v.private.internalNotes))
        ? { internalNotes: joinText(...values.map((v) => v.private.internalNotes)) }
        : {}),
    },
  };
}

/** True when one partial date lies within the other ("2019" and "2019-10-03"). */
function nested(a: string, b: string): boolean {
  return (
    (startDay(a) <= startDay(b) && endDay(b) <= endDay(a)) ||
    (startDay(b) <= startDay(a) && endDay(a) <= endDay(b))
  );
}

/**
 * The same measure or sentence reported with different precision ("2019" by one report, "October 2019" by
 * another) is one fact: it keeps the more precise date and every citation.
 */
function mergeDated<T extends { citations: Citation[] }>(
  items: T[],
  key: (t: T) => unknown[],
  date: (t: T) => string,
): T[] {
  const out: T[] = [];
  for (const item of mergeFacts(items)) {
    const k = JSON.stringify(key(item));
    const i = out.findIndex((o) => JSON.stringify(key(o)) === k && nested(date(o), date(item)));
    if (i < 0) {
      out.push(item);
      continue;
    }
    const prev = out[i] as T;
    const precise = date(item).length > date(prev).length ? item : prev;
    out[i] = { ...precise, citations: unionCitations(prev.citations, item.citations) };
  }
  return out;
}

/** One charge per person and article part; the first label, the most precise date, the furthest outcome. */
function mergeCharges(items: Case["charges"]): Case["charges"] {
  const groups = groupById(items, (c) => JSON.stringify([c.person, c.code, c.article, c.part ?? ""]));
  return [...groups.values()].map((g) => {
    const first = g[0] as Case["charges"][number];
    const date = g
      .map((c) => c.date)
      .filter((d) => d !== undefined)
      .sort((a, b) => b.date.length - a.date.length)[0];
    const outcome = g.map((c) => c.outcome).find((o) => o !== "pending") ?? first.outcome;
    const label = g.map((c) => c.label).find((l) => l !== undefined);
    return {
      ...first,
      ...(label ? { label } : {}),
      ...(date ? { date } : {}),
      outcome,
      citations: unionCitations(...g.map((c) => c.citations)),
    };
  });
}

function mergeCases(values: Case[]): Case {
  const first = values[0] as Case;
  const opened = values
    .map((v) => v.opened)
    .filter((o) => o !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  const summary = mergeLocalized(...values.map((v) => v.summary));
  const internal = joinText(...values.map((v) => v.private.internalNotes));
  return {
    ...first,
    defendants: union(...values.map((v) => v.defendants)),
    charges: mergeCharges(values.flatMap((v) => v.charges)),
    measures: mergeDated(
      values.flatMap((v) => v.measures),
      (m) => [m.person, m.kind],
      (m) => m.from.date,
    ),
    sentences: mergeDated(
      values.flatMap((v) => v.sentences),
      (x) => [x.person, x.kind, x.termMonths, x.days, x.hours, x.fine?.amount, x.stage],
      (x) => x.imposed.date,
    ),
    ...(firstDefined(...values.map((v) => v.investigatingBody))
      ? { investigatingBody: firstDefined(...values.map((v) => v.investigatingBody)) }
      : {}),
    ...(opened ? { opened } : {}),
    ...(summary ? { summary } : {}),
    citations: unionCitations(...values.map((v) => v.citations)),
    notes: mergeFacts(...values.map((v) => v.notes)),
    private: internal ? { internalNotes: internal } : {},
  };
}

function mergeOfficials(values: Official[]): Official {
  const first = values[0] as Official;
  return {
    ...first,
    nameVariants: union(...values.map((v) => [v.name, ...v.nameVariants])).filter((n) => n !== first.name),
    involvements: mergeFacts(...values.map((v) => v.involvements)),
    citations: unionCitations(...values.map((v) => v.citations)),
    notes: mergeFacts(...values.map((v) => v.notes)),
  };
}

function mergeOrganisations(values: Organisation[]): Organisation {
  const first = values[0] as Organisation;
  return {
    ...first,
    nameVariants: union(...values.map((v) => [v.name.en, ...v.nameVariants])).filter(
      (n) => n !== first.name.en,
    ),
    // Reports name the same ban's court differently: one ban per date, the first wording, all citations.
    bans: [
      ...groupById(
        values.flatMap((v) => v.bans),
        (b) => b.date.date,
      ).values(),
    ].map((g) => ({
      ...(g[0] as Organisation["bans"][number]),
      citations: unionCitations(...g.map((b) => b.citations)),
    })),
    citations: unionCitations(...values.map((v) => v.citations)),
    notes: mergeFacts(...values.map((v) => v.notes)),
  };
}

function mergeMassEvents(values: MassEvent[]): MassEvent {
  const first = values[0] as MassEvent;
  return {
    ...first,
    places: mergeFacts(...values.map((v) => v.places.map((p) => ({ ...p, citations: [] })))).map(
      ({ citations: _c, ...p }) => p,
    ),
    detaineeCounts: mergeFacts(...values.map((v) => v.detaineeCounts)),
    detainees: union(...values.map((v) => v.detainees)),
    organisers: union(...values.map((v) => v.organisers)),
    description: mergeLocalized(...values.map((v) => v.description)) ?? first.description,
    citations: unionCitations(...values.map((v) => v.citations)),
    notes: mergeFacts(...values.map((v) => v.notes)),
  };
}

function mergeRecognitions(values: Recognition[]): Recognition {
  const first = values[0] as Recognition;
  return {
    ...first,
    persons: union(...values.map((v) => v.persons)),
    citations: unionCitations(...values.map((v) => v.citations)),
    // The same follow-up stated in two fragments is one, with both citations; oldest report first.
    followUp: mergeFacts(...values.map((v) => v.followUp)).sort((a, b) =>
      comparePartialDates(a.asOf.date, b.asOf.date),
    ),
  };
}

/** Events stated by two reports (same type, date and people) are one event with both citations. */
function mergeEvents(events: Event[]): Event[] {
  const groups = groupById(events, (e) => JSON.stringify([e.type, e.date.date, [...e.persons].sort()]));
  return [...groups.values()].map((g) => {
    const first = g[0] as Event;
    return g.length === 1
      ? first
      : {
          ...first,
          citations: unionCitations(...g.map((e) => e.citations)),
          notes: mergeFacts(...g.map((e) => e.notes)),
        };
  });
}

function mergeGroups<T extends { id: string }>(items: Parsed<T>[], merge: (values: T[]) => T): T[] {
  return [...groupById(items, (i) => i.value.id).values()].map((g) => merge(g.map((x) => x.value)));
}

/** Reads the fragments, validates each, and merges fragments that describe the same record. */
export function loadDataset(dataDir: string = DEFAULT_DATA_DIR): LoadResult {
  const problems: Problem[] = [];
  const identities = IdentitiesSchema.safeParse(readIdentities(dataDir));
  if (!identities.success) problems.push({ file: "identities.json", message: identities.error.message });
  const primaryById = new Map(
    (identities.success ? identities.data.persons : []).map((p) => [p.id, p.primaryName]),
  );

  const sources = parseAll(readEntityFiles(dataDir, "sources"), ENTITY_SCHEMAS.source, problems).map(
    (p) => p.value,
  );
  const personFragments = parseAll(readEntityFiles(dataDir, "persons"), PersonFragmentSchema, problems);
  const persons = [...groupById(personFragments, (f) => f.value.person.id).entries()].map(([id, g]) =>
    mergePersons(
      g.map((f) => ({ ...f, value: f.value.person })),
      primaryById.get(id),
    ),
  );
  const personReports = new Map(
    [...groupById(personFragments, (f) => f.value.person.id).entries()].map(([id, g]) => [
      id,
      union(g.map((f) => f.report)),
    ]),
  );
  const dataset: Dataset = {
    sources,
    organisations: mergeGroups(
      parseAll(readEntityFiles(dataDir, "organisations"), ENTITY_SCHEMAS.organisation, problems),
      mergeOrganisations,
    ),
    persons,
    cases: mergeGroups(
      parseAll(readEntityFiles(dataDir, "cases"), ENTITY_SCHEMAS.case, problems),
      mergeCases,
    ),
    events: mergeEvents(personFragments.flatMap((f) => f.value.events)),
    officials: mergeGroups(
      parseAll(readEntityFiles(dataDir, "officials"), ENTITY_SCHEMAS.official, problems),
      mergeOfficials,
    ),
    massEvents: mergeGroups(
      parseAll(readEntityFiles(dataDir, "mass-events"), ENTITY_SCHEMAS["mass-event"], problems),
      mergeMassEvents,
    ),
    recognitions: mergeGroups(
      parseAll(readEntityFiles(dataDir, "recognitions"), ENTITY_SCHEMAS.recognition, problems),
      mergeRecognitions,
    ),
  };
  return { dataset, problems, personReports, fragments: { persons: personFragments } };
}

/** The records in load order (what is referred to comes first), ready for the database's importRecords. */
export function importItems(d: Dataset) {
  return [
    ...d.sources.map((value) => ({ kind: "source" as const, value })),
    ...d.organisations.map((value) => ({ kind: "organisation" as const, value })),
    ...d.persons.map((value) => ({ kind: "person" as const, value })),
    ...d.cases.map((value) => ({ kind: "case" as const, value })),
    ...d.events.map((value) => ({ kind: "event" as const, value })),
    ...d.officials.map((value) => ({ kind: "official" as const, value })),
    ...d.massEvents.map((value) => ({ kind: "mass-event" as const, value })),
    ...d.recognitions.map((value) => ({ kind: "recognition" as const, value })),
  ];
}
