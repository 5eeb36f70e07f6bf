import { attemptStore, type Db } from "@registry/db";

/**
 * One brute-force limit: at most `points` attempts per key in a window of `seconds`. Attempts are counted in the
 * database (`auth_attempts`) before the password or code is checked, so a burst of parallel requests gets no more
 * checks than the limit, and neither a restart nor a second server resets the count.
 */
export class Limiter {
  constructor(
    readonly prefix: string,
    readonly points: number,
    readonly seconds: number,
  ) {}

  /** Counts an attempt; 0 when it may go ahead, else the seconds until the key may try again. */
  async take(db: Db, key: string): Promise<number> {
    await sweep(db);
    const { count, wait } = await attemptStore.hit(db, `${this.prefix}:${key}`, this.seconds);
    return count > this.points ? wait : 0;
  }

  /** Gives back the attempt of a request that succeeded. */
  async giveBack(db: Db, key: string): Promise<void> {
    await attemptStore.giveBack(db, `${this.prefix}:${key}`);
  }

  /** Forgets the key's attempts (the account's owner proved the password). */
  async reset(db: Db, key: string): Promise<void> {
    await attemptStore.clear(db, `${this.prefix}:${key}`);
  }
}

/** How many submissions one address may post in an hour. */
export const SUBMIT_LIMIT = 10;

/**
 * Brute-force limits: at most 10 password attempts per account (logins and password changes together) and 30
 * logins per address in 15 minutes, and 5 second-factor codes per account in 5 minutes. Successful attempts are
 * given back.
 */
export function createLimiters() {
  return {
    account: new Limiter("acct", 10, 15 * 60),
    ip: new Limiter("ip", 30, 15 * 60),
    totp: new Limiter("totp", 5, 5 * 60),
    /** Readers' submissions through the public form (ADR 021): per address, every post counts. */
    submit: new Limiter("submit", SUBMIT_LIMIT, 60 * 60),
  };
}
export type Limiters = ReturnType<typeof createLimiters>;

// Expired counters are removed at most once a minute per process; the table holds one row per recent key.
let lastSweep = 0;
async function sweep(db: Db) {
  const now = Date.now();
  if (now - lastSweep < 60_000) return;
  lastSweep = now;
  await attemptStore.expire(db);
}
