/**
 * The bench's HTTP server, run in its own process (so autocannon and the server do not share an event loop):
 * the real app of @registry/server as the server runs it (stored public pages first, express for the rest), and
 * beside it a bare node:http handler serving the same pages' bytes from memory (the limit, under /__static/). Prints `LISTENING <port>` when ready; SIGTERM closes the database.
 *
 * Environment: BENCH_TARGET (JSON of a Target), BENCH_STATIC_DIR.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { join } from "node:path";
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import { applyChanges, createDb, getRecord } from "@registry/db";
import { createApp } from "@registry/server/app";
import type { Target } from "./backends.ts";

const target = JSON.parse(process.env.BENCH_TARGET ?? "null") as Target | null;
const staticDir = process.env.BENCH_STATIC_DIR;
if (!target || !staticDir) throw new Error("BENCH_TARGET and BENCH_STATIC_DIR are required");

// BENCH_TRACE=<file>: the server's log lines go there too, between the figures written once a second (below).
const trace = process.env.BENCH_TRACE ? createWriteStream(process.env.BENCH_TRACE) : undefined;

const database = await createDb(target);
const app = createApp({
  database,
  secretKey: randomBytes(32),
  env: {},
  log: (line) => {
    process.stderr.write(`${line}\n`);
    trace?.write(`  ${line}\n`);
  },
  // The built open-data files go with the static copies (deleted after each size).
  openDataDir: join(staticDir, "open-data"),
  precompute: process.env.BENCH_PRECOMPUTE !== "0",
  // As the server runs (main.ts): pages past the memory budget spill to a file beside the snapshot (10^5 persons'
  // pages are about 2 GB). A name of its own per process, so that a restarted server does not read the previous
  // one's snapshot and the whole rebuild is measured again.
  pagesFile: join(staticDir, `public-pages-${process.pid}.bin`),
});
// The limit: a bare node:http handler sending the same bytes from memory, with no headers beyond the type.
const bare = new Map<string, Buffer>();
const serveBare = (url: string, res: ServerResponse) => {
  const file = url.slice("/__static/".length).split("?")[0] ?? "";
  let body = bare.get(file);
  if (!body && /^[\w/.-]+$/.test(file) && !file.includes("..")) {
    try {
      body = readFileSync(join(staticDir, file));
      bare.set(file, body);
    } catch {
      body = undefined;
    }
  }
  if (!body) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
};

/**
 * The bench's controls (not part of the product): `/__bench/settled` answers once the page store and the open data
 * have caught up with every write; `/__bench/change?id=` changes a published person's summary through the write
 * pipeline (as the system, so it is published at once) and answers when it is committed.
 */
const control = async (url: URL, res: ServerResponse) => {
  if (url.pathname === "/__bench/settled") await app.settled();
  else if (url.pathname === "/__bench/change") {
    const id = url.searchParams.get("id") ?? "";
    const current = await getRecord(database.db, "person", id);
    if (!current) throw new Error(`no person ${id}`);
    const text = url.searchParams.get("text") ?? "changed";
    await applyChanges(database.db, { id: "bench", role: "system" }, [
      {
        op: "update",
        kind: "person",
        id,
        version: current.meta.version,
        value: { ...current.value, summary: { en: text } },
      },
    ]);
  } else throw new Error("unknown control");
  res.writeHead(200, { "content-type": "application/json" }).end("{}");
};

// BENCH_TRACE: once a second, the event loop's delay, the garbage collector's pauses and the heap (where a slow tail
// comes from).
if (trace) {
  const out = trace;
  const started = performance.now();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gcs: string[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration >= 5)
        gcs.push(
          `${(e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? "?"}:${e.duration.toFixed(0)}`,
        );
  }).observe({ entryTypes: ["gc"] });
  setInterval(() => {
    const m = process.memoryUsage();
    out.write(
      `${((performance.now() - started) / 1000).toFixed(0)} s loop p99 ${(loop.percentile(99) / 1e6).toFixed(0)} max ${(loop.max / 1e6).toFixed(0)} ms; gc ≥ 5 ms [${gcs.join(" ")}]; heap ${(m.heapUsed / 1048576).toFixed(0)} MB, external ${(m.external / 1048576).toFixed(0)} MB, rss ${(m.rss / 1048576).toFixed(0)} MB\n`,
    );
    loop.reset();
    gcs = [];
  }, 1000).unref();
}

const server = createServer((req, res) => {
  if (req.url?.startsWith("/__static/")) serveBare(req.url, res);
  else if (req.url?.startsWith("/__bench/"))
    control(new URL(req.url, "http://bench.invalid"), res).catch((e: unknown) =>
      res.writeHead(500).end(e instanceof Error ? e.message : String(e)),
    );
  else app.serve(req, res);
}).listen(0, "127.0.0.1", () => {
  const addr = server.address();
  process.stdout.write(`LISTENING ${typeof addr === "object" && addr ? addr.port : 0}\n`);
});
server.keepAliveTimeout = 60_000;

let stopping = false;
process.on("SIGTERM", () => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close(() => {
    database
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  });
});
