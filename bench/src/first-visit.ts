/**
 * pnpm bench:first-visit: the curated registry as `pnpm start` runs it, measured as readers meet it (issue 18).
 *
 * Starts the real server (apps/server/src/main.ts) on a new data directory with the curated data, and as soon as
 * /healthz says it is ready (as a load balancer would send readers), visits every person page (in English, Russian and Kazakh) and every filtered list once at
 * concurrency 8: the first visits. Then the same addresses again: the second visits. Then it restarts the server
 * on the same data directory and measures the first visits of the restarted server. Each figure is set beside
 * the second visit (the goal: first ≥ 50% of second, p99 ≤ 50 ms) and beside a bare node:http server sending the
 * same bytes from memory in the same run.
 *
 * Environment: FIRST_VISIT_CONNECTIONS (8), FIRST_VISIT_WAIT (seconds to wait after start before the first
 * visits; default 0: right away).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { get } from "./http.ts";
import { bareLimit as bareOf, visit as visitOf } from "./visits.ts";
import { fmt } from "./report.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONNECTIONS = Number(process.env.FIRST_VISIT_CONNECTIONS ?? 8);
const WAIT = Number(process.env.FIRST_VISIT_WAIT ?? 0);

const visit = (base: string, paths: readonly string[]) => visitOf(base, paths, CONNECTIONS);
const bareLimit = (base: string, paths: readonly string[]) => bareOf(base, paths, CONNECTIONS);

interface Started {
  url: string;
  child: ChildProcess;
  log: string[];
}

async function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(ROOT, "apps/server"),
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      for (const line of d.toString().split("\n")) if (line.trim()) log.push(line.trim());
      const m = /public site\s+(http:\/\/[^\s/]+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr?.on("data", (d: Buffer) => log.push(d.toString().trim()));
    child.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${log.join("\n")}`)));
  });
  // As a load balancer does: readers are sent once /healthz says ready.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const ok = await get(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, log };
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once("exit", r));
  s.child.kill("SIGTERM");
  await exited;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-first-visit-"));
  const rows: [string, string, string, string][] = [];
  try {
    let server = await start(dataDir);
    const persons: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const input = encodeURIComponent(JSON.stringify({ limit: 200, ...(cursor ? { cursor } : {}) }));
      const page = JSON.parse(
        (await get(`${server.url}/trpc/public.persons?input=${input}`)).body.toString(),
      ) as {
        result: { data: { items: { slug: string }[]; next: string | null } };
      };
      persons.push(...page.result.data.items.map((i) => i.slug));
      if (!page.result.data.next) break;
      cursor = page.result.data.next;
    }
    const locales = ["", "/ru", "/kk"];
    const personPaths = persons.flatMap((s) => locales.map((l) => `${l}/persons/${s}`));
    const lists = ["political-prisoners", "persecuted", "restriction-of-liberty", "in-exile"];
    const statuses = ["imprisoned", "pre-trial-detention", "released", "unknown"];
    const listPaths = locales.flatMap((l) => [
      ...lists.map((x) => `${l}/persons?list=${x}`),
      ...statuses.map((x) => `${l}/persons?status=${x}`),
    ]);
    if (WAIT) await new Promise((r) => setTimeout(r, WAIT * 1000));
    const report = (
      what: string,
      first: Awaited<ReturnType<typeof visit>>,
      second: typeof first,
      bare: typeof first,
    ) => {
      const ok = first.requestsPerSec >= 0.5 * second.requestsPerSec && first.p99 <= 50;
      rows.push([
        what,
        `${fmt.int(first.requestsPerSec)} req/s, p50 ${fmt.ms(first.p50)} p99 ${fmt.ms(first.p99)}${first.non2xx + first.errors ? ` (${first.non2xx + first.errors} failed)` : ""}`,
        `second ${fmt.int(second.requestsPerSec)} req/s p99 ${fmt.ms(second.p99)}; bare ${fmt.int(bare.requestsPerSec)} req/s`,
        `${fmt.pct(first.requestsPerSec / second.requestsPerSec)} of second, ${fmt.pct(second.requestsPerSec / bare.requestsPerSec)} second/bare ${ok ? "yes" : "no"}`,
      ]);
    };
    /** The person pages and the lists, visited a first and a second time, beside the bare limit. */
    const measure = async (when: string, base: string) => {
      for (const [name, paths] of [
        ["person pages", personPaths],
        ["filtered lists", listPaths],
      ] as const) {
        const first = await visit(base, paths);
        const second = await visit(base, paths);
        const bare = await bareLimit(base, paths);
        report(`${when}: ${name} (${paths.length})`, first, second, bare);
      }
    };
    await measure("first start", server.url);
    // Wait for the background rendering, so that the restart finds the saved pages.
    const deadline = Date.now() + 120_000;
    while (
      !server.log.some((l) => l.startsWith("public pages:") && l.includes("rendered")) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 200));
    await stop(server);
    server = await start(dataDir);
    await measure("restart", server.url);
    await stop(server);
    console.log(`\nfirst visits at concurrency ${CONNECTIONS}, curated data (${persons.length} persons)\n`);
    for (const r of rows) console.log(`${r[0].padEnd(36)} ${r[1].padEnd(44)} ${r[2].padEnd(46)} ${r[3]}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
