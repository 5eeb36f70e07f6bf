import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldName, nameSearchKeys, namesMeet, slugify } from "./names.ts";

describe("nameSearchKeys", () => {
  it("meets across Kazakh Cyrillic, Russian Cyrillic and Latin spellings", () => {
    const latin = ["Askar Kaiyrbek", "Askar Kayyrbek", "Асқар Қайырбек", "Аскар Кайырбек"];
    for (const a of latin) for (const b of latin) expect(namesMeet(a, b), `${a} / ${b}`).toBe(true);
  });

  it("folds the spelling drift seen in the reports", () => {
    const pairs: [string, string][] = [
      ["Yerzhan Yelshibayev", "Erzhan Elshibaev"],
      ["Bakiza Khalelova", "Bakiza Halelova"],
      ["Ablovas Dzhumayev", "Ablovas Jumaev"],
      ["Zhanmurat Ashtayev", "Zhanmurat Ashtaev"],
      ["Daryn Khassenov", "Daryn Khasenov"],
      ["Mendygazyev", "Mendygaziyev"],
      ["Aset Nurzhaubay", "Aset Nurzhaubai"],
      ["Yevgeniy Ivanov", "Evgeniy Ivanov"],
      ["Kassym-Jomart Tokayev", "Kassym-Zhomart Tokaev"],
      ["Ерлан Ибраев", "Yerlan Ibrayev"],
    ];
    for (const [a, b] of pairs) expect(namesMeet(a, b), `${a} / ${b}`).toBe(true);
  });

  it("matches surname-first with a patronymic against given-first", () => {
    expect(namesMeet("Abishev Aset Muksutkhanovich", "Aset Abishev")).toBe(true);
    expect(namesMeet("Rakhmet Dana Botash kyzy", "Dana Rakhmet")).toBe(true);
  });

  it("keeps different people apart", () => {
    expect(namesMeet("Serik Zhakhin", "Zhanat Zhakhin")).toBe(false);
    expect(namesMeet("Musainova Aigul", "Musainov Aigul")).toBe(false);
  });

  it("is independent of word order and case", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z]{2,10}$/), { minLength: 1, maxLength: 4 }),
        (words) => {
          const a = words.join(" ");
          const b = [...words].reverse().join(" ").toUpperCase();
          expect(foldName(a)).toBe(foldName(b));
          expect(nameSearchKeys(a)[0]).toBe(nameSearchKeys(b)[0]);
        },
      ),
    );
  });

  it("gives a name and its Cyrillic transliteration the same key", () => {
    const toCyr: Record<string, string> = {
      a: "а",
      b: "б",
      d: "д",
      k: "к",
      l: "л",
      m: "м",
      n: "н",
      o: "о",
      r: "р",
      s: "с",
      t: "т",
      u: "у",
      zh: "ж",
      kh: "х",
      sh: "ш",
    };
    const syllable = fc.constantFrom(...Object.keys(toCyr));
    fc.assert(
      fc.property(
        fc.array(fc.array(syllable, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        (words) => {
          const latin = words.map((w) => w.join("")).join(" ");
          const cyr = words.map((w) => w.map((s) => toCyr[s]).join("")).join(" ");
          expect(nameSearchKeys(cyr)).toEqual(nameSearchKeys(latin));
        },
      ),
    );
  });

  it("makes slugs from names", () => {
    expect(slugify("Aset Abishev")).toBe("aset-abishev");
    expect(slugify("Асқар Қайырбек")).toBe("askar-kayyrbek");
    expect(slugify("  ")).toBe("x");
  });
});
