import {
  PublicRecognitionSchema,
  toPublicCase,
  toPublicEvent,
  type Case,
  type Event,
  type PublicCaseEntry,
  type PublicEventEntry,
  type PublicRecognitionEntry,
  type Recognition,
} from "@registry/domain";
import { and, inArray } from "drizzle-orm";
import type { Db } from "./db.ts";
import { publicData, visible } from "./public-queries.ts";
import { persons } from "./schema.ts";

/**
 * The cases, events and recognitions on their own, for the open-data files (issue 17): only published, non-deleted
 * records (`publicData` reads `data`, never `private`), each limited to the published persons it names, as in
 * their dossiers, with those persons' page slugs. A record that names no published person is left out: the site
 * shows it nowhere, and its text could tell of a person not yet published.
 */

/** The slugs of the published persons among `ids`, a thousand at a time. */
async function publicSlugs(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .select({ id: persons.id, slug: persons.slug })
      .from(persons)
      .where(and(visible("person"), inArray(persons.id, unique.slice(i, i + 1000))));
    for (const r of rows) out.set(r.id, r.slug ?? r.id);
  }
  return out;
}

const linksOf = (ids: readonly string[], slugs: Map<string, string>) =>
  ids.flatMap((id) => {
    const slug = slugs.get(id);
    return slug === undefined ? [] : [{ id, slug }];
  });

export async function listPublicCases(db: Db): Promise<PublicCaseEntry[]> {
  const rows = await publicData<Case>(db, "case");
  const slugs = await publicSlugs(
    db,
    rows.flatMap((r) => r.data.defendants),
  );
  return rows
    .map((r) => toPublicCase(r.data, (id) => slugs.has(id)))
    .filter((c) => c.defendants.length > 0)
    .map((c) => ({ ...c, personLinks: linksOf(c.defendants, slugs) }));
}

export async function listPublicEvents(db: Db): Promise<PublicEventEntry[]> {
  const rows = await publicData<Event>(db, "event");
  const slugs = await publicSlugs(
    db,
    rows.flatMap((r) => r.data.persons),
  );
  return rows
    .map((r) => toPublicEvent(r.data, (id) => slugs.has(id)))
    .filter((e) => e.persons.length > 0)
    .sort((a, b) => (a.date.date < b.date.date ? -1 : a.date.date > b.date.date ? 1 : a.id < b.id ? -1 : 1))
    .map((e) => ({ ...e, personLinks: linksOf(e.persons, slugs) }));
}

export async function listPublicRecognitionRecords(db: Db): Promise<PublicRecognitionEntry[]> {
  const rows = await publicData<Recognition>(db, "recognition");
  const slugs = await publicSlugs(
    db,
    rows.flatMap((r) => r.data.persons),
  );
  const keys = Object.keys(PublicRecognitionSchema.shape) as (keyof Recognition)[];
  return rows
    .map((r) => {
      const pub = Object.fromEntries(
        keys.filter((k) => r.data[k] !== undefined).map((k) => [k, r.data[k]]),
      ) as Recognition;
      return { ...pub, persons: pub.persons.filter((id) => slugs.has(id)) };
    })
    .filter((x) => x.persons.length > 0)
    .map((x) => ({ ...x, personLinks: linksOf(x.persons, slugs) }));
}
