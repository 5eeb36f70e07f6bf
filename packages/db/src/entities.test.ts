import { PersonSchema, type Person } from "@registry/domain";
import { describe, expect, it } from "vitest";
import { joinRecord, splitRecord } from "./entities.ts";
import { combinePersons } from "./merge.ts";

const cite = [{ source: "s", lines: [1, 1] as [number, number] }];
const person = (consent: Person["private"]["consent"], visibility: "public" | "anonymous" = "public") =>
  PersonSchema.parse({
    id: "p-1",
    slug: visibility === "public" ? "a-b" : "withheld-1",
    visibility,
    names: [{ text: "A B", script: "latin", primary: true }],
    help: [{ institution: { en: "colony X" }, checkedOn: "2021-06", citations: cite }],
    private: { relatives: [], contacts: [], consent },
  });

describe("a person's help in storage (ADR 020)", () => {
  it("is in the public document where the consent allows", () => {
    for (const consent of ["public-source", "consent-given"] as const) {
      const parts = splitRecord(person(consent));
      expect(parts.data.help, consent).toHaveLength(1);
      expect(parts.private.help, consent).toBeUndefined();
    }
  });

  it("is kept in the private part on a refusal, unknown consent or an anonymous record, and joined back", () => {
    for (const p of [person("consent-refused"), person("unknown"), person("consent-given", "anonymous")]) {
      const parts = splitRecord(p);
      expect(parts.data.help).toEqual([]);
      expect(JSON.stringify(parts.data)).not.toContain("colony X");
      expect(parts.private.help).toEqual(p.help);
      // The record read back (admin, revisions, validation) is the one written.
      const back = joinRecord<Person>(parts.data, parts.private, "person");
      expect(back).toEqual(p);
      expect(PersonSchema.safeParse(back).success).toBe(true);
    }
  });
});

describe("merging two records of one person (ADR 020)", () => {
  it("keeps both records' help, and a refusal by either withholds all of it", () => {
    const other = PersonSchema.parse({
      ...person("consent-refused"),
      id: "p-2",
      help: [{ institution: { en: "colony Y" }, checkedOn: "2022", citations: cite }],
    });
    const merged = combinePersons(person("public-source"), other);
    expect(merged.help.map((h) => h.institution.en)).toEqual(["colony X", "colony Y"]);
    const parts = splitRecord(merged);
    expect(parts.data.help).toEqual([]);
    expect(parts.private.help).toHaveLength(2);
  });
});
