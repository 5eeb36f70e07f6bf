import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../support/server.ts";

interface PersonsJson {
  asOf: string;
  persons: { person: { id: string; slug: string; names: { text: string }[] }; status: { current: string } }[];
}

describe("the server, started as a user starts it", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-e2e-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("seeds the curated dataset on first start, survives SIGTERM and a restart, and refuses a second server on the same data", async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await (await fetch(`${first.url}/data/persons.json`)).json()) as PersonsJson;
    expect(body.persons.length).toBeGreaterThan(100);
    const ids = body.persons.map((p) => p.person.id).sort();
    const abishev = body.persons.find((p) => p.person.slug === "aset-abishev");
    expect(abishev?.status.current).toBeDefined();

    // A second server on the same directory is refused with a clear message, and the first keeps running.
    const second = await startServer({ DATA_DIR: dataDir }, { waitReady: false });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by another server/);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    first.signal("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/SIGTERM: shutting down[\s\S]*Database closed; bye\./);
    expect(existsSync(join(dataDir, "registry.lock"))).toBe(false);

    const again = await startServer({ DATA_DIR: dataDir });
    try {
      const body2 = (await (await fetch(`${again.url}/data/persons.json`)).json()) as PersonsJson;
      expect(body2.persons.map((p) => p.person.id).sort()).toEqual(ids);
      expect(again.output()).not.toMatch(/Dataset:/); // not seeded twice
      const csv = await (await fetch(`${again.url}/data/persons.csv`)).text();
      expect(csv.split("\r\n").filter(Boolean)).toHaveLength(ids.length + 1);
      const schema = (await (await fetch(`${again.url}/data/schema.json`)).json()) as { $schema: string };
      expect(schema.$schema).toContain("json-schema.org");
    } finally {
      again.signal("SIGTERM");
      await again.exited;
    }
  });
});
