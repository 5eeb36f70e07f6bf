import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Database } from "@registry/db";
import { startPostgres, type PostgresServer } from "@registry/db/testing";
import pg from "pg";

export type BackendName = "pglite" | "postgres";
export const BACKEND_NAMES: readonly BackendName[] = ["pglite", "postgres"];

/** How a separate process (the HTTP server) opens the same database. */
export type Target = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export interface FreshDb {
  backend: BackendName;
  target: Target;
  database: Database;
  /** Closes the bench's own connection (PGlite allows one process at a time). */
  close(): Promise<void>;
  /** Closes and deletes the database. */
  dispose(): Promise<void>;
}

/** Closes the database the first time it is called; later calls do nothing. */
function closeOnce(database: Database): () => Promise<void> {
  let closed = false;
  return async () => {
    if (!closed) await database.close();
    closed = true;
  };
}

/**
 * Fresh, migrated databases: PGlite in a new temporary data directory (so the server process can open it
 * after the bench closes it), or a new database on one embedded PostgreSQL server (started once, on demand).
 */
export class Backends {
  private pg: PostgresServer | undefined;

  async postgresServer(): Promise<PostgresServer> {
    this.pg ??= await startPostgres();
    return this.pg;
  }

  async fresh(backend: BackendName): Promise<FreshDb> {
    if (backend === "pglite") {
      const dataDir = mkdtempSync(join(tmpdir(), "registry-bench-pglite-"));
      const target: Target = { kind: "pglite", dataDir };
      const database = await createDb(target);
      const close = closeOnce(database);
      return {
        backend,
        target,
        database,
        close,
        dispose: async () => {
          await close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    }
    const server = await this.postgresServer();
    const name = `bench_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const target: Target = { kind: "postgres", url: url.toString() };
    const database = await createDb(target);
    const close = closeOnce(database);
    return {
      backend,
      target,
      database,
      close,
      dispose: async () => {
        await close();
        const a = new pg.Client({ connectionString: server.url });
        await a.connect();
        try {
          await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await a.end();
        }
      },
    };
  }

  async stop(): Promise<void> {
    if (this.pg) await this.pg.stop();
    this.pg = undefined;
  }
}
