import { PERSON_LISTS, STATUSES, type Locale } from "@registry/domain";
import type { PublicApi } from "./api.ts";
import { allPersonSlugs } from "./feeds.ts";
import { compressedPage, storedPage } from "./page.ts";
import type { PageStore } from "./page-store.ts";
import { loadSnapshot, saveSnapshot, saveSnapshotInBackground } from "./page-snapshot.ts";

/** Persons whose page data is read in one query when pages are rendered ahead of readers. */
const PERSON_BATCH = 50;

/** A page as rendered for one address, with the data version and day it was rendered from. */
export interface Rendered {
  status: number;
  html: string;
  slug?: string;
  version: number;
  day: string;
}

export type PersonPageData = Awaited<ReturnType<PublicApi["personPages"]>>[number];

export interface PrerenderOptions {
  api: PublicApi;
  store: PageStore;
  today: () => string;
  /** The language prefixes of the site's addresses: "" (English), "/ru", "/kk". */
  prefixes: readonly string[];
  /** Renders the page of an address (path and query, with its language prefix). */
  render: (url: string) => Promise<Rendered>;
  /** Renders a person's page from the data read for a batch of persons. */
  renderPerson: (locale: Locale, data: PersonPageData, version: number, day: string) => string;
  /** As the site's options of the same names (site.tsx). */
  precompute?: boolean | undefined;
  pollMs?: number | undefined;
  snapshot?: { file: string; rendererKey: string } | undefined;
  log?: ((line: string) => void) | undefined;
}

/** The stored pages kept in step with the data (ADR 013): see `startPrerender`. */
export interface Prerender {
  /** The data version the stored pages are consistent with; null while a write is being accounted for. */
  readonly synced: number | null;
  /** Whether stored pages may be served now (the store is synced and no write is pending). */
  readonly ready: boolean;
  /** Whether a stored page of that day may be served (today's, or yesterday's person pages while re-rendering). */
  servable: (day: string) => boolean;
  /** Keeps a rendered page when it may be kept: a storable address, rendered from the version synced to. */
  keep: (url: string, r: Rendered) => void;
  /** A write in this process ended: stored pages are not served until the store has accounted for it. */
  changed: () => void;
  /** Resolves when the store has accounted for every write so far and the pages it re-renders are done. */
  settled: () => Promise<void>;
  close: () => void;
}

/**
 * Keeps the store up to the data: polls for writes (of this and other processes), drops the pages they touched,
 * and (with `precompute`) renders every page ahead of its first reader and again after each write; saves the
 * store to a snapshot and reads it back at start.
 */
export function startPrerender(opts: PrerenderOptions): Prerender {
  const { store, today, prefixes } = opts;
  const precompute = opts.precompute ?? false;
  /** The data version the stored pages are consistent with; null while a write is being accounted for. */
  let synced: number | null = null;
  let closed = false;

  const keep = (url: string, r: Rendered) => {
    if (keepable(url, r)) store.set(url, storedPage(r.status, r.html, r.day, r.slug));
  };
  // Only what was rendered from the version the store is synced to: a page read before a write that the store
  // has already accounted for would bring the old data back.
  const keepable = (url: string, r: { status: number; version: number }) =>
    storable(url) && r.status === 200 && synced !== null && !blocked && r.version === synced;

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
  /** How long the last background save took. */
  let saveTook = 0;
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
      else {
        const started = Date.now();
        void saveSnapshotInBackground(store, file, rendererKey, synced, today())
          .then((saved) => {
            saveTook = Date.now() - started;
            if (!saved) scheduleSave();
          })
          .catch(couldNot);
      }
    } catch (e) {
      couldNot(e);
    }
  };
  const scheduleSave = () => {
    if (!opts.snapshot || saveTimer) return;
    // At most once a minute, and a large store (10^5 persons: 2 GB) no more than a tenth of the time.
    const wait = Math.max(0, lastSave + Math.max(60_000, 10 * saveTook) - Date.now());
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
          keep(url, await opts.render(url));
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
          for (const data of await opts.api.personPages({ slugs: slugs.join(",") })) {
            const slug = data.dossier.person.slug;
            for (const prefix of prefixes) {
              const url = `${prefix}/persons/${slug}`;
              if (store.dayOf(url) === day) continue;
              const locale = (prefix.slice(1) || "en") as Locale;
              const html = opts.renderPerson(locale, data, version, day);
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
              else {
                // The changed persons' pages first (one batch), then the lists and totals: on PGlite at 10^5
                // persons the 54 filtered lists take seconds, and the page a curator just changed should not wait.
                void warm([], c.slugs);
                void warm(sharedPages(), []);
              }
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

  return {
    get synced() {
      return synced;
    },
    get ready() {
      return synced !== null && !blocked;
    },
    servable,
    keep,
    changed: () => {
      generation++;
      blocked = true;
      void sync();
    },
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
  };
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
