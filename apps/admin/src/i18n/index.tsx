import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
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
/** Enum labels and domain messages per language; English shows enum values in words and messages as they are. */
const ENUMS: Record<Lang, Record<string, string>> = { en: {}, ru: ruEnums, kk: kkEnums };
const DOMAIN_MESSAGES: Record<Lang, Record<string, string>> = {
  en: {},
  ru: ruDomainMessages,
  kk: kkDomainMessages,
};

const isLang = (v: string | null): v is Lang => LANGS.some((l) => l.code === v);
const own = (table: Record<string, string>, key: string) =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * The language of the domain's article titles, which exist in English and Russian only: Kazakh curators get the
 * Russian ones (the codes are published in both state languages and the sources mostly quote them in Russian).
 */
export const articleLang = (lang: Lang): "en" | "ru" => (lang === "en" ? "en" : "ru");

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
  /** A domain enum value in the curator's language. */
  e: (value: string) => string;
  /** A message from the server or the domain schemas, translated when we know it. */
  m: (message: string) => string;
}

const Ctx = createContext<I18n | null>(null);

export function initialLang(): Lang {
  const saved = localStorage.getItem("lang");
  if (isLang(saved)) return saved;
  const browser = navigator.language.toLowerCase();
  if (browser.startsWith("kk")) return "kk";
  if (browser.startsWith("ru")) return "ru";
  return "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem("lang", l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const cat = CATALOGS[lang];
    const t: T = (key, vars) =>
      cat[key].replace(/\{(\w+)\}/g, (_, k: string) =>
        vars?.[k] !== undefined ? String(vars[k]) : `{${k}}`,
      );
    return {
      lang,
      setLang,
      t,
      e: (v) => own(ENUMS[lang], v) ?? humanize(v),
      m: (msg) => own(DOMAIN_MESSAGES[lang], msg) ?? msg,
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
