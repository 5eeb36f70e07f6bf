import i18next from "i18next";
import { useCallback, useMemo, type ReactNode } from "react";
import { I18nextProvider, initReactI18next, useTranslation } from "react-i18next";
import { en, type MessageKey } from "./en.ts";
import { humanize, kkEnums, ruEnums } from "./enums.ts";
import { kk, kkDomainMessages } from "./kk.ts";
import { ru, ruDomainMessages } from "./ru.ts";

export type Lang = "en" | "ru" | "kk";
export const LANGS: readonly { code: Lang; name: string }[] = [
  { code: "en", name: "English" },
  { code: "ru", name: "Русский" },
  { code: "kk", name: "Қазақша" },
];
export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, ru, kk };

const isLang = (v: string | null | undefined): v is Lang => LANGS.some((l) => l.code === v);

/**
 * The language of the domain's article titles, which exist in English and Russian only: Kazakh curators get the
 * Russian ones (the codes are published in both state languages and the sources mostly quote them in Russian).
 */
export const articleLang = (lang: Lang): "en" | "ru" => (lang === "en" ? "en" : "ru");

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function initialLang(): Lang {
  const saved = localStorage.getItem("lang");
  if (isLang(saved)) return saved;
  const browser = navigator.language.toLowerCase();
  if (browser.startsWith("kk")) return "kk";
  if (browser.startsWith("ru")) return "ru";
  return "en";
}

/**
 * The admin's i18next instance, as the public site uses i18next: three namespaces per language, `ui` (the
 * catalogues), `enums` (domain enum values; English shows them in words) and `domain` (messages of the server and
 * the domain schemas, keyed by their English text, hence no key or namespace separators). Placeholders are
 * `{name}`, as the catalogues write them.
 */
export function createI18n(lng: Lang) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    initAsync: false,
    lng,
    fallbackLng: "en",
    supportedLngs: ["en", "ru", "kk"],
    ns: ["ui", "enums", "domain"],
    defaultNS: "ui",
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    resources: {
      en: { ui: en, enums: {}, domain: {} },
      ru: { ui: ru, enums: ruEnums, domain: ruDomainMessages },
      kk: { ui: kk, enums: kkEnums, domain: kkDomainMessages },
    },
    // React escapes everything it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false, prefix: "{", suffix: "}" },
  });
  return instance;
}

export const i18n = createI18n(typeof localStorage === "undefined" ? "en" : initialLang());

export function I18nProvider({ children }: { children: ReactNode }) {
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
  /** A domain enum value in the curator's language. */
  e: (value: string) => string;
  /** A message from the server or the domain schemas, translated when we know it. */
  m: (message: string) => string;
}

/** The curator's language and its translators; components re-render when the language changes. */
export function useI18n(): I18n {
  const { i18n: inst } = useTranslation();
  const lang: Lang = isLang(inst.resolvedLanguage) ? inst.resolvedLanguage : "en";
  const setLang = useCallback(
    (l: Lang) => {
      localStorage.setItem("lang", l);
      document.documentElement.lang = l;
      void inst.changeLanguage(l);
    },
    [inst],
  );
  return useMemo<I18n>(() => {
    const fixed = inst.getFixedT(lang);
    return {
      lang,
      setLang,
      t: (key, vars) => fixed(key, { ns: "ui", ...vars }),
      e: (v) => (inst.exists(v, { ns: "enums", lng: lang }) ? fixed(v, { ns: "enums" }) : humanize(v)),
      m: (msg) => fixed(msg, { ns: "domain", defaultValue: msg }),
    };
  }, [inst, lang, setLang]);
}
