/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LOCALES, PERSON_LISTS, type Locale } from "@registry/domain";
import type { PublicApi } from "./api.ts";
import { exportFile, exportLinks, type PageCtx } from "./ctx.tsx";
import { allPersonSlugs, atomFeed, robots, sitemap, sitemapUrls } from "./feeds.ts";
import { translator } from "./i18n.ts";
import { NotFoundPage } from "./pages/misc.tsx";
import { PersonsPage } from "./pages/persons.tsx";
import { renderPage } from "./render.tsx";
import { loadPage, type Route } from "./routes.tsx";
import { FAVICON_SVG, SITE_CSS } from "./site.tsx";

function write(dir: string, file: string, content: string) {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

const PAGE_SIZE = 200;

/**
 * Writes the whole public site as static files with relative links, so a mirror works from any static server
 * or straight from disk. Lists are pre-rendered per list kind (a static mirror cannot filter or search).
 */
export async function exportStaticSite(
  api: PublicApi,
  dir: string,
  opts: { today: string; publicUrl: string },
): Promise<{ files: number }> {
  let files = 0;
  const put = (file: string, content: string) => {
    write(dir, file, content);
    files++;
  };
  const ctx = (locale: Locale, path: string): PageCtx => ({
    locale,
    t: translator(locale),
    today: opts.today,
    staticExport: true,
    base: opts.publicUrl,
    ...exportLinks(locale, path),
  });
  const slugs = await allPersonSlugs(api);
  const [officials, events] = await Promise.all([api.officials(), api.massEvents()]);
  const simple: [string, Route][] = [
    ["/", { kind: "home" }],
    ["/officials", { kind: "officials" }],
    ["/events", { kind: "events" }],
    ["/statistics", { kind: "statistics" }],
    ["/sources", { kind: "sources" }],
    ["/data", { kind: "data" }],
    ["/about", { kind: "about" }],
    ["/help", { kind: "help" }],
    ["/recognition", { kind: "recognition", filters: {} }],
    ...slugs.map((s): [string, Route] => [`/persons/${s.slug}`, { kind: "person", slug: s.slug }]),
    ...officials.map((o): [string, Route] => [`/officials/${o.slug}`, { kind: "official", slug: o.slug }]),
    ...events.map((e): [string, Route] => [`/events/${e.slug}`, { kind: "event", slug: e.slug }]),
  ];
  const organisations = await api.organisations();
  for (const locale of LOCALES) {
    for (const [path, route] of simple) {
      const { page } = await loadPage(api, route);
      put(exportFile(locale, path), renderPage(ctx(locale, path), page));
    }
    for (const list of [undefined, ...PERSON_LISTS]) {
      const base = list ? `/persons/list-${list}` : "/persons";
      let cursor: string | undefined;
      for (let n = 1; ; n++) {
        const path = n === 1 ? base : `${base}/${n}`;
        const r = await api.persons({
          limit: PAGE_SIZE,
          ...(list ? { list } : {}),
          ...(cursor ? { cursor } : {}),
        });
        const c = ctx(locale, path);
        const nextPath = r.next ? `${base}/${n + 1}` : null;
        const title = list ? c.t(`lists.${list}`) : c.t("persons.title");
        put(
          exportFile(locale, path),
          renderPage(
            c,
            <PersonsPage
              filters={list ? { list } : {}}
              items={r.items}
              total={r.total}
              next={null}
              articles={[]}
              years={[]}
              organisations={organisations}
              sources={[]}
              exportTitle={title}
              exportNext={nextPath ? c.href(nextPath) : null}
            />,
          ),
        );
        if (!r.next) break;
        cursor = r.next;
      }
    }
    put(`${locale === "en" ? "" : `${locale}/`}404.html`, renderPage(ctx(locale, "/404"), <NotFoundPage />));
  }
  put("assets/site.css", SITE_CSS);
  put("assets/favicon.svg", FAVICON_SVG);
  put("feed.xml", await atomFeed(api, opts.publicUrl));
  put("sitemap.xml", sitemap(await sitemapUrls(api, opts.publicUrl), opts.publicUrl));
  put("robots.txt", robots(opts.publicUrl));
  return { files };
}
