import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createClient, RegistryApiError } from "@registry/client";
import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

/**
 * Issue 17: @registry/client against a real server (the express app on the curated data), with every answer
 * checked against the contract's zod schemas (`validate: true`); and its example script, run by Node.
 */
let database: Database;
let app: HttpApp;
beforeAll(async () => {
  database = await createTestDb();
  await loadCuratedDataset(database);
  app = await startHttpApp(database);
}, 240_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("@registry/client on a running registry", () => {
  it("reads every kind of public record, validated against the contract", async () => {
    const registry = createClient({ baseUrl: app.url, validate: true });
    const page = await registry.persons({ list: "political-prisoners", limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((p) => p.lists.includes("political-prisoners"))).toBe(true);
    const first = page.items[0]!;
    const dossier = await registry.person({ slug: first.slug });
    expect(dossier.person.id).toBe(first.id);
    expect(dossier.status.current).toBe(first.status);
    const stats = await registry.statistics();
    expect(stats.politicalPrisoners).toBe(page.total);
    const then = await registry.statistics({ asOf: "2019-01-01" });
    expect(then.asOf).toBe("2019-01-01");
    const officials = await registry.officials();
    const { official } = await registry.official({ slug: officials[0]!.slug });
    expect(official.id).toBe(officials[0]!.id);
    const events = await registry.massEvents();
    const { massEvent } = await registry.massEvent({ slug: events[0]!.slug });
    expect(massEvent.id).toBe(events[0]!.id);
    expect((await registry.sources()).length).toBeGreaterThan(0);
    expect((await registry.organisations()).length).toBeGreaterThan(0);
    const { version } = await registry.version();
    expect(await registry.changes({ after: version })).toEqual({ version, all: false, slugs: [] });
  });

  it("follows every page of a list, and finds a person by a Cyrillic spelling", async () => {
    const registry = createClient({ baseUrl: app.url });
    const { total } = await registry.persons({ limit: 1 });
    const slugs: string[] = [];
    for await (const p of registry.allPersons({ limit: 200 })) slugs.push(p.slug);
    expect(slugs.length).toBe(total);
    expect(new Set(slugs).size).toBe(total);
    const withCyrillic = (await registry.persons({ limit: 200 })).items.find((p) => p.localNames?.ru);
    const found = await registry.persons({ q: withCyrillic!.localNames!.ru! });
    expect(found.items.map((p) => p.slug)).toContain(withCyrillic!.slug);
  });

  it("turns a 404 and a 400 into RegistryApiError with the server's message", async () => {
    const registry = createClient({ baseUrl: app.url });
    const missing = await registry.person({ slug: "no-such-person" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(RegistryApiError);
    expect(missing).toMatchObject({ status: 404, code: "NOT_FOUND", message: "No such person" });
    const future = await registry.persons({ asOf: "2999-01-01" }).catch((e: unknown) => e);
    expect(future).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    // A call TypeScript would refuse, sent anyway: the server refuses it with zod's issues.
    const bad = await registry.persons({ limit: 500 }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect((bad as RegistryApiError).issues.length).toBeGreaterThan(0);
  });

  it("runs its example script against the server", async () => {
    const example = fileURLToPath(
      new URL("../../packages/client/examples/political-prisoners.mjs", import.meta.url),
    );
    // In the monorepo the client is TypeScript: tsx (the server's) runs it; the pack test runs the built one.
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", example, app.url], {
      cwd: fileURLToPath(new URL("../../apps/server/", import.meta.url)),
      timeout: 60_000,
    });
    const registry = createClient({ baseUrl: app.url });
    const { politicalPrisoners } = await registry.statistics();
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(
      `${politicalPrisoners} political prisoners as of ${(await registry.statistics()).asOf}`,
    );
    expect(lines.length).toBe(politicalPrisoners + 1);
  });
});
