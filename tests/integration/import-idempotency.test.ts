import { checkDataset, importItems, loadDataset } from "@registry/dataset";
import { getRecord, tableChecksums, verifyAudit, type Database } from "@registry/db";
import { importRecords } from "../support/import.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { caller, EDITOR, person } from "../support/fixtures.ts";

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
    const broken = [
      ...items,
      { kind: "person" as const, value: { ...loaded.dataset.persons[0], id: "p-clash" } },
    ];
    await expect(
      importRecords(database.db, broken, { actor: "test", publicationState: "published" }),
    ).rejects.toThrow();
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

describe.each(BACKENDS)("CSV import of persons on $name: namesakes get distinct slugs", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    const source = {
      id: "src-1",
      slug: "src-1",
      kind: "ngo-report",
      publisher: "P",
      title: "T",
      published: "2021-09",
      language: "en",
    };
    await importRecords(
      database.db,
      [
        { kind: "source", value: source },
        { kind: "person", value: person("p-stored", [["Dana Omarova", "latin"]], { slug: "dana-omarova" }) },
        // A numbered slug of a base, its base itself free: the next new one skips it.
        {
          kind: "person",
          value: person("p-stored-2", [["Aset Namesake", "latin"]], { slug: "aset-namesake-2" }),
        },
      ],
      { actor: "test", publicationState: "published" },
    );
  });
  afterAll(() => database.close());

  const HEADER = "id,name,variants,gender,birth_year,region,place,occupation,summary,source,lines";
  const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");
  const ROWS = [
    "p-csv-1,Aset Namesake,,male,1980,,,,,src-1,10",
    "p-csv-2,Aset Namesake,,male,1991,,,,,src-1,11",
    "p-csv-3,Dana Omarova,,female,,,,,,src-1,12",
  ];
  const FILE = csv(...ROWS);
  const slugOf = async (id: string) => (await getRecord(database.db, "person", id))?.value.slug;
  const status = (r: { rows: { id: string; status: string; errors: string[] }[] }) =>
    r.rows.map((x) => [x.id, x.status, x.errors]);

  it("previews two namesakes in one file as two new rows, then imports them with distinct slugs", async () => {
    const imp = caller(database, EDITOR).admin.import;
    const namesakes = csv(...ROWS.slice(0, 2));
    const preview = await imp.persons({ csv: namesakes, dryRun: true });
    expect(status(preview)).toEqual([
      ["p-csv-1", "create", []],
      ["p-csv-2", "create", []],
    ]);
    expect(preview).toMatchObject({ created: 2, errors: 0 });
    expect(await slugOf("p-csv-1")).toBeUndefined();

    const done = await imp.persons({ csv: namesakes, dryRun: false });
    expect(done).toMatchObject({ created: 2, updated: 0, unchanged: 0, errors: 0 });
    expect(await slugOf("p-csv-1")).toBe("aset-namesake");
    expect(await slugOf("p-csv-2")).toBe("aset-namesake-3");
  });

  it("numbers a new person whose name is already stored", async () => {
    const done = await caller(database, EDITOR).admin.import.persons({ csv: FILE, dryRun: false });
    expect(status(done).map(([, s]) => s)).toEqual(["unchanged", "unchanged", "create"]);
    expect(await slugOf("p-csv-3")).toBe("dana-omarova-2");
    expect(await slugOf("p-stored")).toBe("dana-omarova");
  });

  it("imports the same file again as unchanged, slugs stable", async () => {
    const again = await caller(database, EDITOR).admin.import.persons({ csv: FILE, dryRun: false });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: 0 });
    expect(status(again).map(([, s]) => s)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await slugOf("p-csv-2")).toBe("aset-namesake-3");
  });

  it("keeps a record's slug when its row changes, and numbers a new namesake after all the others", async () => {
    const changed = csv(
      "p-csv-1,Aset Namesake Renamed,,male,1980,,,,,src-1,10",
      "p-csv-2,Aset Namesake,,male,1991,,,,,src-1,11",
      "p-csv-4,Aset Namesake,,male,2001,,,,,src-1,13",
    );
    const r = await caller(database, EDITOR).admin.import.persons({ csv: changed, dryRun: false });
    expect(status(r).map(([, s]) => s)).toEqual(["update", "unchanged", "create"]);
    expect(await slugOf("p-csv-1")).toBe("aset-namesake");
    expect(await slugOf("p-csv-4")).toBe("aset-namesake-4");
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });
});
