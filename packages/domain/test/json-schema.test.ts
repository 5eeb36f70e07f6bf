import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { publicJsonSchemas } from "../src/index.ts";

describe("open-data JSON Schema", () => {
  it("is up to date with the zod schemas (run `pnpm --filter @registry/domain schema:write`)", () => {
    for (const [file, schema] of Object.entries(publicJsonSchemas())) {
      const committed: unknown = JSON.parse(
        readFileSync(new URL(`../schema/${file}`, import.meta.url), "utf8"),
      );
      expect(committed, file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it("describes a person dossier without any private field", () => {
    const text = JSON.stringify(publicJsonSchemas()["person-dossier.schema.json"]);
    for (const key of ["private", "internalNotes", "relatives", "contacts", "consent"])
      expect(text).not.toContain(`"${key}"`);
  });
});
