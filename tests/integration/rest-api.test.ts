import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

/**
 * Issue 17: the documented REST API. Its OpenAPI 3.1 document is checked by a real validator; every documented
 * endpoint is called over HTTP and its answer checked against the documented response schema (ajv, 2020-12,
 * strict); bad parameters are 400s with a JSON message, unknown records 404s, never a 5xx.
 */
type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters?: { name: string; in: "query" | "path"; required?: boolean }[];
  responses: Record<string, { content?: { "application/json"?: { schema: Json } } }>;
}

let database: Database;
let app: HttpApp;
let doc: Json & { paths: Record<string, { get?: Operation }>; components: { schemas: Json } };
beforeAll(async () => {
  database = await createTestDb();
  await loadCuratedDataset(database);
  app = await startHttpApp(database);
  doc = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as typeof doc;
}, 240_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = async (path: string, init?: RequestInit) => {
  const r = await fetch(`${app.url}/api/v1${path}`, init);
  const text = await r.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: r.status, headers: r.headers, body: body as Json };
};

/** The documented 200 schema of an operation, with the document's components as its definitions. */
function responseValidator(op: Operation) {
  const schema = op.responses["200"]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${op.operationId} documents no JSON answer`);
  const rebase = (v: unknown) =>
    JSON.parse(JSON.stringify(v).replaceAll("#/components/schemas/", "#/$defs/")) as Json;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile({ ...rebase(schema), $defs: rebase(doc.components.schemas) });
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document of the public reads alone", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/persons",
        "/persons/{slug}",
        "/statistics",
        "/officials",
        "/events",
        "/sources",
      ]),
    );
    // Nothing of the admin, the login or the users; and only reads.
    const text = JSON.stringify(doc);
    for (const word of [
      "admin.",
      "/admin",
      "auth.",
      "users.",
      "password",
      "private",
      "internalNotes",
      "relatives",
    ])
      expect(text.includes(word), word).toBe(false);
    for (const item of Object.values(doc.paths)) expect(Object.keys(item)).toEqual(["get"]);
  });
});

describe("every documented endpoint", () => {
  /** Slugs of real records, taken from the list endpoints (the curated data). */
  async function example(path: string): Promise<string> {
    const slugOf = async (list: string, pick: (b: unknown) => string | undefined) => {
      const r = await get(list);
      const slug = pick(r.body);
      if (!slug) throw new Error(`no record at ${list}`);
      return slug;
    };
    const first = (b: unknown) => (b as { slug: string }[])[0]?.slug;
    return path
      .replace(
        /^\/persons\/\{slug\}/,
        `/persons/${await slugOf("/persons?limit=1", (b) => (b as { items: { slug: string }[] }).items[0]?.slug)}`,
      )
      .replace("/officials/{slug}", `/officials/${await slugOf("/officials", first)}`)
      .replace("/events/{slug}", `/events/${await slugOf("/events", first)}`);
  }

  it("answers as documented, with CORS for any site", async () => {
    const called: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get!;
      const validate = responseValidator(op);
      // The required query parameters get a value (a data version for /changes); path parameters a real slug.
      const required = (op.parameters ?? []).filter((p) => p.in === "query" && p.required);
      const query = required.map((p) => `${p.name}=0`).join("&");
      const url = `${await example(path)}${query ? `?${query}` : ""}`;
      const r = await get(url, { headers: { origin: "https://elsewhere.example" } });
      expect(r.status, url).toBe(200);
      expect(r.headers.get("access-control-allow-origin"), url).toBe("*");
      expect(r.headers.get("content-type"), url).toMatch(/^application\/json/);
      const ok = validate(r.body);
      expect(validate.errors?.slice(0, 3) ?? [], url).toEqual([]);
      expect(ok, url).toBe(true);
      called.push(op.operationId);
    }
    expect(called.length).toBe(Object.keys(doc.paths).length);
    expect(called.length).toBeGreaterThanOrEqual(13);
  }, 120_000);

  it("filters, pages and answers as of a past day, as the tRPC procedure does", async () => {
    const all = await get("/persons?limit=200");
    const total = all.body.total as number;
    expect(total).toBeGreaterThan(10);
    const page1 = await get("/persons?limit=3&sort=name");
    expect((page1.body.items as unknown[]).length).toBe(3);
    const page2 = await get(
      `/persons?limit=3&sort=name&cursor=${encodeURIComponent(String(page1.body.next))}`,
    );
    const slugs = (b: Json) => (b.items as { slug: string }[]).map((p) => p.slug);
    expect(slugs(page2.body)).not.toEqual(slugs(page1.body));
    expect(page2.body.total).toBe(total);
    const jailed = await get("/persons?status=imprisoned&limit=200");
    expect((jailed.body.items as { status: string }[]).every((p) => p.status === "imprisoned")).toBe(true);
    expect(jailed.body.total as number).toBeLessThan(total);
    const then = await get("/persons?status=imprisoned&asOf=2019-01-01&limit=200");
    expect(then.status).toBe(200);
    expect(then.body.total).not.toBe(jailed.body.total);
    const stats = await get("/statistics?asOf=2019-01-01");
    expect(stats.body.asOf).toBe("2019-01-01");
    // The same procedure as /trpc/public.persons: the same answer.
    const input = encodeURIComponent(JSON.stringify({ status: "imprisoned", limit: 200 }));
    const viaTrpc = (await (await fetch(`${app.url}/trpc/public.persons?input=${input}`)).json()) as {
      result: { data: unknown };
    };
    expect(jailed.body).toEqual(viaTrpc.result.data);
    const name = (all.body.items as { name: string }[])[0]!.name.split(" ")[0]!;
    const found = await get(`/persons?q=${encodeURIComponent(name)}`);
    expect((found.body.items as { name: string }[]).some((p) => p.name.includes(name))).toBe(true);
  });

  it("refuses bad parameters with a 400 and a JSON message, and unknown records with a 404, never a 5xx", async () => {
    const bad = [
      "/persons?limit=abc",
      "/persons?limit=0",
      "/persons?limit=201",
      "/persons?status=free",
      "/persons?status=imprisoned&status=released",
      "/persons?colour=red",
      "/persons?asOf=2999-01-01",
      "/persons?asOf=yesterday",
      "/persons?year=1.5",
      "/statistics?asOf=31.12.2020",
      "/changes",
      "/changes?after=-1",
      "/persons/Not%20a%20slug",
    ];
    for (const url of bad) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(typeof r.body.message, url).toBe("string");
      expect(r.body.code, url).toBe("BAD_REQUEST");
    }
    for (const url of [
      "/persons/no-such-person",
      "/officials/no-such-official",
      "/events/no-such-event",
      "/nothing",
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(typeof r.body.message, url).toBe("string");
    }
    const post = await get("/persons", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(405);
    expect(app.logs.filter((l) => /failed/.test(l))).toEqual([]);
  });

  it("opens GET to any site and nothing else", async () => {
    const pre = await fetch(`${app.url}/api/v1/persons`, {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    const head = await fetch(`${app.url}/api/v1/statistics`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("the API page", () => {
  it("lists every endpoint with its parameters in three languages, and every example answers", async () => {
    const titles: string[] = [];
    for (const prefix of ["", "/ru", "/kk"]) {
      const r = await fetch(`${app.url}${prefix}/api`);
      expect(r.status, prefix).toBe(200);
      const html = await r.text();
      titles.push(/<h1>([^<]+)<\/h1>/.exec(html)?.[1] ?? "");
      for (const path of Object.keys(doc.paths)) expect(html, path).toContain(`GET /api/v1${path}`);
      expect(html).toContain('href="/api/v1/openapi.json"');
      expect(html).toContain("@registry/client");
      expect(html).toContain("<code>asOf</code>");
      const examples = [...html.matchAll(/href="(\/api\/v1\/[^"]+)"/g)].map((m) =>
        m[1]!.replace(/&amp;/g, "&"),
      );
      expect(examples.length).toBeGreaterThan(8);
      for (const example of examples) expect((await fetch(app.url + example)).status, example).toBe(200);
      const data = await (await fetch(`${app.url}${prefix}/data`)).text();
      expect(data).toContain(`href="${prefix}/api"`);
    }
    expect(new Set(titles).size).toBe(3);
  });
});
