import { primaryName } from "@registry/domain";
import type { PublicApi } from "./api.ts";

const esc = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c,
  );

/** All published person slugs, a page at a time. */
export async function allPersonSlugs(api: PublicApi): Promise<{ slug: string; updatedAt: string }[]> {
  const out: { slug: string; updatedAt: string }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api.persons({ limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((i) => ({ slug: i.slug, updatedAt: i.updatedAt })));
    if (!page.next) return out;
    cursor = page.next;
  }
}

/**
 * `base` is the site's absolute public URL, or "" when none is configured: links are then relative to the feed
 * (RFC 4287 resolves them against the document's address) and entry ids are URNs (an id must be absolute).
 */
const atomId = (base: string, path: string) =>
  base
    ? `${base}${path}`
    : `urn:persecution-registry:${path.replace(/^\//, "").replace(/\//g, ":") || "site"}`;

/** An Atom feed of the most recently changed published records. */
export async function atomFeed(api: PublicApi, base: string): Promise<string> {
  const recent = await api.persons({ sort: "recent", limit: 50 });
  const updated = recent.items[0]?.updatedAt ?? new Date(0).toISOString();
  const entries = await Promise.all(
    recent.items.map(async (i) => {
      const d = await api.person({ slug: i.slug });
      const url = `${base}/persons/${i.slug}`;
      return `  <entry>
    <id>${esc(atomId(base, `/persons/${i.slug}`))}</id>
    <title>${esc(`${primaryName(d.person)}: ${d.status.current}`)}</title>
    <link href="${esc(url)}"/>
    <updated>${i.updatedAt}</updated>
    <summary>${esc(d.person.summary?.en ?? "")}</summary>
  </entry>`;
    }),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${esc(atomId(base, "/"))}</id>
  <title>Persecution Registry: changes</title>
  <link href="${esc(base)}/feed.xml" rel="self"/>
  <link href="${esc(base)}/"/>
  <updated>${updated}</updated>
  <author><name>Persecution Registry</name></author>
${entries.join("\n")}
</feed>
`;
}

/** The most addresses one sitemap file may list (the sitemaps protocol: 50,000 URLs, 50 MB). */
export const SITEMAP_URLS = 50_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

/**
 * Every public page in each language, with its last change where known; with no configured public URL (`base`
 * ""), the locations are paths on this site.
 */
export async function sitemapUrls(api: PublicApi, base: string): Promise<SitemapUrl[]> {
  const [persons, officials, events] = await Promise.all([
    allPersonSlugs(api),
    api.officials(),
    api.massEvents(),
  ]);
  const pages: { path: string; lastmod?: string }[] = [
    ...[
      "/",
      "/persons",
      "/officials",
      "/events",
      "/statistics",
      "/recognition",
      "/sources",
      "/data",
      "/about",
      "/help",
      "/api",
    ].map((path) => ({
      path,
    })),
    ...persons.map((p) => ({ path: `/persons/${p.slug}`, lastmod: p.updatedAt.slice(0, 10) })),
    ...officials.map((o) => ({ path: `/officials/${o.slug}` })),
    ...events.map((e) => ({ path: `/events/${e.slug}` })),
  ];
  // Every page in each language: English at the root, Russian under /ru, Kazakh under /kk.
  return ["", "/ru", "/kk"].flatMap((prefix) =>
    pages.map((p) => ({
      loc: `${base}${prefix && p.path === "/" ? prefix : `${prefix}${p.path}`}`,
      ...(p.lastmod ? { lastmod: p.lastmod } : {}),
    })),
  );
}

const urlset = (urls: readonly SitemapUrl[]) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`;

/**
 * `/sitemap.xml`: every page in each language; past 50,000 addresses (about 16,000 persons) a sitemap index of
 * `/sitemap-1.xml`, `/sitemap-2.xml`, … each of at most 50,000 (`sitemapPart`).
 */
export function sitemap(urls: readonly SitemapUrl[], base: string): string {
  if (urls.length <= SITEMAP_URLS) return urlset(urls);
  const parts = Math.ceil(urls.length / SITEMAP_URLS);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${Array.from({ length: parts }, (_, i) => `  <sitemap><loc>${esc(`${base}/sitemap-${i + 1}.xml`)}</loc></sitemap>`).join("\n")}
</sitemapindex>
`;
}

/** Part `n` (from 1) of a sitemap index; null when there is no such part. */
export function sitemapPart(urls: readonly SitemapUrl[], n: number): string | null {
  if (urls.length <= SITEMAP_URLS || n < 1) return null;
  const part = urls.slice((n - 1) * SITEMAP_URLS, n * SITEMAP_URLS);
  return part.length ? urlset(part) : null;
}

/** robots.txt; it names the sitemap only at an absolute address (the protocol requires one). */
export function robots(base: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /trpc/\n${base ? `Sitemap: ${base}/sitemap.xml\n` : ""}`;
}
