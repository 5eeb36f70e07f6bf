import { createTestDb } from "@registry/db/testing";
import { applyChanges, importChanges, type Database, type ImportItem } from "@registry/db";
import { dataset, DatasetGenerator } from "../../../bench/src/generate.ts";
import { createApp } from "./app.ts";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "node:inspector/promises";
const importRecords = (db: Database["db"], items: readonly ImportItem[]) =>
  applyChanges(db, { id: "bench", role: "system" }, importChanges(items), { importState: "published" });
const size = Number(process.env.N ?? 3000);
const database = await createTestDb();
const gen = new DatasetGenerator("registry-bench-1");
for (const block of dataset("registry-bench-1", size, 1000, gen)) await importRecords(database.db, block.items);
console.log("loaded");
const sess = new Session(); sess.connect(); await sess.post("Profiler.enable"); await sess.post("Profiler.start");
const t0 = performance.now(); const c0 = process.cpuUsage();
const app = createApp({ database, secretKey: randomBytes(32), env: {}, log: (l) => console.log(((performance.now()-t0)/1000).toFixed(1), l),
  openDataDir: join(mkdtempSync(join(tmpdir(), "od-")), "open-data"), precompute: true });
await app.settled();
const c = process.cpuUsage(c0);
console.log(`settled in ${((performance.now() - t0) / 1000).toFixed(1)} s wall, cpu user ${(c.user/1e6).toFixed(1)} s sys ${(c.system/1e6).toFixed(1)} s`);
const { profile } = await sess.post("Profiler.stop"); writeFileSync("/tmp/prof/settle.cpuprofile", JSON.stringify(profile));
app.close(); await database.close(); process.exit(0);
