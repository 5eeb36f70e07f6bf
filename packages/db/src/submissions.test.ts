import { isDomainError } from "@registry/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "./audit.ts";
import type { Database } from "./client.ts";
import { publicChangesSince } from "./public-changes.ts";
import { query } from "./query.ts";
import { getSubmission, listSubmissions, receiveSubmission, triageSubmission } from "./submissions.ts";
import { createTestDb } from "./testing.ts";
import { dataChanged, dataVersion } from "./version.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

const count = async (table: string) =>
  Number((await query<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n);

describe("readers' submissions (ADR 021)", () => {
  it("refuses invalid input with field errors and leaves nothing: no row, no audit entry", async () => {
    for (const input of [
      { kind: "correction", text: "", language: "en" },
      { kind: "correction", text: "x".repeat(5001), language: "en" },
      { kind: "gossip", text: "Hello", language: "en" },
      { kind: "correction", text: "Hello", language: "de" },
      { kind: "correction", text: "Hello", language: "en", personSlug: "Not A Slug" },
      { kind: "correction", text: "Hello", language: "en", status: "accepted" },
    ]) {
      const e = await receiveSubmission(database.db, input).catch((x: unknown) => x);
      expect(isDomainError(e) && e.code === "VALIDATION", JSON.stringify(input).slice(0, 80)).toBe(true);
    }
    expect(await count("submissions")).toBe(0);
    expect(await count("audit_log")).toBe(0);
  });

  it("stores a valid one, audits it without its values, and touches no public page", async () => {
    const before = await dataVersion(database.db);
    const id = await receiveSubmission(database.db, {
      kind: "correction",
      personSlug: "some-person",
      text: "  He was released on 3 May.  ",
      source: "",
      contact: "secret-contact-1@example.org",
      language: "kk",
    });
    const row = await getSubmission(database.db, id as number);
    expect(row).toMatchObject({
      text: "He was released on 3 May.",
      source: null,
      contact: "secret-contact-1@example.org",
      status: "new",
      language: "kk",
    });
    const audit = await query<{ action: string; entity_kind: string; changes: unknown }>(
      database.db,
      sql`select action, entity_kind, changes from audit_log`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "receive", entity_kind: "submission" });
    const logged = JSON.stringify(audit[0]?.changes);
    expect(logged).toContain("private.contact");
    expect(logged).not.toContain("secret-contact-1");
    expect(logged).not.toContain("released");
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true, count: 1 });
    // The audit head moved (read afresh, as another process or the next write would), but no public page has
    // anything new to show.
    dataChanged(database.db);
    const changes = await publicChangesSince(database.db, before);
    expect(changes).toEqual({ version: before + 1, all: false, slugs: [] });
  });

  it("triages once: replied may still be discarded, discarded is final", async () => {
    const [row] = await listSubmissions(database.db, { status: "new" });
    const id = row?.id as number;
    const replied = await triageSubmission(
      database.db,
      { id: "u-1" },
      { id, status: "replied", note: "Asked" },
    );
    expect(replied).toMatchObject({ status: "replied", triageNote: "Asked", triagedBy: "u-1" });
    await triageSubmission(database.db, { id: "u-2" }, { id, status: "discarded" });
    const again = await triageSubmission(database.db, { id: "u-2" }, { id, status: "replied" }).catch(
      (x: unknown) => x,
    );
    expect(isDomainError(again) && again.code).toBe("CONFLICT");
    expect(await listSubmissions(database.db, { status: "discarded" })).toHaveLength(1);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true, count: 3 });
  });
});
