import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { createDb, type Database } from "@registry/db";
import { createApp } from "./app.ts";
import { dbConfigOf, loadEnv, secretKeyOf } from "./env.ts";
import { isEmpty, seed } from "./seed.ts";

async function main() {
  const started = performance.now();
  const env = loadEnv();
  let database: Database;
  try {
    database = await createDb(dbConfigOf(env));
  } catch (e) {
    console.error(`Cannot open the database: ${(e as Error).message}`);
    process.exit(1);
  }
  let ready = false;
  const app = createApp({
    database,
    env,
    secretKey: secretKeyOf(env),
    ready: () => ready,
    openDataDir: join(resolve(env.DATA_DIR), "open-data"),
    precompute: true,
    pagesFile: join(resolve(env.DATA_DIR), "public-pages.bin"),
  });
  if (env.SEED && (await isEmpty(database))) await seed(database);
  // Ready for readers once the public pages are stored (bounded: a large registry keeps rendering afterwards).
  const prerender = async () => {
    if (env.PRERENDER_SECONDS > 0)
      await Promise.race([
        app.settled(),
        new Promise((r) => setTimeout(r, env.PRERENDER_SECONDS * 1000).unref()),
      ]);
    ready = true;
    console.log(`Ready for readers in ${Math.round(performance.now() - started)} ms (/healthz answers 200)`);
  };

  // Stored public pages are answered before express (ADR 013); everything else goes to express.
  const server: Server = createServer(app.serve).listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : env.PORT;
    const base = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;
    console.log(
      `Persecution Registry is running (${database.backend}${env.DATABASE_URL ? "" : `, data in ${env.DATA_DIR}`}), listening in ${Math.round(performance.now() - started)} ms`,
    );
    console.log(`  public site   ${base}/`);
    console.log(`  admin         ${base}/admin/`);
    console.log(`  open data     ${base}/data/persons.json`);
    console.log(`  health        ${base}/healthz`);
    if (!env.PUBLIC_URL && env.NODE_ENV === "production")
      console.log(
        "  note          PUBLIC_URL is not set: the feed and sitemap use relative links and robots.txt names no sitemap " +
          "(set PUBLIC_URL to the site's public address, e.g. https://registry.example.org)",
      );
    void prerender();
  });

  // SIGTERM/SIGINT: stop taking requests, let in-flight ones finish, then CHECKPOINT and close the database.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    app.close();
    server.close(() => {
      clearTimeout(force);
      database
        .close()
        .then(() => {
          console.log("Database closed; bye.");
          process.exit(0);
        })
        .catch((e: unknown) => {
          console.error(e);
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
