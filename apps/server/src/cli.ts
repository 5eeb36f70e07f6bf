import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync, type WriteStream } from "node:fs";
import { join, resolve } from "node:path";
import { backupDatabase, createDb, restoreDatabase, verifyAudit } from "@registry/db";
import { createContextInner, createPublicCaller, createUser } from "@registry/api";
import { createInterface } from "node:readline/promises";
import { publicJsonSchemas, today as todayOf } from "@registry/domain";
import { exportStaticSite } from "@registry/public";
import { dbConfigOf, loadEnv } from "./env.ts";
import { personSchemaJson, writeOpenData } from "./open-data.ts";
import { openDataFiles } from "./open-data-routes.ts";
import { seed } from "./seed.ts";

const [command, arg] = process.argv.slice(2);
const env = loadEnv();

async function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (hidden && process.stdin.isTTY) {
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stdout.write(question);
    };
  }
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
    if (hidden) process.stdout.write("\n");
  }
}

async function run() {
  const database = await createDb(dbConfigOf(env));
  try {
    switch (command) {
      case "migrate":
        console.log("Migrations applied.");
        break;
      case "seed":
        await seed(database);
        break;
      case "backup": {
        const dir = resolve(env.DATA_DIR, "backups");
        if (!arg && !existsSync(dir)) mkdirSync(dir, { recursive: true });
        const file = arg ?? join(dir, `registry-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`);
        const s = await backupDatabase(database.db, file);
        console.log(
          `Backup written to ${file}: ${Object.entries(s.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
        );
        break;
      }
      case "restore": {
        if (!arg) throw new Error("Usage: pnpm db:restore <backup file> (into an empty database)");
        const s = await restoreDatabase(database.db, resolve(arg));
        // Pages saved from other data at the same version number must not come back.
        rmSync(join(resolve(env.DATA_DIR), "public-pages.bin"), { force: true });
        const audit = await verifyAudit(database.db);
        console.log(
          `Restored ${Object.values(s.counts).reduce((a, b) => a + b, 0)} rows; audit chain ${audit.ok ? "verifies" : `BROKEN: ${audit.reason}`}`,
        );
        break;
      }
      case "export": {
        if (!arg) throw new Error("Usage: pnpm public:export <directory>");
        const dir = resolve(arg);
        const today = todayOf();
        const { files } = await exportStaticSite(createPublicCaller(createContextInner({ database })), dir, {
          today,
          publicUrl: env.PUBLIC_URL?.replace(/\/$/, "") ?? "https://example.org",
        });
        mkdirSync(join(dir, "data"), { recursive: true });
        const close = (out: WriteStream) =>
          new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
        const json = createWriteStream(join(dir, "data", "persons.json"));
        const csv = createWriteStream(join(dir, "data", "persons.csv"));
        await writeOpenData(database, today, { json, csv });
        await Promise.all([close(json), close(csv)]);
        writeFileSync(join(dir, "data", "schema.json"), JSON.stringify(personSchemaJson(), null, 2));
        // The other kinds' files, the data package and the JSON Schemas, as the server serves them.
        const api = createPublicCaller(createContextInner({ database }));
        const other = openDataFiles(api, database);
        const { version } = await api.version();
        for (const [name, f] of other.files)
          writeFileSync(join(dir, "data", name), await f.build(version, today));
        writeFileSync(
          join(dir, "data", "datapackage.json"),
          JSON.stringify(other.dataPackage(version, today), null, 2),
        );
        mkdirSync(join(dir, "data", "schema"), { recursive: true });
        const schemas = publicJsonSchemas();
        for (const [name, schema] of Object.entries(schemas))
          writeFileSync(join(dir, "data", "schema", name), JSON.stringify(schema, null, 2));
        const written = files + 4 + other.files.size + Object.keys(schemas).length;
        console.log(`Static site written to ${dir} (${written} files). Open ${join(dir, "index.html")}.`);
        break;
      }
      case "admin:create": {
        const opt = (name: string) => {
          const i = process.argv.indexOf(`--${name}`);
          return i > 0 ? process.argv[i + 1] : undefined;
        };
        const email = opt("email") ?? (await ask("E-mail: "));
        const name = opt("name") ?? (await ask("Name: "));
        const password = env.ADMIN_PASSWORD ?? (await ask("Password (at least 12 characters): ", true));
        const u = await createUser(database.db, { email, name, role: "admin", password });
        console.log(`Administrator ${u.email} created. Log in at /admin/ and set up the second factor.`);
        break;
      }
      default:
        throw new Error(
          `Unknown command ${command ?? ""}. Commands: migrate, seed, backup [file], restore <file>, export <dir>`,
        );
    }
  } finally {
    await database.close();
  }
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
