import { randomBytes } from "node:crypto";
import {
  createCaller,
  createLimiters,
  createSessionContext,
  createUser,
  memoryTransport,
} from "@registry/api";
import { attemptStore, sessionStore, userStore, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { generate } from "otplib";
import { errorOf } from "../support/errors.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let database: Database;
const secrets = new Map<string, string>();
const secretKey = randomBytes(32);
const limits = createLimiters();
/** The attempt counters live in the database: forgetting them is deleting its rows. */
const resetLimits = () => attemptStore.clearAll(database.db);
const PASSWORD = "correct horse battery staple";

const ctxOf = (transport: ReturnType<typeof memoryTransport>, now?: Date) =>
  createSessionContext({ database, secretKey, limits, transport, ...(now ? { now } : {}) });
const api = async (transport: ReturnType<typeof memoryTransport>, now?: Date) =>
  createCaller(await ctxOf(transport, now));

/** Logs in with both factors; returns the transport holding the session cookie and the TOTP secret. */
async function enrol(email: string) {
  const t = memoryTransport();
  expect(await (await api(t)).auth.login({ email, password: PASSWORD })).toEqual({ next: "enrol" });
  const { secret } = await (await api(t)).auth.enrolStart();
  secrets.set(email, secret);
  const pending = t.token;
  const { recoveryCodes } = await (await api(t)).auth.enrolFinish({ code: await generate({ secret }) });
  expect(t.token).not.toBe(pending); // a new token once both factors are given
  return { t, secret, recoveryCodes };
}

beforeAll(async () => {
  database = await createTestDb();
  await createUser(database.db, {
    email: "admin@example.org",
    name: "Admin",
    role: "admin",
    password: PASSWORD,
  });
  await createUser(database.db, {
    email: "plain@example.org",
    name: "Plain",
    role: "editor",
    password: PASSWORD,
  });
  const locked = await createUser(database.db, {
    email: "locked@example.org",
    name: "Locked",
    role: "editor",
    password: PASSWORD,
  });
  await userStore.update(database.db, locked.id, { disabled: true });
});
afterAll(() => database.close());

describe("curators' login", () => {
  it("stores passwords with argon2id at OWASP's parameters", async () => {
    const u = await userStore.byEmail(database.db, "admin@example.org");
    expect(u?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("answers a wrong password the same way for unknown, plain, second-factor and disabled users, and sets no cookie", async () => {
    await enrol("admin@example.org");
    const answers = [];
    for (const email of [
      "nobody@example.org",
      "plain@example.org",
      "admin@example.org",
      "locked@example.org",
    ]) {
      const t = memoryTransport();
      const e = await errorOf((await api(t)).auth.login({ email, password: "wrong password!!" }));
      answers.push({ code: e.code, message: e.message, token: t.token });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ code: "UNAUTHORIZED", message: "Wrong e-mail or password", token: null });
    // The disabled user is refused even with the right password, in the same words.
    const e = await errorOf(
      (await api(memoryTransport())).auth.login({ email: "locked@example.org", password: PASSWORD }),
    );
    expect(e.message).toBe("Wrong e-mail or password");
  });

  it("gives no curator access with the password alone", async () => {
    const t = memoryTransport();
    expect(await (await api(t)).auth.login({ email: "admin@example.org", password: PASSWORD })).toEqual({
      next: "totp",
    });
    expect(t.token).not.toBeNull();
    expect((await (await api(t)).auth.me()).pendingSecondFactor).toBe(true);
    expect((await errorOf((await api(t)).admin.persons.list({}))).code).toBe("UNAUTHORIZED");
    expect((await errorOf((await api(t)).users.list())).code).toBe("UNAUTHORIZED");
  });

  it("accepts each TOTP code once, keeps the secret encrypted, and limits failed codes", async () => {
    const { secret } = await (async () => {
      await createUser(database.db, {
        email: "totp@example.org",
        name: "T",
        role: "editor",
        password: PASSWORD,
      });
      return enrol("totp@example.org");
    })();
    const stored = (await userStore.byEmail(database.db, "totp@example.org"))?.totpSecret ?? "";
    expect(stored).not.toContain(secret);
    // The code used at enrolment cannot be used again.
    const t = memoryTransport();
    await (await api(t)).auth.login({ email: "totp@example.org", password: PASSWORD });
    const replay = await errorOf((await api(t)).auth.verify({ code: await generate({ secret }) }));
    expect(replay.code).toBe("UNAUTHORIZED");
    for (let i = 0; i < 4; i++) await errorOf((await api(t)).auth.verify({ code: "000000" }));
    const blocked = await errorOf((await api(t)).auth.verify({ code: "000000" }));
    expect(["UNAUTHORIZED", "TOO_MANY_REQUESTS"]).toContain(blocked.code);
    const after = await errorOf((await api(t)).auth.verify({ code: "000001" }));
    expect(after.code).toBe("TOO_MANY_REQUESTS");
    expect(t.headers["Retry-After"]).toMatch(/^\d+$/);
  });

  it("blocks an account after 10 failed passwords in 15 minutes, even for the right password, with Retry-After", async () => {
    await resetLimits();
    for (let i = 0; i < 10; i++)
      await errorOf(
        (await api(memoryTransport("", `10.0.0.${i}`))).auth.login({
          email: "plain@example.org",
          password: `wrong-${i}-password`,
        }),
      );
    const t = memoryTransport(null, "10.0.1.1");
    const e = await errorOf((await api(t)).auth.login({ email: "plain@example.org", password: PASSWORD }));
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(t.headers["Retry-After"])).toBeGreaterThan(0);
    await resetLimits();
  });

  it("stores only the hash of session tokens, and ends sessions at logout, idle timeout, absolute timeout, password change and disabling", async () => {
    const { t } = await enrol("plain@example.org");
    const token = t.token ?? "";
    const rows = await sessionStore.all(database.db);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect((await (await api(t)).auth.me()).user?.role).toBe("editor");
    // idle 31 minutes
    expect(
      (await (await api(memoryTransport(token), new Date(Date.now() + 31 * 60_000))).auth.me()).user,
    ).toBeNull();
    const again = await loginWithTotp("plain@example.org");
    expect(
      (await (await api(memoryTransport(again), new Date(Date.now() + 12 * 3600_000 + 60_000))).auth.me())
        .user,
    ).toBeNull();
    const s3 = await loginWithTotp("plain@example.org");
    const t3 = memoryTransport(s3);
    await (await api(t3)).auth.logout();
    expect((await (await api(memoryTransport(s3))).auth.me()).user).toBeNull();
    const s4 = await loginWithTotp("plain@example.org");
    const other = await loginWithTotp("plain@example.org");
    await (await api(memoryTransport(s4))).auth.changePassword({ current: PASSWORD, next: `${PASSWORD} 2` });
    expect((await (await api(memoryTransport(other))).auth.me()).user).toBeNull();
    const u = await userStore.byEmail(database.db, "plain@example.org");
    await userStore.update(database.db, u?.id ?? "", {
      passwordHash: (await userStore.byEmail(database.db, "admin@example.org"))?.passwordHash ?? "",
    });
    const s5 = await loginWithTotp("plain@example.org");
    const admin = await loginWithTotp("admin@example.org");
    await (await api(memoryTransport(admin))).users.setDisabled({ id: u?.id ?? "", disabled: true });
    expect((await (await api(memoryTransport(s5))).auth.me()).user).toBeNull();
  });
});

async function loginWithTotp(email: string): Promise<string> {
  const t = memoryTransport();
  const first = await (await api(t)).auth.login({ email, password: PASSWORD });
  if (first.next === "enrol") {
    const { secret } = await (await api(t)).auth.enrolStart();
    secrets.set(email, secret);
    await (await api(t)).auth.enrolFinish({ code: await generate({ secret }) });
  } else {
    // A fresh code from the next time step would be needed after the enrolment's; use the recovery path instead.
    const u = await userStore.byEmail(database.db, email);
    await userStore.update(database.db, u?.id ?? "", { totpLastStep: null });
    const secret = secrets.get(email) ?? "";
    await (await api(t)).auth.verify({ code: await generate({ secret }) });
  }
  return t.token ?? "";
}

describe("curators' login, continued", () => {
  it("A1: takes as long for an unknown e-mail as for a wrong password (a dummy hash runs)", async () => {
    await resetLimits();
    const time = async (email: string) => {
      const t0 = performance.now();
      await errorOf(
        (await api(memoryTransport(null, `192.0.2.${Math.floor(Math.random() * 250)}`))).auth.login({
          email,
          password: "not the password",
        }),
      );
      return performance.now() - t0;
    };
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 9; i++) {
      unknown.push(await time(`nobody${i}@example.org`));
      known.push(await time("admin@example.org"));
      await resetLimits();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(unknown) / median(known);
    // Both are dominated by one argon2id verification (~50 ms); a missing dummy hash would make unknown ~0.02.
    // The bounds leave room for a busy machine (other test files run alongside), not for a missing hash.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("A3: rehashes a password stored with weaker parameters at the next login", async () => {
    const { hash } = await import("@node-rs/argon2");
    await createUser(database.db, {
      email: "old@example.org",
      name: "Old",
      role: "editor",
      password: PASSWORD,
    });
    const u = await userStore.byEmail(database.db, "old@example.org");
    await userStore.update(database.db, u?.id ?? "", {
      passwordHash: await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 }),
    });
    await (await api(memoryTransport())).auth.login({ email: "old@example.org", password: PASSWORD });
    expect((await userStore.byEmail(database.db, "old@example.org"))?.passwordHash).toMatch(
      /m=19456,t=2,p=1/,
    );
  });

  it("A4: accepts the previous 30-second step's code but not the next one's", async () => {
    await createUser(database.db, {
      email: "window@example.org",
      name: "W",
      role: "editor",
      password: PASSWORD,
    });
    const { secret } = await enrol("window@example.org");
    const u = await userStore.byEmail(database.db, "window@example.org");
    await userStore.update(database.db, u?.id ?? "", { totpLastStep: null });
    const now = Math.floor(Date.now() / 1000);
    const t = memoryTransport();
    await (await api(t)).auth.login({ email: "window@example.org", password: PASSWORD });
    const next = await errorOf(
      (await api(t)).auth.verify({ code: await generate({ secret, epoch: now + 30 }) }),
    );
    expect(next.code).toBe("UNAUTHORIZED");
    await (await api(t)).auth.verify({ code: await generate({ secret, epoch: now - 30 }) });
    expect((await (await api(t)).auth.me()).user?.role).toBe("editor");
  });

  it("A6: an administrator ends another curator's session", async () => {
    await createUser(database.db, {
      email: "victim@example.org",
      name: "V",
      role: "editor",
      password: PASSWORD,
    });
    const { t: victim } = await enrol("victim@example.org");
    const admin = await loginWithTotp("admin@example.org");
    const list = await (await api(memoryTransport(admin))).auth.sessions();
    const u = await userStore.byEmail(database.db, "victim@example.org");
    const target = list.find((s) => s.userId === u?.id);
    expect(target).toBeDefined();
    await (await api(memoryTransport(admin))).auth.endSession({ id: target?.id ?? "" });
    expect((await (await api(victim)).auth.me()).user).toBeNull();
  });
});
