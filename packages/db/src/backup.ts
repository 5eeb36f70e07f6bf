import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { canonicalJson } from "./audit.ts";
import { bulkInsert } from "./bulk.ts";
import type { Db } from "./db.ts";
import { isDatabaseEmpty } from "./repo.ts";
import { analyze, rebuildNameTokens } from "./maintenance.ts";
import { dataChanged } from "./version.ts";
import * as s from "./schema.ts";

/**
 * Every table but sessions (a restored registry starts with everyone logged out) and the name-search words,
 * which are rebuilt from `person_index` after a restore (backups made before they existed restore the same).
 */
const TABLES: [string, PgTable][] = [
  ["persons", s.persons],
  ["cases", s.cases],
  ["events", s.events],
  ["officials", s.officials],
  ["organisations", s.organisations],
  ["sources", s.sources],
  ["recognitions", s.recognitions],
  ["mass_events", s.massEvents],
  ["person_links", s.personLinks],
  ["person_index", s.personIndex],
  ["person_name_keys", s.personNameKeys],
  ["person_status", s.personStatus],
  ["person_facets", s.personFacets],
  ["audit_log", s.auditLog],
  ["audit_head", s.auditHead],
  ["users", s.users],
  ["revisions", s.revisions],
  ["source_texts", s.sourceTexts],
  ["submissions", s.submissions],
];

const TIMESTAMPS = new Set([
  "createdAt",
  "updatedAt",
  "deletedAt",
  "at",
  "lastSeenAt",
  "decidedAt",
  "triagedAt",
]);

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = TIMESTAMPS.has(k) && typeof v === "string" ? new Date(v).toISOString() : v;
  return out;
}

async function* rowsOf(db: Db, table: PgTable): AsyncGenerator<Record<string, unknown>> {
  // Row order does not matter: checksums sort the canonical rows, and restore order is irrelevant within a table.
  const rows = (await db.select().from(table)) as Record<string, unknown>[];
  for (const r of rows) yield normalise(r);
}

export interface BackupSummary {
  format: "persecution-registry-backup/1";
  createdAt: string;
  counts: Record<string, number>;
  checksums: Record<string, string>;
}

/** Per-table row counts and sha256 checksums over the canonical rows, sorted. */
export async function tableChecksums(db: Db): Promise<Pick<BackupSummary, "counts" | "checksums">> {
  const counts: Record<string, number> = {};
  const checksums: Record<string, string> = {};
  for (const [name, table] of TABLES) {
    const lines: string[] = [];
    for await (const row of rowsOf(db, table)) lines.push(canonicalJson(row));
    lines.sort();
    const h = createHash("sha256");
    for (const l of lines) h.update(l).update("\n");
    counts[name] = lines.length;
    checksums[name] = h.digest("hex");
  }
  return { counts, checksums };
}

/** Writes every table to a gzipped JSON-lines file: a header, the rows, and a trailer with counts and checksums. */
export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = {
    format: "persecution-registry-backup/1",
    createdAt: new Date().toISOString(),
    ...(await tableChecksums(db)),
  };
  async function* lines() {
    yield JSON.stringify({ header: { format: summary.format, createdAt: summary.createdAt } }) + "\n";
    for (const [name, table] of TABLES)
      for await (const row of rowsOf(db, table)) yield JSON.stringify({ t: name, r: row }) + "\n";
    yield JSON.stringify({ trailer: summary }) + "\n";
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return summary;
}

/**
 * Restores a backup into an empty, migrated database, in one transaction, then checks that every table's
 * count and checksum equal the backup's.
 */
export async function restoreDatabase(db: Db, file: string): Promise<BackupSummary> {
  const byName = new Map<string, PgTable>(TABLES);
  let trailer: BackupSummary | undefined;
  const pending = new Map<string, Record<string, unknown>[]>();
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (!(await isDatabaseEmpty(tx))) throw new Error("Restore needs an empty database");
    await tx.execute(sql`delete from audit_head`);
    const flush = async (name: string) => {
      const rows = pending.get(name) ?? [];
      const table = byName.get(name);
      if (!table || rows.length === 0) return;
      await bulkInsert(tx, table, rows);
      pending.set(name, []);
    };
    const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      const rec = JSON.parse(line) as { t?: string; r?: Record<string, unknown>; trailer?: BackupSummary };
      if (rec.trailer) trailer = rec.trailer;
      if (rec.t && rec.r) {
        if (!byName.has(rec.t)) throw new Error(`Unknown table ${rec.t} in backup`);
        const list = pending.get(rec.t) ?? [];
        list.push(rec.r);
        pending.set(rec.t, list);
        if (list.length >= 500) await flush(rec.t);
      }
    }
    for (const [name] of TABLES) await flush(name);
    if (!trailer) throw new Error("The backup is incomplete (no trailer)");
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('audit_log', 'seq'), greatest((select max(seq) from audit_log), 1))`,
    );
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('revisions', 'id'), greatest((select max(id) from revisions), 1))`,
    );
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('submissions', 'id'), greatest((select max(id) from submissions), 1))`,
    );
    await rebuildNameTokens(tx);
    const after = await tableChecksums(tx);
    for (const [name] of TABLES) {
      // A backup made before a table existed has no count for it: it restores as empty.
      if (trailer.counts[name] === undefined && after.counts[name] === 0) continue;
      if (after.checksums[name] !== trailer.checksums[name] || after.counts[name] !== trailer.counts[name]) {
        throw new Error(
          `Restored table ${name} differs from the backup (${after.counts[name]} vs ${trailer.counts[name]} rows)`,
        );
      }
    }
  });
  dataChanged(db);
  await analyze(db);
  return trailer as BackupSummary;
}
