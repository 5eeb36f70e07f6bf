import { and, desc, eq, type SQL } from "drizzle-orm";
import { diffRecord, type FieldChange } from "./audit.ts";
import type { Db } from "./db.ts";
import { splitRecord } from "./entities.ts";
import { getRecord } from "./repo.ts";
import { revisions, type EntityKind } from "./schema.ts";

export interface RevisionRow {
  id: number;
  kind: EntityKind;
  entityId: string;
  baseVersion: number;
  /** The record's version now: if it moved on, approving is a conflict and the editor must redo the change. */
  currentVersion: number | null;
  action: string;
  author: string;
  state: "pending" | "approved" | "returned" | "withdrawn";
  comment: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** What the revision changes in the current record (private values redacted). */
  changes: FieldChange[];
}

/** Revisions for the reviewers' queue (pending) and the editors' inbox (theirs, with the reviewers' comments). */
export async function listRevisions(
  db: Db,
  opts: {
    state?: RevisionRow["state"];
    author?: string;
    kind?: EntityKind;
    entityId?: string;
    limit?: number;
  },
): Promise<RevisionRow[]> {
  const conds: SQL[] = [];
  if (opts.state) conds.push(eq(revisions.state, opts.state));
  if (opts.author) conds.push(eq(revisions.author, opts.author));
  if (opts.kind) conds.push(eq(revisions.entityKind, opts.kind));
  if (opts.entityId) conds.push(eq(revisions.entityId, opts.entityId));
  const rows = await db
    .select()
    .from(revisions)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(revisions.id))
    .limit(Math.min(opts.limit ?? 100, 500));
  const out: RevisionRow[] = [];
  for (const r of rows) {
    const kind = r.entityKind as EntityKind;
    const current = await getRecord(db, kind, r.entityId);
    out.push({
      id: r.id,
      kind,
      entityId: r.entityId,
      baseVersion: r.baseVersion,
      currentVersion: current?.meta.version ?? null,
      action: r.action,
      author: r.author,
      state: r.state as RevisionRow["state"],
      comment: r.comment,
      createdAt: new Date(r.createdAt).toISOString(),
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
      changes: diffRecord(current ? splitRecord(current.value) : undefined, {
        data: r.data as Record<string, unknown>,
        private: r.private as Record<string, unknown>,
      }),
    });
  }
  return out;
}
