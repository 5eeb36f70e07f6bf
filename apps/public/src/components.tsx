/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactNode } from "react";
import { LOCALES, textIn, type Citation, type Source, type Status } from "@registry/domain";
import { usePage } from "./ctx.tsx";
import { LOCALE_NAMES, type T } from "./i18n.ts";

const NAV = [
  "persons",
  "officials",
  "events",
  "statistics",
  "recognition",
  "sources",
  "data",
  "about",
] as const;
const OG_LOCALE = { en: "en_GB", ru: "ru_RU", kk: "kk_KZ" } as const;

export function Layout({
  title,
  children,
  description,
}: {
  title: string;
  children: ReactNode;
  description?: string;
}) {
  const { t, href, hrefIn, asset, locale, staticExport } = usePage();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${t("site.title")}`}</title>
        <meta name="description" content={description ?? t("site.tagline")} />
        <link rel="stylesheet" href={asset("site.css")} />
        <link rel="icon" type="image/svg+xml" href={asset("favicon.svg")} />
        <link rel="alternate" type="application/atom+xml" title={t("data.feed")} href={href("/feed.xml")} />
        {/* The same page in each language, and which one is this one (search engines, link previews). */}
        <link rel="canonical" href={hrefIn(locale)} />
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={hrefIn(l)} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={hrefIn("en")} />
        <meta property="og:site_name" content={t("site.title")} />
        <meta property="og:title" content={title} />
        <meta property="og:description" content={description ?? t("site.tagline")} />
        <meta property="og:type" content="website" />
        <meta property="og:locale" content={OG_LOCALE[locale]} />
        <meta name="twitter:card" content="summary" />
      </head>
      <body>
        <a className="skip" href="#main">
          {t("site.skip")}
        </a>
        <header className="site-header">
          <a className="brand" href={href("/")}>
            {t("site.title")}
          </a>
          <nav aria-label={t("site.title")}>
            <ul>
              {NAV.map((n) => (
                <li key={n}>
                  <a href={href(`/${n}`)}>{t(`nav.${n}`)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label={t("site.language")} className="languages">
            <ul>
              {LOCALES.map((l) => (
                <li key={l}>
                  {l === locale ? (
                    <span aria-current="true">{LOCALE_NAMES[l]}</span>
                  ) : (
                    <a href={hrefIn(l)} lang={l} hrefLang={l}>
                      {LOCALE_NAMES[l]}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>{t("site.footer")}</p>
          <p>
            <a href={href("/about")}>{t("nav.about")}</a> · <a href={href("/data")}>{t("nav.data")}</a> ·{" "}
            <a href={href("/sources")}>{t("nav.sources")}</a> · <a href={href("/help")}>{t("help.footer")}</a>
            {staticExport ? null : (
              <>
                {" · "}
                <a href={href("/api")}>{t("nav.api")}</a>
                {" · "}
                <a href={href("/submit")}>{t("submit.footer")}</a>
              </>
            )}
          </p>
        </footer>
      </body>
    </html>
  );
}

/** "lines 20–24", or "line 20" for one line. */
export function linesText(t: T, [from, to]: readonly [number, number]): string {
  return from === to ? t("misc.line", { n: from }) : t("misc.lines", { from, to });
}

/** A status in words; in Russian it agrees with the person's gender where that is known ("Погиб", "Погибла"). */
export function StatusBadge({ status, gender }: { status: Status; gender?: string | undefined }) {
  const { t } = usePage();
  const context = gender === "female" || gender === "male" ? gender : undefined;
  return (
    <span className={`status status-${status}`}>{t(`status.${status}`, context ? { context } : {})}</span>
  );
}

/** Numbered citations collected while a page renders, listed at its end (React renders in document order). */
export class Footnotes {
  readonly items: Citation[] = [];
  private readonly index = new Map<string, number>();
  /** Footnotes already referred to: only the first reference to a footnote carries its `ref-N` id. */
  readonly referred = new Set<number>();
  add(c: Citation): number {
    const key = JSON.stringify(c);
    let n = this.index.get(key);
    if (n === undefined) {
      this.items.push(c);
      n = this.items.length;
      this.index.set(key, n);
    }
    return n;
  }
}

export function Cite({ citations, notes }: { citations: readonly Citation[]; notes: Footnotes }) {
  if (citations.length === 0) return null;
  const ns = [...new Set(citations.map((c) => notes.add(c)))];
  return (
    <sup className="cite">
      {ns.map((n) => {
        const first = !notes.referred.has(n);
        notes.referred.add(n);
        return (
          <a key={n} href={`#fn-${n}`} id={first ? `ref-${n}` : undefined}>
            [{n}]
          </a>
        );
      })}
    </sup>
  );
}

/**
 * The page's footnotes grouped by source: each source is named once, with the numbered places cited in it
 * (the numbers stay those of the references in the text).
 */
export function FootnoteList({ notes, sources }: { notes: Footnotes; sources: readonly Source[] }) {
  const { t, href } = usePage();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const groups = new Map<string, { c: Citation; n: number }[]>();
  notes.items.forEach((c, i) => groups.set(c.source, [...(groups.get(c.source) ?? []), { c, n: i + 1 }]));
  return (
    <div className="footnotes">
      {[...groups].map(([id, entries]) => {
        const s = byId.get(id);
        return (
          <section key={id} className="footnote-source">
            <p>
              {s ? (
                <a href={href("/sources", undefined) + `#${s.slug}`}>
                  {s.publisher}, <cite lang={s.language}>{s.title}</cite> ({s.published})
                </a>
              ) : (
                id
              )}
            </p>
            <ol>
              {entries.map(({ c, n }) => (
                <li key={n} id={`fn-${n}`} value={n}>
                  {c.lines ? linesText(t, c.lines) : (c.locator ?? "")}
                  {c.quote ? (
                    <>
                      {" "}
                      <q lang={s?.language}>{c.quote}</q>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

/**
 * A text of ours in the page's language. Where the translation is missing, the English shows, marked as English
 * with a short note; a translation no second person has checked says so in its title.
 */
export function L({
  text,
}: {
  text: {
    en: string;
    ru?: string | undefined;
    kk?: string | undefined;
    provenance?: { ru?: string | undefined; kk?: string | undefined } | undefined;
  };
}) {
  const { locale, t } = usePage();
  if (locale === "en") return <>{text.en}</>;
  const { text: local, lang } = textIn(text, locale);
  if (lang === "en")
    return (
      <span lang="en">
        {text.en} <small className="muted">({t("content.untranslated")})</small>
      </span>
    );
  return text.provenance?.[locale] === "reviewed" ? (
    <>{local}</>
  ) : (
    <span title={t("content.unreviewed")}>{local}</span>
  );
}
