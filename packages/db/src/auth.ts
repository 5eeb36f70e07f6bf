import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { authAttempts, sessions, users } from "./schema.ts";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** Users and sessions: storage only. Hashing, TOTP and policy live in the API's auth module. */
export const userStore = {
  byEmail: async (db: Db, email: string) =>
    (await db.select().from(users).where(eq(users.email, email.toLowerCase())))[0] ?? null,
  byId: async (db: Db, id: string) => (await db.select().from(users).where(eq(users.id, id)))[0] ?? null,
  list: (db: Db) => db.select().from(users).orderBy(users.email),
  count: async (db: Db) => (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n ?? 0,
  create: async (db: Db, u: typeof users.$inferInsert) =>
    (
      await db
        .insert(users)
        .values({ ...u, email: u.email.toLowerCase() })
        .returning()
    )[0] as UserRow,
  update: async (db: Db, id: string, patch: Partial<typeof users.$inferInsert>) =>
    (await db.update(users).set(patch).where(eq(users.id, id)).returning())[0] ?? null,
};

export const sessionStore = {
  create: (db: Db, s: typeof sessions.$inferInsert) => db.insert(sessions).values(s),
  get: async (db: Db, tokenHash: string) =>
    (await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)))[0] ?? null,
  touch: (db: Db, tokenHash: string, at: string) =>
    db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash)),
  upgrade: (db: Db, tokenHash: string) =>
    db.update(sessions).set({ secondFactor: true }).where(eq(sessions.tokenHash, tokenHash)),
  delete: (db: Db, tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)),
  deleteForUser: (db: Db, userId: string, exceptTokenHash?: string) =>
    db
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          exceptTokenHash ? sql`${sessions.tokenHash} <> ${exceptTokenHash}` : undefined,
        ),
      ),
  forUser: (db: Db, userId: string) =>
    db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(sessions.createdAt),
  all: (db: Db) => db.select().from(sessions).orderBy(sessions.createdAt),
  /** Removes sessions past their idle or absolute limit. */
  expire: (db: Db, idleBefore: string, createdBefore: string) =>
    db.delete(sessions).where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore))),
};

/**
 * Attempt counters in fixed windows (the `auth_attempts` table). Times come from the database's
 * clock, so every server on the database agrees.
 */
export const attemptStore = {
  /**
   * Counts one attempt under `key` in one atomic statement: the window starts at the first attempt and lasts
   * `seconds`. Returns the number of attempts in the window, this one included, and the seconds left in it.
   */
  hit: async (db: Db, key: string, seconds: number): Promise<{ count: number; wait: number }> => {
    const [row] = await query<{ count: number; wait: number }>(
      db,
      sql`insert into auth_attempts (key, count, reset_at)
        values (${key}, 1, now() + ${Math.ceil(seconds)}::int * interval '1 second')
        on conflict (key) do update set
          count = case when auth_attempts.reset_at <= now() then 1 else auth_attempts.count + 1 end,
          reset_at = case when auth_attempts.reset_at <= now() then excluded.reset_at else auth_attempts.reset_at end
        returning count, greatest(1, ceil(extract(epoch from (reset_at - now()))))::int as wait`,
    );
    return { count: Number(row?.count ?? 1), wait: Number(row?.wait ?? seconds) };
  },
  /** Gives one attempt back (a successful one that should not count against the limit). */
  giveBack: (db: Db, key: string) =>
    db
      .update(authAttempts)
      .set({ count: sql`greatest(${authAttempts.count} - 1, 0)` })
      .where(eq(authAttempts.key, key)),
  clear: (db: Db, key: string) => db.delete(authAttempts).where(eq(authAttempts.key, key)),
  /** Every counter; for tests and for an administrator lifting all blocks. */
  clearAll: (db: Db) => db.delete(authAttempts),
  /** Removes counters whose window has ended. */
  expire: (db: Db) => db.delete(authAttempts).where(sql`${authAttempts.resetAt} <= now()`),
};
