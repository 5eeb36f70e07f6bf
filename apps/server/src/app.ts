import { appRouter, createContextInner } from "@registry/api";
import type { Database } from "@registry/db";
import { today } from "@registry/domain";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Env } from "./env.ts";
import { personSchemaJson, streamPersonsCsv, streamPersonsJson } from "./open-data.ts";
import { csrfGuard, noStoreWhenAuthenticated, securityHeaders } from "./security.ts";

export interface AppOptions {
  database: Database;
  env: Pick<Env, "TRUST_PROXY">;
  /** Whether the database is migrated and seeded; /healthz answers 503 until then. */
  ready?: () => boolean;
  log?: (line: string) => void;
}

/** The HTTP surface: /trpc, /healthz and the open data. The public site and the admin app mount here too. */
export function createApp({
  database,
  env,
  ready = () => true,
  log = console.log,
}: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY ?? false);
  app.use(securityHeaders);
  app.use(noStoreWhenAuthenticated);

  app.get("/healthz", (_req, res) => {
    res.status(ready() ? 200 : 503).json({ ok: ready(), backend: database.backend });
  });

  app.use(
    "/trpc",
    csrfGuard,
    express.json({ limit: "1mb" }),
    createExpressMiddleware({
      router: appRouter,
      createContext: () => createContextInner({ database, user: null }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") log(`trpc ${path ?? "?"} failed: ${error.message}`);
      },
    }),
  );

  app.get("/data/persons.json", (_req, res, next) => {
    streamPersonsJson(database, today(), res).catch(next);
  });
  app.get("/data/persons.csv", (_req, res, next) => {
    streamPersonsCsv(database, today(), res).catch(next);
  });
  app.get("/data/schema.json", (_req, res) => {
    res.type("application/schema+json").send(JSON.stringify(personSchemaJson(), null, 2));
  });

  // Errors never reveal internals: a generic body, the details only in the server log.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === "object" && err !== null && "status" in err && typeof err.status === "number"
        ? err.status
        : 500;
    if (status >= 500) log(`request failed: ${err instanceof Error ? err.message : String(err)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res
      .status(status)
      .type("text/plain")
      .send(status === 413 ? "Request too large" : status < 500 ? "Bad request" : "Internal error");
  });
  return app;
}
