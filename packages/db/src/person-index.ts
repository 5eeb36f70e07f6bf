import { sourceDays, type Source } from "@registry/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { bulkInsert } from "./bulk.ts";
import { query } from "./query.ts";
import type { Db } from "./db.ts";
import { derivePerson } from "./derive.ts";
import type { EntityTypes } from "./entities.ts";
import {
  personFacets,
  personIndex,
  personLinks,
  personNameKeys,
  nameTokens,
  persons as personsTable,
  personStatus,
  sources as sourcesTable,
  tableOf,
} from "./schema.ts";

/**
 * Recomputes the list/search/status index rows of these persons from their published facts, a batch at a time
 * (one query per table per batch, so an import of 10^5 persons stays fast).
 */
export async function refreshPersons(
  db: Db,
  personIds: readonly string[],
  /** Public data of persons the caller has just written (spares reading them back). */
  known: ReadonlyMap<string, unknown> = new Map(),
): Promise<void> {
  const all = [...new Set(personIds)];
  if (all.length === 0) return;
  const days = sourceDays(
    (await db.select({ data: sourcesTable.data }).from(sourcesTable)).map((r) => r.data as Source),
  );
  for (let b = 0; b < all.length; b += 2000) {
    const ids = all.slice(b, b + 2000);
    await db.delete(personIndex).where(inArray(personIndex.personId, ids));
    await db.delete(personNameKeys).where(inArray(personNameKeys.personId, ids));
    await db.delete(personStatus).where(inArray(personStatus.personId, ids));
    await db.delete(personFacets).where(inArray(personFacets.personId, ids));
    const unknown = ids.filter((id) => !known.has(id));
    const people = [
      ...ids.flatMap((id) => (known.has(id) ? [{ id, data: known.get(id) }] : [])),
      ...(unknown.length
        ? await db
            .select({ id: personsTable.id, data: personsTable.data })
            .from(personsTable)
            .where(inArray(personsTable.id, unknown))
        : []),
    ];
    const links = await db
      .select()
      .from(personLinks)
      .where(and(inArray(personLinks.personId, ids), inArray(personLinks.kind, ["case", "event"])));
    const load = async (kind: "case" | "event") => {
      const t = tableOf(kind);
      const wanted = [...new Set(links.filter((l) => l.kind === kind).map((l) => l.entityId))];
      const out = new Map<string, unknown>();
      for (let i = 0; i < wanted.length; i += 1000) {
        const rows = await db
          .select({ id: t.id, data: t.data })
          .from(t)
          .where(
            and(
              inArray(t.id, wanted.slice(i, i + 1000)),
              eq(t.publicationState, "published"),
              isNull(t.deletedAt),
            ),
          );
        for (const r of rows) out.set(r.id, r.data);
      }
      return out;
    };
    const cases = await load("case");
    const events = await load("event");
    const linksOf = new Map<string, typeof links>();
    for (const l of links) {
      const list = linksOf.get(l.personId);
      if (list) list.push(l);
      else linksOf.set(l.personId, [l]);
    }
    const derived = people.map((p) => {
      const mine = linksOf.get(p.id) ?? [];
      const cs = mine
        .filter((l) => l.kind === "case")
        .flatMap((l) => (cases.has(l.entityId) ? [cases.get(l.entityId) as EntityTypes["case"]] : []));
      const es = mine
        .filter((l) => l.kind === "event")
        .flatMap((l) => (events.has(l.entityId) ? [events.get(l.entityId) as EntityTypes["event"]] : []));
      return derivePerson(p.data as EntityTypes["person"], cs, es, days);
    });
    await bulkInsert(
      db,
      personIndex,
      derived.map((d) => d.index),
    );
    await bulkInsert(
      db,
      personNameKeys,
      derived.flatMap((d) => d.keys.map((key) => ({ personId: d.index.personId, key }))),
    );
    // The dictionary of name words for the search; a word no longer used does no harm (search.ts).
    const words = [...new Set(derived.flatMap((d) => d.index.searchText.split(" ")).filter(Boolean))].map(
      (token) => ({ token }),
    );
    await bulkInsert(db, nameTokens, words, { onConflictDoNothing: true });
    await bulkInsert(
      db,
      personStatus,
      derived.flatMap((d) => d.status),
    );
    await bulkInsert(
      db,
      personFacets,
      derived.flatMap((d) => d.facets),
    );
  }
}

/**
 * Indexes every person who has no index row: after a migration that changes how statuses are derived (it
 * empties the derived tables), or after a crash between a write and its index. Nothing to do costs one query.
 */
export async function indexMissingPersons(db: Db, log: (line: string) => void = () => {}): Promise<number> {
  const ids = (
    await query<{ id: string }>(
      db,
      sql`select p.id from persons p where not exists (select 1 from person_index i where i.person_id = p.id)`,
    )
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  log(`indexing ${ids.length} person(s) whose derived rows are missing…`);
  await db.transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += 2000) await refreshPersons(tx, ids.slice(i, i + 2000));
  });
  return ids.length;
}
