/**
 * The bench's HTTP server, run in its own process (so autocannon and the server do not share an event loop):
 * the real express app of @registry/server, with express.static in front of it serving the same pages saved
 * as files (the "static" limit). Prints `LISTENING <port>` when ready; SIGTERM closes the database.
 *
 * Environment: BENCH_TARGET (JSON of a Target), BENCH_STATIC_DIR.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createDb } from "@registry/db";
import { createApp } from "@registry/server/app";
import express from "express";
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
});
const outer = express();
outer.disable("x-powered-by");
outer.use("/__static", express.static(staticDir, { etag: false, lastModified: false, maxAge: 0 }));
outer.use(app);

const server = outer.listen(0, "127.0.0.1", () => {
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
