/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { LOCALES, today as todayOf, type Locale } from "@registry/domain";
import express, { type Request, type Response, type Router } from "express";
import type { PublicApi } from "./api.ts";
import { serverLinks, type PageCtx, type Query } from "./ctx.tsx";
import { atomFeed, robots, sitemap } from "./feeds.ts";
import { translator } from "./i18n.ts";
import { renderPage } from "./render.tsx";
import { loadPage, parseRoute } from "./routes.tsx";
import { NotFoundPage } from "./pages/misc.tsx";

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
}

function localeOf(path: string): { locale: Locale; rest: string } {
  const m = /^\/(ru|kk)(\/.*)?$/.exec(path);
  if (m) return { locale: m[1] as Locale, rest: m[2] ?? "/" };
  return { locale: "en", rest: path };
}

function ctxFor(locale: Locale, path: string, query: Query, today: string): PageCtx {
  return { locale, t: translator(locale), today, staticExport: false, ...serverLinks(locale, path, query) };
}

/** The public site as an express router. It has no database: everything comes through `api`. */
export function createPublicSite(opts: PublicSiteOptions): Router {
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
  router.get("/sitemap.xml", async (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/xml").send(await sitemap(opts.api, base));
  });

  // Rendered pages are kept until the data changes (the API's version moves with every write) or the day does.
  const rendered = new Map<string, { version: string; status: number; html: string }>();
  const page = async (req: Request, res: Response) => {
    const { locale, rest } = localeOf(req.path);
    const query = req.query as Record<string, unknown>;
    const day = today();
    const version = `${(await opts.api.version()).version}:${day}`;
    const key = req.originalUrl;
    let hit = rendered.get(key);
    if (hit?.version !== version) {
      const route = parseRoute(rest, query);
      const stringQuery = Object.fromEntries(
        Object.entries(query).filter(([, v]) => typeof v === "string"),
      ) as Query;
      const { status, page: element } = await loadPage(opts.api, route);
      hit = { version, status, html: renderPage(ctxFor(locale, rest, stringQuery, day), element) };
      if (rendered.size >= 2000) rendered.clear();
      if (key.length <= 1000) rendered.set(key, hit);
    }
    res.status(hit.status);
    res.setHeader("Cache-Control", hit.status === 200 ? "public, max-age=300" : "no-store");
    res.type("html").send(hit.html);
  };
  const prefixes = ["", ...LOCALES.filter((l) => l !== "en").map((l) => `/${l}`)];
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
  ];
  for (const prefix of prefixes)
    for (const p of paths) router.get(`${prefix}${p === "/" && prefix ? "" : p}`, page);
  return router;
}

/** The 404 page for any address the site does not know, in the language of its prefix. */
export function notFoundHtml(path: string, today: string = todayOf()): string {
  const { locale, rest } = localeOf(path);
  return renderPage(ctxFor(locale, rest, {}, today), <NotFoundPage />);
}
