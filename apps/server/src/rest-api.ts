import {
  createContextInner,
  publicOpenApiDocument,
  publicRouter,
  REST_API_BASE,
  useQueryCoercion,
} from "@registry/api";
import type { Database } from "@registry/db";
import type { Express, NextFunction, Request, Response } from "express";
import { createOpenApiExpressMiddleware } from "trpc-to-openapi";

/**
 * The documented REST API (ADR 015): `/api/v1/*` answers GET from the public router alone, through
 * trpc-to-openapi, with the same inputs and `.output()` schemas as `/trpc/public.*`; `/api/v1/openapi.json` is
 * its OpenAPI 3.1 document, generated from that router. No session is read: the context has no user.
 */
export function mountRestApi(
  app: Express,
  database: Database,
  publicUrl: string | undefined,
  log: (l: string) => void,
) {
  useQueryCoercion();
  const document = JSON.stringify(publicOpenApiDocument(`${publicUrl ?? ""}${REST_API_BASE}`), null, 2);
  app.get(`${REST_API_BASE}/openapi.json`, (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/json").send(document);
  });
  const handler = createOpenApiExpressMiddleware({
    router: publicRouter,
    createContext: () => createContextInner({ database }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") log(`api ${path ?? "?"} failed: ${error.message}`);
    },
  });
  app.use(REST_API_BASE, (req: Request, res: Response, next: NextFunction) => {
    // Read-only: HEAD is answered as GET (Node sends no body for it); anything else is refused.
    if (req.method === "HEAD") req.method = "GET";
    if (req.method !== "GET") {
      res.status(405).setHeader("Allow", "GET, HEAD");
      res.json({ message: "The public API is read-only: use GET", code: "METHOD_NOT_SUPPORTED" });
      return;
    }
    res.setHeader("Cache-Control", "public, max-age=60");
    handler(req, res).catch(next);
  });
}
