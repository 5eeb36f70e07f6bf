import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENV_VARIABLES, loadEnv } from "@registry/server/env";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, startArgs } from "../support/server.ts";

/**
 * Docker is not installed where the tests run (ADR 016): the Dockerfile and compose.yaml are never built here.
 * This keeps them from drifting from what tests/e2e/built-server.test.ts runs: the same build and deploy
 * scripts, the same entry and arguments, the same variables, a non-root user, a health check on /healthz.
 */
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const rootPkg = JSON.parse(read("package.json")) as {
  packageManager: string;
  engines: { node: string };
  scripts: Record<string, string>;
};

interface Stage {
  from: string;
  name: string | undefined;
  lines: { op: string; args: string }[];
}
/** The Dockerfile's stages and instructions (continuation lines joined, comments dropped). */
function dockerfile(): Stage[] {
  const stages: Stage[] = [];
  const text = read("Dockerfile").replace(/\\\n\s*/g, " ");
  for (const line of text.split("\n")) {
    const m = /^([A-Z]+)\s+(.*)$/.exec(line.trim());
    if (!m?.[1] || line.trim().startsWith("#")) continue;
    const [, op, args = ""] = m;
    if (op === "FROM") {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: f?.[1] ?? "", name: f?.[2], lines: [] });
    } else stages.at(-1)?.lines.push({ op, args });
  }
  return stages;
}
const all = (s: Stage, op: string) => s.lines.filter((l) => l.op === op).map((l) => l.args);
const env = (s: Stage) =>
  Object.fromEntries(
    all(s, "ENV")
      .join(" ")
      .split(/\s+/)
      .map((kv) => kv.split("=") as [string, string]),
  );

describe("Dockerfile", () => {
  const stages = dockerfile();
  const build = stages[0] as Stage;
  const runtime = stages.at(-1) as Stage;

  it("builds with the repository's pnpm, build and deploy scripts, on the Node version package.json asks for", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const major = /(\d+)/.exec(rootPkg.engines.node)?.[1];
    for (const s of stages) expect(s.from).toMatch(new RegExp(`^node:${major}(-|$)`));
    const runs = all(build, "RUN");
    expect(runs).toContain(`npm install -g ${rootPkg.packageManager}`);
    expect(runs).toContain("pnpm install --frozen-lockfile");
    const buildRun = runs.find((r) => r.startsWith("pnpm build"));
    expect(buildRun).toBe("pnpm build --filter=@registry/server");
    expect(rootPkg.scripts.build).toBe("turbo run build");
    const deploy = runs.find((r) => r.startsWith("pnpm server:deploy"));
    expect(rootPkg.scripts["server:deploy"]).toContain("deploy --prod");
    const out = deploy?.split(" ")[2];
    expect(out).toMatch(/^\//);
    // The runtime holds the deployed folder alone: its package.json, node_modules and dist.
    const copies = all(runtime, "COPY");
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) expect(c).toMatch(new RegExp(`^--from=${build.name} .*${out}/`));
    expect(copies.map((c) => c.split(" ").at(-2))).toEqual(
      expect.arrayContaining([`${out}/node_modules`, `${out}/dist`]),
    );
  });

  it("runs node on the built entry as start:prod does, as a non-root user, with health check and data volume", () => {
    const cmd = JSON.parse(all(runtime, "CMD").at(-1) ?? "[]") as string[];
    expect(cmd).toEqual(["node", ...startArgs()]);
    const vars = env(runtime);
    expect(vars.NODE_ENV).toBe("production");
    const user = all(runtime, "USER").at(-1);
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
    expect(all(runtime, "VOLUME")).toEqual([vars.DATA_DIR]);
    expect(all(runtime, "EXPOSE")).toEqual([vars.PORT]);
    expect(all(runtime, "HEALTHCHECK").join(" ")).toContain("/healthz");
    // Every variable it sets is one the server reads, with a value the server accepts.
    for (const k of Object.keys(vars)) expect(ENV_VARIABLES, k).toContain(k);
    expect(() => loadEnv(vars)).not.toThrow();
  });

  it("leaves dependencies, builds and local data out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const p of ["**/node_modules", "**/dist", "**/.data", ".env", ".git"]) expect(ignored).toContain(p);
  });
});

describe("compose.yaml", () => {
  const compose = parse(read("compose.yaml")) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const { server, db } = compose.services;

  it("runs the server from this Dockerfile on PostgreSQL 16, once PostgreSQL is healthy", () => {
    expect(server?.build).toBe(".");
    expect(String(db?.image)).toMatch(/^postgres:16(\b|$)/);
    expect((db?.healthcheck as { test: string[] }).test.join(" ")).toContain("pg_isready");
    expect(server?.depends_on).toEqual({ db: { condition: "service_healthy" } });
    expect(db?.volumes).toEqual([expect.stringMatching(/^pgdata:\/var\/lib\/postgresql\/data$/)]);
  });

  it("gives the server variables it reads, a DATABASE_URL to that database, and DATA_DIR on a volume", () => {
    const vars = server?.environment as Record<string, string>;
    const pgEnv = db?.environment as Record<string, string>;
    for (const k of Object.keys(vars)) expect(ENV_VARIABLES, k).toContain(k);
    expect(vars.DATABASE_URL).toBe(
      `postgres://${pgEnv.POSTGRES_USER}:\${POSTGRES_PASSWORD}@db:5432/${pgEnv.POSTGRES_DB}`,
    );
    const withPassword = Object.fromEntries(
      Object.entries(vars).map(([k, v]) => [k, v.replace("${POSTGRES_PASSWORD}", "secret")]),
    );
    expect(loadEnv(withPassword).DATABASE_URL).toBe("postgres://registry:secret@db:5432/registry");
    expect(server?.volumes).toEqual([`data:${vars.DATA_DIR}`]);
    expect(Object.keys(compose.volumes).sort()).toEqual(["data", "pgdata"]);
    expect(server?.ports).toEqual([`127.0.0.1:${vars.PORT}:${vars.PORT}`]);
    // The image's own settings agree with compose's.
    const runtime = dockerfile().at(-1) as Stage;
    expect(env(runtime).DATA_DIR).toBe(vars.DATA_DIR);
    expect(env(runtime).PORT).toBe(vars.PORT);
  });

  it("takes its secrets from .env, whose example names only variables the server or compose reads", () => {
    expect(server?.env_file).toBe(".env");
    const example = read(".env.example")
      .split("\n")
      .map((l) => /^#?\s*([A-Z_]+)=/.exec(l)?.[1])
      .filter((k) => k !== undefined);
    expect(example).toContain("POSTGRES_PASSWORD");
    expect(example).toContain("SECRET_KEY");
    for (const k of example) expect([...ENV_VARIABLES, "POSTGRES_PASSWORD"], k).toContain(k);
    // Set variables in the example are valid as they stand (the commented ones are left out by the reader).
    const set = read(".env.example")
      .split("\n")
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split("=")[0]);
    expect(set).toEqual(["POSTGRES_PASSWORD"]);
  });
});
