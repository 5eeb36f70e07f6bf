import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRecords } from "./admin-queries.ts";
import type { Database } from "./client.ts";
import { applyChanges } from "./pipeline.ts";
import { createTestDb } from "./testing.ts";

const cite = [{ source: "s", lines: [1, 1] }];
const kase = (id: string, title: object, extra: object = {}) => ({
  op: "create" as const,
  kind: "case" as const,
  value: { id, slug: id, title, defendants: ["p-1"], citations: cite, ...extra },
});

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
  await applyChanges(database.db, { id: "u", role: "editor" }, [
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
    {
      op: "create",
      kind: "person",
      value: {
        id: "p-1",
        slug: "p-1",
        names: [{ text: "Aset", script: "latin", primary: true, citations: cite }],
      },
    },
    kase("c-all", { en: "A", ru: "А", kk: "Ә" }),
    kase("c-no-kk", { en: "B", ru: "Б" }),
    kase("c-none", { en: "C" }),
    // The title is complete; a note deep inside lacks Russian.
    kase(
      "c-deep",
      { en: "D", ru: "Д", kk: "Д" },
      { notes: [{ kind: "context", text: { en: "x", kk: "х" } }] },
    ),
    // A private note without translations is not a reader's text.
    kase("c-private", { en: "E", ru: "Е", kk: "Е" }, { private: { internalNotes: "only English" } }),
  ]);
}, 60_000);
afterAll(() => database.close());

describe("admin lists filtered by a missing language", () => {
  const ids = async (missing?: "ru" | "kk") =>
    (await listRecords(database.db, "case", missing ? { missing } : {})).items.map((i) => i.value.id).sort();

  it("lists the records whose public texts lack Russian, or Kazakh, at any depth", async () => {
    expect(await ids()).toEqual(["c-all", "c-deep", "c-no-kk", "c-none", "c-private"]);
    expect(await ids("ru")).toEqual(["c-deep", "c-none"]);
    expect(await ids("kk")).toEqual(["c-no-kk", "c-none"]);
  });
});
