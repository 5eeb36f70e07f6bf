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

export function translator(locale: Locale): T {
  return instance.getFixedT(locale);
}

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ru: "Русский", kk: "Қазақша" };
