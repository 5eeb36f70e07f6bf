/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALES, today as todayOf, type Locale } from "@registry/domain";
import express, { type Request, type Response, type Router } from "express";
import type { PublicApi } from "./api.ts";
import { serverLinks, type PageCtx, type Query } from "./ctx.tsx";
import { atomFeed, robots, sitemap, sitemapPart, sitemapUrls, type SitemapUrl } from "./feeds.ts";
import { PageStore } from "./page-store.ts";
import { servePage } from "./page-serve.ts";
import { startPrerender, type Rendered } from "./prerender.ts";
import { translator } from "./i18n.ts";
import { renderPage } from "./render.tsx";
import { loadPage, parseRoute, personPage } from "./routes.tsx";
import { NotFoundPage } from "./pages/misc.tsx";
import { mountSubmit, type SubmissionIntake } from "./submit-routes.tsx";

export const SITE_CSS = readFileSync(new URL("./assets/site.css", import.meta.url), "utf8");
export const FAVICON_SVG = readFileSync(new URL("./assets/favicon.svg", import.meta.url), "utf8");
const CSS_ETAG = `"${createHash("sha256").update(SITE_CSS).digest("hex").slice(0, 16)}"`;

export interface PublicSiteOptions {
  api: PublicApi;
  /**
   * Absolute base URL for feeds, the sitemap and robots.txt. Without it their links are relative (robots.txt
   * names no sitemap): never taken from the request's Host header, which anyone can set (and a cache would keep).
   */
  publicUrl?: string;
  today?: () => string;
  /** Where rendered pages are kept (default: a new store of 256 MB in memory, spilling to `spillFile`). */
  store?: PageStore;
  /** Where pages past the memory budget are kept (without it they are dropped, oldest first). */
  spillFile?: string;
  /** Render every page ahead of its first reader, and after each write the pages it touched (the server does). */
  precompute?: boolean;
  /** How often writes by other processes are looked for. */
  pollMs?: number;
  /**
   * Where the store is saved after it is filled, so that a restarted server has its pages at once; `rendererKey`
   * names the code that rendered them (a snapshot from other code is not used).
   */
  snapshot?: { file: string; rendererKey: string };
  /** Progress of the background rendering. */
  log?: (line: string) => void;
  /** The security headers every page carries, computed once by the server (the fast path sends them). */
  headers?: readonly [string, string][];
  /** Where the readers' form posts go (ADR 021); without it `/submit` is not served. */
  intake?: SubmissionIntake;
}

export type PublicSite = Router & {
  store: PageStore;
  fast: (req: IncomingMessage, res: ServerResponse) => boolean;
  changed: () => void;
  settled: () => Promise<void>;
  close: () => void;
};

function localeOf(path: string): { locale: Locale; rest: string } {
  const m = /^\/(ru|kk)(\/.*)?$/.exec(path);
  if (m) return { locale: m[1] as Locale, rest: m[2] ?? "/" };
  return { locale: "en", rest: path };
}

function ctxFor(locale: Locale, path: string, query: Query, today: string, base = ""): PageCtx {
  return {
    locale,
    t: translator(locale),
    today,
    staticExport: false,
    base,
    ...serverLinks(locale, path, query),
  };
}

/** The public site as an express router. It has no database: everything comes through `api`. */
export function createPublicSite(opts: PublicSiteOptions): PublicSite {
  const router = express.Router();
  const today = opts.today ?? (() => todayOf());
  const base = opts.publicUrl ?? "";

  router.get("/assets/site.css", (req, res) => {
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.setHeader("ETag", CSS_ETAG);
    if (req.headers["if-none-match"] === CSS_ETAG) return void res.status(304).end();
    res.type("text/css").send(SITE_CSS);
  });
  // Browsers ask for /favicon.ico on their own when a page names no icon (a JSON answer, a plain-text error).
  router.get("/assets/favicon.svg", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.type("image/svg+xml").send(FAVICON_SVG);
  });
  router.get("/favicon.ico", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=86400");
    res.redirect(301, "/assets/favicon.svg");
  });
  router.get("/robots.txt", (_req, res) => void res.type("text/plain").send(robots(base)));
  router.get("/feed.xml", async (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.type("application/atom+xml").send(await atomFeed(opts.api, base));
  });
  // The addresses are listed once per data version: a crawler fetching the index and its parts (8 files at 10^5
  // persons) does not page through every person each time.
  let listed: { version: number; urls: Promise<SitemapUrl[]> } | undefined;
  const sitemapList = async () => {
    const { version } = await opts.api.version();
    if (listed?.version !== version) {
      const urls = sitemapUrls(opts.api, base);
      listed = { version, urls };
      urls.catch(() => {
        if (listed?.urls === urls) listed = undefined;
      });
    }
    return listed.urls;
  };
  router.get("/sitemap.xml", async (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/xml").send(sitemap(await sitemapList(), base));
  });
  router.get(/^\/sitemap-([1-9]\d{0,3})\.xml$/, async (req, res, next) => {
    const part = sitemapPart(await sitemapList(), Number(req.params[0]));
    if (part === null) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/xml").send(part);
  });

  // Rendered pages are kept, compressed, until a write touches them or the day changes (ADR 013).
  const store = opts.store ?? new PageStore(undefined, opts.spillFile);

  const render = async (url: string): Promise<Rendered> => {
    const parsed = new URL(url, "http://site.invalid");
    const { locale, rest } = localeOf(parsed.pathname);
    const query: Query = {};
    for (const [k, v] of parsed.searchParams) if (!(k in query)) query[k] = v;
    const day = today();
    const { version } = await opts.api.version();
    const route = parseRoute(rest, query);
    const { status, page: element } = await loadPage(opts.api, route);
    const html = renderPage(ctxFor(locale, rest, query, day, base), element);
    return { status, html, version, day, ...(route?.kind === "person" ? { slug: route.slug } : {}) };
  };
  const prefixes = ["", ...LOCALES.filter((l) => l !== "en").map((l) => `/${l}`)];
  // Pages rendered ahead of readers and kept in step with the data (prerender.ts).
  const pre = startPrerender({
    api: opts.api,
    store,
    today,
    prefixes,
    render,
    renderPerson: (locale, { dossier, changes }, version, day) =>
      renderPage(
        ctxFor(locale, `/persons/${dossier.person.slug}`, {}, day),
        personPage(dossier, changes, version),
      ),
    precompute: opts.precompute,
    pollMs: opts.pollMs,
    snapshot: opts.snapshot,
    log: opts.log,
  });

  const page = async (req: Request, res: Response) => {
    const url = req.originalUrl;
    let hit = pre.ready ? store.get(url) : undefined;
    if (hit && !pre.servable(hit.day)) hit = undefined;
    let status: number;
    let html: Buffer | string;
    if (hit && (await opts.api.version()).version === pre.synced) {
      status = hit.status;
      html = hit.html;
    } else {
      const r = await render(url);
      pre.keep(url, r);
      status = r.status;
      html = r.html;
    }
    res.status(status);
    res.setHeader("Cache-Control", status === 200 ? "public, max-age=300" : "no-store");
    res.type("html").send(html);
  };
  const paths = [
    "/",
    "/persons",
    "/persons/:slug",
    "/officials",
    "/officials/:slug",
    "/events",
    "/events/:slug",
    "/statistics",
    "/sources",
    "/data",
    "/about",
    "/help",
    "/recognition",
    "/api",
  ];
  for (const prefix of prefixes)
    for (const p of paths) router.get(`${prefix}${p === "/" && prefix ? "" : p}`, page);
  // The readers' form: rendered for each request (its token), never kept in the store.
  if (opts.intake)
    mountSubmit(router, {
      api: opts.api,
      intake: opts.intake,
      prefixes,
      render: (locale, path, query, element) =>
        renderPage(ctxFor(locale, path, query, today(), base), element),
    });

  const fast = servePage(store, opts.headers ?? [], pre.servable);
  return Object.assign(router, {
    store,
    /** Answers a request from the store before express sees it; false when it cannot. */
    fast: (req: IncomingMessage, res: ServerResponse) => pre.ready && fast(req, res),
    /**
     * A write in this process ended: stored pages are not served until the store has accounted for it (the
     * server calls this on the write pipeline's change signal), so no reader sees a page older than a write that
     * has returned.
     */
    changed: pre.changed,
    /** Resolves when the store has accounted for every write so far and the pages it re-renders are done. */
    settled: pre.settled,
    close: pre.close,
  });
}

/** The 404 page for any address the site does not know, in the language of its prefix. */
export function notFoundHtml(path: string, today: string = todayOf()): string {
  const { locale, rest } = localeOf(path);
  return renderPage(ctxFor(locale, rest, {}, today), <NotFoundPage />);
}
