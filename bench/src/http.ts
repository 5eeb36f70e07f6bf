import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { createGunzip } from "node:zlib";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { Target } from "./backends.ts";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size of the server process, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/** Starts src/serve.ts in a child process on `target`, and waits until it listens. */
export async function startServer(
  target: Target,
  staticDir: string,
  opts: { precompute?: boolean } = {},
): Promise<ServerProcess> {
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/serve.ts"], {
    cwd: BENCH_DIR,
    // React and express run in production mode, as in any deployment (`pnpm start` does not set it: README).
    env: {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? "production",
      BENCH_TARGET: JSON.stringify(target),
      BENCH_STATIC_DIR: staticDir,
      ...(opts.precompute === false ? { BENCH_PRECOMPUTE: "0" } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
    if (err.length > 20_000) err = err.slice(-10_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then((code) =>
      reject(new Error(`The bench server exited (${code}) before listening:\n${err}`)),
    );
  });
  const pid = child.pid ?? 0;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    rss: () => rssOf(pid),
    stop: async () => {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** RSS of a process: /proc on Linux, `ps` elsewhere. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  try {
    return (
      Number(
        execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
          .toString()
          .trim(),
      ) * 1024
    );
  } catch {
    return 0;
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire (compressed when the server compressed them). */
  body: Buffer;
}

/** A GET that returns the body as sent (no decompression). */
export function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** autocannon against the paths `pathOf(0)`, `pathOf(1)`, … (one per request), after a short warm-up. */
export async function hammer(
  base: string,
  pathOf: (i: number) => string,
  opts: { connections: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  const run = (seconds: number) => {
    let i = 0;
    return autocannon({
      url: base,
      connections: opts.connections,
      duration: seconds,
      requests: [
        {
          method: "GET",
          setupRequest: (req) => ({ ...req, path: pathOf(i++) }),
        },
      ],
    });
  };
  if (opts.warmupSeconds > 0) await run(opts.warmupSeconds);
  const r = await run(opts.seconds);
  return {
    requestsPerSec: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** Samples a server's RSS every 25 ms until `stop()`, which gives the RSS before and the peak, in MB. */
function sampleRss(server: ServerProcess): { stop(): { rssBeforeMB: number; rssPeakMB: number } } {
  const before = server.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rss());
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, server.rss());
      return { rssBeforeMB: before / 2 ** 20, rssPeakMB: peak / 2 ** 20 };
    },
  };
}

export interface StreamResult {
  records: number;
  bytes: number;
  seconds: number;
  recordsPerSec: number;
  rssBeforeMB: number;
  rssPeakMB: number;
  status: number;
  /** The download was stopped at the time cap before the end of the file. */
  partial: boolean;
}

/**
 * Downloads an open-data file as a client would, counting records (lines after the header) as they arrive
 * and sampling the server's RSS every 25 ms. Stops after `maxSeconds` (the rate and the memory are known by
 * then; the whole file at 10^5 persons would not fit the bench's time budget).
 */
export function streamExport(
  url: string,
  server: ServerProcess,
  format: "json" | "csv",
  maxSeconds: number,
): Promise<StreamResult> {
  const rss = sampleRss(server);
  const started = performance.now();
  return new Promise<StreamResult>((resolve, reject) => {
    // As browsers, curl --compressed and HTTP libraries do: take gzip, and count the records once inflated.
    const req = request(url, { headers: { "accept-encoding": "gzip" } }, (raw) => {
      let newlines = 0;
      let bytes = 0;
      let partial = false;
      raw.on("data", (c: Buffer) => {
        bytes += c.length;
      });
      const res = raw.headers["content-encoding"] === "gzip" ? raw.pipe(createGunzip()) : raw;
      const finish = () => {
        const memory = rss.stop();
        const seconds = (performance.now() - started) / 1000;
        // JSON: a header line, one line per record and the closing line; CSV: a header and one line per record.
        // A partial download counts the lines received (the last record may be incomplete: not counted).
        const records = partial
          ? Math.max(0, newlines - 1)
          : format === "json"
            ? Math.max(0, newlines - 2)
            : Math.max(0, newlines - 1);
        resolve({
          records,
          bytes,
          seconds,
          recordsPerSec: records / seconds,
          ...memory,
          status: raw.statusCode ?? 0,
          partial,
        });
      };
      res.on("data", (c: Buffer) => {
        for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) newlines++;
        if (!partial && performance.now() - started > maxSeconds * 1000) {
          partial = true;
          res.removeAllListeners("data");
          raw.removeAllListeners("data");
          req.destroy();
          finish();
        }
      });
      res.on("end", () => {
        if (!partial) finish();
      });
      res.on("error", (e) => {
        if (partial) return;
        rss.stop();
        reject(e);
      });
    });
    req.on("error", (e) => {
      if ((e as NodeJS.ErrnoException).code === "ECONNRESET") return;
      rss.stop();
      reject(e);
    });
    req.end();
  });
}

export interface BuildResult {
  seconds: number;
  rssBeforeMB: number;
  rssPeakMB: number;
}

/**
 * Starts the build of the open-data files (a HEAD request, as after any change the first download does) and
 * waits until `/data/persons.json` is served from its file, sampling the server's RSS every 25 ms.
 */
export async function buildOpenData(
  baseUrl: string,
  server: ServerProcess,
  maxSeconds: number,
): Promise<BuildResult> {
  const rss = sampleRss(server);
  const started = performance.now();
  const servedFrom = () =>
    new Promise<string>((resolve, reject) => {
      request(`${baseUrl}/data/persons.json`, { method: "HEAD" }, (res) => {
        res.resume();
        resolve(String(res.headers["x-open-data"] ?? ""));
      })
        .on("error", reject)
        .end();
    });
  try {
    while ((await servedFrom()) !== "file") {
      if (performance.now() - started > maxSeconds * 1000)
        throw new Error(`the open-data files were not built within ${maxSeconds} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { seconds: (performance.now() - started) / 1000, ...rss.stop() };
  } finally {
    rss.stop();
  }
}
