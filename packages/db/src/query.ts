import type { SQL } from "drizzle-orm";
import type { Db } from "./db.ts";

/** Raw SQL rows; both drivers return `{ rows }`. */
export async function query<T>(db: Db, q: SQL): Promise<T[]> {
  const result: unknown = await db.execute(q);
  return (result as { rows: T[] }).rows;
}
