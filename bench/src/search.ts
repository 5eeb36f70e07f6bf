import { createContextInner, createPublicCaller } from "@registry/api";
import type { Database } from "@registry/db";
import type { SQL } from "drizzle-orm";
import type { SearchSample } from "./generate.ts";
import { Rng } from "./prng.ts";

export type QueryKind = "latin" | "cyrillic" | "misspelled";
export const QUERY_KINDS: readonly QueryKind[] = ["latin", "cyrillic", "misspelled"];

export interface SearchQuery {
  kind: QueryKind;
  q: string;
  /** The person the query was made from (it must be among the results). */
  slug: string;
}

/** One typo in the longer word: a letter dropped, doubled or swapped with its neighbour. */
function misspell(rng: Rng, name: string): string {
  const words = name.split(" ");
  const w = words.reduce((a, b) => (b.length > a.length ? b : a), "");
  const i = rng.int(1, Math.max(1, w.length - 2));
  const typo = rng.pick([
    () => w.slice(0, i) + w.slice(i + 1),
    () => w.slice(0, i) + (w[i] ?? "") + w.slice(i),
    () => w.slice(0, i) + (w[i + 1] ?? "") + (w[i] ?? "") + w.slice(i + 2),
  ])();
  return words.map((x) => (x === w ? typo : x)).join(" ");
}

/** `n` queries, a third of each kind, made from persons of the dataset. */
export function makeQueries(samples: readonly SearchSample[], n: number, seed: string): SearchQuery[] {
  const rng = new Rng(`${seed}:queries`);
  const out: SearchQuery[] = [];
  for (let k = 0; out.length < n; k++) {
    const s = rng.pick(samples);
    const kind = QUERY_KINDS[k % 3] as QueryKind;
    if (kind === "latin") out.push({ kind, q: s.latin, slug: s.slug });
    else if (kind === "cyrillic") {
      const c = s.ru ?? s.kk;
      // Readers type surname and given name; the patronymic is optional.
      if (c) out.push({ kind, q: rng.chance(0.5) ? c : c.split(" ").slice(0, 2).join(" "), slug: s.slug });
    } else out.push({ kind, q: misspell(rng, s.latin), slug: s.slug });
  }
  return out;
}

/**
 * The database as the API sees it, except that every `execute(sql)` is recorded, so the same SQL can be
 * run again on its own.
 */
function recording(database: Database): { database: Database; take(): SQL[] } {
  let seen: SQL[] = [];
  const db = new Proxy(database.db, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (prop === "execute" && typeof v === "function")
        return (q: SQL) => {
          seen.push(q);
          return (v as (q: SQL) => Promise<unknown>).call(target, q);
        };
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    database: { ...database, db },
    take: () => {
      const s = seen;
      seen = [];
      return s;
    },
  };
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

export interface SearchResult {
  queries: number;
  /** Queries planned (fewer were run when the time cap was reached). */
  planned: number;
  /** Queries whose person was among the results (first page of 50). */
  found: number;
  api: Percentiles;
  sql: Percentiles;
  byKind: Record<QueryKind, { queries: number; found: number; api: Percentiles; sql: Percentiles }>;
  /** Median number of matches (the `total` of the list). */
  medianMatches: number;
  /** Slowest queries, for the README. */
  slowest: { q: string; kind: QueryKind; apiMs: number; sqlMs: number; total: number }[];
}

/**
 * Each query through the public API (`public.persons({ q })`, as the site's search form calls it), then the
 * SQL that call executed, run again directly on the database: the limit the API cannot beat.
 */
export async function benchSearch(
  database: Database,
  queries: readonly SearchQuery[],
  opts: { maxSeconds: number; minQueries: number },
): Promise<SearchResult> {
  const rec = recording(database);
  const api = createPublicCaller(createContextInner({ database: rec.database }));
  const runSql = async (qs: SQL[]) => {
    const t = performance.now();
    for (const q of qs) await database.db.execute(q);
    return performance.now() - t;
  };
  // Warm-up (caches, JIT) with queries from the end of the list, which the capped run is unlikely to reach.
  for (const q of queries.slice(-6)) {
    await api.persons({ q: q.q });
    await runSql(rec.take());
  }
  const rows: { q: SearchQuery; apiMs: number; sqlMs: number; found: boolean; total: number }[] = [];
  const started = performance.now();
  for (const q of queries) {
    // A time cap, so that slow searches at 10^5 persons do not take the whole budget (kinds alternate).
    if (rows.length >= opts.minQueries && performance.now() - started > opts.maxSeconds * 1000) break;
    rec.take();
    const t = performance.now();
    const r = await api.persons({ q: q.q });
    const apiMs = performance.now() - t;
    const sqlMs = await runSql(rec.take());
    rows.push({ q, apiMs, sqlMs, found: r.items.some((i) => i.slug === q.slug), total: r.total });
  }
  const summary = (rs: typeof rows) => ({
    queries: rs.length,
    found: rs.filter((r) => r.found).length,
    api: percentiles(rs.map((r) => r.apiMs)),
    sql: percentiles(rs.map((r) => r.sqlMs)),
  });
  const all = summary(rows);
  return {
    ...all,
    planned: queries.length,
    byKind: Object.fromEntries(
      QUERY_KINDS.map((k) => [k, summary(rows.filter((r) => r.q.kind === k))]),
    ) as SearchResult["byKind"],
    medianMatches: percentiles(rows.map((r) => r.total)).p50,
    slowest: [...rows]
      .sort((a, b) => b.apiMs - a.apiMs)
      .slice(0, 5)
      .map((r) => ({ q: r.q.q, kind: r.q.kind, apiMs: r.apiMs, sqlMs: r.sqlMs, total: r.total })),
  };
}
