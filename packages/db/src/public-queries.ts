import {
  localNames,
  primaryName,
  toPublicMassEvent,
  toPublicOfficial,
  WITHHELD_NAME,
  type MassEvent,
  type Official,
  type Organisation,
  type Person,
  type PublicOfficial,
  type Source,
} from "@registry/domain";
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { persons, tableOf, type EntityKind } from "./schema.ts";
import { dataVersion } from "./version.ts";

/**
 * Everything the public may see. Every query here reads only `data` (never the `private` column) of records
 * that are published and not deleted; persons referenced by a public record are filtered the same way.
 */

/**
 * Results that only change when data changes: every write advances the audit chain's head, so (head, day, key)
 * identifies a result. Kept per database, a few hundred entries at most.
 */
const memo = new WeakMap<Db, Map<string, unknown>>();
export async function cached<T>(db: Db, day: string, key: string, compute: () => Promise<T>): Promise<T> {
  const full = `${await dataVersion(db)}\u0000${day}\u0000${key}`;
  let m = memo.get(db);
  if (!m) memo.set(db, (m = new Map<string, unknown>()));
  if (m.has(full)) return m.get(full) as T;
  const value = await compute();
  if (m.size > 500) m.clear();
  m.set(full, value);
  return value;
}

export const visible = (kind: EntityKind) => {
  const t = tableOf(kind);
  return and(eq(t.publicationState, "published"), isNull(t.deletedAt));
};

export async function publicData<T>(
  db: Db,
  kind: EntityKind,
  where?: SQL,
): Promise<{ data: T; updatedAt: string }[]> {
  const t = tableOf(kind);
  const rows = await db
    .select({ data: t.data, updatedAt: t.updatedAt })
    .from(t)
    .where(where ? and(visible(kind), where) : visible(kind))
    .orderBy(asc(t.id));
  return rows.map((r) => ({ data: r.data as T, updatedAt: new Date(r.updatedAt).toISOString() }));
}

/** The ids among `ids` that belong to published persons. */
export async function publicPersonIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  const out = new Set<string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .select({ id: persons.id })
      .from(persons)
      .where(and(visible("person"), inArray(persons.id, unique.slice(i, i + 1000))));
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export function displayName(data: Person): string {
  return data.visibility === "anonymous" ? WITHHELD_NAME : primaryName(data);
}

/** The Cyrillic forms of a public person's name, for Russian and Kazakh pages; none for a withheld one. */
export function displayLocalNames(data: Person): { localNames?: { ru?: string; kk?: string } } {
  if (data.visibility === "anonymous") return {};
  const l = localNames(data);
  return l.ru || l.kk ? { localNames: l } : {};
}

export async function listPublicOfficials(db: Db): Promise<PublicOfficial[]> {
  const rows = await publicData<Official>(db, "official");
  const pub = await publicPersonIds(
    db,
    rows.flatMap((r) => r.data.involvements.flatMap((i) => i.persons)),
  );
  return rows.map((r) => toPublicOfficial(r.data, (id) => pub.has(id)));
}

export async function getPublicOfficial(db: Db, slug: string): Promise<PublicOfficial | null> {
  const [row] = await publicData<Official>(db, "official", eq(tableOf("official").slug, slug));
  if (!row) return null;
  const pub = await publicPersonIds(
    db,
    row.data.involvements.flatMap((i) => i.persons),
  );
  return toPublicOfficial(row.data, (id) => pub.has(id));
}

export async function listPublicMassEvents(db: Db): Promise<MassEvent[]> {
  const rows = await publicData<MassEvent>(db, "mass-event");
  const pub = await publicPersonIds(
    db,
    rows.flatMap((r) => r.data.detainees),
  );
  return rows.map((r) => toPublicMassEvent(r.data, (id) => pub.has(id)));
}

export async function getPublicMassEvent(db: Db, slug: string): Promise<MassEvent | null> {
  const [row] = await publicData<MassEvent>(db, "mass-event", eq(tableOf("mass-event").slug, slug));
  if (!row) return null;
  const pub = await publicPersonIds(db, row.data.detainees);
  return toPublicMassEvent(row.data, (id) => pub.has(id));
}

export async function listPublicSources(db: Db): Promise<Source[]> {
  return (await publicData<Source>(db, "source")).map((r) => r.data);
}

export async function listPublicOrganisations(db: Db): Promise<Organisation[]> {
  return (await publicData<Organisation>(db, "organisation")).map((r) => r.data);
}

/** Names and slugs of published persons, for links from officials' and events' pages. */
export async function publicPersonRefs(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; slug: string; name: string; localNames?: { ru?: string; kk?: string } }[]> {
  const pub = [...(await publicPersonIds(db, ids))];
  if (pub.length === 0) return [];
  const rows = await db
    .select({ id: persons.id, slug: persons.slug, data: persons.data })
    .from(persons)
    .where(inArray(persons.id, pub));
  return rows
    .map((r) => ({
      id: r.id,
      slug: r.slug ?? r.id,
      name: displayName(r.data as Person),
      ...displayLocalNames(r.data as Person),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Audit fields that are not public data, besides the private ones (`private…`; `consent` was public until issue
 * 15): workflow steps, a reviewer's comment, the revision a proposal names.
 */
export const NOT_PUBLIC_FIELDS = ["consent", "comment", "publicationState", "deletedAt", "revision"] as const;
/** Whether an audit field is public data (the same rule as `NOT_PUBLIC_FIELD`, in SQL). */
export const isPublicField = (field: string | undefined): boolean =>
  field !== undefined &&
  !field.startsWith("private") &&
  !(NOT_PUBLIC_FIELDS as readonly string[]).includes(field);
/** The rule of `isPublicField` for an element `c` of an audit entry's changes. */
export const NOT_PUBLIC_FIELD = sql`(c->>'field' like 'private%' or c->>'field' in (${sql.join(
  NOT_PUBLIC_FIELDS.map((f) => sql`${f}`),
  sql`, `,
)}))`;

/**
 * What changed in a published person's record, newest first: dates and the names of public fields only
 * (private fields are left out entirely, values are never shown). An entry that changed no public field (an edit
 * of private fields only, a workflow step, a revision proposed or returned but not applied) is not listed: its
 * date alone would tell that something private or unpublished changed.
 */
export async function publicPersonChanges(
  db: Db,
  slug: string,
  limit = 5,
): Promise<{ at: string; fields: string[] }[]> {
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(visible("person"), eq(persons.slug, slug)));
  if (!row) return [];
  const rows = await query<{ at: string; fields: string[] }>(
    db,
    sql`select a.at, array(select c->>'field' from jsonb_array_elements(a.changes) with ordinality as e(c, i)
        where not ${NOT_PUBLIC_FIELD} order by i) as fields
      from audit_log a
      where a.entity_kind = 'person' and a.entity_id = ${row.id}
        and a.action not in ('propose', 'return')
        and exists (select 1 from jsonb_array_elements(a.changes) c where not ${NOT_PUBLIC_FIELD})
      order by a.seq desc limit ${limit}`,
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), fields: r.fields }));
}

/** `publicPersonChanges` for many published persons at once (by slug), in one query. */
export async function publicPersonChangesBySlug(
  db: Db,
  slugs: readonly string[],
  limit = 5,
): Promise<Map<string, { at: string; fields: string[] }[]>> {
  const out = new Map<string, { at: string; fields: string[] }[]>();
  if (slugs.length === 0) return out;
  const rows = await query<{ slug: string; at: string; fields: string[] }>(
    db,
    sql`select persons.slug, a.at, a.fields from persons cross join lateral (
        select a.seq, a.at, array(select c->>'field' from jsonb_array_elements(a.changes) with ordinality as e(c, i)
          where not ${NOT_PUBLIC_FIELD} order by i) as fields
        from audit_log a
        where a.entity_kind = 'person' and a.entity_id = persons.id
          and a.action not in ('propose', 'return')
          and exists (select 1 from jsonb_array_elements(a.changes) c where not ${NOT_PUBLIC_FIELD})
        order by a.seq desc limit ${limit}) a
      where ${visible("person")} and persons.slug in (${sql.join(
        [...new Set(slugs)].map((s) => sql`${s}`),
        sql`, `,
      )})
      order by persons.slug, a.seq desc`,
  );
  for (const r of rows)
    out.set(r.slug, [...(out.get(r.slug) ?? []), { at: new Date(r.at).toISOString(), fields: r.fields }]);
  return out;
}
