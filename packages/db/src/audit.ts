import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { bulkInsert } from "./bulk.ts";
import type { Db } from "./db.ts";
import { auditHead, auditLog } from "./schema.ts";

export const GENESIS_HASH = "0".repeat(64);
export const REDACTED = "[redacted]";

export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "restore"
  | "transition"
  | "import"
  | "merge"
  | "revert"
  /** An editor's change to a published record, kept as a pending revision (pipeline.ts). */
  | "propose"
  /** A reviewer applied a revision, or returned it with a comment. */
  | "approve"
  | "return"
  /** A reader's submission arrived, or a curator triaged one (ADR 021): field names only, no values. */
  | "receive"
  | "triage";

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  entityKind: string;
  entityId: string;
  version: number;
  changes: FieldChange[];
}

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function entryHash(prevHash: string, entry: AuditEntry): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(entry)).digest("hex");
}

/**
 * Field-level changes between two versions of a record. Public fields keep their values; private fields are
 * named but their values are never written to the log.
 */
export function diffRecord(
  before: { data: Record<string, unknown>; private: Record<string, unknown> } | undefined,
  after: { data: Record<string, unknown>; private: Record<string, unknown> } | undefined,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before?.data ?? {}), ...Object.keys(after?.data ?? {})]);
  for (const k of [...keys].sort()) {
    const a = before?.data[k];
    const b = after?.data[k];
    // A new or removed record: every field it has is a change (no need to compare).
    if (!before || !after ? a !== undefined || b !== undefined : canonicalJson(a) !== canonicalJson(b))
      changes.push({
        field: k,
        ...(a !== undefined ? { before: a } : {}),
        ...(b !== undefined ? { after: b } : {}),
      });
  }
  const pkeys = new Set([...Object.keys(before?.private ?? {}), ...Object.keys(after?.private ?? {})]);
  for (const k of [...pkeys].sort()) {
    const a = before?.private[k];
    const b = after?.private[k];
    if (!before || !after ? a !== undefined || b !== undefined : canonicalJson(a) !== canonicalJson(b)) {
      changes.push({
        field: `private.${k}`,
        ...(a !== undefined ? { before: REDACTED } : {}),
        ...(b !== undefined ? { after: REDACTED } : {}),
      });
    }
  }
  return changes;
}

/** Appends entries in the caller's transaction, after locking the chain head. */
export async function appendAudit(
  tx: Db,
  entries: Omit<AuditEntry, "at">[],
  at: string = new Date().toISOString(),
): Promise<void> {
  if (entries.length === 0) return;
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  let prev = head?.hash ?? GENESIS_HASH;
  let seq = head?.seq ?? 0;
  const rows = entries.map((e) => {
    const entry: AuditEntry = { at, ...e };
    const hash = entryHash(prev, entry);
    const row = { ...entry, prevHash: prev, hash };
    prev = hash;
    seq++;
    return row;
  });
  await bulkInsert(tx, auditLog, rows);
  await tx
    .insert(auditHead)
    .values({ id: 1, seq, hash: prev })
    .onConflictDoUpdate({ target: auditHead.id, set: { seq, hash: prev } });
}

export type VerifyResult =
  { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks the chain: each entry must hash to its stored hash and point at the previous one; the head must match. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastSeq = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${lastSeq}`)
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const r of rows) {
      if (r.prevHash !== prev)
        return {
          ok: false,
          count,
          brokenAt: r.seq,
          reason: `entry ${r.seq} does not follow the previous entry (removed, inserted or reordered)`,
        };
      const entry: AuditEntry = {
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action as AuditAction,
        entityKind: r.entityKind,
        entityId: r.entityId,
        version: r.version,
        changes: r.changes,
      };
      if (entryHash(r.prevHash, entry) !== r.hash)
        return { ok: false, count, brokenAt: r.seq, reason: `entry ${r.seq} was altered` };
      prev = r.hash;
      lastSeq = r.seq;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (head && head.hash !== prev)
    return { ok: false, count, brokenAt: lastSeq + 1, reason: "entries after the last one were removed" };
  return { ok: true, count, head: prev };
}

export async function auditHistory(db: Db, entityKind: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.entityKind} = ${entityKind} and ${auditLog.entityId} = ${entityId}`)
    .orderBy(asc(auditLog.seq));
}
