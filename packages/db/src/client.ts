import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { indexMissingPersons } from "./person-index.ts";
import pg from "pg";
import { analyze } from "./maintenance.ts";
import * as schema from "./schema.ts";
import { keepDataVersionInMemory } from "./version.ts";

export type { Db } from "./db.ts";
import type { Db } from "./db.ts";

export type DbConfig =
  /** PGlite in a data directory, or in memory when `dataDir` is omitted. */
  | { kind: "pglite"; dataDir?: string }
  /** A PostgreSQL server. */
  | { kind: "postgres"; url: string; maxConnections?: number };

export interface Database {
  db: Db;
  backend: "pglite" | "postgres";
  /** Flushes PGlite to disk; a no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL("../drizzle", import.meta.url));

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another server (pid ${pid}). Stop it first, or use another DATA_DIR.`,
    );
    this.name = "DataDirLockedError";
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite has no lock of its own: two processes on one directory corrupt it. We take a pid lock file. */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, "registry.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid))
        throw new DataDirLockedError(dataDir, pid);
      rmSync(path, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** The newest backup file in a directory (backups are named by time, so the last name sorts last). */
export function latestBackup(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl.gz"))
    .sort();
  return files.length ? join(dir, files[files.length - 1] as string) : null;
}

/** Opens the database and runs the migrations; the same migrations run on both backends. */
export async function createDb(config: DbConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: config.maxConnections ?? 10 });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    await migratePg(drizzlePg({ client: pool }), { migrationsFolder: MIGRATIONS });
    await indexMissingPersons(db);
    return { db, backend: "postgres", checkpoint: async () => {}, close: () => pool.end() };
  }
  let unlock = () => {};
  let client: PGlite;
  if (config.dataDir) {
    const dir = resolve(config.dataDir);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    try {
      client = await PGlite.create(join(dir, "pgdata"), { extensions: { pg_trgm } });
    } catch (e) {
      unlock();
      const latest = latestBackup(join(dir, "backups"));
      throw new Error(
        `The database in ${dir} could not be opened (${(e as Error).message}). It may have been damaged by a crash. ` +
          (latest
            ? `Move ${join(dir, "pgdata")} aside and restore the latest backup: pnpm db:restore ${latest}`
            : `No backup was found in ${join(dir, "backups")}.`),
        { cause: e },
      );
    }
  } else {
    client = await PGlite.create({ extensions: { pg_trgm } });
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  keepDataVersionInMemory(db);
  await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS });
  await indexMissingPersons(db);
  // Nothing runs autovacuum in PGlite: refresh the planner's statistics once per start (see maintenance.ts).
  if (config.dataDir) await analyze(db);
  let closed = false;
  return {
    db,
    backend: "pglite",
    checkpoint: async () => {
      if (!closed) await db.execute(sql`CHECKPOINT`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        if (config.dataDir) await client.query("CHECKPOINT");
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}
