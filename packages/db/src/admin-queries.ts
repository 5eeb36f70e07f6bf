import { foldName, nameSearchKeys, primaryName, type Person, type PublicationState } from "@registry/domain";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { nameMatches, parseNameQuery } from "./search.ts";
import { ENTITY_KINDS, type EntityTypes } from "./entities.ts";
import { toStored, type Stored } from "./repo.ts";
import { tableOf, type EntityKind } from "./schema.ts";

/**
 * Persons of any state whose names match, any spelling, best first (the public search's matching and ranking,
 * search.ts).
 */
export async function searchPersonIds(db: Db, q: string, limit = 50): Promise<string[]> {
  const nq = parseNameQuery(q);
  if (!nq) return [];
  const run = async (fuzzy: boolean) => {
    const matches = await nameMatches(db, nq, fuzzy);
    if (!matches) return [];
    return query<{ id: string }>(
      db,
      sql`select i.person_id as id from (${matches}) m join person_index i on i.person_id = m.person_id
        order by m.rank, i.sort_name, i.person_id limit ${limit}`,
    );
  };
  const exact = await run(false);
  return (exact.length === 0 ? await run(true) : exact).map((r) => r.id);
}

export interface DuplicateCandidate {
  id: string;
  slug: string;
  name: string;
  publicationState: PublicationState;
  reason: "same-name-key" | "similar-name";
}

/** Likely duplicates of a person being entered: the same name keys, or names similar enough. */
export async function findDuplicates(
  db: Db,
  names: readonly string[],
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const keys = [...new Set(names.flatMap((n) => nameSearchKeys(n)))];
  const out = new Map<string, DuplicateCandidate>();
  const add = async (ids: string[], reason: DuplicateCandidate["reason"]) => {
    const fresh = ids.filter((id) => id !== excludeId && !out.has(id));
    if (!fresh.length) return;
    const rows = await query<{ id: string; slug: string; data: Person; publication_state: PublicationState }>(
      db,
      sql`select id, slug, data, publication_state from persons where deleted_at is null and id in (${sql.join(
        fresh.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const r of rows)
      out.set(r.id, {
        id: r.id,
        slug: r.slug,
        name: primaryName(r.data),
        publicationState: r.publication_state,
        reason,
      });
  };
  if (keys.length) {
    const rows = await query<{ person_id: string }>(
      db,
      sql`select distinct person_id from person_name_keys where key in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}) limit 50`,
    );
    await add(
      rows.map((r) => r.person_id),
      "same-name-key",
    );
  }
  for (const n of names) {
    const folded = foldName(n);
    if (!folded.includes(" ")) continue;
    const rows = await query<{ person_id: string }>(
      db,
      sql`select person_id from person_index where similarity(${folded}, search_text) > 0.45 or ${folded} <% search_text limit 20`,
    );
    await add(
      rows.map((r) => r.person_id),
      "similar-name",
    );
  }
  return [...out.values()];
}

/** Counts per kind and state, and what awaits review. */
export async function dashboard(db: Db) {
  const counts: { kind: string; state: string; count: number }[] = [];
  const awaitingReview: { kind: string; id: string; title: string; updatedAt: string }[] = [];
  for (const kind of ENTITY_KINDS) {
    const t = tableOf(kind);
    const rows = await query<{ state: string; n: number }>(
      db,
      sql`select publication_state as state, count(*)::int as n from ${t} where deleted_at is null group by 1`,
    );
    for (const r of rows) counts.push({ kind, state: r.state, count: r.n });
    const review = await query<{ id: string; data: Record<string, unknown>; updated_at: string }>(
      db,
      sql`select id, data, updated_at from ${t} where deleted_at is null and publication_state = 'in-review' order by updated_at limit 50`,
    );
    for (const r of review) {
      const d = r.data;
      // A title is a string (a source's) or a localized text (a case's, an organisation's).
      const text = (v: unknown) =>
        typeof v === "string"
          ? v
          : typeof (v as { en?: unknown } | undefined)?.en === "string"
            ? (v as { en: string }).en
            : undefined;
      const title =
        kind === "person"
          ? primaryName(d as unknown as Person)
          : (text(d.title) ?? text(d.name) ?? text(d.instrument) ?? text(d.description) ?? r.id);
      awaitingReview.push({ kind, id: r.id, title, updatedAt: new Date(r.updated_at).toISOString() });
    }
  }
  return { counts, awaitingReview };
}

export interface AdminListOptions {
  /** Persons: names in any spelling (the search keys); other kinds: any text of the record, ignoring case. */
  q?: string;
  state?: PublicationState;
  includeDeleted?: boolean;
  /** Only records with a text of ours that lacks this language. */
  missing?: "ru" | "kk";
  limit?: number;
  after?: string;
  /** Only records that name this id anywhere outside their private part (a case's defendant, an event's person). */
  refersTo?: string;
}

/**
 * A record has a localized text (an object with a string `en`) without the language, outside its private part:
 * the same rule as `missingLanguages` in the domain, run by the database over the stored JSON.
 */
function missingCondition(t: ReturnType<typeof tableOf>, lang: "ru" | "kk" | undefined): SQL | undefined {
  if (!lang) return undefined;
  const path = `lax $.** ? (@.en.type() == "string" && !exists(@.${lang}))`;
  return sql`jsonb_path_exists(${t.data} - 'private', ${path}::jsonpath)`;
}

/** Any text of the record outside its private part contains `q` (case folded; LIKE wildcards escaped). */
function textCondition(t: ReturnType<typeof tableOf>, q: string | undefined): SQL | undefined {
  const text = q?.trim().toLowerCase();
  if (!text) return undefined;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower((${t.data} - 'private')::text) like ${pattern}`;
}

/** The record (outside its private part) has the JSON string `id` as a value: ids are `[\w-]+`, `_` escaped. */
function referenceCondition(t: ReturnType<typeof tableOf>, id: string): SQL {
  const pattern = `%"${id.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;
  return sql`(${t.data} - 'private')::text like ${pattern} and ${t.id} <> ${id}`;
}

/** Admin lists: every record of a kind regardless of state, keyset-paginated by id. */
export async function listRecords<K extends EntityKind>(
  db: Db,
  kind: K,
  opts: AdminListOptions = {},
): Promise<{ items: Stored<EntityTypes[K]>[]; next: string | null }> {
  const t = tableOf(kind);
  const limit = Math.min(opts.limit ?? 50, 500);
  if (kind === "person" && opts.q?.trim()) {
    const ids = await searchPersonIds(db, opts.q.trim(), limit);
    if (ids.length === 0) return { items: [], next: null };
    const rows = await db
      .select()
      .from(t)
      .where(
        and(
          inArray(t.id, ids),
          opts.state ? eq(t.publicationState, opts.state) : undefined,
          opts.includeDeleted ? undefined : isNull(t.deletedAt),
          missingCondition(t, opts.missing),
        ),
      );
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { items: rows.map((r) => toStored(kind, r)), next: null };
  }
  const conds = [
    opts.state ? eq(t.publicationState, opts.state) : undefined,
    opts.includeDeleted ? undefined : isNull(t.deletedAt),
    missingCondition(t, opts.missing),
    opts.after ? sql`${t.id} > ${opts.after}` : undefined,
    textCondition(t, opts.q),
    opts.refersTo ? referenceCondition(t, opts.refersTo) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select()
    .from(t)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(t.id)
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => toStored(kind, r));
  return { items, next: rows.length > limit ? (items.at(-1)?.value.id ?? null) : null };
}
