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

/** Authenticated responses must not be cached by the browser or a proxy. */
export function noStoreWhenAuthenticated(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.cookie?.includes("__Host-session")) res.setHeader("Cache-Control", "no-store");
  next();
}
