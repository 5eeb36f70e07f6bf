import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import type { Db } from "./db.ts";

/** SQL types as a `jsonb_to_recordset` column list takes them (serial columns are never given). */
const recordType = (t: string) => (t === "bigserial" ? "bigint" : t === "serial" ? "integer" : t);

/**
 * Inserts many rows with one parameter per statement: the rows travel as one JSON array and
 * `jsonb_to_recordset` turns them back into rows inside the database. Building a multi-row INSERT with a
 * parameter per value cost more than the database's own work for large imports (bench/README.md). Rows use
 * the table's property names (as `db.insert(table).values(rows)` does); columns no row sets keep their defaults.
 */
export async function bulkInsert(
  db: Db,
  table: Table,
  rows: readonly Record<string, unknown>[],
  opts: { onConflictDoNothing?: boolean; chunk?: number } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((r) => r[key] !== undefined),
  );
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(", "));
  const types = sql.raw(columns.map(([, c]) => `"${c.name}" ${recordType(c.getSQLType())}`).join(", "));
  const size = opts.chunk ?? 2000;
  for (let i = 0; i < rows.length; i += size) {
    const json = JSON.stringify(
      rows
        .slice(i, i + size)
        .map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, r[key] ?? null]))),
    );
    await db.execute(
      sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${names})
        select ${names} from jsonb_to_recordset(${json}::jsonb) as x(${types})${
          opts.onConflictDoNothing ? sql` on conflict do nothing` : sql``
        }`,
    );
  }
}
