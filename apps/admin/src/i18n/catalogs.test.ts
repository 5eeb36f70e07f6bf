import { PersonSchema } from "@registry/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { issueText, issuesOf } from "../lib/issues.ts";
import { en, type MessageKey } from "./en.ts";
import { enEnums, humanize, kkEnums, ruEnums } from "./enums.ts";
import { CATALOGS, LANGS, createI18n, initialLang, type T } from "./index.tsx";
import { kk, kkDomainMessages } from "./kk.ts";
import { ru, ruDomainMessages } from "./ru.ts";

/** The `{name}` placeholders of a message (the `t` function replaces `{word}`), sorted and unique. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const keys = Object.keys(en).sort() as MessageKey[];

describe.each([
  ["ru", ru],
  ["kk", kk],
] as const)("the %s catalog", (_lang, cat) => {
  it("has exactly the English keys", () => {
    expect(Object.keys(cat).sort()).toEqual(keys);
  });

  it("keeps every message's placeholders exactly as in English", () => {
    const differ = keys
      .filter((k) => placeholders(cat[k]).join() !== placeholders(en[k]).join())
      .map((k) => `${k}: ${placeholders(cat[k]).join()} ≠ ${placeholders(en[k]).join()}`);
    expect(differ).toEqual([]);
  });

  it("has no empty message and no stray braces", () => {
    for (const k of keys) {
      expect(cat[k].trim(), k).not.toBe("");
      expect(cat[k].replace(/\{\w+\}/g, ""), k).not.toMatch(/[{}]/);
    }
  });
});

describe("the Kazakh catalog", () => {
  it("is Kazakh: Cyrillic with Kazakh letters, not a copy of English or Russian", () => {
    const copiedFromEn = keys.filter((k) => /\p{L}{3}/u.test(en[k]) && kk[k] === en[k] && kk[k] !== ru[k]);
    expect(copiedFromEn).toEqual([]);
    // International words (Кодекс, Валюта, Браузер…) are spelt alike; anything more would be an untranslated copy.
    const sameAsRu = keys.filter((k) => /\p{L}{3}/u.test(ru[k]) && kk[k] === ru[k]);
    expect(sameAsRu.length, sameAsRu.join()).toBeLessThan(10);
    expect(Object.values(kk).join(" ")).toMatch(/[әғқңөұүһі]/);
  });

  it("knows every domain message known in Russian, with the same placeholders", () => {
    expect(Object.keys(kkDomainMessages).sort()).toEqual(Object.keys(ruDomainMessages).sort());
    for (const [msg, text] of Object.entries(kkDomainMessages)) {
      expect(text.trim(), msg).not.toBe("");
      expect(placeholders(text), msg).toEqual(placeholders(msg));
    }
  });

  it("says schema issues in Kazakh", () => {
    const r = PersonSchema.safeParse({
      id: "p-1",
      slug: "p-1",
      names: [{ text: "", script: "cyrillic-ru", citations: [] }],
    });
    if (r.success) throw new Error("expected issues");
    const issues = issuesOf(r.error);
    const [text] = issues["names.0.text"] ?? [];
    const [names] = issues.names ?? [];
    if (!text || typeof text === "string" || !names || typeof names === "string")
      throw new Error("expected zod issues");
    // Through the app's own i18next instance, as the screens translate.
    const i18n = createI18n("kk");
    const t: T = (key, vars) => i18n.t(key, { ns: "ui", ...vars });
    const m = (msg: string) => i18n.t(msg, { ns: "domain", defaultValue: msg });
    expect(issueText(text, t, m)).toBe("Міндетті өріс");
    expect(issueText(names, t, m)).toBe("Дәл бір есімді негізгі деп белгілеңіз");
  });

  it("names every enum value named in Russian", () => {
    expect(Object.keys(kkEnums).sort()).toEqual(Object.keys(ruEnums).sort());
    for (const [value, label] of Object.entries(kkEnums)) {
      expect(label.trim(), value).not.toBe("");
      expect(label, value).not.toBe(humanize(value));
    }
    expect(Object.keys(enEnums).every((v) => humanize(v) === enEnums[v])).toBe(true);
  });
});

describe("the i18next instance", () => {
  it("fills {placeholders} in each language and falls back to English for an unknown domain message", () => {
    for (const [lang, word] of [
      ["en", "Version 3"],
      ["ru", ru["edit.version"].replace("{v}", "3")],
      ["kk", kk["edit.version"].replace("{v}", "3")],
    ] as const) {
      const i18n = createI18n(lang);
      expect(i18n.t("edit.version", { ns: "ui", v: 3 })).toBe(word);
      expect(i18n.t("A message nobody translated: x.y", { ns: "domain", defaultValue: "same" })).toBe("same");
    }
    expect(createI18n("ru").t("pre-trial-detention", { ns: "enums" })).toBe(ruEnums["pre-trial-detention"]);
  });
});

describe("languages", () => {
  afterEach(() => vi.unstubAllGlobals());

  const stub = (saved: string | null, browser: string) => {
    vi.stubGlobal("localStorage", { getItem: () => saved });
    vi.stubGlobal("navigator", { language: browser });
  };

  it("offers English, Russian and Kazakh, each with a catalog", () => {
    expect(LANGS.map((l) => l.code)).toEqual(["en", "ru", "kk"]);
    expect(LANGS.find((l) => l.code === "kk")?.name).toBe("Қазақша");
    for (const l of LANGS) expect(Object.keys(CATALOGS[l.code]).sort()).toEqual(keys);
    expect(CATALOGS.kk).toBe(kk);
  });

  it("starts in the saved language, else in the browser's", () => {
    stub("kk", "en-GB");
    expect(initialLang()).toBe("kk");
    stub("ru", "kk-KZ");
    expect(initialLang()).toBe("ru");
    stub(null, "kk-KZ");
    expect(initialLang()).toBe("kk");
    stub(null, "kk");
    expect(initialLang()).toBe("kk");
    stub(null, "ru-RU");
    expect(initialLang()).toBe("ru");
    stub("de", "de-DE");
    expect(initialLang()).toBe("en");
  });
});
