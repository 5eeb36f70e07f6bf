import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z.url().optional(),
});
export type Env = z.infer<typeof EnvSchema>;

/** Reads the configuration once at start-up; a bad value stops the server with the reasons. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const r = EnvSchema.safeParse(source);
  if (!r.success) {
    const lines = Object.entries(z.flattenError(r.error).fieldErrors).map(([k, v]) => `  ${k}: ${v?.join("; ")}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return r.data;
}
