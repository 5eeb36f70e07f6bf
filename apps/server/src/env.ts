import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** PGlite's data directory, used when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default("./.data"),
  /** A PostgreSQL URL; when set, the registry uses PostgreSQL instead of PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "Must be a postgres:// URL")
    .optional(),
  /** Load the curated dataset when the database is empty. */
  SEED: bool.default(true),
  /** Trust X-Forwarded-For from this proxy address (e.g. 127.0.0.1); unset = trust no proxy. */
  TRUST_PROXY: z.string().optional(),
  /** 32 bytes, base64: the key that encrypts second-factor secrets. Default: generated once into DATA_DIR/secret.key. */
  SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "Must be 32 bytes, base64-encoded")
    .optional(),
  /** For `admin:create` without a prompt (scripts, tests). */
  ADMIN_PASSWORD: z.string().optional(),
  /**
   * The public base URL of the feed, the sitemap and robots.txt (e.g. https://registry.example.org). Unset, their
   * links are relative: an absolute URL is never built from the request's Host header.
   */
  PUBLIC_URL: z.url().optional(),
  /**
   * At start-up, /healthz says ready only once the public pages are rendered (or read from the last run's
   * snapshot), for at most this many seconds: the first readers then meet stored pages. 0: ready at once.
   */
  PRERENDER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** `production` when started by `pnpm start`. */
  NODE_ENV: z.string().optional(),
});
export type Env = z.infer<typeof EnvSchema>;
/** The variables the server reads (README's table; compose.yaml and .env.example are checked against it). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

/** Reads the configuration once at start-up; a bad value stops the server with the reasons. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const r = EnvSchema.safeParse(source);
  if (!r.success) {
    const lines = Object.entries(z.flattenError(r.error).fieldErrors).map(
      ([k, v]) => `  ${k}: ${v.join("; ")}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return r.data;
}

export function dbConfigOf(env: Env) {
  return env.DATABASE_URL
    ? ({ kind: "postgres", url: env.DATABASE_URL } as const)
    : ({ kind: "pglite", dataDir: env.DATA_DIR } as const);
}

/** The key for second-factor secrets: SECRET_KEY, or a key generated once and kept in the data directory. */
export function secretKeyOf(env: Env): Buffer {
  if (env.SECRET_KEY) return Buffer.from(env.SECRET_KEY, "base64");
  const file = join(resolve(env.DATA_DIR), "secret.key");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
}
