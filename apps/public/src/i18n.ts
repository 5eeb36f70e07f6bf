import i18next, { type TFunction } from "i18next";
import type { Locale } from "@registry/domain";
import { en } from "./locales/en.ts";
import { kk } from "./locales/kk.ts";
import { ru } from "./locales/ru.ts";

export const CATALOGS = { en, ru, kk } as const;

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "ru", "kk"],
  resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } },
  // React escapes everything it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
});

export type T = TFunction;

const translators = new Map<Locale, T>();
/** Messages remembered per language, at most this many (values such as dates make many). */
const REMEMBERED = 50_000;

/** Options made only of strings and numbers (counts, dates already formatted): safe to key a message by. */
function plainOptions(o: unknown): o is Record<string, string | number> {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return false;
  for (const v of Object.values(o)) if (typeof v !== "string" && typeof v !== "number") return false;
  return true;
}

/**
 * The message function of a language. Messages are looked up once per key and values and remembered: a person page
 * asks for about a hundred, and i18next's lookup was a third of the time it took to render one.
 */
export function translator(locale: Locale): T {
  const known = translators.get(locale);
  if (known) return known;
  const fixed = instance.getFixedT(locale) as unknown as (...a: unknown[]) => unknown;
  const remembered = new Map<string, unknown>();
  const t = ((key: unknown, ...rest: unknown[]) => {
    const cacheable =
      typeof key === "string" && (rest.length === 0 || (rest.length === 1 && plainOptions(rest[0])));
    if (!cacheable) return fixed(key, ...rest);
    const id = rest.length === 0 ? key : `${key}\u0000${JSON.stringify(rest[0])}`;
    let text = remembered.get(id);
    if (text === undefined) {
      text = fixed(key, ...rest);
      if (remembered.size >= REMEMBERED) remembered.clear();
      remembered.set(id, text);
    }
    return text;
  }) as unknown as T;
  translators.set(locale, t);
  return t;
}

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ru: "Русский", kk: "Қазақша" };
