/**
 * Issue 18's figures for pages rendered ahead of readers: how long a whole rebuild takes (every person's page in
 * three languages, the shared pages and the open-data files, from a fresh start), the first visit of pages nobody
 * has asked for yet beside a second visit and the bare limit, and how long a committed change takes to show on the
 * public page and in the open-data file.
 */
import { request } from "node:http";
import { get } from "./http.ts";
import { fmt, type Row } from "./report.ts";
import { bareLimit, visit, type Visits } from "./visits.ts";

export interface RebuildFigure {
  backend: string;
  size: number;
  /** From the server's start to pages and open data caught up. */
  seconds: number;
  pages: number;
}
export interface FirstVisitFigure {
  backend: string;
  size: number;
  what: string;
  paths: number;
  first: Visits;
  second: Visits;
  bare: Visits;
  /** The same addresses again, asked for with no compression (curl, some mirrors): each page inflated. */
  plain?: Visits;
}
export interface VisibilityFigure {
  backend: string;
  size: number;
  /** From the change's commit to the person's page showing it (in English and Russian). */
  pageMs: number;
  /** From the commit to the open-data file of the new version being served (until then it is streamed live). */
  fileMs: number;
}

/** Waits until the server's page store and open data have caught up; the seconds since `since`. */
export async function waitSettled(base: string, since: number): Promise<number> {
  const r = await get(`${base}/__bench/settled`);
  if (r.status !== 200) throw new Error(`settled: ${r.status} ${r.body.toString()}`);
  return (performance.now() - since) / 1000;
}

/**
 * Every path visited once (the first visit), then again (the second), then the same bytes from a bare server, as
 * browsers ask (gzip or brotli); then once more with no compression asked for.
 */
export async function firstVisits(
  base: string,
  paths: readonly string[],
  connections: number,
): Promise<{ first: Visits; second: Visits; bare: Visits; plain: Visits }> {
  const first = await visit(base, paths, connections);
  const second = await visit(base, paths, connections);
  const bare = await bareLimit(base, paths, connections);
  const plain = await visit(base, paths, connections, {});
  return { first, second, bare, plain };
}

const head = (url: string) =>
  new Promise<{ etag: string; from: string }>((resolve, reject) => {
    request(url, { method: "HEAD" }, (res) => {
      res.resume();
      resolve({ etag: String(res.headers.etag ?? ""), from: String(res.headers["x-open-data"] ?? "") });
    })
      .on("error", reject)
      .end();
  });

/** Commits a change to one person and times its arrival on the public page and in /data/persons.json. */
export async function changeVisibility(
  base: string,
  slug: string,
): Promise<{ pageMs: number; fileMs: number }> {
  const dossier = JSON.parse(
    (
      await get(`${base}/trpc/public.person?input=${encodeURIComponent(JSON.stringify({ slug }))}`)
    ).body.toString(),
  ) as { result: { data: { person: { id: string } } } };
  const before = await head(`${base}/data/persons.json`);
  const marker = `Bench change ${Date.now()}`;
  const changed = await get(
    `${base}/__bench/change?id=${encodeURIComponent(dossier.result.data.person.id)}&text=${encodeURIComponent(marker)}`,
  );
  if (changed.status !== 200) throw new Error(`change: ${changed.status} ${changed.body.toString()}`);
  const committed = performance.now();
  const until = async (ok: () => Promise<boolean>, what: string) => {
    while (!(await ok())) {
      if (performance.now() - committed > 600_000)
        throw new Error(`${what} did not show the change in 10 min`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - committed;
  };
  const pageMs = await until(async () => {
    const [en, ru] = await Promise.all([get(`${base}/persons/${slug}`), get(`${base}/ru/persons/${slug}`)]);
    return en.body.toString().includes(marker) && ru.body.toString().includes(marker);
  }, "the person's page");
  const fileMs = await until(async () => {
    const now = await head(`${base}/data/persons.json`);
    return now.from === "file" && now.etag !== before.etag;
  }, "the open-data file");
  return { pageMs, fileMs };
}

/** The table rows of these figures, with the goals of issue 18. */
export function precomputedRows(
  rebuilds: readonly RebuildFigure[],
  visits: readonly FirstVisitFigure[],
  visibility: readonly VisibilityFigure[],
): Row[] {
  const out: Row[] = [];
  for (const r of rebuilds)
    out.push({
      metric: `whole rebuild (pages in 3 languages + open data), ${r.backend} ${fmt.size(r.size)}`,
      value: `${r.seconds.toFixed(1)} s for ${fmt.int(r.pages)} pages`,
      limit: "–",
      ratio: `${fmt.int(r.pages / r.seconds)} pages/s; the previous pages are served meanwhile`,
      met: null,
    });
  for (const v of visits) {
    const ratio = v.first.requestsPerSec / v.second.requestsPerSec;
    out.push({
      metric: `first visit, ${v.what} (${fmt.int(v.paths)}), ${v.backend} ${fmt.size(v.size)}`,
      value: `${fmt.int(v.first.requestsPerSec)} req/s, p50 ${fmt.ms(v.first.p50)} p99 ${fmt.ms(v.first.p99)}`,
      limit: `second ${fmt.int(v.second.requestsPerSec)} req/s; bare ${fmt.int(v.bare.requestsPerSec)} req/s`,
      ratio: `${fmt.pct(ratio)} of second (≥ 50%), p99 ≤ 50 ms; second ${fmt.pct(v.second.requestsPerSec / v.bare.requestsPerSec)} of bare`,
      met: ratio >= 0.5 && v.first.p99 <= 50 && v.first.non2xx + v.first.errors === 0,
    });
    if (v.plain)
      out.push({
        metric: `  the same, no compression asked for (curl), ${v.backend} ${fmt.size(v.size)}`,
        value: `${fmt.int(v.plain.requestsPerSec)} req/s, p50 ${fmt.ms(v.plain.p50)} p99 ${fmt.ms(v.plain.p99)}`,
        limit: `second ${fmt.int(v.second.requestsPerSec)} req/s (compressed)`,
        ratio: `${fmt.pct(v.plain.requestsPerSec / v.second.requestsPerSec)} of second; each page inflated on the way`,
        met: null,
      });
  }
  for (const v of visibility)
    out.push({
      metric: `a committed change visible, ${v.backend} ${fmt.size(v.size)}`,
      value: `page ${fmt.ms(v.pageMs)}; open-data file ${(v.fileMs / 1000).toFixed(1)} s`,
      limit: "page ≤ 1 s",
      ratio: "downloads before the new file are streamed live (with the change)",
      met: v.pageMs <= 1000,
    });
  return out;
}
