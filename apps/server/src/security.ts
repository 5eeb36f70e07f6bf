import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/** Strict headers on every response: no inline script, no framing, no referrer, HSTS for a year. */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: "no-referrer" },
  crossOriginResourcePolicy: { policy: "same-origin" },
});

/**
 * tRPC accepts mutations sent as form posts; a browser lets any site send those with our cookies. Mutations
 * must be JSON (a cross-site form cannot send that without a CORS preflight, which we never grant) and must
 * not come from another site.
 */
export function csrfGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    res.status(415).json({ error: "Requests that change data must be sent as application/json" });
    return;
  }
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    res.status(403).json({ error: "Cross-site request refused" });
    return;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== "null") {
    const host = req.headers.host;
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== host) {
      res.status(403).json({ error: "Cross-site request refused" });
      return;
    }
  } else if (origin === "null") {
    res.status(403).json({ error: "Cross-site request refused" });
    return;
  }
  next();
}

const SESSION_COOKIE_NAME = "__Host-session";
const NO_STORE = "private, no-store";

/**
 * A response to a request that carries a session cookie, or one that sets or clears it, must not be kept by the
 * browser or a proxy: `Cache-Control: private, no-store`, whatever a later handler sets (the public site says
 * `public, max-age=300` for its pages, the open data and assets have their own).
 */
export function noStoreWhenAuthenticated(req: Request, res: Response, next: NextFunction): void {
  let session = (req.headers.cookie ?? "").includes(`${SESSION_COOKIE_NAME}=`);
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) => {
    const key = name.toLowerCase();
    if (key === "set-cookie" && [value].flat().some((c) => String(c).startsWith(`${SESSION_COOKIE_NAME}=`))) {
      session = true;
      setHeader("Cache-Control", NO_STORE);
    }
    if (key === "cache-control" && session) return setHeader(name, NO_STORE);
    return setHeader(name, value);
  }) as Response["setHeader"];
  if (session) setHeader("Cache-Control", NO_STORE);
  next();
}

/** The deepest JSON a request may send: records nest a few levels (a citation in a name in a record). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests objects and arrays deeper than `max`, found by counting brackets outside strings,
 * without parsing it: a body 5,000 levels deep is refused before anything walks it recursively.
 */
export function jsonTooDeep(text: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const at = typeof text === "string" ? (i: number) => text.charCodeAt(i) : (i: number) => text[i] ?? 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const tooDeep = () =>
  Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, expose: true });

/** For express.json's `verify`: runs on the raw body before it is parsed. */
export function verifyJsonDepth(_req: Request, _res: Response, body: Buffer): void {
  if (jsonTooDeep(body)) throw tooDeep();
}

/** tRPC reads a query's input from `?input=` (and batches from `?batch=1&input=`): the same cap. */
export function queryJsonDepth(req: Request, _res: Response, next: NextFunction): void {
  const input = req.query.input;
  if (typeof input === "string" && jsonTooDeep(input)) return next(tooDeep());
  next();
}

/**
 * Public reads may be fetched from any site (a newsroom's chart, a researcher's notebook): `/data/*`, the REST
 * API `/api/v1/*` (the public router alone, ADR 015) and the public tRPC procedures answer GET with `Access-Control-Allow-Origin: *` and a cross-origin resource policy.
 * Never credentials (a browser sends no cookie with `*`), never a write, never admin or auth procedures: a
 * batch that names any procedure outside `public.` gets no CORS headers at all.
 */
export function publicCors(req: Request, res: Response, next: NextFunction): void {
  const path = req.path;
  const isData = path.startsWith("/data/") || path.startsWith("/api/v1/");
  const procedures = path.startsWith("/trpc/") ? path.slice("/trpc/".length).split(",") : [];
  const isPublicApi = procedures.length > 0 && procedures.every((p) => /^public\.[A-Za-z]+$/.test(p));
  if (!isData && !isPublicApi) return next();
  if (req.method === "OPTIONS") {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
    res.setHeader("Access-Control-Max-Age", "86400");
    res.status(204).end();
    return;
  }
  if (req.method === "GET" || req.method === "HEAD") {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
  }
  next();
}
