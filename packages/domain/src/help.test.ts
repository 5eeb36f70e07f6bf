import { describe, expect, it } from "vitest";
import { HelpEntrySchema } from "./help.ts";
import { PersonSchema, type PersonInput } from "./person.ts";
import { toPublicPerson } from "./public.ts";

const entry = {
  institution: { en: "penal colony LA-155/14", ru: "учреждение ЛА-155/14", kk: "ЛА-155/14 мекемесі" },
  letterLanguages: ["kk", "ru"],
  checkedOn: "2021-09",
  citations: [{ source: "odf-2021", lines: [298, 298] as [number, number] }],
};

const person = (over: Partial<PersonInput> = {}, consent?: string): PersonInput => ({
  id: "p-1",
  slug: "almat-zhumagulov",
  names: [{ text: "Almat Zhumagulov", script: "latin", primary: true }],
  help: [entry],
  ...over,
  private: { relatives: [], contacts: [], ...(consent ? { consent: consent as "unknown" } : {}) },
});

describe("HelpEntrySchema", () => {
  it("needs a citation and a checked-on date, and keeps a partial date partial", () => {
    expect(HelpEntrySchema.safeParse({ ...entry, citations: [] }).error?.issues[0]?.message).toMatch(/Cite/);
    const { checkedOn: _c, ...undated } = entry;
    expect(HelpEntrySchema.safeParse(undated).success).toBe(false);
    expect(HelpEntrySchema.parse(entry).checkedOn).toBe("2021-09");
    expect(HelpEntrySchema.safeParse({ ...entry, letterLanguages: ["Russian"] }).success).toBe(false);
  });
});

describe("toPublicPerson and help", () => {
  it("keeps help where the person is named by public sources or agreed", () => {
    expect(toPublicPerson(PersonSchema.parse(person())).help).toHaveLength(1);
    expect(toPublicPerson(PersonSchema.parse(person({}, "public-source"))).help).toHaveLength(1);
    expect(toPublicPerson(PersonSchema.parse(person({}, "consent-given"))).help[0]?.institution.ru).toBe(
      "учреждение ЛА-155/14",
    );
  });

  it("empties help on a refusal or unknown consent, without saying why", () => {
    for (const consent of ["consent-refused", "unknown"]) {
      const pub = toPublicPerson(PersonSchema.parse(person({}, consent)));
      expect(pub.help, consent).toEqual([]);
      expect(JSON.stringify(pub), consent).not.toMatch(/LA-155|refused|consent/);
      // The same as a person with no help at all: nothing tells a refusal from an empty record.
      expect(pub).toEqual(toPublicPerson(PersonSchema.parse(person({ help: [] }))));
    }
  });

  it("empties help for an anonymous person whatever the consent", () => {
    const anonymous = person({ slug: "withheld-1", visibility: "anonymous" }, "consent-given");
    const pub = toPublicPerson(PersonSchema.parse(anonymous));
    expect(pub.help).toEqual([]);
    expect(JSON.stringify(pub)).not.toMatch(/LA-155/);
  });
});
