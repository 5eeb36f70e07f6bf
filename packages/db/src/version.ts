import { sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";

/**
 * The data version: the position of the audit chain's head, which every write advances. The public site keeps
 * rendered pages and counts per version. On PostgreSQL other processes write too, so it is read each time (one
 * primary-key lookup). PGlite is opened by one process only (the pid lock), and every write there goes through
 * the write pipeline (or a restore), which calls `dataChanged` when its transaction ends: so the version is kept
 * in memory until then, sparing a query per page view. That call is the one change signal every cache follows.
 */
interface Known {
  seq: number | null;
  /** Advances at the end of every write: a read that overlapped one does not keep its value. */
  generation: number;
}
const known = new WeakMap<Db, Known>();

export function keepDataVersionInMemory(db: Db): void {
  known.set(db, { seq: null, generation: 0 });
}

const listeners = new WeakMap<Db, Set<() => void>>();

/** Calls `fn` after every write of this process ends (the public site's page store follows it). */
export function onDataChanged(db: Db, fn: () => void): () => void {
  const set = listeners.get(db) ?? new Set();
  listeners.set(db, set);
  set.add(fn);
  return () => set.delete(fn);
}

/** A write ended (committed or not): forget the version kept in memory, and tell whoever follows the data. */
export function dataChanged(db: Db): void {
  for (const fn of listeners.get(db) ?? []) fn();
  const state = known.get(db);
  if (!state) return;
  state.seq = null;
  state.generation++;
}

export async function dataVersion(db: Db): Promise<number> {
  const state = known.get(db);
  if (state?.seq != null) return state.seq;
  const generation = state?.generation;
  const rows = await query<{ seq: number }>(db, sql`select seq from audit_head where id = 1`);
  const seq = Number(rows[0]?.seq ?? 0);
  if (state && state.generation === generation) state.seq = seq;
  return seq;
}
