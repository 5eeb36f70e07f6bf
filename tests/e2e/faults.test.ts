import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres, type PostgresServer } from "@registry/db/testing";
import { generate } from "otplib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startServer, type RunningServer } from "../support/server.ts";

const PASSWORD = "fault harness password";

async function call(url: string, path: string, input: unknown, cookie = "", method: "GET" | "POST" = "POST") {
  const r =
    method === "GET"
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie },
        })
      : await fetch(`${url}/trpc/${path}`, {
          method,
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(input),
        });
  const body = (await r.json().catch(() => ({}))) as { result?: { data?: unknown } };
  return {
    status: r.status,
    cookie: r.headers.getSetCookie()[0]?.split(";")[0] ?? cookie,
    data: body.result?.data,
  };
}

/** Logs the admin in: the first time with TOTP enrolment, later with one of the recovery codes. */
async function login(url: string, state: { recovery: string[] }): Promise<string> {
  const first = await call(url, "auth.login", { email: "admin@example.org", password: PASSWORD });
  const next = (first.data as { next: string }).next;
  if (next === "enrol") {
    const start = await call(url, "auth.enrolStart", {}, first.cookie);
    const secret = (start.data as { secret: string }).secret;
    const fin = await call(url, "auth.enrolFinish", { code: await generate({ secret }) }, first.cookie);
    state.recovery = (fin.data as { recoveryCodes: string[] }).recoveryCodes;
    return fin.cookie;
  }
  const code = state.recovery.shift() ?? "";
  const r = await call(url, "auth.recover", { code }, first.cookie);
  return r.cookie;
}

/** Creates persons one by one until stopped; returns the ids the server acknowledged. */
function writer(url: string, cookie: string, prefix: string) {
  const acked: string[] = [];
  let stop = false;
  const done = (async () => {
    for (let i = 0; !stop; i++) {
      const id = `${prefix}-${i}`;
      try {
        const r = await call(
          url,
          "admin.persons.create",
          { record: { id, slug: id, names: [{ text: `Fault Test ${i}`, script: "latin", primary: true }] } },
          cookie,
        );
        if (r.status === 200) acked.push(id);
      } catch {
        return;
      }
    }
  })();
  return { acked, stop: () => (stop = true), done };
}

async function present(url: string, cookie: string, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids)
    if ((await call(url, "admin.persons.get", { id }, cookie, "GET")).status !== 200) missing.push(id);
  return missing;
}

const backends = ["pglite", "postgres"] as const;

describe.each(backends)("faults on %s (E4, E8)", (backend) => {
  let pgServer: PostgresServer | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), `registry-faults-${backend}-`));
  const env: Record<string, string> = { DATA_DIR: dataDir, SEED: "false" };
  const state = { recovery: [] as string[] };

  beforeAll(async () => {
    if (backend === "postgres") {
      pgServer = await startPostgres();
      const client = new pg.Client({ connectionString: pgServer.url });
      await client.connect();
      await client.query("CREATE DATABASE faults");
      await client.end();
      env.DATABASE_URL = pgServer.url.replace(/\/postgres$/, "/faults");
    }
    execFileSync(
      "pnpm",
      [
        "--silent",
        "--filter",
        "@registry/server",
        "admin:create",
        "--email",
        "admin@example.org",
        "--name",
        "Admin",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, ADMIN_PASSWORD: PASSWORD },
        stdio: "pipe",
      },
    );
  }, 120_000);
  afterAll(async () => {
    await pgServer?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write through SIGKILLs, and reports how the database reopens", async () => {
    const acked: string[] = [];
    let failedStarts = 0;
    const cycles = 4;
    let server: RunningServer = await startServer(env);
    let cookie = await login(server.url, state);
    for (let cycle = 0; cycle < cycles; cycle++) {
      const w = writer(server.url, cookie, `p-kill${cycle}`);
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 1200)));
      server.signal("SIGKILL");
      w.stop();
      await w.done;
      await server.exited;
      acked.push(...w.acked);
      try {
        server = await startServer(env);
      } catch (e) {
        failedStarts++;
        // Refusing to start must say what to do.
        expect(String(e)).toMatch(/restore|backup/i);
        break;
      }
      cookie = await login(server.url, state);
      expect(await present(server.url, cookie, acked)).toEqual([]);
    }
    console.log(
      `${backend}: ${cycles} SIGKILL cycles, ${acked.length} acknowledged writes, ${failedStarts} failed restarts`,
    );
    if (backend === "postgres") expect(failedStarts).toBe(0);
    expect(acked.length).toBeGreaterThan(0);

    // E8: SIGTERM during writes ends cleanly, and the next start is clean with every acknowledged write.
    if (failedStarts === 0) {
      const w = writer(server.url, cookie, "p-term");
      await new Promise((r) => setTimeout(r, 500));
      server.signal("SIGTERM");
      expect(await server.exited).toBe(0);
      w.stop();
      await w.done;
      expect(server.output()).toMatch(/Database closed; bye\./);
      const again = await startServer(env);
      try {
        const c = await login(again.url, state);
        expect(await present(again.url, c, [...acked, ...w.acked])).toEqual([]);
      } finally {
        again.signal("SIGTERM");
        await again.exited;
      }
    }
  }, 300_000);
});
