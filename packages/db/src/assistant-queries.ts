import type { Person } from "@registry/domain";
import { eq, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { sourceTexts } from "./schema.ts";

/** The stored text of a pasted or uploaded source (ADR 017), or undefined. Curators only: never public. */
export async function sourceText(
  db: Db,
  sourceId: string,
): Promise<{ text: string; sha256: string; lineCount: number } | undefined> {
  const [row] = await db
    .select({ text: sourceTexts.text, sha256: sourceTexts.sha256, lineCount: sourceTexts.lineCount })
    .from(sourceTexts)
    .where(eq(sourceTexts.sourceId, sourceId));
  return row;
}

export interface KnownPersonRow {
  id: string;
  names: string[];
  keys: string[];
}

/**
 * The persons (not deleted, in any state) having any of these name keys (ADR 008), with all their names and keys:
 * what the import assistant matches its proposals against. One index probe for all keys.
 */
export async function personsByNameKeys(db: Db, keys: readonly string[]): Promise<KnownPersonRow[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const out: KnownPersonRow[] = [];
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await query<{ id: string; data: Person; keys: string[] }>(
      db,
      sql`select p.id, p.data, array(select k.key from person_name_keys k where k.person_id = p.id) as keys
          from persons p
          where p.deleted_at is null and p.id in (
            select distinct person_id from person_name_keys where key in (${sql.join(
              wanted.slice(i, i + 1000).map((k) => sql`${k}`),
              sql`, `,
            )}))`,
    );
    for (const r of rows)
      if (!out.some((o) => o.id === r.id))
        out.push({ id: r.id, names: r.data.names.map((n) => n.text), keys: r.keys });
  }
  return out;
}
