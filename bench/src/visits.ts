/** Visiting many addresses once each, as readers, crawlers and mirrors do, and the bare limit for the same bytes. */
import { Agent, createServer, request } from "node:http";
import { get } from "./http.ts";

export interface Visits {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * What browsers send (Chrome, Firefox and Tor Browser alike), and crawlers such as Googlebot: readers get the
 * stored compressed bytes. A client that sends no Accept-Encoding (curl without --compressed) gets the page
 * inflated on the way: pass `{}` to measure that.
 */
export const BROWSER = { "accept-encoding": "gzip, deflate, br" } as const;

/** Each path once, `connections` at a time over kept-alive connections, as a crawler or a mirror would. */
export async function visit(
  base: string,
  paths: readonly string[],
  connections: number,
  headers: Readonly<Record<string, string>> = BROWSER,
): Promise<Visits> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      request(`${base}${path}`, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          if ((res.statusCode ?? 0) >= 300) failed++;
          resolve();
        });
      })
        .on("error", () => {
          failed++;
          resolve();
        })
        .end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < paths.length) await one(paths[next++] ?? "/");
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const q = (f: number) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))] ?? 0;
  return { requestsPerSec: paths.length / seconds, p50: q(0.5), p99: q(0.99), non2xx: failed, errors: 0 };
}

/** A bare node:http server sending the pages' bytes from memory (as the server encoded them): the limit. */
export async function bareLimit(
  base: string,
  paths: readonly string[],
  connections: number,
  headers: Readonly<Record<string, string>> = BROWSER,
): Promise<Visits> {
  const bodies = new Map<string, { body: Buffer; encoding: string | undefined }>();
  for (const p of paths) {
    const r = await get(base + p, { ...headers });
    const encoding = r.headers["content-encoding"];
    bodies.set(p, { body: r.body, encoding: typeof encoding === "string" ? encoding : undefined });
  }
  const server = createServer((req, res) => {
    const { body, encoding } = bodies.get(req.url ?? "") ?? { body: Buffer.alloc(0), encoding: undefined };
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const r = await visit(url, paths, connections, headers);
  await new Promise((r2) => server.close(r2));
  return r;
}
