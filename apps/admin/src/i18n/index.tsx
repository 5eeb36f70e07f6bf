import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { en, type MessageKey } from "./en.ts";
import { humanize, ruEnums } from "./enums.ts";
import { ru, ruDomainMessages } from "./ru.ts";

export type Lang = "en" | "ru";
export const LANGS: readonly { code: Lang; name: string }[] = [
  { code: "en", name: "English" },
  { code: "ru", name: "Русский" },
];
const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, ru };

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

function initialLang(): Lang {
  const saved = localStorage.getItem("lang");
  if (saved === "en" || saved === "ru") return saved;
  return navigator.language.toLowerCase().startsWith("ru") ? "ru" : "en";
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
      e: (v) => (lang === "ru" ? (ruEnums[v] ?? humanize(v)) : humanize(v)),
      m: (msg) => (lang === "ru" ? (ruDomainMessages[msg] ?? msg) : msg),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
