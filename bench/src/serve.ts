/**
 * The bench's HTTP server, run in its own process (so autocannon and the server do not share an event loop):
 * the real app of @registry/server as the server runs it (stored public pages first, express for the rest), and
 * beside it a bare node:http handler serving the same pages' bytes from memory (the limit, under /__static/). Prints `LISTENING <port>` when ready; SIGTERM closes the database.
 *
 * Environment: BENCH_TARGET (JSON of a Target), BENCH_STATIC_DIR.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { join } from "node:path";
import { createDb } from "@registry/db";
import { createApp } from "@registry/server/app";
import type { Target } from "./backends.ts";

const target = JSON.parse(process.env.BENCH_TARGET ?? "null") as Target | null;
const staticDir = process.env.BENCH_STATIC_DIR;
if (!target || !staticDir) throw new Error("BENCH_TARGET and BENCH_STATIC_DIR are required");

const database = await createDb(target);
const app = createApp({
  database,
  secretKey: randomBytes(32),
  env: {},
  log: (line) => process.stderr.write(`${line}\n`),
  // The built open-data files go with the static copies (deleted after each size).
  openDataDir: join(staticDir, "open-data"),
  precompute: process.env.BENCH_PRECOMPUTE !== "0",
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

const server = createServer((req, res) => {
  if (req.url?.startsWith("/__static/")) serveBare(req.url, res);
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
