import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaseSchema } from "./case.ts";
import { PersonSchema, PublicPersonSchema, type PersonInput } from "./person.ts";
import { toPublicCase, toPublicPerson, WITHHELD_NAME } from "./public.ts";

const base: PersonInput = {
  id: "p-1",
  slug: "aset-abishev",
  names: [
    { text: "Aset Abishev", script: "latin", primary: true },
    { text: "Абишев Асет", script: "cyrillic-ru" },
  ],
  gender: "male",
  private: {
    relatives: [{ relation: "wife", name: "RELATIVE-NAME", details: "RELATIVE-DETAILS" }],
    contacts: [{ kind: "phone", value: "+7 700 000 0000" }],
    internalNotes: "INTERNAL-NOTE",
  },
};

const publicKeys = Object.keys(PublicPersonSchema.shape).sort();

describe("toPublicPerson", () => {
  it("returns only the public keys", () => {
    const pub = toPublicPerson(PersonSchema.parse(base));
    for (const key of Object.keys(pub)) expect(publicKeys).toContain(key);
    expect(JSON.stringify(pub)).not.toMatch(/RELATIVE|INTERNAL|\+7 700/);
  });

  it("has no private key and does not change when private values change (property)", () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim().length > 0 && !s.includes("\u0000"));
    fc.assert(
      fc.property(text, text, text, (relative, contact, note) => {
        const a = toPublicPerson(PersonSchema.parse(base));
        const b = toPublicPerson(
          PersonSchema.parse({
            ...base,
            private: {
              relatives: [{ relation: relative, name: relative }],
              contacts: [{ kind: "email", value: contact }],
              internalNotes: note,
            },
          }),
        );
        expect(b).toEqual(a);
        expect(Object.keys(b)).not.toContain("private");
      }),
    );
  });

  it("withholds the name of an anonymous person", () => {
    expect(PersonSchema.safeParse({ ...base, visibility: "anonymous" }).success).toBe(false);
    const minor = PersonSchema.parse({
      ...base,
      slug: "withheld-1",
      visibility: "anonymous",
      occupations: [{ label: "pupil", citations: [] }],
      places: [{ name: "Kaskelen", region: "almaty-region", citations: [] }],
    });
    const pub = toPublicPerson(minor);
    expect(pub.names).toEqual([{ text: WITHHELD_NAME, script: "latin", primary: true, citations: [] }]);
    expect(JSON.stringify(pub)).not.toMatch(/Abishev|Абишев|Kaskelen|pupil/);
  });
});

describe("person schema", () => {
  it("requires exactly one primary Latin name", () => {
    expect(PersonSchema.safeParse({ ...base, names: [{ text: "A", script: "latin" }] }).success).toBe(false);
    expect(
      PersonSchema.safeParse({ ...base, names: [{ text: "А", script: "cyrillic-ru", primary: true }] })
        .success,
    ).toBe(false);
  });

  it("rejects unknown keys such as a smuggled publication state", () => {
    const r = PersonSchema.safeParse({ ...base, publicationState: "published" });
    expect(r.success).toBe(false);
  });
});

describe("toPublicCase", () => {
  it("drops private notes and the facts of defendants who are not public", () => {
    const cite = [{ source: "r", lines: [1, 1] as [number, number] }];
    const c = CaseSchema.parse({
      id: "c-1",
      slug: "c-1",
      title: "Case",
      defendants: ["a", "b"],
      charges: [
        { person: "a", code: "criminal", article: "405", part: "2", citations: cite },
        { person: "b", code: "criminal", article: "405", part: "2", citations: cite },
      ],
      private: { internalNotes: "SECRET" },
    });
    const pub = toPublicCase(c, (id) => id === "a");
    expect(pub.defendants).toEqual(["a"]);
    expect(pub.charges.map((x) => x.person)).toEqual(["a"]);
    expect(JSON.stringify(pub)).not.toContain("SECRET");
  });

  it("refuses charges for someone who is not a defendant", () => {
    const r = CaseSchema.safeParse({
      id: "c-1",
      slug: "c-1",
      title: "Case",
      defendants: ["a"],
      charges: [{ person: "z", code: "criminal", article: "405" }],
    });
    expect(r.success).toBe(false);
  });
});
