import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { backupDatabase, createDb, restoreDatabase, verifyAudit } from "@registry/db";
import { dbConfigOf, loadEnv } from "./env.ts";
import { seed } from "./seed.ts";

const [command, arg] = process.argv.slice(2);
const env = loadEnv();

async function run() {
  const database = await createDb(dbConfigOf(env));
  try {
    switch (command) {
      case "migrate":
        console.log("Migrations applied.");
        break;
      case "seed":
        await seed(database);
        break;
      case "backup": {
        const dir = resolve(env.DATA_DIR, "backups");
        if (!arg && !existsSync(dir)) mkdirSync(dir, { recursive: true });
        const file = arg ?? join(dir, `registry-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`);
        const s = await backupDatabase(database.db, file);
        console.log(
          `Backup written to ${file}: ${Object.entries(s.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
        );
        break;
      }
      case "restore": {
        if (!arg) throw new Error("Usage: pnpm db:restore <backup file> (into an empty database)");
        const s = await restoreDatabase(database.db, resolve(arg));
        const audit = await verifyAudit(database.db);
        console.log(
          `Restored ${Object.values(s.counts).reduce((a, b) => a + b, 0)} rows; audit chain ${audit.ok ? "verifies" : `BROKEN: ${audit.reason}`}`,
        );
        break;
      }
      default:
        throw new Error(
          `Unknown command ${command ?? ""}. Commands: migrate, seed, backup [file], restore <file>`,
        );
    }
  } finally {
    await database.close();
  }
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
