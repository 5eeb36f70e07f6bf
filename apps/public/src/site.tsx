/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALES, PERSON_LISTS, STATUSES, today as todayOf, type Locale } from "@registry/domain";
import express, { type Request, type Response, type Router } from "express";
import type { PublicApi } from "./api.ts";
import { serverLinks, type PageCtx, type Query } from "./ctx.tsx";
import { allPersonSlugs, atomFeed, robots, sitemap, sitemapPart } from "./feeds.ts";
import { compressedPage, PageStore, storedPage } from "./page-store.ts";
import { servePage } from "./page-serve.ts";
import { loadSnapshot, saveSnapshot, saveSnapshotInBackground } from "./page-snapshot.ts";
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

/** Persons whose page data is read in one query when pages are rendered ahead of readers. */
const PERSON_BATCH = 50;

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
  router.get("/sitemap.xml", async (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/xml").send(await sitemap(opts.api, base));
  });
  router.get(/^\/sitemap-([1-9]\d{0,3})\.xml$/, async (req, res, next) => {
    const part = await sitemapPart(opts.api, base, Number(req.params[0]));
    if (part === null) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/xml").send(part);
  });

  // Rendered pages are kept, compressed, until a write touches them or the day changes (ADR 013).
  const store = opts.store ?? new PageStore(undefined, opts.spillFile);
  const precompute = opts.precompute ?? false;
  /** The data version the stored pages are consistent with; null while a write is being accounted for. */
  let synced: number | null = null;
  let closed = false;

  const render = async (
    url: string,
  ): Promise<{ status: number; html: string; slug?: string; version: number; day: string }> => {
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
  const keep = (
    url: string,
    r: { status: number; html: string; slug?: string; version: number; day: string },
  ) => {
    if (keepable(url, r)) store.set(url, storedPage(r.status, r.html, r.day, r.slug));
  };
  // Only what was rendered from the version the store is synced to: a page read before a write that the store
  // has already accounted for would bring the old data back.
  const keepable = (url: string, r: { status: number; version: number }) =>
    storable(url) && r.status === 200 && synced !== null && !blocked && r.version === synced;

  const page = async (req: Request, res: Response) => {
    const url = req.originalUrl;
    let hit = synced !== null && !blocked ? store.get(url) : undefined;
    if (hit && !servable(hit.day)) hit = undefined;
    let status: number;
    let html: Buffer | string;
    if (hit && (await opts.api.version()).version === synced) {
      status = hit.status;
      html = hit.html;
    } else {
      const r = await render(url);
      keep(url, r);
      status = r.status;
      html = r.html;
    }
    res.status(status);
    res.setHeader("Cache-Control", status === 200 ? "public, max-age=300" : "no-store");
    res.type("html").send(html);
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

  /** The pages every change can alter: home, lists, totals, officials, events, sources, in every language. */
  const sharedPages = () => {
    const base = [
      "/",
      "/persons",
      ...PERSON_LISTS.map((l) => `/persons?list=${l}`),
      ...STATUSES.map((x) => `/persons?status=${x}`),
      "/officials",
      "/events",
      "/statistics",
      "/sources",
      "/data",
      "/about",
      "/help",
      "/recognition",
    ];
    return prefixes.flatMap((prefix) => base.map((p) => (prefix && p === "/" ? prefix : `${prefix}${p}`)));
  };

  // The snapshot is written at most once a minute: a curator's every change need not rewrite the whole file.
  let lastSave = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const couldNot = (e: unknown) =>
    opts.log?.(
      `public pages: could not save ${opts.snapshot?.file}: ${e instanceof Error ? e.message : String(e)}`,
    );
  /** Saves now: in the background while serving, at once when the server stops. */
  const save = (now = false) => {
    saveTimer = undefined;
    if (!opts.snapshot || synced === null || blocked) return;
    if (closed && !now) return;
    lastSave = Date.now();
    const { file, rendererKey } = opts.snapshot;
    try {
      if (now) saveSnapshot(store, file, rendererKey, synced, today());
      else
        void saveSnapshotInBackground(store, file, rendererKey, synced, today())
          .then((saved) => {
            if (!saved) scheduleSave();
          })
          .catch(couldNot);
    } catch (e) {
      couldNot(e);
    }
  };
  const scheduleSave = () => {
    if (!opts.snapshot || saveTimer) return;
    const wait = Math.max(0, lastSave + 60_000 - Date.now());
    if (wait === 0) save();
    else {
      saveTimer = setTimeout(() => save(), wait);
      saveTimer.unref();
    }
  };
  let warming: Promise<void> = Promise.resolve();
  /** Waits while a write is being accounted for; false when the store is closed or lost its data version. */
  const mayRender = async () => {
    while (blocked && !closed && synced !== null) await sync();
    return !closed && synced !== null;
  };
  /** Whether the store has no room left (with a spill file it always has). */
  const full = () => !store.spills && store.bytes > store.maxBytes * 0.9;
  /**
   * Renders pages into the store in the background, a page at a time, yielding to readers in between: the shared
   * pages by address, the persons' pages a batch of persons at a time (one query for a batch's data, each
   * person's page then rendered in every language).
   */
  const warm = (pages: readonly string[], persons: readonly string[]) => {
    warming = warming.then(async () => {
      const started = performance.now();
      let rendered = 0;
      const report = () => {
        if (rendered >= 100)
          opts.log?.(
            `public pages: ${rendered} rendered ahead of readers in ${((performance.now() - started) / 1000).toFixed(1)} s (${store.size} kept, ${(store.bytes / 1048576).toFixed(1)} MB in memory)`,
          );
      };
      for (const url of pages) {
        if (!(await mayRender())) return;
        if (store.dayOf(url) === today()) continue;
        // Stop filling a nearly full store: the oldest pages would only be pushed out again.
        if (full()) return;
        try {
          keep(url, await render(url));
          rendered++;
        } catch {
          // A page that fails now fails for its reader too, who gets the error page; nothing to keep.
        }
        await new Promise((r) => setImmediate(r));
      }
      const missing = (slug: string) =>
        prefixes.some((prefix) => store.dayOf(`${prefix}/persons/${slug}`) !== today());
      // A batch's pages are compressed off this thread while the next batch is read and rendered.
      let compressing: Promise<unknown>[] = [];
      for (let i = 0; i < persons.length; i += PERSON_BATCH) {
        const previous = compressing;
        compressing = [];
        await Promise.all(previous);
        if (!(await mayRender())) return;
        if (full()) break;
        const slugs = persons.slice(i, i + PERSON_BATCH).filter(missing);
        if (slugs.length === 0) continue;
        try {
          const day = today();
          const { version } = await opts.api.version();
          for (const { dossier, changes } of await opts.api.personPages({ slugs: slugs.join(",") })) {
            const slug = dossier.person.slug;
            for (const prefix of prefixes) {
              const url = `${prefix}/persons/${slug}`;
              if (store.dayOf(url) === day) continue;
              const locale = (prefix.slice(1) || "en") as Locale;
              const html = renderPage(
                ctxFor(locale, `/persons/${slug}`, {}, day),
                personPage(dossier, changes, version),
              );
              compressing.push(
                compressedPage(200, html, day, slug).then((p) => {
                  if (keepable(url, { status: 200, version })) store.set(url, p);
                }),
              );
              if (++rendered % 5000 === 0) report();
              await new Promise((r) => setImmediate(r));
            }
          }
        } catch {
          // As above: a reader of these pages gets them rendered on the spot, or the error page.
        }
      }
      await Promise.all(compressing);
      report();
      if (rendered > 0) scheduleSave();
    });
    return warming;
  };

  /**
   * Brings the store up to the data: drops what the writes since its version touched, then re-renders it. Runs
   * one at a time; a write signalled while one runs is accounted for by the next.
   */
  let generation = 0;
  let blocked = false;
  /** The day of the last whole pass of rendering ahead, and the one before (its person pages may be served). */
  let warmedDay = "";
  let carriedDay = "";
  const servable = (day: string) => day === today() || (day === carriedDay && precompute);
  let chain: Promise<void> = Promise.resolve();
  const warmEverything = async () =>
    void warm(
      sharedPages(),
      (await allPersonSlugs(opts.api)).map((p) => p.slug),
    );
  const sync = (): Promise<void> => {
    chain = chain
      .then(async () => {
        const gen = generation;
        if (synced === null) {
          const { version } = await opts.api.version();
          store.clear();
          const loaded =
            opts.snapshot !== undefined &&
            loadSnapshot(store, opts.snapshot.file, opts.snapshot.rendererKey, version, today());
          if (loaded) opts.log?.(`public pages: ${store.size} read from ${opts.snapshot?.file}`);
          synced = version;
          warmedDay = today();
          // After a snapshot only what it lacks is rendered (a page already stored is skipped).
          if (precompute) await warmEverything();
        } else {
          // A new day: statuses are derived as of another day now. The shared pages (lists, totals) are dropped
          // and rendered first; a person's page of yesterday, which says what day its status is as of, is served
          // until today's replaces it (10^5 persons take minutes to render again).
          if (precompute && warmedDay !== today()) {
            carriedDay = warmedDay;
            warmedDay = today();
            store.invalidate(new Set());
            await warmEverything();
          }
          const c = await opts.api.changes({ after: synced });
          if (c.version !== synced) {
            if (c.all) store.clear();
            else store.invalidate(new Set(c.slugs));
            synced = c.version;
            if (precompute) {
              if (c.all) await warmEverything();
              else void warm(sharedPages(), c.slugs);
            }
          }
        }
        if (gen === generation) blocked = false;
      })
      .catch(() => {
        // The database is unreachable: serve nothing stored until a later pass succeeds.
        store.clear();
        synced = null;
      });
    return chain;
  };
  void sync();
  // Writes by other processes (several servers on one PostgreSQL) are seen within this interval.
  const timer = setInterval(() => void sync(), opts.pollMs ?? 250);
  timer.unref();

  const fast = servePage(store, opts.headers ?? [], servable);
  return Object.assign(router, {
    store,
    /** Answers a request from the store before express sees it; false when it cannot. */
    fast: (req: IncomingMessage, res: ServerResponse) => synced !== null && !blocked && fast(req, res),
    /**
     * A write in this process ended: stored pages are not served until the store has accounted for it (the
     * server calls this on the write pipeline's change signal), so no reader sees a page older than a write that
     * has returned.
     */
    changed: () => {
      generation++;
      blocked = true;
      void sync();
    },
    /** Resolves when the store has accounted for every write so far and the pages it re-renders are done. */
    settled: async () => {
      await sync();
      await warming;
    },
    close: () => {
      // A save that was waiting is written now, so that the next start finds the pages of this data version.
      if (saveTimer) {
        clearTimeout(saveTimer);
        save(true);
      }
      closed = true;
      clearInterval(timer);
    },
  });
}

const PAGE_PATH =
  /^(?:\/(?:ru|kk))?(?:\/|\/persons|\/officials|\/events|\/statistics|\/sources|\/data|\/about|\/help|\/api|\/recognition|\/(?:persons|officials|events)\/[a-z0-9-]{1,100})?$/;
const LIST_QUERY = new RegExp(`^\\?(?:list=(?:${PERSON_LISTS.join("|")})|status=(?:${STATUSES.join("|")}))$`);

/**
 * Whether a page may be kept: the site's own addresses only (a page, a person's page, a list or status filter),
 * never a search or any other query, so that readers cannot fill the store with made-up addresses nor learn from
 * its answers what others searched for.
 */
export function storable(url: string): boolean {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? "" : url.slice(q);
  return (
    PAGE_PATH.test(path) &&
    (query === "" || (/^(?:\/(?:ru|kk))?\/persons$/.test(path) && LIST_QUERY.test(query)))
  );
}

/** The 404 page for any address the site does not know, in the language of its prefix. */
export function notFoundHtml(path: string, today: string = todayOf()): string {
  const { locale, rest } = localeOf(path);
  return renderPage(ctxFor(locale, rest, {}, today), <NotFoundPage />);
}
