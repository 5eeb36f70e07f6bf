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

/**
 * The message function of a language. Messages without values are looked up once and remembered: a person page
 * asks for about a hundred, and i18next's lookup was a third of the time it took to render one.
 */
export function translator(locale: Locale): T {
  const known = translators.get(locale);
  if (known) return known;
  const fixed = instance.getFixedT(locale);
  const plain = new Map<string, string>();
  const t = ((key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== "string")
      return (fixed as unknown as (...a: unknown[]) => unknown)(key, ...rest);
    let text = plain.get(key);
    if (text === undefined) {
      text = fixed(key);
      plain.set(key, text);
    }
    return text;
  }) as unknown as T;
  translators.set(locale, t);
  return t;
}

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ru: "Русский", kk: "Қазақша" };
