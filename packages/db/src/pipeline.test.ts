import type { DomainError } from "@registry/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "./audit.ts";
import type { Database } from "./client.ts";
import { applyChanges, type Actor } from "./pipeline.ts";
import { getPublicDossier } from "./public-dossiers.ts";
import { listPublicPersons } from "./public-person-list.ts";
import { getRecord } from "./repo.ts";
import { listRevisions } from "./revisions.ts";
import { createTestDb } from "./testing.ts";
import { dataVersion } from "./version.ts";

const cite = [{ source: "s", lines: [1, 1] }];
const person = (id: string, name: string, extra: object = {}) => ({
  id,
  slug: id,
  names: [{ text: name, script: "latin", primary: true, citations: cite }],
  private: { relatives: [{ relation: "mother", name: "SECRET-MOTHER", citations: cite }], contacts: [] },
  ...extra,
});
const EDITOR: Actor = { id: "u-ed", role: "editor" };
const REVIEWER: Actor = { id: "u-rev", role: "reviewer" };
const TODAY = "2025-01-01";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
  await applyChanges(database.db, EDITOR, [
    {
      op: "create",
      kind: "source",
      value: {
        id: "s",
        slug: "s",
        kind: "ngo-report",
        publisher: "P",
        title: "T",
        published: "2020",
        language: "en",
      },
    },
  ]);
});
afterAll(() => database.close());

const version = async (id: string) => (await getRecord(database.db, "person", id))?.meta.version ?? 0;
const publish = async (id: string) => {
  await applyChanges(database.db, EDITOR, [
    { op: "transition", kind: "person", id, version: await version(id), to: "in-review" },
  ]);
  await applyChanges(database.db, REVIEWER, [
    { op: "transition", kind: "person", id, version: await version(id), to: "published" },
  ]);
};

describe("the write pipeline", () => {
  it("creates, versions and refuses a stale update with the current record", async () => {
    const { db } = database;
    const [a] = await applyChanges(db, EDITOR, [
      { op: "create", kind: "person", value: person("p-a", "Aset Abishev") },
    ]);
    expect(a?.stored?.meta.version).toBe(1);
    const update = (v: number, gender: string) =>
      applyChanges(db, EDITOR, [
        {
          op: "update",
          kind: "person",
          id: "p-a",
          version: v,
          value: { ...person("p-a", "Aset Abishev"), gender },
        },
      ]);
    expect((await update(1, "male"))[0]?.stored?.meta.version).toBe(2);
    const stale = update(1, "female");
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    const err = (await stale.catch((e: unknown) => e)) as DomainError;
    expect((err.details.current as { meta: { version: number } }).meta.version).toBe(2);
    expect((await getRecord(db, "person", "p-a"))?.value.gender).toBe("male");
  });

  it("leaves no trace of a failed change: no row, no audit entry, no version bump", async () => {
    const { db } = database;
    const before = await dataVersion(db);
    const invalid = applyChanges(db, EDITOR, [
      { op: "create", kind: "person", value: { ...person("p-b", "X"), names: [] } },
    ]);
    await expect(invalid).rejects.toMatchObject({ code: "VALIDATION" });
    // The second change of a batch fails after the first was written: the first is rolled back too.
    const half = applyChanges(db, EDITOR, [
      { op: "create", kind: "person", value: person("p-c", "Half Written") },
      { op: "create", kind: "person", value: person("p-a", "Duplicate Id") },
    ]);
    await expect(half).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getRecord(db, "person", "p-b")).toBeNull();
    expect(await getRecord(db, "person", "p-c")).toBeNull();
    expect(await dataVersion(db)).toBe(before);
  });

  it("commits work alongside the changes with them, and undoes the changes when that work fails", async () => {
    const { db } = database;
    const before = await dataVersion(db);
    const failing = applyChanges(
      db,
      EDITOR,
      [{ op: "create", kind: "person", value: person("p-along", "Along Side") }],
      {
        alongside: async (tx, outcomes) => {
          expect(outcomes.map((o) => o.id)).toEqual(["p-along"]);
          // The record is there inside the transaction…
          expect(await getRecord(tx, "person", "p-along")).not.toBeNull();
          throw new Error("the submission was accepted meanwhile");
        },
      },
    );
    await expect(failing).rejects.toThrow("accepted meanwhile");
    // …and gone with it.
    expect(await getRecord(db, "person", "p-along")).toBeNull();
    expect(await dataVersion(db)).toBe(before);
    let ran = false;
    await applyChanges(
      db,
      EDITOR,
      [{ op: "create", kind: "person", value: person("p-along", "Along Side") }],
      {
        alongside: async (tx) => {
          await tx.execute(sql`select 1`);
          ran = true;
        },
      },
    );
    expect(ran).toBe(true);
    expect(await getRecord(db, "person", "p-along")).not.toBeNull();
  });

  it("refuses a reference to a record that does not exist, naming the field", async () => {
    const { db } = database;
    const bad = person("p-d", "Dana", {
      names: [
        {
          text: "Dana",
          script: "latin",
          primary: true,
          citations: [{ source: "no-such-source", lines: [1, 1] }],
        },
      ],
      affiliations: [{ organisation: "org-nope", citations: cite }],
    });
    const r = applyChanges(db, EDITOR, [{ op: "create", kind: "person", value: bad }]);
    await expect(r).rejects.toMatchObject({
      code: "VALIDATION",
      details: {
        fields: {
          fieldErrors: {
            "names.0.citations.0.source": ['No source with the id "no-such-source" exists'],
            "affiliations.0.organisation": ['No organisation with the id "org-nope" exists'],
          },
        },
      },
    });
    const c = applyChanges(db, EDITOR, [
      {
        op: "create",
        kind: "case",
        value: { id: "c-1", slug: "c-1", title: { en: "C" }, defendants: ["p-ghost"], citations: cite },
      },
    ]);
    await expect(c).rejects.toMatchObject({
      details: { fields: { fieldErrors: { "defendants.0": [expect.stringContaining("p-ghost")] } } },
    });
  });

  it("keeps drafts out of the public list until a reviewer publishes them; an editor cannot", async () => {
    const { db } = database;
    expect((await listPublicPersons(db, {}, TODAY)).items).toHaveLength(0);
    await applyChanges(db, EDITOR, [
      { op: "transition", kind: "person", id: "p-a", version: await version("p-a"), to: "in-review" },
    ]);
    const self = applyChanges(db, EDITOR, [
      { op: "transition", kind: "person", id: "p-a", version: await version("p-a"), to: "published" },
    ]);
    await expect(self).rejects.toMatchObject({ code: "FORBIDDEN" });
    await applyChanges(db, REVIEWER, [
      { op: "transition", kind: "person", id: "p-a", version: await version("p-a"), to: "published" },
    ]);
    const list = await listPublicPersons(db, { q: "Aset Abishev" }, TODAY);
    expect(list.items.map((i) => i.slug)).toEqual(["p-a"]);
  });

  it("turns an editor's change to a published record into a revision the public does not see until approved", async () => {
    const { db } = database;
    const v = await version("p-a");
    const [o] = await applyChanges(db, EDITOR, [
      {
        op: "update",
        kind: "person",
        id: "p-a",
        version: v,
        value: person("p-a", "Aset Abishev", { gender: "female" }),
      },
    ]);
    expect(o?.result).toBe("proposed");
    expect(await version("p-a")).toBe(v);
    expect((await getPublicDossier(db, "p-a", TODAY))?.person.gender).toBe("male");
    const [pending] = await listRevisions(db, { state: "pending" });
    expect(pending).toMatchObject({ entityId: "p-a", author: "u-ed", baseVersion: v });
    expect(pending?.changes.map((c) => c.field)).toContain("gender");
    // An editor cannot approve; a reviewer can.
    await expect(
      applyChanges(db, EDITOR, [{ op: "approve", revision: pending?.id ?? 0 }]),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await applyChanges(db, REVIEWER, [{ op: "approve", revision: pending?.id ?? 0 }]);
    expect((await getPublicDossier(db, "p-a", TODAY))?.person.gender).toBe("female");
    // A second proposal returned with a comment leaves the record as it is, and the editor sees the comment.
    const [o2] = await applyChanges(db, EDITOR, [
      {
        op: "update",
        kind: "person",
        id: "p-a",
        version: await version("p-a"),
        value: person("p-a", "Aset A."),
      },
    ]);
    await applyChanges(db, REVIEWER, [
      { op: "return", revision: o2?.revision ?? 0, comment: "Cite the spelling" },
    ]);
    const mine = await listRevisions(db, { author: "u-ed" });
    expect(mine.find((r) => r.id === o2?.revision)).toMatchObject({
      state: "returned",
      comment: "Cite the spelling",
    });
    expect((await getRecord(db, "person", "p-a"))?.value.names[0]?.text).toBe("Aset Abishev");
  });

  it("imports by merging: a row changes the fields it builds, keeps private data, and twice changes nothing", async () => {
    const { db } = database;
    await applyChanges(db, EDITOR, [{ op: "create", kind: "person", value: person("p-e", "Erlan") }]);
    const row = (current: unknown) => ({
      ...((current as object | null) ?? person("p-e", "Erlan")),
      gender: "male",
    });
    const first = await applyChanges(db, EDITOR, [{ op: "import", kind: "person", id: "p-e", build: row }]);
    expect(first[0]?.result).toBe("updated");
    expect((await getRecord(db, "person", "p-e"))?.value.private.relatives[0]?.name).toBe("SECRET-MOTHER");
    const again = await applyChanges(db, EDITOR, [{ op: "import", kind: "person", id: "p-e", build: row }]);
    expect(again[0]?.result).toBe("unchanged");
    // On a published record the editor's import row is a proposal, and importing it again proposes nothing more.
    await publish("p-e");
    const other = (current: unknown) => ({ ...(current as object), birthYear: 1980 });
    expect(
      (await applyChanges(db, EDITOR, [{ op: "import", kind: "person", id: "p-e", build: other }]))[0]
        ?.result,
    ).toBe("proposed");
    expect(
      (await applyChanges(db, EDITOR, [{ op: "import", kind: "person", id: "p-e", build: other }]))[0]
        ?.result,
    ).toBe("unchanged");
    expect((await getRecord(db, "person", "p-e"))?.value.birthYear).toBeUndefined();
  });

  it("does not move the public last-changed date for a change of private fields only", async () => {
    const { db } = database;
    const before = await getRecord(db, "person", "p-e");
    if (!before) throw new Error("p-e missing");
    const value = before.value;
    await new Promise((r) => setTimeout(r, 5));
    const [o] = await applyChanges(db, REVIEWER, [
      {
        op: "update",
        kind: "person",
        id: "p-e",
        version: before.meta.version,
        value: { ...value, private: { ...value.private, internalNotes: "only private" } },
      },
    ]);
    expect(o?.stored?.meta.version).toBe(before.meta.version + 1);
    expect(o?.stored?.meta.updatedAt).toBe(before.meta.updatedAt);
    const [p] = await applyChanges(db, REVIEWER, [
      {
        op: "update",
        kind: "person",
        id: "p-e",
        version: before.meta.version + 1,
        value: { ...value, gender: "female" },
      },
    ]);
    expect(p?.stored?.meta.updatedAt).not.toBe(before.meta.updatedAt);
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
