import { loadDataset } from "@registry/dataset";
import type { Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { publish, seedFixture } from "../support/fixtures.ts";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

interface Proposal {
  key: string;
  names: { text: string; script: string; lines: [number, number][] }[];
  action: "new" | "addition";
  match?: { id: string };
  mentions: [number, number][];
  facts: { kind: string; lines: [number, number]; [k: string]: unknown }[];
  cited: { lines: [number, number]; text: string }[];
}

const data = (r: { body: Record<string, unknown> }) => (r.body.result as { data: unknown }).data;
const accepted = ({ names, match, facts }: Proposal) => ({ names, ...(match ? { match } : {}), facts });

describe.each(BACKENDS)(
  "the report-import assistant over HTTP (admin.assistant.propose / accept) on $name",
  (backend) => {
    let database: Database;
    let app: HttpApp;
    let editor = "";
    let pending = "";
    beforeAll(async () => {
      database = await backend.open();
      await seedFixture(database); // publishes, among others, "Aset Abishev" (p-abishev)
      const hrw = loadDataset().dataset.sources.find((s) => s.id === "hrw-2021");
      await publish(database, "sources", hrw as unknown as { id: string });
      app = await startHttpApp(database);
      editor = await loginOverHttp(app, database, "ed@example.org", "editor");
      // Logged in with the password only: no second factor, so no curator rights yet.
      await loginOverHttp(app, database, "other@example.org", "editor");
      const first = await trpc(app.url, "auth.login", {
        email: "other@example.org",
        password: "a long enough password",
      });
      pending = first.setCookie[0]?.split(";")[0] ?? "";
    }, 120_000);
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    const get = async (path: string, input: unknown, cookie?: string) => {
      const r = await fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: cookie ? { cookie } : {},
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };

    it("refuses anonymous and half-logged-in callers", async () => {
      expect((await trpc(app.url, "admin.assistant.propose", { sourceId: "hrw-2021" })).status).toBe(401);
      expect(
        (await trpc(app.url, "admin.assistant.accept", { sourceId: "hrw-2021", proposals: [] })).status,
      ).toBe(401);
      expect(pending).not.toBe("");
      const half = await trpc(app.url, "admin.assistant.propose", { sourceId: "hrw-2021" }, pending);
      expect([401, 403]).toContain(half.status);
    });

    it("answers bad input with a 4xx and a message, never a 5xx", async () => {
      const bad = async (path: string, input: unknown) => {
        const r = await trpc(app.url, path, input, editor);
        expect(r.status, JSON.stringify(input)).toBeGreaterThanOrEqual(400);
        expect(r.status, JSON.stringify(input)).toBeLessThan(500);
        return r;
      };
      expect((await bad("admin.assistant.propose", {})).status).toBe(400);
      expect((await bad("admin.assistant.propose", { text: "" })).status).toBe(400);
      expect((await bad("admin.assistant.propose", { sourceId: "Not An Id" })).status).toBe(400);
      expect((await bad("admin.assistant.propose", { sourceId: "no-such-source" })).status).toBe(404);
      expect((await bad("admin.assistant.accept", { sourceId: "hrw-2021", proposals: [] })).status).toBe(400);
      const beyond = await bad("admin.assistant.accept", {
        sourceId: "hrw-2021",
        proposals: [
          { names: [{ text: "Kuanysh Invented", script: "latin", lines: [[900, 901]] }], facts: [] },
        ],
      });
      expect(beyond.status).toBe(400);
      expect(JSON.stringify(beyond.body)).toMatch(/the text has 64 lines/i);
      const one = { names: [{ text: "Kuanysh Invented", script: "latin", lines: [[1, 1]] }], facts: [] };
      const twice = await bad("admin.assistant.accept", { sourceId: "hrw-2021", proposals: [one, one] });
      expect(twice.status).toBe(409);
      expect(JSON.stringify(twice.body)).toMatch(/is also proposal 1/);
    });

    it("proposes the report's persons with their cited lines, accepts three as drafts waiting for review", async () => {
      const r = await trpc(app.url, "admin.assistant.propose", { sourceId: "hrw-2021" }, editor);
      expect(r.status).toBe(200);
      const { lineCount, proposals } = data(r) as { lineCount: number; proposals: Proposal[] };
      expect(lineCount).toBe(64);
      const named = (text: string) => proposals.find((p) => p.names.some((n) => n.text === text));
      const sultanov = named("Abaibek Sultanov");
      const demeuova = named("Zhazira Demeuova");
      const abishev = named("Aset Abishev");
      expect(sultanov).toMatchObject({ action: "new" });
      expect(sultanov?.cited.find((c) => c.lines[0] === 10)?.text).toContain(
        "Abaibek Sultanov, 45, from Kaskelen",
      );
      expect(sultanov?.facts).toContainEqual(
        expect.objectContaining({
          kind: "sentence",
          sentence: "restriction-of-liberty",
          imposed: { date: "2021-05-14" },
        }),
      );
      expect(demeuova).toMatchObject({ action: "new" });
      // Known to the registry by the same name key: an addition, not a duplicate.
      expect(abishev).toMatchObject({ action: "addition", match: { id: "p-abishev" } });

      const before = await get("admin.revisions.list", { view: "queue" }, editor);
      const queued = (data(before) as unknown[]).length;
      const a = await trpc(
        app.url,
        "admin.assistant.accept",
        {
          sourceId: "hrw-2021",
          proposals: [sultanov, demeuova, abishev].map((p) => accepted(p as Proposal)),
        },
        editor,
      );
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      const { written, skipped } = data(a) as {
        written: { kind: string; id: string; result: string }[];
        skipped: { fact: string; lines: [number, number]; reason: string }[];
      };
      // "sentenced ... on May 14" (no year) is not given a default date: it is handed back, not written.
      expect(skipped).toContainEqual(
        expect.objectContaining({
          fact: "sentence",
          lines: [37, 37],
          reason: expect.stringMatching(/date/) as unknown,
        }),
      );
      const persons = written.filter((w) => w.kind === "person");
      expect(persons.map((w) => w.result).sort()).toEqual(["created", "created", "proposed"]);
      expect(written.some((w) => w.kind === "case" && w.result === "created")).toBe(true);

      // Accepted again, the new persons would be duplicates: refused with who they are, and nothing is written.
      const twice = await trpc(
        app.url,
        "admin.assistant.accept",
        { sourceId: "hrw-2021", proposals: [sultanov].map((p) => accepted(p as Proposal)) },
        editor,
      );
      expect(twice.status).toBe(409);
      expect(JSON.stringify(twice.body)).toMatch(/Abaibek Sultanov is already in the registry/);

      // The detention read at line 53 is a draft event with its date, place and citation.
      const events = await Promise.all(
        written
          .filter((w) => w.kind === "event")
          .map(async (w) => data(await get("admin.events.get", { id: w.id }, editor))),
      );
      expect(events).toContainEqual(
        expect.objectContaining({
          value: expect.objectContaining({
            type: "detained",
            date: { date: "2020-10-30" },
            place: { name: { en: "Taldikorgan" } },
            citations: [{ source: "hrw-2021", lines: [53, 53] }],
          }) as unknown,
          meta: expect.objectContaining({ publicationState: "draft" }) as unknown,
        }),
      );

      // The new persons are drafts in the curators' lists, with their names cited to the report's lines.
      const drafts = data(await get("admin.persons.list", { state: "draft", limit: 500 }, editor)) as {
        items: {
          value: { id: string; slug: string; names: { text: string; citations: unknown[] }[] };
          meta: { publicationState: string };
        }[];
      };
      const created = persons.filter((w) => w.result === "created").map((w) => w.id);
      const rows = drafts.items.filter((i) => created.includes(i.value.id));
      expect(rows).toHaveLength(2);
      expect(rows.every((i) => i.meta.publicationState === "draft")).toBe(true);
      expect(rows.flatMap((i) => i.value.names.map((n) => n.text)).sort()).toEqual([
        "Abaibek Sultanov",
        "Zhazira Demeuova",
      ]);
      expect(rows[0]?.value.names[0]?.citations[0]).toMatchObject({ source: "hrw-2021" });

      // The addition to the published person waits in the review queue; the public page is unchanged.
      const after = data(await get("admin.revisions.list", { view: "queue" }, editor)) as {
        entityId: string;
      }[];
      expect(after.length).toBe(queued + 1);
      expect(after.some((rev) => rev.entityId === "p-abishev")).toBe(true);

      // Nothing reaches the public: not the persons' pages, not the public API.
      for (const row of rows) {
        expect((await fetch(`${app.url}/persons/${row.value.slug}`)).status).toBe(404);
        expect((await get("public.person", { slug: row.value.slug })).status).toBe(404);
      }
    });

    it("keeps a pasted report's text with its new source, so its lines can be read again", async () => {
      const text = [
        "Invented report for the test.",
        "Activist Kuanysh Oralbekov was detained in Aktobe on 3 July 2019 and charged under Article 405 part 1.",
        "In October 2019 a court sentenced Oralbekov to one year of restricted freedom.",
        "",
      ].join("\n");
      const p = await trpc(app.url, "admin.assistant.propose", { text }, editor);
      expect(p.status).toBe(200);
      const { proposals } = data(p) as { proposals: Proposal[] };
      expect(proposals.map((x) => x.names[0]?.text)).toEqual(["Kuanysh Oralbekov"]);
      const source = {
        id: "invented-2024",
        slug: "invented-2024",
        kind: "ngo-report",
        publisher: "Test publisher",
        title: "Invented report",
        published: "2024-03",
        language: "en",
      };
      const a = await trpc(
        app.url,
        "admin.assistant.accept",
        { source, text, proposals: proposals.map(accepted) },
        editor,
      );
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      const stored = data(await get("admin.sources.get", { id: "invented-2024" }, editor)) as {
        value: { copy: { lineCount: number } };
        meta: { publicationState: string };
      };
      expect(stored).toMatchObject({
        value: { copy: { lineCount: 3 } },
        meta: { publicationState: "draft" },
      });
      const again = data(
        await trpc(app.url, "admin.assistant.propose", { sourceId: "invented-2024" }, editor),
      ) as {
        proposals: Proposal[];
      };
      expect(again.proposals[0]?.cited[0]?.text).toContain("Kuanysh Oralbekov was detained in Aktobe");
      // The month and year of the sentence stay a month: no day is invented.
      expect(again.proposals[0]?.facts).toContainEqual(
        expect.objectContaining({ kind: "sentence", imposed: { date: "2019-10" }, termMonths: 12 }),
      );
    });
  },
);
