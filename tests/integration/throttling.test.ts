import { createUser } from "@registry/api";
import type { Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

const PASSWORD = "the right password, long enough";

/** Each attempt from its own address (through a trusted proxy), so only the per-account limit is in play. */
const from = (i: number) => ({ "x-forwarded-for": `198.51.100.${i % 250}` });

/**
 * A2 against bursts and restarts: attempts are counted in the database before the password is checked, so 40
 * parallel wrong passwords get at most 10 argon2 checks (each check answers 401; the rest are refused 429 before
 * any check), and a new server on the same database keeps the block.
 */
describe.each(BACKENDS)("login and password-change throttling on $name", (backend) => {
  let database: Database;
  let app: HttpApp;
  const env = { TRUST_PROXY: "loopback" };
  beforeAll(async () => {
    database = await backend.open();
    app = await startHttpApp(database, env);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("checks at most 10 of 40 parallel wrong passwords for one account; the block outlives a restart", async () => {
    await createUser(database.db, {
      email: "burst@example.org",
      name: "B",
      role: "editor",
      password: PASSWORD,
    });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        trpc(
          app.url,
          "auth.login",
          { email: "burst@example.org", password: `wrong password ${i}` },
          undefined,
          from(i),
        ),
      ),
    );
    const checked = answers.filter((a) => a.status === 401).length;
    const refused = answers.filter((a) => a.status === 429).length;
    expect(checked + refused).toBe(40);
    expect(checked).toBeLessThanOrEqual(10);
    expect(answers.find((a) => a.status === 429)?.headers.get("retry-after")).toMatch(/^\d+$/);

    // The right password now gets the limit error too, without a check...
    const right = await trpc(
      app.url,
      "auth.login",
      { email: "burst@example.org", password: PASSWORD },
      undefined,
      {
        "x-forwarded-for": "203.0.113.77",
      },
    );
    expect(right.status).toBe(429);
    expect(right.setCookie).toEqual([]);
    expect(JSON.stringify(right.body)).toContain("Too many attempts");

    // ...and from a new server process on the same database (limits are not kept in memory).
    const restarted = await startHttpApp(database, env);
    try {
      const again = await trpc(
        restarted.url,
        "auth.login",
        { email: "burst@example.org", password: PASSWORD },
        undefined,
        { "x-forwarded-for": "203.0.113.78" },
      );
      expect(again.status).toBe(429);
      expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await restarted.close();
    }
  });

  it("throttles changePassword the same way: 40 parallel wrong current passwords, at most 10 checked", async () => {
    const cookie = await loginOverHttp(app, database, "changer@example.org", "editor");
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        trpc(
          app.url,
          "auth.changePassword",
          { current: `not the password ${i}`, next: "a brand new password" },
          cookie,
        ),
      ),
    );
    const checked = answers.filter((a) => a.status === 401).length;
    const refused = answers.filter((a) => a.status === 429).length;
    expect(checked + refused).toBe(40);
    expect(checked).toBeLessThanOrEqual(10);
    // loginOverHttp's password: refused with the limit error, the password unchanged.
    const right = await trpc(
      app.url,
      "auth.changePassword",
      { current: "a long enough password", next: "a brand new password" },
      cookie,
    );
    expect(right.status).toBe(429);
    // One limit for the account: the login is blocked as well, also after a restart.
    const restarted = await startHttpApp(database, env);
    try {
      const login = await trpc(
        restarted.url,
        "auth.login",
        { email: "changer@example.org", password: "a long enough password" },
        undefined,
        { "x-forwarded-for": "203.0.113.79" },
      );
      expect(login.status).toBe(429);
    } finally {
      await restarted.close();
    }
  });
});
