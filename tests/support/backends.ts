import type { Database } from "@registry/db";
import { createPostgresTestDb, createTestDb } from "@registry/db/testing";
import { inject } from "vitest";

export interface Backend {
  name: "pglite" | "postgres";
  open: () => Promise<Database>;
}

/** Every integration suite runs on both: PGlite in memory and a real PostgreSQL server. */
export const BACKENDS: Backend[] = [
  { name: "pglite", open: () => createTestDb() },
  { name: "postgres", open: () => createPostgresTestDb(inject("postgresUrl")) },
];
