import {
  classify,
  DETENTION_STATUSES,
  DomainError,
  PERSON_SORTS,
  type Person,
  type PersonList,
  type PersonListItem,
  type PersonSort,
  type Status,
} from "@registry/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { cached, displayLocalNames, displayName } from "./public-queries.ts";
import { nameMatches, parseNameQuery } from "./search.ts";

/**
 * The public list of persons (ADR 015): filters, name search across spellings, keyset pagination; and the SQL
 * conditions the statistics and the over-time chart count with. Reads only public data, as public-queries.ts.
 */

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
