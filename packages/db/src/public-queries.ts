import {
  classify,
  DETENTION_STATUSES,
  DomainError,
  localNames,
  primaryName,
  toPublicMassEvent,
  toPublicOfficial,
  WITHHELD_NAME,
  type MassEvent,
  type Official,
  type Organisation,
  type Person,
  type PersonList,
  type PersonListItem,
  type PublicOfficial,
  type Source,
  type Status,
  PERSON_SORTS,
  type PersonSort,
} from "@registry/domain";
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { persons, tableOf, type EntityKind } from "./schema.ts";
import { nameMatches, parseNameQuery } from "./search.ts";
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

/** The orders of a persons list: the public API contract's (ADR 015). */
export const SORTS = PERSON_SORTS;
export type Sort = PersonSort;

export interface PersonFilters {
  q?: string;
  status?: Status;
  list?: PersonList;
  article?: string;
  region?: string;
  year?: number;
  organisation?: string;
  source?: string;
  gender?: string;
  sentence?: string;
  /** Only persons whose persecution is recorded by the day (`statusRecorded`). */
  recorded?: boolean;
  sort?: Sort;
  limit?: number;
  cursor?: string;
  /** Rows to skip (numbered pages); ignored with a cursor. */
  offset?: number;
}

export const detentionList = sql.join(
  DETENTION_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}
/**
 * A position in a list: the sort key and id of the last row, and whether a name search matched similar words.
 * An unreadable cursor starts from the beginning; one that holds a NUL character (which PostgreSQL text cannot
 * hold: the query would fail) is refused as a bad request.
 */
function decodeCursor(cursor: string): [string, string, boolean] | null {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null; // an unreadable cursor starts from the beginning
  }
  if (!Array.isArray(v) || v.length < 2 || typeof v[0] !== "string" || typeof v[1] !== "string") return null;
  if (v[0].includes("\u0000") || v[1].includes("\u0000"))
    throw new DomainError("VALIDATION", "Not a valid list position (cursor)");
  return [v[0], v[1], v[2] === 1];
}

/**
 * Deprived of liberty on the day (the status row joined as `s`), not past a computed end that no report
 * confirmed (`s.unconfirmed_after`), and assessed against the PACE criteria by a source of that day or earlier
 * (`i.pace_day`).
 */
export function politicalPrisonerOn(day: string | SQL): SQL {
  return sql`(s.status in (${detentionList}) and i.pace_day is not null and i.pace_day <= ${day}
    and (s.unconfirmed_after is null or s.unconfirmed_after >= ${day}))`;
}

/**
 * Persecution recorded by the day: a status period (joined as `s`) covers it, whatever the status (a person whose
 * first fact comes later has none yet). The over-time chart counts with it and with `politicalPrisonerOn`.
 */
export const statusRecorded = sql`(s.status is not null)`;

export function displayName(data: Person): string {
  return data.visibility === "anonymous" ? WITHHELD_NAME : primaryName(data);
}

/** The Cyrillic forms of a public person's name, for Russian and Kazakh pages; none for a withheld one. */
export function displayLocalNames(data: Person): { localNames?: { ru?: string; kk?: string } } {
  if (data.visibility === "anonymous") return {};
  const l = localNames(data);
  return l.ru || l.kk ? { localNames: l } : {};
}

/** The public person list: filters, name search across spellings, keyset pagination. */
export async function listPublicPersons(
  db: Db,
  f: PersonFilters,
  today: string,
): Promise<{ items: PersonListItem[]; next: string | null; total: number }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const conds: SQL[] = [sql`p.publication_state = 'published'`, sql`p.deleted_at is null`];
  const facet = (kind: string, value: string) =>
    sql`exists (select 1 from person_facets f where f.person_id = p.id and f.kind = ${kind} and f.value = ${value})`;
  if (f.status) conds.push(sql`s.status = ${f.status}`);
  if (f.list === "political-prisoners") conds.push(politicalPrisonerOn(today));
  if (f.list === "persecuted") conds.push(sql`not coalesce(${politicalPrisonerOn(today)}, false)`);
  if (f.list === "restriction-of-liberty") conds.push(sql`s.status = 'restriction-of-liberty'`);
  if (f.list === "in-exile") conds.push(sql`s.status = 'in-exile'`);
  if (f.list === "killed") conds.push(sql`i.killed`);
  if (f.list === "human-rights-defenders") conds.push(sql`i.defender`);
  if (f.article) conds.push(facet("article", f.article.includes(":") ? f.article : `criminal:${f.article}`));
  if (f.year) conds.push(facet("year", String(f.year)));
  if (f.organisation) conds.push(facet("organisation", f.organisation));
  if (f.source) conds.push(facet("source", f.source));
  if (f.sentence) conds.push(facet("sentence", f.sentence));
  if (f.recorded) conds.push(statusRecorded);
  if (f.region) conds.push(sql`i.region = ${f.region}`);
  if (f.gender) conds.push(sql`i.gender = ${f.gender}`);
  const q = f.q?.trim().slice(0, 200);
  const nq = q ? parseNameQuery(q) : null;
  if (q && !nq) return { items: [], next: null, total: 0 };
  const where = sql.join(conds, sql` and `);
  const sort = f.sort ?? "name";
  // With a name search, the default order is by relevance (the match's rank, a digit), then by name.
  const sortExpr =
    sort === "recent"
      ? sql`to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`
      : sort === "since"
        ? sql`coalesce(i.first_day, '0000')`
        : nq
          ? sql`(chr(48 + m.rank) || i.sort_name)`
          : sql`i.sort_name`;
  const desc = sort !== "name";
  const cursor = f.cursor ? decodeCursor(f.cursor) : null;
  const skip = !cursor && f.offset ? sql` offset ${Math.max(0, Math.floor(f.offset))}` : sql``;
  const after = cursor
    ? desc
      ? sql` and (${sortExpr}, p.id) < (${cursor[0]}, ${cursor[1]})`
      : sql` and (${sortExpr}, p.id) > (${cursor[0]}, ${cursor[1]})`
    : sql``;
  const from = sql`from persons p
    join person_index i on i.person_id = p.id${nq ? sql` join m on m.person_id = p.id` : sql``}
    left join person_status s on s.person_id = p.id and s.from_day <= ${today} and (s.to_day is null or s.to_day > ${today})`;
  const dir = desc ? sql`desc` : sql`asc`;
  const narrow = sql`i.gender, i.region, i.first_day, i.pace_day, i.killed, i.defender, i.articles, s.status, s.since, s.since_bound, s.last_reported, s.unconfirmed_after`;
  const page = async (fuzzy: boolean) => {
    if (!nq)
      return query<Record<string, unknown>>(
        db,
        sql`select p.id, p.slug, p.data->'names' as names, p.data->>'visibility' as visibility, p.updated_at, ${narrow},
          ${sortExpr} as sort_key
        ${from}
        where ${where}${after}
        order by ${sortExpr} ${dir}, p.id ${dir}
        limit ${limit + 1}${skip}`,
      );
    const matches = await nameMatches(db, nq, fuzzy);
    if (!matches) return [];
    // A common surname alone matches thousands: sort and count narrow rows, and read the names of one page only.
    const cmp = desc ? sql`<` : sql`>`;
    return query<Record<string, unknown>>(
      db,
      sql`with m as (${matches}),
        hits as materialized (select p.id, ${sortExpr} as sort_key, ${narrow} ${from} where ${where}),
        pg as (select * from hits${cursor ? sql` where (sort_key, id) ${cmp} (${cursor[0]}, ${cursor[1]})` : sql``}
          order by sort_key ${dir}, id ${dir} limit ${limit + 1}${skip})
      select pg.*, p.slug, p.data->'names' as names, p.data->>'visibility' as visibility, p.updated_at,
        (select count(*)::int from hits) as total
      from pg join persons p on p.id = pg.id
      order by pg.sort_key ${dir}, pg.id ${dir}`,
    );
  };
  // Later pages of a name search continue in the mode the first page chose (the cursor says which).
  let fuzzy = cursor?.[2] ?? false;
  let rows = await page(fuzzy);
  let total: number;
  if (nq) {
    // Nothing found: perhaps a typo that spells another name; try again with similar words for every word.
    if (!cursor && rows.length === 0) {
      fuzzy = true;
      rows = await page(true);
    }
    total = Number(rows[0]?.total ?? 0);
  } else {
    const { cursor: _cursor, offset: _offset, ...countKey } = f;
    const countRow = await cached(
      db,
      today,
      `count:${JSON.stringify(countKey)}`,
      async () => (await query<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`))[0],
    );
    total = countRow?.n ?? 0;
  }
  const items = rows.slice(0, limit).map((r): PersonListItem => {
    // Only the names travel: the flags the lists need are in the index.
    const data = { names: r.names, visibility: r.visibility } as Person;
    const status = (r.status as Status | null) ?? "unknown";
    const c = classify(
      status,
      {
        pace: r.pace_day && (r.pace_day as string) <= today ? [{ criterion: "fundamental-freedoms" }] : [],
        roles: r.defender ? [{ kind: "human-rights-defender" }] : [],
      },
      r.killed ? [{ type: "killed" }] : [],
      { day: today, unconfirmedAfter: r.unconfirmed_after as string | null },
    );
    return {
      id: r.id as string,
      slug: r.slug as string,
      name: displayName(data),
      ...displayLocalNames(data),
      gender: r.gender as PersonListItem["gender"],
      status,
      ...(r.since ? { since: r.since as string } : {}),
      ...(r.since_bound === "before" ? { sinceBound: "before" as const } : {}),
      ...(r.last_reported ? { lastReported: r.last_reported as string } : {}),
      politicalPrisoner: c.politicalPrisoner,
      lists: c.lists,
      articles: r.articles ? (r.articles as string).split(",") : [],
      ...(r.region ? { region: r.region as PersonListItem["region"] } : {}),
      ...(r.first_day ? { firstYear: Number((r.first_day as string).slice(0, 4)) } : {}),
      updatedAt: new Date(r.updated_at as string).toISOString(),
    };
  });
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items,
    next: last ? encodeCursor([String(last.sort_key), String(last.id), ...(fuzzy ? [1] : [])]) : null,
    total,
  };
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
