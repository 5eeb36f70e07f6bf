import { sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";

/**
 * Planner statistics. After a bulk load PostgreSQL has none until autovacuum comes round, and PGlite never gets
 * any (nothing runs autovacuum in it): the planner then picks nested loops over whole tables, and an export of
 * 10^4 persons takes minutes instead of seconds (bench/README.md). Run after large imports, restores, and
 * when PGlite opens a data directory. Takes about 2 s at 10^5 persons.
 */
export async function analyze(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE`);
}

const PERSON_TABLES = [
  "person_links",
  "person_index",
  "person_name_keys",
  "name_tokens",
  "person_status",
  "person_facets",
];

/**
 * After an import: ANALYZE each table it wrote to when the rows written are more than 500 and more than a tenth
 * of what the table held at its last ANALYZE (autovacuum's rule of thumb), so a seed or a large CSV import leaves
 * the planner informed, while small imports into a large registry cost nothing.
 */
export async function analyzeAfterImport(db: Db, written: ReadonlyMap<string, number>): Promise<void> {
  const tables = new Map(written);
  const persons = written.get("persons") ?? 0;
  const linked = (written.get("cases") ?? 0) + (written.get("events") ?? 0);
  for (const t of PERSON_TABLES) tables.set(t, Math.max(persons, linked));
  const names = [...tables.keys()];
  const rows = await query<{ relname: string; reltuples: number }>(
    db,
    sql`select relname, reltuples from pg_class where relkind = 'r' and relname in (${sql.join(
      names.map((n) => sql`${n}`),
      sql`, `,
    )})`,
  );
  for (const r of rows) {
    const n = tables.get(r.relname) ?? 0;
    if (n > 500 && n > 0.1 * Math.max(Number(r.reltuples), 0))
      await db.execute(sql.raw(`ANALYZE "${r.relname}"`));
  }
}

/** Rebuilds the dictionary of name words from the person index (after a restore; as migration 0002 does). */
export async function rebuildNameTokens(db: Db): Promise<void> {
  await db.execute(sql`delete from name_tokens`);
  await db.execute(
    sql`insert into name_tokens (token)
      select distinct w from person_index i, unnest(string_to_array(i.search_text, ' ')) as w where w <> ''`,
  );
}
