import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  appRouter,
  createContextInner,
  createLimiters,
  createPublicCaller,
  createSessionContext,
} from "@registry/api";
import { createPublicSite, notFoundHtml } from "@registry/public";
import compression from "compression";
import { onDataChanged, type Database } from "@registry/db";
import {
  parseAsOfDay,
  PERSON_LISTS,
  PersonListSchema,
  STATUSES,
  StatusSchema,
  today,
} from "@registry/domain";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Env } from "./env.ts";
import { personSchemaJson, writeOpenData } from "./open-data.ts";
import { mountOpenDataFiles } from "./open-data-routes.ts";
import { mountRestApi } from "./rest-api.ts";
import { OpenDataFiles } from "./open-data-files.ts";
import { createSubmissionIntake } from "./submission-intake.ts";

export type { BuildReport } from "./open-data-files.ts";
import {
  csrfGuard,
  noStoreWhenAuthenticated,
  publicCors,
  queryJsonDepth,
  securityHeaders,
  verifyJsonDepth,
} from "./security.ts";

export const SESSION_COOKIE = "__Host-session";

function cookieOf(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export interface AppOptions {
  database: Database;
  /** Key for encrypting second-factor secrets at rest. */
  secretKey: Buffer;
  env: Pick<Env, "TRUST_PROXY" | "PUBLIC_URL">;
  /** Whether the database is migrated and seeded; /healthz answers 503 until then. */
  ready?: () => boolean;
  log?: (line: string) => void;
  /** Where the built open-data files are kept (default: a new temporary directory). */
  openDataDir?: string;
  /** Render every public page ahead of its first reader, and again after each write that touches it. */
  precompute?: boolean;
  /** Where the rendered public pages are saved for the next start (with `precompute`). */
  pagesFile?: string;
}

/**
 * Names the code that renders the public pages: a hash of the public site's and the domain's sources (the
 * messages, formats and components). Pages saved by other code are not reused.
 */
function rendererKey(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(tsx?|js|css|svg|json)$/.test(entry.name))
        hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(fileURLToPath(new URL("../../public/src/", import.meta.url)));
  walk(fileURLToPath(new URL("../../../packages/domain/src/", import.meta.url)));
  // The built server (ADR 016) runs without those sources: its own bundle and assets hold the renderer.
  const here = fileURLToPath(new URL(".", import.meta.url));
  for (const f of readdirSync(here).sort())
    if (f.endsWith(".js")) hash.update(f).update(readFileSync(join(here, f)));
  walk(join(here, "assets"));
  return hash.digest("hex").slice(0, 32);
}

/** The express app, and the request handler to serve it with: stored public pages first, express for the rest. */
export type App = express.Express & {
  serve: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops the public site's background work (the page store's polling and rendering). */
  close: () => void;
  /**
   * Resolves when the public page store has caught up with every write and re-rendered what they touched, and
   * the open-data files of the current data are built.
   */
  settled: () => Promise<void>;
  /** The open-data files (ADR 009): how the last build went. */
  openData: OpenDataFiles;
};

/** The headers a middleware sets on every response, collected once (served as constants by the fast path). */
function constantHeaders(
  middleware: (req: Request, res: Response, next: () => void) => void,
): [string, string][] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (k: string, v: string | number | readonly string[]) => void headers.push([k, String(v)]),
    removeHeader: () => {},
    getHeader: () => undefined,
  };
  middleware({ headers: {}, method: "GET", url: "/" } as Request, res as unknown as Response, () => {});
  return headers;
}

/** The HTTP surface: /trpc, /healthz and the open data. The public site and the admin app mount here too. */
export function createApp({
  database,
  secretKey,
  env,
  ready = () => true,
  log = console.log,
  openDataDir = mkdtempSync(join(tmpdir(), "registry-open-data-")),
  precompute = false,
  pagesFile,
}: AppOptions): App {
  const openData = new OpenDataFiles(database, openDataDir, log, () => today());
  // The files of today's data are built ahead of the first download, and again after each write (incrementally).
  if (precompute) openData.changed(0);
  const limits = createLimiters();
  const app = express();
  const publicUrl = env.PUBLIC_URL?.replace(/\/$/, "");
  app.disable("x-powered-by");
  app.use(compression());
  app.set("trust proxy", env.TRUST_PROXY ?? false);
  app.use(securityHeaders);
  app.use(noStoreWhenAuthenticated);
  app.use(publicCors);

  app.get("/healthz", (_req, res) => {
    res.status(ready() ? 200 : 503).json({ ok: ready(), backend: database.backend });
  });

  mountRestApi(app, database, publicUrl, log);

  app.use(
    "/trpc",
    csrfGuard,
    // Nesting is capped before parsing: a 5,000-deep body is a 400, not a stack overflow further in.
    queryJsonDepth,
    express.json({ limit: "1mb", verify: verifyJsonDepth }),
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req, res }) =>
        createSessionContext({
          database,
          secretKey,
          limits,
          transport: {
            token: cookieOf(req.headers.cookie, SESSION_COOKIE),
            ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
            ...(req.headers["user-agent"] ? { userAgent: req.headers["user-agent"] } : {}),
            // __Host-: Secure, Path=/, no Domain. Browsers accept Secure cookies on http://localhost too.
            setToken: (token) => {
              if (token)
                res.cookie(SESSION_COOKIE, token, {
                  httpOnly: true,
                  secure: true,
                  sameSite: "strict",
                  path: "/",
                });
              else
                res.clearCookie(SESSION_COOKIE, {
                  httpOnly: true,
                  secure: true,
                  sameSite: "strict",
                  path: "/",
                });
            },
            setHeader: (name, value) => res.setHeader(name, value),
          },
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") log(`trpc ${path ?? "?"} failed: ${error.message}`);
      },
    }),
  );

  // `?asOf=YYYY-MM-DD`: every published person with their status on that day, from the facts certain by then.
  // `?list=` and `?status=` cut it to one list or status. Today's whole files are built once per data version
  // (ADR 009); a snapshot of a past day, or a cut, is streamed live.
  const download = (format: "json" | "csv") => (req: Request, res: Response, next: NextFunction) => {
    const asOf = parseAsOfDay(req.query.asOf, today());
    if (!asOf.ok) {
      res.status(400).setHeader("Cache-Control", "no-store");
      res.type("text/plain").send(`${asOf.message}\n`);
      return;
    }
    const list = PersonListSchema.optional().safeParse(req.query.list ?? undefined);
    const status = StatusSchema.optional().safeParse(req.query.status ?? undefined);
    if (!list.success || !status.success) {
      res.status(400).setHeader("Cache-Control", "no-store");
      res
        .type("text/plain")
        .send(
          `${!list.success ? `list must be one of ${PERSON_LISTS.join(", ")}` : `status must be one of ${STATUSES.join(", ")}`}\n`,
        );
      return;
    }
    const only = { list: list.data, status: status.data };
    const live = asOf.snapshot || only.list !== undefined || only.status !== undefined;
    const file = `persons${only.list ? `-${only.list}` : ""}${only.status ? `-${only.status}` : ""}${asOf.snapshot ? `-${asOf.day}` : ""}.${format}`;
    if (format === "json")
      res.type("application/json").setHeader("Content-Disposition", `inline; filename="${file}"`);
    else
      res.type("text/csv; charset=utf-8").setHeader("Content-Disposition", `attachment; filename="${file}"`);
    if (live) {
      res.setHeader("Cache-Control", "public, max-age=300");
      if (req.method === "HEAD") return void res.end();
      writeOpenData(database, asOf.day, { [format]: res }, only)
        .then(() => res.end())
        .catch(next);
      return;
    }
    openData.send(format, asOf.day, req, res).catch(next);
  };
  app.get("/data/persons.json", download("json"));
  app.get("/data/persons.csv", download("csv"));
  app.get("/data/schema.json", (_req, res) => {
    res.type("application/schema+json").send(JSON.stringify(personSchemaJson(), null, 2));
  });
  const api = createPublicCaller(createContextInner({ database }));
  mountOpenDataFiles(app, api, database);

  // The curators' app: a static build of apps/admin, talking to /trpc.
  const adminDist = fileURLToPath(new URL("../../admin/dist/", import.meta.url));
  if (existsSync(join(adminDist, "index.html"))) {
    const index = readFileSync(join(adminDist, "index.html"), "utf8");
    const sendIndex = (_req: Request, res: Response) => {
      res.setHeader("Cache-Control", "no-store");
      res.type("html").send(index);
    };
    app.use(
      "/admin/assets",
      express.static(join(adminDist, "assets"), { immutable: true, maxAge: "365d", index: false }),
    );
    app.get("/admin/favicon.svg", (_req, res) => {
      res.setHeader("Cache-Control", "public, max-age=86400");
      res.type("image/svg+xml").sendFile(join(adminDist, "favicon.svg"));
    });
    app.get(["/admin", "/admin/", "/admin/*rest"], sendIndex);
  } else {
    app.get(["/admin", "/admin/*rest"], (_req, res) => {
      res
        .status(503)
        .type("text/plain")
        .send("The admin app is not built. Run `pnpm build` (or `pnpm start`, which builds it).");
    });
  }

  // The public site reads through the public router only: it is given a caller, not the database.
  const site = createPublicSite({
    api,
    ...(publicUrl ? { publicUrl } : {}),
    precompute,
    ...(precompute && pagesFile
      ? { snapshot: { file: pagesFile, rendererKey: rendererKey() }, spillFile: `${pagesFile}.spill` }
      : {}),
    log,
    headers: constantHeaders(securityHeaders),
    intake: createSubmissionIntake({ database, secretKey, limits }),
  });
  const unfollow = onDataChanged(database.db, () => {
    site.changed();
    if (precompute) openData.changed();
  });
  app.use(site);
  app.use((req, res) => {
    res.status(404).setHeader("Cache-Control", "no-store");
    if (req.method === "GET" && !req.path.startsWith("/trpc") && !req.path.startsWith("/data/"))
      res.type("html").send(notFoundHtml(req.path));
    else res.type("text/plain").send("Not found");
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
  return Object.assign(app, {
    serve: (req: IncomingMessage, res: ServerResponse) => {
      if (!site.fast(req, res)) app(req, res);
    },
    close: () => {
      unfollow();
      site.close();
      openData.close();
    },
    settled: async () => {
      await site.settled();
      await openData.settled();
    },
    openData,
  });
}
