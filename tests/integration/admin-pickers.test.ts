import type { Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { errorOf } from "../support/errors.ts";
import { EDITOR, caller, seedFixture } from "../support/fixtures.ts";

/** What the admin's pickers ask of the server: records naming an id, text search in every kind, a source's lines. */
describe.each(BACKENDS)("admin pickers on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await seedFixture(database);
  });
  afterAll(() => database.close());
  const admin = () => caller(database, EDITOR).admin;

  it("lists only the records that name an id (refersTo), not every record of the kind", async () => {
    const ids = async (refersTo: string) =>
      (await admin().cases.list({ refersTo })).items.map((i) => i.value.id).sort();
    expect(await ids("p-abishev")).toEqual(["c-abishev"]);
    expect(await ids("p-kayyrbek")).toEqual(["c-kayyrbek"]);
    expect(await ids("p-nobody")).toEqual([]);
    // A record does not "name" itself.
    expect(await ids("c-abishev")).toEqual([]);
  });

  it("finds records of any kind by their text, ignoring case, with LIKE wildcards taken literally", async () => {
    const found = async (q: string) => (await admin().sources.list({ q })).items.map((i) => i.value.id);
    expect(await found("TEST PUBLISHER")).toEqual(["src-1"]);
    expect(await found("no such words anywhere")).toEqual([]);
    expect(await found("%")).toEqual([]);
    expect(await found("_")).toEqual([]);
  });

  it("gives a source's working copy line by line, null without one, NOT_FOUND for no source", async () => {
    await expect(admin().sources.copy({ id: "src-1" })).resolves.toBeNull();
    await admin().sources.create({
      record: {
        id: "src-copy",
        slug: "src-copy",
        kind: "press-release",
        publisher: "Human Rights Watch",
        title: "A report with a working copy",
        published: "2021-07-07",
        language: "en",
        copy: {
          file: "004_b7619ff1bc185ff0.txt",
          lineCount: 64,
          sha256: "0bf4ec93573959f38e1ffe9d9960e43e59427b725d8b63688597d46b1edaba9e",
        },
      },
    });
    const copy = await admin().sources.copy({ id: "src-copy" });
    expect(copy?.lines).toHaveLength(64);
    expect(copy?.lines.join("\n")).toMatch(/405/);
    expect((await errorOf(admin().sources.copy({ id: "src-none" })))?.code).toBe("NOT_FOUND");
  });
});
