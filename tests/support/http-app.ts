import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createUser } from "@registry/api";
import type { Database } from "@registry/db";
import { createApp, type BuildReport } from "@registry/server/app";
import { generate } from "otplib";

export interface HttpApp {
  url: string;
  logs: string[];
  close: () => Promise<void>;
  /** Resolves when the public page store has caught up with the writes so far. */
  settled: () => Promise<void>;
  /** How the last open-data build went (whole or incremental). */
  lastBuild: () => BuildReport | undefined;
}

/** The real express app (headers, CSRF guard, cookies, public site) on an ephemeral port. */
export async function startHttpApp(
  database: Database,
  env: { TRUST_PROXY?: string } = {},
  opts: { openDataDir?: string; precompute?: boolean } = {},
): Promise<HttpApp> {
  const logs: string[] = [];
  const app = createApp({ database, secretKey: randomBytes(32), env, log: (l) => logs.push(l), ...opts });
  const server: Server = await new Promise((resolve) => {
    // As the server runs it: stored public pages first, express for the rest.
    const s = createServer(app.serve).listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  return {
    url,
    logs,
    close: () =>
      new Promise((r) => {
        app.close();
        server.closeAllConnections();
        server.close(() => r());
      }),
    settled: () => app.settled(),
    lastBuild: () => app.openData.last,
  };
}

export async function trpc(
  url: string,
  path: string,
  input: unknown,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  const r = await fetch(`${url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(input),
  });
  return {
    status: r.status,
    setCookie: r.headers.getSetCookie(),
    headers: r.headers,
    body: (await r.json()) as Record<string, unknown>,
  };
}

/** Creates a user and logs in over HTTP with both factors; returns the session cookie. */
export async function loginOverHttp(
  app: HttpApp,
  database: Database,
  email: string,
  role: "editor" | "reviewer" | "admin",
): Promise<string> {
  const password = "a long enough password";
  await createUser(database.db, { email, name: email, role, password });
  const first = await trpc(app.url, "auth.login", { email, password });
  let cookie = first.setCookie[0]?.split(";")[0] ?? "";
  const start = await trpc(app.url, "auth.enrolStart", {}, cookie);
  const secret = (start.body.result as { data: { secret: string } }).data.secret;
  const fin = await trpc(app.url, "auth.enrolFinish", { code: await generate({ secret }) }, cookie);
  cookie = fin.setCookie[0]?.split(";")[0] ?? "";
  return cookie;
}
