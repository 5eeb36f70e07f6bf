import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContextInner, createPublicCaller } from "@registry/api";
import { applyChanges, getRecord, receiveSubmission, type Database, type ImportItem } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { exportStaticSite } from "@registry/public";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";
import { importRecords } from "../support/import.ts";

/** Every private value carries this; it must never appear in any public output (security.md C1). */
const CANARY = "CNRY7q";
const cite = [{ source: "src-c", lines: [1, 2] as [number, number] }];

function records(): { published: ImportItem[]; drafts: ImportItem[]; toDelete: string[] } {
  const published: ImportItem[] = [
    {
      kind: "source",
      value: {
        id: "src-c",
        slug: "src-c",
        kind: "ngo-report",
        publisher: "P",
        title: "T",
        published: "2021",
        language: "en",
      },
    },
  ];
  const drafts: ImportItem[] = [];
  const toDelete: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const id = `p-c${i}`;
    const secret = (what: string) => `${CANARY}-${what}-${i}`;
    const isDraft = i >= 800 && i < 900;
    const isDeleted = i >= 900;
    const person = {
      id,
      slug: `c-${i}`,
      // Drafts and deleted records are private as a whole: their names carry the canary too.
      names: [
        {
          text: isDraft || isDeleted ? `${secret("name")} Person` : `Public Person ${i}`,
          script: "latin",
          primary: true,
          citations: cite,
        },
      ],
      pace:
        i % 3 === 0
          ? [{ criterion: "fundamental-freedoms", reasoning: { en: "Peaceful posts." }, citations: cite }]
          : [],
      private: {
        relatives: [
          {
            relation: secret("relation"),
            name: secret("relative"),
            details: secret("details"),
            citations: cite,
          },
        ],
        contacts: [{ kind: "phone", value: secret("phone"), note: secret("contact-note") }],
        internalNotes: secret("internal"),
        // Where someone is held is public only with consent (ADR 020): a refusal or unknown consent hides it.
        ...(i % 10 === 5 ? { consent: "consent-refused" } : i % 10 === 7 ? { consent: "unknown" } : {}),
      },
      help:
        i % 10 === 5 || i % 10 === 7
          ? [{ institution: { en: secret("colony") }, checkedOn: "2021-06", citations: cite }]
          : i % 10 === 3
            ? [{ institution: { en: `Colony OK ${i}` }, checkedOn: "2021-06", citations: cite }]
            : [],
    };
    const kase = {
      id: `c-c${i}`,
      slug: `c-c${i}`,
      title:
        isDraft || isDeleted
          ? { en: secret("case-title"), ru: secret("case-title-ru"), kk: secret("case-title-kk") }
          : { en: `Case ${i}`, ru: `Дело ${i}` },
      defendants: [id],
      charges: [
        {
          person: id,
          code: "criminal",
          article: "405",
          part: "2",
          date: { date: "2020-01-01" },
          citations: cite,
        },
      ],
      measures:
        i % 2
          ? [{ person: id, kind: "pre-trial-detention", from: { date: "2020-01-02" }, citations: cite }]
          : [],
      citations: cite,
      private: { internalNotes: secret("case-note") },
    };
    const event = {
      id: `e-c${i}`,
      type: "detained",
      date: { date: "2020-01-01" },
      persons: [id],
      description: { en: isDraft || isDeleted ? secret("event") : "Detained." },
      citations: cite,
      private: { internalNotes: secret("event-note") },
    };
    const target = isDraft ? drafts : published;
    target.push(
      { kind: "person", value: person },
      { kind: "case", value: kase },
      { kind: "event", value: event },
    );
    if (isDeleted) toDelete.push(id, `c-c${i}`, `e-c${i}`);
  }
  published.push({
    kind: "official",
    value: {
      id: "o-c",
      slug: "o-c",
      name: "Official C",
      role: "judge",
      involvements: [
        {
          action: "tried",
          persons: ["p-c1", "p-c850", "p-c950"],
          description: { en: "Tried them." },
          citations: cite,
        },
      ],
      citations: cite,
      private: { internalNotes: `${CANARY}-official` },
    },
  });
  published.push({
    kind: "mass-event",
    value: {
      id: "rally-c",
      slug: "rally-c",
      name: { en: "Rally C" },
      date: { date: "2020-01-01" },
      detainees: ["p-c1", "p-c850", "p-c950"],
      description: { en: "A rally." },
      citations: cite,
    },
  });
  // An anonymous person who agreed to be written to: where they are held is still withheld (it identifies them).
  published.push({
    kind: "person",
    value: {
      id: "p-c-anon",
      slug: "withheld-c-anon",
      visibility: "anonymous",
      names: [{ text: "Name withheld (test)", script: "latin", primary: true, citations: cite }],
      help: [{ institution: { en: `${CANARY}-anonymous-colony` }, checkedOn: "2021", citations: cite }],
      private: { relatives: [], contacts: [], consent: "consent-given" },
    },
  });
  // A recognition naming public, draft and deleted persons shows only the public one; one naming no published
  // person is in no public output at all (its text could tell of a person not yet published).
  published.push(
    {
      kind: "recognition",
      value: {
        id: "rec-c",
        body: "ngo",
        instrument: { en: "Statement C" },
        date: { date: "2021-01-01" },
        kind: "called-for-release",
        persons: ["p-c1", "p-c850", "p-c950"],
        summary: { en: "Called for their release." },
        citations: cite,
      },
    },
    {
      kind: "recognition",
      value: {
        id: "rec-hidden",
        body: "ngo",
        instrument: { en: `${CANARY}-recognition` },
        date: { date: "2021-01-01" },
        kind: "concern",
        persons: ["p-c850", "p-c950"],
        summary: { en: `${CANARY}-recognition-summary` },
        citations: cite,
      },
    },
  );
  return { published, drafts, toDelete };
}

let database: Database;
let app: HttpApp;

beforeAll(async () => {
  database = await createTestDb();
  const { published, drafts, toDelete } = records();
  // The official names a draft and a deleted person: they exist before it (the pipeline checks references).
  const later = published.filter(
    (r) => r.kind === "official" || r.kind === "mass-event" || r.kind === "recognition",
  );
  await importRecords(
    database.db,
    published.filter((r) => !later.includes(r)),
    { actor: "test", publicationState: "published" },
  );
  await importRecords(database.db, drafts, { actor: "test", publicationState: "draft" });
  await importRecords(database.db, later, { actor: "test", publicationState: "published" });
  const kindOf = (id: string) =>
    (id.startsWith("p-") ? "person" : id.startsWith("c-") ? "case" : "event") as "person";
  for (const id of toDelete) {
    const r = await getRecord(database.db, kindOf(id), id);
    await applyChanges(database.db, { id: "test", role: "reviewer" }, [
      { op: "delete", kind: kindOf(id), id, version: r?.meta.version ?? 0 },
    ]);
  }
  // A reader's submission (ADR 021) about a published person: private as a whole, its text and contact too.
  await receiveSubmission(database.db, {
    kind: "correction",
    personSlug: "c-1",
    text: `${CANARY}-submission-text`,
    source: `${CANARY}-submission-source`,
    contact: `${CANARY}-submission-contact`,
    language: "en",
  });
  app = await startHttpApp(database);
}, 240_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

async function crawl(): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const get = async (path: string) => {
    const r = await fetch(app.url + path);
    const text = await r.text();
    pages.set(path, text);
    return text;
  };
  for (const p of [
    "/",
    "/officials",
    "/officials/o-c",
    "/events",
    "/events/rally-c",
    "/statistics",
    "/sources",
    "/data",
    "/about",
    "/recognition",
    "/submit",
    "/submit?person=c-1",
    "/ru/submit/sent",
    "/trpc/public.timeline",
    "/trpc/public.recognitions",
    "/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
  ])
    await get(p);
  for (const p of ["/data/persons.json", "/data/persons.csv", "/data/schema.json", "/data/datapackage.json"])
    await get(p);
  for (const kind of ["cases", "events", "recognitions", "officials", "mass-events"])
    for (const ext of ["json", "csv"]) await get(`/data/${kind}.${ext}`);
  for (const locale of ["", "/ru", "/kk"]) {
    let next: string | null = `${locale}/persons`;
    while (next) {
      const html: string = await get(next);
      next = /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? null;
    }
  }
  for (let i = 0; i < 1000; i++) await get(`/persons/c-${i}`);
  for (const l of ["", "/ru", "/kk"]) await get(`${l}/persons/withheld-c-anon`);
  await get("/api/v1/persons/withheld-c-anon");
  await get("/api/v1/persons/c-5");
  await get("/api/v1/persons/c-3");
  await get(`/persons?q=${CANARY}`);
  await get(`/persons?q=${CANARY}-name-850`);
  await get(`/persons?q=${encodeURIComponent(`${CANARY}-name-950 Person`)}`);
  await get(
    `/trpc/public.persons?input=${encodeURIComponent(JSON.stringify({ q: `${CANARY}-name-850 Person` }))}`,
  );
  await get(`/trpc/public.person?input=${encodeURIComponent(JSON.stringify({ slug: "c-850" }))}`);
  await get(`/trpc/public.person?input=${encodeURIComponent(JSON.stringify({ slug: "c-1" }))}`);
  await get(`/trpc/public.official?input=${encodeURIComponent(JSON.stringify({ slug: "o-c" }))}`);
  await get(`/trpc/public.massEvent?input=${encodeURIComponent(JSON.stringify({ slug: "rally-c" }))}`);
  await get(`/trpc/public.personChanges?input=${encodeURIComponent(JSON.stringify({ slug: "c-1" }))}`);
  await get("/trpc/public.statistics");
  await get(`/trpc/public.persons?input=${encodeURIComponent("{bad json")}`);
  await get("/persons?year=%3Cscript%3E");
  // The REST API (ADR 015): every documented endpoint, the drafts' and deleted persons' addresses, a search.
  for (const p of [
    "/api/v1/openapi.json",
    "/api/v1/persons/c-1",
    "/api/v1/persons/c-850",
    "/api/v1/persons/c-950",
    "/api/v1/persons/c-1/changes",
    "/api/v1/persons/c-850/changes",
    `/api/v1/persons?q=${encodeURIComponent(`${CANARY}-name-850 Person`)}`,
    "/api/v1/recent-changes",
    "/api/v1/changes?after=0",
    "/api/v1/statistics",
    "/api/v1/officials",
    "/api/v1/officials/o-c",
    "/api/v1/events",
    "/api/v1/events/rally-c",
    "/api/v1/sources",
    "/api/v1/organisations",
    "/api/v1/version",
  ])
    await get(p);
  let cursor: string | null = "";
  while (cursor !== null) {
    const path: string = `/api/v1/persons?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    cursor = (JSON.parse(await get(path)) as { next: string | null }).next;
  }
  return pages;
}

describe("leak canaries (C1)", () => {
  it("never shows a private value, a draft or a deleted record in any public output, export or log", async () => {
    const pages = await crawl();
    expect(pages.size).toBeGreaterThan(1000);
    // The crawl saw the public records: the canary test is not passing by seeing nothing.
    expect(pages.get("/persons/c-1")).toContain("Public Person 1");
    expect(pages.get("/data/persons.json")).toContain("Public Person 799");
    expect(pages.get("/api/v1/persons/c-1")).toContain("Public Person 1");
    expect(pages.get("/api/v1/events/rally-c")).toContain("Public Person 1");
    // Help with consent is shown (page, open data, API); without it, or for an anonymous person, it is not.
    expect(pages.get("/persons/c-3")).toContain("Colony OK 3");
    expect(pages.get("/persons/c-3")).toContain('id="how-to-help"');
    expect(pages.get("/data/persons.json")).toContain("Colony OK 793");
    expect(pages.get("/api/v1/persons/c-3")).toContain("Colony OK 3");
    expect(pages.get("/persons/c-5")).toContain("Public Person 5");
    expect(pages.get("/persons/c-5")).not.toContain('id="how-to-help"');
    expect(pages.get("/persons/withheld-c-anon")).not.toContain('id="how-to-help"');
    expect(JSON.parse(pages.get("/api/v1/persons/c-5") ?? "{}")).toMatchObject({ person: { help: [] } });
    for (const path of ["/data/cases.json", "/data/cases.csv"]) {
      expect(pages.get(path), path).toContain("Case 799");
      expect(pages.get(path), path).not.toContain("c-c850");
    }
    for (const path of ["/data/events.json", "/data/events.csv"]) {
      expect(pages.get(path), path).toContain("e-c799");
      expect(pages.get(path), path).not.toContain("e-c950");
    }
    for (const path of ["/data/recognitions.json", "/data/recognitions.csv"]) {
      expect(pages.get(path), path).toContain("rec-c");
      expect(pages.get(path), path).not.toContain("rec-hidden");
      expect(pages.get(path), path).not.toContain("p-c850");
    }
    // A search page echoes the reader's own query in its search box; that echo is not a leak, anything else is.
    const withoutEcho = (path: string, body: string) => {
      const q = new URL(path, "http://x").searchParams.get("q");
      // The box's value and the language links (which keep the query) carry it, raw or URL-encoded.
      return q
        ? body
            .split(`value="${q}"`)
            .join("")
            .split(`q=${new URLSearchParams({ q }).toString().slice(2)}`)
            .join("")
        : body;
    };
    const leaks = [...pages]
      .filter(([path, body]) => withoutEcho(path, body).includes(CANARY))
      .map(([path]) => path);
    expect(leaks).toEqual([]);
    // A draft, a deleted and a never-existing person get the same 404 page (B4); only the address differs.
    const page404 = (slug: string) => pages.get(`/persons/${slug}`)?.split(slug).join("SLUG");
    await fetch(`${app.url}/persons/c-never`).then(async (r) =>
      pages.set("/persons/c-never", await r.text()),
    );
    expect(page404("c-850")).toBe(page404("c-950"));
    expect(page404("c-850")).toBe(page404("c-never"));

    const dir = mkdtempSync(join(tmpdir(), "registry-canary-export-"));
    try {
      await exportStaticSite(createPublicCaller(createContextInner({ database })), dir, {
        today: "2026-01-01",
        publicUrl: "https://x.example",
      });
      const files: string[] = [];
      const walk = (d: string) => {
        for (const f of readdirSync(d)) {
          const p = join(d, f);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(p);
        }
      };
      walk(dir);
      expect(files.length).toBeGreaterThan(800);
      expect(files.filter((f) => readFileSync(f, "utf8").includes(CANARY))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(app.logs.filter((l) => l.includes(CANARY))).toEqual([]);
  }, 300_000);
});
