import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@registry/db/testing";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The arguments `pnpm start:prod` gives node (the Dockerfile's CMD is checked against the same script). */
export function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "apps/server/package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const m = /^NODE_ENV=production node (.+)$/.exec(pkg.scripts["start:prod"] ?? "");
  if (!m?.[1]) throw new Error("apps/server's start:prod is not `NODE_ENV=production node …`");
  return m[1].split(" ");
}

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  /** Sends a signal to the server's process group, as a terminal or a service manager would. */
  signal: (sig: NodeJS.Signals) => void;
  exited: Promise<number | null>;
}

/**
 * Starts the registry with the command `pnpm start` runs (`NODE_ENV=production node --import tsx src/main.ts`
 * in apps/server), without pnpm in between, so signals reach the server itself; waits for /healthz.
 */
export async function startServer(
  env: Record<string, string>,
  opts: {
    waitReady?: boolean;
    port?: number;
    /** Another way to start it: the built server is `node dist/main.js` in its folder (ADR 016). */
    command?: { cwd: string; args: string[] };
    /** How long to wait for /healthz (ms). */
    readyWithin?: number;
  } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const { cwd, args } = opts.command ?? {
    cwd: `${ROOT}apps/server`,
    args: ["--import", "tsx", "src/main.ts"],
  };
  const child = spawn(process.execPath, args, {
    cwd,
    // Ready at once: the tests do not wait for every public page to be rendered ahead (pnpm bench:first-visit
    // measures that); pages not yet stored are rendered on request, as before.
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PRERENDER_SECONDS: "0",
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url,
    port,
    process: child,
    output: () => out,
    signal: (sig) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    },
    exited,
  };
  if (opts.waitReady === false) return server;
  const deadline = Date.now() + (opts.readyWithin ?? 90_000);
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() < deadline && !done) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.signal("SIGKILL");
  throw new Error(`The server did not become ready:\n${out}`);
}
