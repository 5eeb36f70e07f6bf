import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backupDatabase, restoreDatabase, tableChecksums, verifyAudit, type Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { caller, seedFixture } from "../support/fixtures.ts";

describe.each(BACKENDS)("backup and restore on $name", (backend) => {
  let source: Database;
  let target: Database;
  const dir = mkdtempSync(join(tmpdir(), "registry-backup-"));
  beforeAll(async () => {
    source = await backend.open();
    target = await backend.open();
    await seedFixture(source);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips every table with equal counts and checksums, and the audit chain verifies", async () => {
    const file = join(dir, "backup.jsonl.gz");
    const summary = await backupDatabase(source.db, file);
    expect(summary.counts.persons).toBe(6);
    expect(summary.counts.audit_log).toBeGreaterThan(10);
    await restoreDatabase(target.db, file);
    expect(await tableChecksums(target.db)).toEqual(await tableChecksums(source.db));
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true, count: summary.counts.audit_log });
    // The restored registry serves the same public data.
    const a = await caller(source).public.persons({});
    const b = await caller(target).public.persons({});
    expect(b).toEqual(a);
  });

  it("refuses to restore into a database that is not empty", async () => {
    await expect(restoreDatabase(source.db, join(dir, "backup.jsonl.gz"))).rejects.toThrow(/empty database/);
  });
});
