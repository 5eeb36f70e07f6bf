/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { createContext, useContext } from "react";
import {
  formatDateValue,
  formatPartialDate,
  textIn,
  WITHHELD_NAME,
  type DateValue,
  type Locale,
} from "@registry/domain";
import type { T } from "./i18n.ts";

export type Query = Record<string, string | number | undefined>;

/** What every component needs to know about the page being rendered. */
export interface PageCtx {
  locale: Locale;
  t: T;
  today: string;
  /** A link to a page of the site, in the current language; relative file links in a static export. */
  href: (path: string, query?: Query) => string;
  /** The same page in another language. */
  hrefIn: (locale: Locale) => string;
  asset: (file: string) => string;
  /** The static export cannot answer queries: forms and pagination are left out. */
  staticExport: boolean;
  /** The site's configured public address (`https://…`), or "" (citations then give paths). */
  base?: string;
}

export const Ctx = createContext<PageCtx | null>(null);

export function usePage(): PageCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error("PageCtx missing");
  return c;
}

export function useDates() {
  const { locale } = usePage();
  return {
    date: (d: string) => formatPartialDate(d, locale),
    /** After a preposition ("с", "не позднее"): Russian puts a month alone in the genitive. */
    after: (d: string) => formatPartialDate(d, locale, "genitive"),
    value: (d: DateValue) => formatDateValue(d, locale),
  };
}

const PREFIX: Record<Locale, string> = { en: "", ru: "/ru", kk: "/kk" };

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Links for pages served by our server. */
export function serverLinks(locale: Locale, currentPath: string, currentQuery: Query) {
  return {
    href: (path: string, query?: Query) => `${PREFIX[locale]}${path}${queryString(query)}` || "/",
    hrefIn: (other: Locale) => `${PREFIX[other]}${currentPath}${queryString(currentQuery)}` || "/",
    asset: (file: string) => `/assets/${file}`,
  };
}

/** The file a page is written to in a static export: "/persons/x" → "persons/x/index.html". */
export function exportFile(locale: Locale, path: string): string {
  const dir = `${PREFIX[locale]}${path}`.replace(/^\/+|\/+$/g, "");
  return dir ? `${dir}/index.html` : "index.html";
}

function relative(fromFile: string, toFile: string): string {
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/") || toFile;
}

/** Links for a static export: relative file paths, so the mirror opens from disk. */
export function exportLinks(locale: Locale, currentPath: string) {
  const here = exportFile(locale, currentPath);
  return {
    // Queries cannot be answered from files: a list filter maps to its pre-rendered list, others to the list.
    href: (path: string, query?: Query) => {
      if (path.startsWith("/data/") || path === "/feed.xml") return relative(here, path.slice(1));
      const target =
        path === "/persons" && typeof query?.list === "string" ? `/persons/list-${query.list}` : path;
      return relative(here, exportFile(locale, target));
    },
    hrefIn: (other: Locale) => relative(here, exportFile(other, currentPath)),
    asset: (file: string) => relative(here, `assets/${file}`),
  };
}

/** A person's name for this page's readers: the Cyrillic form on Russian and Kazakh pages where there is one. */
export function useName() {
  const { locale, t } = usePage();
  return (x: {
    name: string;
    localNames?: { ru?: string | undefined; kk?: string | undefined } | undefined;
  }): { text: string; lang: Locale | undefined } => {
    // A withheld name is a fixed phrase of the interface, not a name: it is said in the page's language.
    if (x.name === WITHHELD_NAME) return { text: t("person.nameWithheld"), lang: undefined };
    const local = locale === "ru" ? x.localNames?.ru : locale === "kk" ? x.localNames?.kk : undefined;
    return local ? { text: local, lang: locale } : { text: x.name, lang: undefined };
  };
}

/**
 * A text of ours as a plain string in the page's language (the English where no translation exists yet), for
 * places that take a string: titles, attributes, lists joined with commas. Inside prose, `<L>` also marks the
 * English and unchecked translations.
 */
export function useText() {
  const { locale } = usePage();
  return (x: { en: string; ru?: string | undefined; kk?: string | undefined }) => textIn(x, locale).text;
}
