import {
  classify,
  sourceDays,
  statusAsOf,
  statusHistory,
  unconfirmedAfter,
  toPublicCase,
  toPublicEvent,
  toPublicPerson,
  type Case,
  type Event,
  type MassEvent,
  type Official,
  type Organisation,
  type Person,
  type PersonDossier,
  type Recognition,
  type Source,
} from "@registry/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { displayLocalNames, displayName, publicData, publicPersonIds, visible } from "./public-queries.ts";
import { personLinks, persons, tableOf, type EntityKind } from "./schema.ts";

/** The public dossier of a person: their record with the published cases, events, officials and sources. */
async function linked<T>(
  db: Db,
  kind: EntityKind,
  personIds: readonly string[],
): Promise<{ data: T; personId: string }[]> {
  if (personIds.length === 0) return [];
  const t = tableOf(kind);
  const rows = await db
    .select({ data: t.data, personId: personLinks.personId })
    .from(t)
    .innerJoin(personLinks, and(eq(personLinks.kind, kind), eq(personLinks.entityId, t.id)))
    .where(and(visible(kind), inArray(personLinks.personId, [...personIds])))
    .orderBy(asc(t.id));
  return rows.map((r) => ({ data: r.data as T, personId: r.personId }));
}

/** Builds the public dossiers of a batch of published persons. */
async function buildDossiers(
  db: Db,
  people: { data: Person; updatedAt: string }[],
  today: string,
): Promise<PersonDossier[]> {
  const ids = people.map((p) => p.data.id);
  const [cases, events, officials, recognitions, massEvents, sources, organisations] = await Promise.all([
    linked<Case>(db, "case", ids),
    linked<Event>(db, "event", ids),
    linked<Official>(db, "official", ids),
    linked<Recognition>(db, "recognition", ids),
    linked<MassEvent>(db, "mass-event", ids),
    publicData<Source>(db, "source"),
    publicData<Organisation>(db, "organisation"),
  ]);
  const orgById = new Map(organisations.map((o) => [o.data.id, o.data]));
  // Only cases and events name other persons on a dossier (officials and mass events show the person's own part).
  const referenced = [...cases.flatMap((c) => c.data.defendants), ...events.flatMap((e) => e.data.persons)];
  const pub = await publicPersonIds(db, referenced);
  const isPublic = (id: string) => pub.has(id);
  const names = new Map<string, { slug: string; name: string; localNames?: { ru?: string; kk?: string } }>();
  const coIds = [...new Set(cases.flatMap((c) => c.data.defendants))].filter(isPublic);
  for (let i = 0; i < coIds.length; i += 1000) {
    const rows = await db
      .select({ id: persons.id, slug: persons.slug, data: persons.data })
      .from(persons)
      .where(inArray(persons.id, coIds.slice(i, i + 1000)));
    for (const r of rows)
      names.set(r.id, {
        slug: r.slug ?? r.id,
        name: displayName(r.data as Person),
        ...displayLocalNames(r.data as Person),
      });
  }
  const days = sourceDays(sources.map((s) => s.data));
  const group = <T>(items: { data: T; personId: string }[]) => {
    const m = new Map<string, T[]>();
    for (const it of items) m.set(it.personId, [...(m.get(it.personId) ?? []), it.data]);
    return m;
  };
  const [byCase, byEvent, byOfficial, byRec, byMass] = [
    group(cases),
    group(events),
    group(officials),
    group(recognitions),
    group(massEvents),
  ];
  const dossierOf = ({ data: person, updatedAt }: { data: Person; updatedAt: string }): PersonDossier => {
    const id = person.id;
    const myCases = byCase.get(id) ?? [];
    const myEvents = byEvent.get(id) ?? [];
    const facts = { cases: myCases, events: myEvents, reports: person.statusReports };
    const history = statusHistory(id, facts, today);
    const current = statusAsOf(id, facts, today);
    const status = current.status;
    const c = classify(status, person, myEvents, {
      day: today,
      sourceDays: days,
      unconfirmedAfter: unconfirmedAfter(current),
    });
    const publicPerson = toPublicPerson(person);
    const cited = new Set<string>();
    const collect = (v: unknown) =>
      JSON.stringify(v, (k, val: unknown) => {
        if (k === "source" && typeof val === "string") cited.add(val);
        return val;
      });
    const publicCases = myCases.map((x) => toPublicCase(x, isPublic));
    const publicEvents = myEvents
      .map((x) => toPublicEvent(x, isPublic))
      .sort((a, b) => (a.date.date < b.date.date ? -1 : a.date.date > b.date.date ? 1 : 0));
    collect([publicPerson, publicCases, publicEvents]);
    const officialRefs = (byOfficial.get(id) ?? []).map((o): PersonDossier["officials"][number] => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      ...(o.localNames ? { localNames: o.localNames } : {}),
      role: o.role,
      ...(o.body ? { body: o.body } : {}),
      actions: o.involvements.filter((i) => i.persons.includes(id)).map((i) => i.description),
    }));
    return {
      person: publicPerson,
      status: {
        current: status,
        ...(current.since ? { since: current.since } : {}),
        ...(current.sinceBound ? { sinceBound: current.sinceBound } : {}),
        citations: current.citations,
        ...(current.lastReported ? { lastReported: current.lastReported } : {}),
        ...(current.expectedEnd ? { expectedEnd: current.expectedEnd } : {}),
        asOf: today,
        history,
      },
      politicalPrisoner: c.politicalPrisoner,
      lists: c.lists,
      cases: publicCases,
      events: publicEvents,
      officials: officialRefs,
      recognitions: byRec.get(id) ?? [],
      massEvents: (byMass.get(id) ?? []).map((m) => ({
        id: m.id,
        slug: m.slug,
        name: m.name,
        date: m.date.date,
      })),
      coDefendants: [...new Set(myCases.flatMap((x) => x.defendants))]
        .filter((d) => d !== id && names.has(d))
        .map((d) => ({ id: d, ...(names.get(d) as { slug: string; name: string }) })),
      organisations: [...new Set(publicPerson.affiliations.map((a) => a.organisation))]
        .map((o) => orgById.get(o))
        .filter((o) => o !== undefined)
        .map((o) => ({ id: o.id, slug: o.slug, name: o.name })),
      sources: sources.map((s) => s.data).filter((s) => cited.has(s.id)),
      updatedAt,
    };
  };
  // The open data's batches of 500 stalled readers for up to about 100 ms on the one thread that also answers
  // them (measured, ADR 013): it yields to them every few dossiers.
  const out: PersonDossier[] = [];
  for (const [n, row] of people.entries()) {
    if (n > 0 && n % 20 === 0) await new Promise((r) => setImmediate(r));
    out.push(dossierOf(row));
  }
  return out;
}

export async function getPublicDossier(db: Db, slug: string, today: string): Promise<PersonDossier | null> {
  const rows = await publicData<Person>(db, "person", eq(persons.slug, slug));
  if (rows.length === 0) return null;
  const [dossier] = await buildDossiers(db, rows, today);
  return dossier ?? null;
}

/** The dossiers of the published persons among these slugs (the others are not public, or not persons). */
export async function publicDossiersBySlug(
  db: Db,
  slugs: readonly string[],
  today: string,
): Promise<PersonDossier[]> {
  const out: PersonDossier[] = [];
  const unique = [...new Set(slugs)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await publicData<Person>(db, "person", inArray(persons.slug, unique.slice(i, i + 500)));
    if (rows.length > 0) out.push(...(await buildDossiers(db, rows, today)));
  }
  return out;
}

/** All public dossiers in id order, a batch at a time, so an export of 10^5 persons needs no more memory than one batch. */
export async function* publicDossiers(
  db: Db,
  today: string,
  batchSize = 500,
): AsyncGenerator<PersonDossier[]> {
  let after = "";
  for (;;) {
    const rows = await db
      .select({ data: persons.data, updatedAt: persons.updatedAt })
      .from(persons)
      .where(and(visible("person"), sql`${persons.id} > ${after}`))
      .orderBy(asc(persons.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield await buildDossiers(
      db,
      rows.map((r) => ({ data: r.data as Person, updatedAt: new Date(r.updatedAt).toISOString() })),
      today,
    );
    after = (rows.at(-1)?.data as Person).id;
    if (rows.length < batchSize) return;
  }
}
