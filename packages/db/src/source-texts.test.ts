import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceText } from "./assistant-queries.ts";
import type { Database } from "./client.ts";
import { applyChanges, textLines, type Actor } from "./pipeline.ts";
import { getRecord } from "./repo.ts";
import { createTestDb } from "./testing.ts";

const EDITOR: Actor = { id: "u-ed", role: "editor" };
const TEXT = "First line.\nSecond line names someone.\nThird.\n";
const sha = (t: string) => createHash("sha256").update(t).digest("hex");
const source = (id: string, copy: object) => ({
  id,
  slug: id,
  kind: "ngo-report",
  publisher: "P",
  title: "T",
  published: "2024-03",
  language: "en",
  copy,
});

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

describe("a source created with its pasted text (ADR 017)", () => {
  it("counts lines as citations do", () => {
    expect(textLines(TEXT)).toEqual(["First line.", "Second line names someone.", "Third."]);
    expect(textLines("a\n\nb")).toHaveLength(3);
  });

  it("stores the text with the source, in the same write", async () => {
    const copy = { file: "pasted-1.txt", lineCount: 3, sha256: sha(TEXT) };
    const [o] = await applyChanges(database.db, EDITOR, [
      { op: "create", kind: "source", value: source("pasted-1", copy), text: TEXT },
    ]);
    expect(o?.result).toBe("created");
    expect(await sourceText(database.db, "pasted-1")).toEqual({
      text: TEXT,
      sha256: sha(TEXT),
      lineCount: 3,
    });
  });

  it("refuses a text the source's copy does not pin, and leaves nothing behind", async () => {
    const wrong = [
      { copy: { file: "x.txt", lineCount: 3, sha256: sha("other") }, field: "copy.sha256" },
      { copy: { file: "x.txt", lineCount: 4, sha256: sha(TEXT) }, field: "copy.lineCount" },
    ];
    for (const [i, w] of wrong.entries()) {
      const id = `pasted-bad-${i}`;
      const err = await applyChanges(database.db, EDITOR, [
        { op: "create", kind: "source", value: source(id, w.copy), text: TEXT },
      ]).catch((e: unknown) => e as { code: string; details: { fields?: { fieldErrors: object } } });
      expect(err).toMatchObject({ code: "VALIDATION" });
      expect(
        Object.keys((err as { details: { fields: { fieldErrors: object } } }).details.fields.fieldErrors),
      ).toEqual([w.field]);
      expect(await getRecord(database.db, "source", id)).toBeNull();
      expect(await sourceText(database.db, id)).toBeUndefined();
    }
  });
});
