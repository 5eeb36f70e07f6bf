import { randomBytes } from "node:crypto";
import { sessionStore, userStore, type Database } from "@registry/db";
import { CURATOR_ROLES, today as todayOf, type CuratorRole } from "@registry/domain";
import { sha256 } from "./auth/crypto.ts";
import { createLimiters, type Limiters } from "./auth/limits.ts";

/** The curators' roles: the one list is the domain's (permissions.ts). */
export const ROLES = CURATOR_ROLES;
export type Role = CuratorRole;

export interface User {
  id: string;
  name: string;
  role: Role;
}

/** The session cookie of the request, and how to set or clear it on the response. */
export interface AuthTransport {
  token: string | null;
  ip: string;
  userAgent?: string;
  setToken: (token: string | null) => void;
  setHeader: (name: string, value: string) => void;
}

export interface SessionInfo {
  tokenHash: string;
  userId: string;
  secondFactor: boolean;
}

export interface Context {
  database: Database;
  /** The logged-in curator: only after both factors. */
  user: User | null;
  /** The session behind the request, also between the password and the second factor. */
  session: SessionInfo | null;
  /** The day public statuses are computed for; tests fix it. */
  today: () => string;
  transport: AuthTransport;
  secretKey: Buffer;
  limits: Limiters;
}

export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** A transport for callers without HTTP (tests, CLI): the token lives in the object. */
export function memoryTransport(
  token: string | null = null,
  ip = "127.0.0.1",
): AuthTransport & { headers: Record<string, string> } {
  const t = {
    token,
    ip,
    headers: {} as Record<string, string>,
    setToken: (v: string | null) => {
      t.token = v;
    },
    setHeader: (k: string, v: string) => {
      t.headers[k] = v;
    },
  };
  return t;
}

/** The context without HTTP: tests and the server's in-process callers use it. */
export function createContextInner(opts: {
  database: Database;
  user?: User | null;
  session?: SessionInfo | null;
  today?: () => string;
  transport?: AuthTransport;
  secretKey?: Buffer;
  limits?: Limiters;
}): Context {
  return {
    database: opts.database,
    user: opts.user ?? null,
    session: opts.session ?? null,
    today: opts.today ?? (() => todayOf()),
    transport: opts.transport ?? memoryTransport(),
    secretKey: opts.secretKey ?? randomBytes(32),
    limits: opts.limits ?? createLimiters(),
  };
}

/**
 * Resolves the session cookie: a session idle for 30 minutes or older than 12 hours, or of a disabled user,
 * is deleted and the request is anonymous.
 */
export async function createSessionContext(opts: {
  database: Database;
  transport: AuthTransport;
  secretKey: Buffer;
  limits: Limiters;
  now?: Date;
}): Promise<Context> {
  const base = createContextInner(opts);
  const token = opts.transport.token;
  if (!token || token.length > 200) return base;
  const db = opts.database.db;
  const tokenHash = sha256(token);
  const s = await sessionStore.get(db, tokenHash);
  if (!s) return base;
  const now = (opts.now ?? new Date()).getTime();
  const u = await userStore.byId(db, s.userId);
  if (
    !u ||
    u.disabled ||
    now - new Date(s.lastSeenAt).getTime() > IDLE_MS ||
    now - new Date(s.createdAt).getTime() > ABSOLUTE_MS
  ) {
    await sessionStore.delete(db, tokenHash);
    opts.transport.setToken(null);
    return base;
  }
  if (now - new Date(s.lastSeenAt).getTime() > 60_000)
    await sessionStore.touch(db, tokenHash, new Date(now).toISOString());
  const session = { tokenHash, userId: u.id, secondFactor: s.secondFactor };
  return { ...base, session, user: s.secondFactor ? { id: u.id, name: u.name, role: u.role as Role } : null };
}
