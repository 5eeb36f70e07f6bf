import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Brute-force limits: at most 10 failed passwords per account and 30 per address in 15 minutes, and 5 failed
 * second-factor codes per account in 5 minutes.
 */
export function createLimiters() {
  return {
    account: new RateLimiterMemory({ keyPrefix: "acct", points: 10, duration: 15 * 60 }),
    ip: new RateLimiterMemory({ keyPrefix: "ip", points: 30, duration: 15 * 60 }),
    totp: new RateLimiterMemory({ keyPrefix: "totp", points: 5, duration: 5 * 60 }),
  };
}
export type Limiters = ReturnType<typeof createLimiters>;

/** Seconds until the key may try again, or 0 when it is not blocked. */
export async function blockedFor(limiter: RateLimiterMemory, key: string): Promise<number> {
  const r = await limiter.get(key);
  return r !== null && r.remainingPoints <= 0 ? Math.max(1, Math.ceil(r.msBeforeNext / 1000)) : 0;
}

export async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
  }
}
