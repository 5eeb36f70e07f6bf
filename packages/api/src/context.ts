import type { Database } from "@registry/db";
import { today as todayOf } from "@registry/domain";

export const ROLES = ["editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  name: string;
  role: Role;
}

export interface Context {
  database: Database;
  user: User | null;
  /** The day public statuses are computed for; tests fix it. */
  today: () => string;
}

/** The context without any transport: tests and the server's in-process callers use it. */
export function createContextInner(opts: {
  database: Database;
  user?: User | null;
  today?: () => string;
}): Context {
  return { database: opts.database, user: opts.user ?? null, today: opts.today ?? (() => todayOf()) };
}
