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
      occupations: [{ label: { en: "pupil" }, citations: [] }],
      places: [{ name: { en: "Kaskelen", ru: "Каскелен" }, region: "almaty-region", citations: [] }],
    });
    const pub = toPublicPerson(minor);
    expect(pub.names).toEqual([{ text: WITHHELD_NAME, script: "latin", primary: true, citations: [] }]);
    expect(JSON.stringify(pub)).not.toMatch(/Abishev|Абишев|Kaskelen|Каскелен|pupil/);
  });
});

describe("an anonymous person's real names", () => {
  const anonymous: PersonInput = {
    ...base,
    id: "withheld-7",
    slug: "withheld-7",
    visibility: "anonymous",
    names: [
      { text: "Aset Abishev", script: "latin", primary: true, patronymic: "Muksutkhanovich" },
      { text: "Абишев Асет", script: "cyrillic-ru" },
    ],
  };
  const issues = (p: PersonInput) =>
    (PersonSchema.safeParse(p).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

  it("are refused in the slug, even without separators", () => {
    for (const slug of [
      "withheld-abishev",
      "withheld-asetabishev",
      "withheld-aset-7",
      "withheld-muksutkhanovich",
    ])
      expect(issues({ ...anonymous, slug }).join("\n"), slug).toMatch(
        /^slug: The name of an anonymous person/m,
      );
  });

  it("are refused in every public text: summary in any language and case ending, notes, reasoning, quotes, ids", () => {
    const cite = [{ source: "r", locator: "p. 3", quote: "Abishev was detained" }];
    const found = issues({
      ...anonymous,
      id: "withheld-abishev",
      summary: { en: "A minor.", ru: "Задержание Абишева в Алматы." },
      notes: [
        { kind: "context", text: { en: "Mr Abişev's case was reported twice." }, citations: [] },
        {
          kind: "identity",
          text: { en: "Aset Abishev in report A is Asset Abishev in report B." },
          citations: [],
        },
      ],
      pace: [
        { criterion: "fundamental-freedoms", reasoning: { en: "Aset spoke at a rally." }, citations: cite },
      ],
      vulnerabilities: [{ kind: "minor", note: { en: "Asset is 16" }, citations: [] }],
    });
    const paths = found.map((f) => f.split(":")[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "id",
        "summary.ru",
        "notes.0.text.en",
        "pace.0.reasoning.en",
        "pace.0.citations.0.quote",
        "vulnerabilities.0.note.en",
      ]),
    );
    // Dropped by the public projection, so not refused: an identity note, occupations, place names.
    expect(paths).not.toContain("notes.1.text.en");
    expect(
      issues({
        ...anonymous,
        occupations: [{ label: { en: "Abishev family business" }, citations: [] }],
        places: [{ name: { en: "Abishev street" }, region: "almaty", citations: [] }],
        notes: [
          { kind: "identity", text: { en: "Aset Abishev is the same person as A. Abishev." }, citations: [] },
        ],
      }),
    ).toEqual([]);
  });

  it("are not refused in a public person's text, and a placeholder name is no name", () => {
    expect(issues({ ...base, summary: { en: "Aset Abishev was detained." } })).toEqual([]);
    expect(
      issues({
        ...anonymous,
        names: [{ text: "Name withheld (minor)", script: "latin", primary: true }],
        summary: { en: "Minor detained in Nur-Sultan; the name is withheld." },
      }),
    ).toEqual([]);
  });

  it("never reach the public projection of a record the schema accepts (property)", () => {
    const word = fc.constantFrom(
      "Aset",
      "Abishev",
      "Абишева",
      "asetabishev",
      "Muksutkhanovich",
      "detained",
      "rally",
      "minor",
    );
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
    fc.assert(
      fc.property(text, text, text, (summary, note, quote) => {
        const r = PersonSchema.safeParse({
          ...anonymous,
          summary: { en: summary },
          notes: [{ kind: "context", text: note, citations: [{ source: "r", locator: "1", quote }] }],
        });
        if (!r.success) return;
        const json = JSON.stringify(toPublicPerson(r.data)).toLowerCase();
        for (const w of ["aset", "abishev", "абишев", "muksutkhanovich"]) expect(json).not.toContain(w);
      }),
    );
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
      title: { en: "Case" },
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
      title: { en: "Case" },
      defendants: ["a"],
      charges: [{ person: "z", code: "criminal", article: "405" }],
    });
    expect(r.success).toBe(false);
  });
});
