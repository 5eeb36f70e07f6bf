import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { generate } from "otplib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT, startArgs, startServer, type RunningServer } from "../support/server.ts";

/**
 * Issue 17, part 5 (ADR 016): the production build, run as the container runs it. `pnpm build` (turbo: cached
 * when nothing changed), then `pnpm server:deploy <dir>` (the built dist/ and the production dependencies only,
 * outside the monorepo: what the Dockerfile's runtime stage holds), then `node dist/cli.js admin:create` and
 * `node dist/main.js` against PostgreSQL, seeding the curated data.
 */
const PASSWORD = "built server password";
let dir: string;
let dataDir: string;
let server: RunningServer;

async function call(url: string, path: string, input: unknown, cookie = "") {
  const r = await fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { result?: { data?: unknown } };
  return {
    status: r.status,
    cookie: r.headers.getSetCookie()[0]?.split(";")[0] ?? cookie,
    data: body.result?.data,
  };
}

beforeAll(async () => {
  const run = (args: string[]) =>
    execFileSync("pnpm", args, { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "" } });
  run(["build", "--filter=@registry/server", "--output-logs=errors-only"]);
  dir = mkdtempSync(join(tmpdir(), "registry-built-"));
  rmSync(dir, { recursive: true });
  run(["--silent", "server:deploy", dir]);
  // pnpm deploy (10.x, --legacy) also writes its bin shims under <cwd>/tmp/<name> for a target in /tmp: tidy up.
  rmSync(join(ROOT, "tmp", basename(dir)), { recursive: true, force: true });
  try {
    rmdirSync(join(ROOT, "tmp"));
  } catch {
    // not there, or not ours alone
  }
  dataDir = mkdtempSync(join(tmpdir(), "registry-built-data-"));

  const name = `built_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("postgresUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const env = {
    DATABASE_URL: inject("postgresUrl").replace(/\/postgres$/, `/${name}`),
    DATA_DIR: dataDir,
  };
  execFileSync(
    process.execPath,
    ["dist/cli.js", "admin:create", "--email", "admin@example.org", "--name", "Admin"],
    { cwd: dir, env: { ...process.env, ...env, ADMIN_PASSWORD: PASSWORD }, stdio: "pipe" },
  );
  server = await startServer(env, {
    command: { cwd: dir, args: startArgs() },
    readyWithin: 240_000,
  });
}, 600_000);

afterAll(async () => {
  server?.signal("SIGTERM");
  await server?.exited;
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the built server (node dist/main.js, production dependencies only)", () => {
  it("ships JavaScript and the npm packages it imports, and no TypeScript runner", () => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const externals = JSON.parse(readFileSync(join(dir, "dist/externals.json"), "utf8")) as string[];
    expect(externals.length).toBeGreaterThan(5);
    for (const e of externals) {
      const name = e.startsWith("@") ? e.split("/").slice(0, 2).join("/") : (e.split("/")[0] ?? e);
      expect(pkg.dependencies, e).toHaveProperty([name]);
      expect(existsSync(join(dir, "node_modules", name)), name).toBe(true);
    }
    expect(existsSync(join(dir, "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(dir, "node_modules/@registry"))).toBe(false);
    expect(existsSync(join(dir, "dist/admin/index.html"))).toBe(true);
  });

  it("answers health, the public site in Russian, open data and the public API, seeded on PostgreSQL", async () => {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { ok: boolean; backend: string };
    expect(health).toEqual({ ok: true, backend: "postgres" });
    expect(server.output()).toMatch(/Dataset: \d+ created/);

    const ru = await fetch(`${server.url}/ru/persons`);
    expect(ru.status).toBe(200);
    const html = await ru.text();
    expect(html).toContain('<html lang="ru"');
    expect(html).toContain("Реестр преследований");
    const css = await fetch(`${server.url}/assets/site.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain("{");

    const data = (await (await fetch(`${server.url}/data/persons.json`)).json()) as {
      licence: string;
      persons: { person: { slug: string } }[];
    };
    expect(data.licence).toBe("CC-BY-4.0");
    expect(data.persons.length).toBeGreaterThan(50);

    const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
    const list = (await (await fetch(`${server.url}/trpc/public.persons?input=${input}`)).json()) as {
      result: { data: { items: { slug: string }[]; total: number } };
    };
    expect(list.result.data.items).toHaveLength(5);
    expect(list.result.data.total).toBe(data.persons.length);
  });

  it("lets the administrator created by the built CLI log in, with the second factor, into the admin app", async () => {
    const page = await fetch(`${server.url}/admin/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script[^>]+src="\/admin\/assets\//);

    const wrong = await call(server.url, "auth.login", {
      email: "admin@example.org",
      password: "not it at all",
    });
    expect(wrong.status).toBe(401);
    const first = await call(server.url, "auth.login", { email: "admin@example.org", password: PASSWORD });
    expect(first.data).toEqual(expect.objectContaining({ next: "enrol" }));
    const start = await call(server.url, "auth.enrolStart", {}, first.cookie);
    const secret = (start.data as { secret: string }).secret;
    const fin = await call(
      server.url,
      "auth.enrolFinish",
      { code: await generate({ secret }) },
      first.cookie,
    );
    expect((fin.data as { recoveryCodes: string[] }).recoveryCodes.length).toBeGreaterThan(0);
    const me = (await (
      await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: fin.cookie } })
    ).json()) as { result: { data: { user: { name: string; role: string } | null } } };
    expect(me.result.data.user).toEqual(expect.objectContaining({ name: "Admin", role: "admin" }));
  });
});
