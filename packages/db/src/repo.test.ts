import { type DomainError } from "@registry/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "./audit.ts";
import type { Database } from "./client.ts";
import { createRecord, getRecord, transitionRecord, updateRecord } from "./repo.ts";
import { listPublicPersons } from "./public-queries.ts";
import { createTestDb } from "./testing.ts";

const cite = [{ source: "s", lines: [1, 1] }];
const person = (id: string, name: string) => ({
  id,
  slug: id,
  names: [{ text: name, script: "latin", primary: true, citations: cite }],
  private: { relatives: [{ relation: "mother", name: "SECRET-MOTHER", citations: cite }], contacts: [] },
});

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

describe("repositories on PGlite", () => {
  it("creates, versions and refuses a stale update with the current record", async () => {
    const { db } = database;
    const a = await createRecord(db, "person", person("p-a", "Aset Abishev"), { actor: "t" });
    expect(a.meta.version).toBe(1);
    const b = await updateRecord(
      db,
      "person",
      "p-a",
      1,
      { ...person("p-a", "Aset Abishev"), gender: "male" },
      { actor: "t" },
    );
    expect(b.meta.version).toBe(2);
    const stale = updateRecord(
      db,
      "person",
      "p-a",
      1,
      { ...person("p-a", "Aset Abishev"), gender: "female" },
      { actor: "t" },
    );
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    const err = (await stale.catch((e: unknown) => e)) as DomainError;
    expect((err.details.current as { meta: { version: number } }).meta.version).toBe(2);
    expect((await getRecord(db, "person", "p-a"))?.value.gender).toBe("male");
  });

  it("rejects invalid input with field errors and writes nothing", async () => {
    const { db } = database;
    const r = createRecord(db, "person", { ...person("p-b", "X"), names: [] }, { actor: "t" });
    await expect(r).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await getRecord(db, "person", "p-b")).toBeNull();
  });

  it("keeps drafts out of the public list until published", async () => {
    const { db } = database;
    const today = "2025-01-01";
    expect((await listPublicPersons(db, {}, today)).items).toHaveLength(0);
    const cur = await getRecord(db, "person", "p-a");
    await transitionRecord(db, "person", "p-a", cur?.meta.version ?? 0, "in-review", "t");
    await transitionRecord(db, "person", "p-a", (cur?.meta.version ?? 0) + 1, "published", "t");
    const list = await listPublicPersons(db, { q: "Абишев Асет" }, today);
    expect(list.items.map((i) => i.slug)).toEqual(["p-a"]);
  });

  it("chains the audit log, never stores private values, and detects tampering", async () => {
    const { db } = database;
    const ok = await verifyAudit(db);
    expect(ok).toMatchObject({ ok: true });
    const rows: unknown = await db.execute(sql`select changes from audit_log`);
    const log = JSON.stringify(rows);
    expect(log).not.toContain("SECRET-MOTHER");
    const refused: unknown = await db
      .execute(sql`update audit_log set actor = 'x' where seq = 1`)
      .catch((e: unknown) => e);
    expect(String(((refused as Error).cause as Error | undefined)?.message)).toMatch(/append-only/);
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set actor = 'mallory' where seq = 2`);
    const broken = await verifyAudit(db);
    expect(broken).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
