import { createCaller, createContextInner } from "@registry/api";
import { tableChecksums, userStore, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cite, EDITOR, seedFixture } from "../support/fixtures.ts";

// A recognition's follow-ups go through the one write pipeline like any field: validated (a citation each, one of
// the three outcomes, a partial date kept partial), refused with a 4xx and nothing written otherwise.
let database: Database;
const editor = () =>
  createCaller(
    createContextInner({
      database,
      user: EDITOR,
      session: { tokenHash: "e".repeat(64), userId: EDITOR.id, secondFactor: true },
    }),
  ).admin.recognitions;

beforeAll(async () => {
  database = await createTestDb();
  await userStore.create(database.db, {
    id: EDITOR.id,
    email: "e@example.org",
    name: "E",
    role: "editor",
    passwordHash: "x",
  });
  await seedFixture(database);
});
afterAll(async () => {
  await database.close();
});

const record = (followUp: unknown) => ({
  id: "r-follow-test",
  body: "un-wgad",
  instrument: { en: "Opinion No. 1/2020" },
  date: { date: "2020-05" },
  kind: "arbitrary-detention",
  persons: ["p-abishev"],
  citations: cite(3),
  followUp,
});

describe("recognition follow-ups through the write pipeline", () => {
  it("refuses a follow-up without a citation or with an unknown outcome, with a 400 and no write", async () => {
    const before = await tableChecksums(database.db);
    for (const bad of [
      [{ outcome: "followed", asOf: { date: "2021-09-01" }, citations: [] }],
      [{ outcome: "ignored", asOf: { date: "2021-09-01" }, citations: cite(4) }],
      [{ outcome: "followed", asOf: { date: "2021-13" }, citations: cite(4) }],
    ]) {
      const error = await editor()
        .create({ record: record(bad) as never })
        .then(() => null)
        .catch((e: { code?: string; message?: string }) => e);
      expect(error?.code, JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await tableChecksums(database.db)).toEqual(before);
  });

  it("stores cited follow-ups as given, partial dates partial, and an absent list as none", async () => {
    const followUp = [
      { outcome: "not-followed", asOf: { date: "2019-08" }, citations: cite(4) },
      {
        outcome: "partly-followed",
        asOf: { date: "2021-09-01" },
        note: { en: "One of two released." },
        citations: cite(5, 6),
      },
    ];
    await editor().create({ record: record(followUp) as never });
    const saved = await editor().get({ id: "r-follow-test" });
    expect(saved.value.followUp).toEqual(followUp);
    await editor().create({ record: { ...record(undefined), id: "r-follow-none" } as never });
    const none = await editor().get({ id: "r-follow-none" });
    expect(none.value.followUp).toEqual([]);
  });
});
