import { checkDataset, importItems, loadDataset } from "@registry/dataset";
import { importRecords, tableChecksums, verifyAudit, type Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";

describe.each(BACKENDS)("import of the curated dataset on $name (E7)", (backend) => {
  let database: Database;
  const loaded = loadDataset();
  const items = importItems(loaded.dataset);
  beforeAll(async () => {
    expect(checkDataset(loaded)).toEqual([]);
    database = await backend.open();
  });
  afterAll(() => database.close());

  it("an import that fails midway leaves nothing; rerun, it imports cleanly; run twice, it changes nothing", async () => {
    const empty = await tableChecksums(database.db);
    // Everything valid, then one record the database refuses (a slug taken twice): all or nothing.
    const broken = [...items, { kind: "person" as const, value: { ...loaded.dataset.persons[0], id: "p-clash" } }];
    await expect(importRecords(database.db, broken, { actor: "test", publicationState: "published" })).rejects.toThrow();
    expect(await tableChecksums(database.db)).toEqual(empty);

    const first = await importRecords(database.db, items, { actor: "test", publicationState: "published" });
    expect(first.created).toBe(items.length);
    const after = await tableChecksums(database.db);
    expect(after.counts.persons).toBe(loaded.dataset.persons.length);

    const second = await importRecords(database.db, items, { actor: "test", publicationState: "published" });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: items.length });
    expect(await tableChecksums(database.db)).toEqual(after);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  }, 120_000);
});
