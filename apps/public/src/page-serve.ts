import type { IncomingMessage, ServerResponse } from "node:http";
import type { StoredPage } from "./page.ts";
import type { PageStore } from "./page-store.ts";

/** Chooses the stored body a client accepts: brotli, then gzip, then the plain bytes. */
function encodingOf(accept: string | undefined): "br" | "gzip" | null {
  if (!accept) return null;
  const offered = (name: string) =>
    new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=(?!0*(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`, "i").test(
      accept,
    );
  if (offered("br")) return "br";
  if (offered("gzip")) return "gzip";
  return null;
}

/**
 * The uncompressed bodies last sent to clients that take no compression (curl, some crawlers and mirrors), kept
 * by ETag (a hash of the body) up to 8 MB, least recently sent out first: a page asked for again is not inflated
 * again.
 */
const plain = new Map<string, Buffer>();
let plainBytes = 0;
const PLAIN_BYTES = 8 * 1024 * 1024;
function inflated(page: StoredPage): Buffer {
  const kept = plain.get(page.etag);
  if (kept) {
    plain.delete(page.etag);
    plain.set(page.etag, kept);
    return kept;
  }
  const body = page.html;
  plain.set(page.etag, body);
  plainBytes += body.length;
  for (const [etag, b] of plain) {
    if (plainBytes <= PLAIN_BYTES) break;
    plain.delete(etag);
    plainBytes -= b.length;
  }
  return body;
}

/**
 * Serves a stored page straight from `node:http`, in front of express, with headers computed once. Anything it
 * cannot answer alone (not a GET or HEAD, a curator's session cookie, a page not stored for today) is left to
 * express: it returns false and writes nothing.
 */
export function servePage(
  store: PageStore,
  headers: readonly [string, string][],
  /** Whether a page rendered for this day may be served now (today's; see the site for the day after). */
  servable: (day: string) => boolean,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const cookie = req.headers.cookie;
    if (cookie !== undefined && cookie.includes("__Host-session=")) return false;
    const page = store.get(req.url ?? "");
    if (!page || !servable(page.day)) return false;
    for (const [k, v] of headers) res.setHeader(k, v);
    res.setHeader("Cache-Control", page.status === 200 ? "public, max-age=300" : "no-store");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("ETag", page.etag);
    if (req.headers["if-none-match"] === page.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const encoding = encodingOf(req.headers["accept-encoding"]);
    const body =
      encoding === "br"
        ? page.br
        : encoding === "gzip"
          ? page.gzip
          : req.method === "HEAD"
            ? null
            : inflated(page);
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body ? body.length : page.length);
    res.statusCode = page.status;
    if (req.method === "HEAD" || !body) res.end();
    else res.end(body);
    return true;
  };
}
