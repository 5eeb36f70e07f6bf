import { describe, expect, it } from "vitest";
import {
  LocalizedShortTextSchema,
  LocalizedTextSchema,
  LongText,
  ShortText,
  missingLanguages,
  textIn,
} from "./common.ts";
import { PersonSchema, type PersonInput } from "./person.ts";

const person = (text: string): PersonInput => ({
  id: "p-1",
  slug: "p-1",
  names: [{ text, script: "latin", primary: true }],
});

/** Every character the names refuse: bidirectional controls, then zero-width characters. */
const BIDI = [
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200e",
  "\u200f",
  "\u061c",
];
const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];

describe("names and short text", () => {
  it("are stored in Unicode NFC: a decomposed 'Й' and 'é' become one code point each", () => {
    const decomposed = "\u0418\u0306ergali Andre\u0301";
    const p = PersonSchema.parse(person(decomposed));
    expect(p.names[0]?.text).toBe("\u0419ergali Andr\u00e9");
    expect(p.names[0]?.text).toBe(decomposed.normalize("NFC"));
    expect(ShortText.parse("Qaz\u0301")).toBe("Qaz\u0301".normalize("NFC"));
  });

  it("refuse every bidirectional control and zero-width character, naming it", () => {
    for (const ch of [...BIDI, ...ZERO_WIDTH]) {
      const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
      const r = PersonSchema.safeParse(person(`Aset${ch}Abishev`));
      expect(r.success, code).toBe(false);
      const issue = r.error?.issues.find((i) => i.path.join(".") === "names.0.text");
      expect(issue?.message, code).toContain(code);
      expect(issue?.message, code).toMatch(/invisible character/);
      // In every name part, and in other short text such as a place.
      expect(
        PersonSchema.safeParse({
          ...person("Aset Abishev"),
          names: [{ text: "Aset Abishev", script: "latin", primary: true, surname: `Abi${ch}shev` }],
        }).success,
        code,
      ).toBe(false);
      expect(ShortText.safeParse(`Almaty${ch}x`).success, code).toBe(false);
    }
  });

  it("refuse a right-to-left override that shows one name for another", () => {
    // Displays as "Aset Abishev" in a browser; stored as "Aset \u202evehsibA".
    const r = PersonSchema.safeParse(person("Aset \u202evehsibA"));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/U\+202E \(right-to-left override\) at position 6/);
  });

  it("still accept Kazakh and Russian letters, apostrophes and hyphens", () => {
    for (const name of ["Асқар Қайырбек", "Әлия Ғабит-Ұлы", "Zhanbolat Mamai", "O'Brien", "Абай Құнанбайұлы"])
      expect(PersonSchema.safeParse(person(name)).success, name).toBe(true);
  });

  it("long text is normalised to NFC as well", () => {
    expect(LongText.parse("E\u0301kibastuz")).toBe("\u00c9kibastuz");
  });
});

describe("localized texts", () => {
  it("gives the reader's language, and the English marked as English where a translation is missing", () => {
    const t = { en: "Detained", ru: "Задержан" };
    expect(textIn(t, "ru")).toEqual({ text: "Задержан", lang: "ru" });
    expect(textIn(t, "kk")).toEqual({ text: "Detained", lang: "en" });
    expect(textIn(t, "en")).toEqual({ text: "Detained", lang: "en" });
  });

  it("finds the languages a record lacks anywhere in its public texts, not in its private part", () => {
    const record = {
      title: { en: "Case", ru: "Дело", kk: "Іс" },
      charges: [{ label: { en: "participation", ru: "участие" } }],
      private: { note: { en: "internal" } },
    };
    expect(missingLanguages(record)).toEqual(["kk"]);
    expect(missingLanguages({ ...record, charges: [] })).toEqual([]);
    expect(missingLanguages({ notes: [{ text: { en: "x" } }] })).toEqual(["ru", "kk"]);
  });

  it("refuses a provenance without its text, and an invisible character in a title", () => {
    expect(LocalizedShortTextSchema.safeParse({ en: "A", provenance: { ru: "translated" } }).success).toBe(
      false,
    );
    expect(LocalizedShortTextSchema.safeParse({ en: "A", ru: "Б\u200bВ" }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ en: "A\n\nB", kk: "Ә" }).success).toBe(true);
  });
});
