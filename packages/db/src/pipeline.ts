import {
  canChange,
  DomainError,
  referencesOf,
  type ActorRole,
  type EntityTypes,
  type FieldErrors,
  type PublicationState,
  type WriteOp,
} from "@registry/domain";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { appendAudit, canonicalJson, type AuditAction } from "./audit.ts";
import type { Db } from "./db.ts";
import { joinRecord, splitRecord } from "./entities.ts";
import { writeImport, type ImportResult } from "./import.ts";
import { analyzeAfterImport } from "./maintenance.ts";
import {
  getRecord,
  revertedValue,
  staleVersion,
  toStored,
  validate,
  writeCreate,
  writeMeta,
  writeUpdate,
  type Stored,
} from "./repo.ts";
import { revisions, sourceTexts, tableOf, type EntityKind } from "./schema.ts";
import { dataChanged } from "./version.ts";

/** Who writes: a curator with a role, or the system (the seed of the curated dataset). */
export interface Actor {
  id: string;
  role: ActorRole;
}

/** Every write there is. */
export type Change =
  /**
   * `text`: a source's pasted or uploaded text (ADR 017), kept in `source_texts`; the source's `copy` must pin it
   * (its sha256 and line count).
   */
  | { op: "create"; kind: EntityKind; value: unknown; text?: string }
  | { op: "update" | "merge"; kind: EntityKind; id: string; version: number; value: unknown }
  /** Back to the public fields of an earlier version (private fields stay as they are). */
  | { op: "revert"; kind: EntityKind; id: string; version: number; toVersion: number }
  /**
   * Create or update by id, without a version (imports are idempotent). `build` makes the record from the stored
   * one (null when new): a CSV row changes only the columns it has and keeps everything else, private data too.
   */
  | {
      op: "import";
      kind: EntityKind;
      id: string;
      build: (current: unknown) => unknown;
      /** Already the output of the kind's schema (a CSV import validates each row once). */
      validated?: boolean;
    }
  | {
      op: "transition";
      kind: EntityKind;
      id: string;
      version: number;
      to: PublicationState;
      comment?: string;
    }
  | { op: "delete" | "restore"; kind: EntityKind; id: string; version: number }
  /** A reviewer's decision on an editor's proposed change to a published record. */
  | { op: "approve"; revision: number; comment?: string }
  | { op: "return"; revision: number; comment: string };

export type Result =
  | "created"
  | "updated"
  | "unchanged"
  | "proposed"
  | "transitioned"
  | "deleted"
  | "restored"
  | "approved"
  | "returned";

export interface Outcome {
  kind: EntityKind;
  id: string;
  result: Result;
  /** The record as stored after the change (single-record changes). */
  stored?: Stored<unknown>;
  /** The pending revision a proposal created. */
  revision?: number;
}

export interface ApplyOptions {
  /** Do everything, then roll back: the outcome is exactly what would happen. */
  dryRun?: boolean;
  /** The state of records an import creates (the seed publishes what was reviewed in the repository). */
  importState?: PublicationState;
}

class DryRun extends Error {
  constructor(readonly outcomes: Outcome[]) {
    super("dry run");
  }
}

/** A change's record, validated, before it is written or proposed. */
interface Planned {
  change: Change;
  kind: EntityKind;
  id: string;
  op: WriteOp;
  current: Stored<EntityTypes[EntityKind]> | null;
  value?: EntityTypes[EntityKind] & { id: string };
  verdict: "apply" | "propose";
  revision?: typeof revisions.$inferSelect;
  /** Nothing to write (an import row equal to the record or to a pending proposal). */
  unchanged?: true;
}

async function pendingRevisions(tx: Db, kind: EntityKind, id: string) {
  return tx
    .select()
    .from(revisions)
    .where(and(eq(revisions.entityKind, kind), eq(revisions.entityId, id), eq(revisions.state, "pending")));
}

function refuse(
  verdict: { deny: string; code: "FORBIDDEN" | "NOT_FOUND" | "INVALID_TRANSITION" },
  what: string,
) {
  return new DomainError(verdict.code, `${verdict.deny} (${what})`);
}

/**
 * Every reference of the records about to be written or proposed must exist (and not be deleted), or be created
 * in the same batch. Errors name the field, e.g. `names.0.citations.0.source`.
 */
async function checkReferences(tx: Db, planned: readonly Planned[]): Promise<void> {
  const creating = new Set(planned.filter((p) => p.value).map((p) => `${p.kind}\u0000${p.id}`));
  const wanted = new Map<EntityKind, Set<string>>();
  const refs = planned.flatMap((p) =>
    p.value ? referencesOf(p.kind, p.value).map((r) => ({ ...r, record: p })) : [],
  );
  for (const r of refs) {
    if (creating.has(`${r.kind}\u0000${r.id}`)) continue;
    (wanted.get(r.kind) ?? wanted.set(r.kind, new Set()).get(r.kind))?.add(r.id);
  }
  const found = new Set<string>();
  for (const [kind, ids] of wanted) {
    const t = tableOf(kind);
    const list = [...ids];
    for (let i = 0; i < list.length; i += 1000) {
      const rows = await tx
        .select({ id: t.id })
        .from(t)
        .where(and(inArray(t.id, list.slice(i, i + 1000)), isNull(t.deletedAt)));
      for (const row of rows) found.add(`${kind}\u0000${row.id}`);
    }
  }
  const missing = refs.filter(
    (r) => !creating.has(`${r.kind}\u0000${r.id}`) && !found.has(`${r.kind}\u0000${r.id}`),
  );
  if (missing.length === 0) return;
  const single = new Set(missing.map((m) => m.record.id)).size === 1;
  const fields: FieldErrors = { formErrors: [], fieldErrors: {} };
  for (const m of missing) {
    const key = single ? m.path : `${m.record.kind} ${m.record.id}: ${m.path}`;
    (fields.fieldErrors[key] ??= []).push(`No ${m.kind} with the id "${m.id}" exists`);
  }
  const first = missing[0] as (typeof missing)[number];
  throw new DomainError(
    "VALIDATION",
    `${missing.length} reference(s) to records that do not exist, e.g. ${first.path}: no ${first.kind} "${first.id}"`,
    { fields },
  );
}

async function loadRevision(tx: Db, id: number) {
  const [row] = await tx.select().from(revisions).where(eq(revisions.id, id));
  if (!row) throw new DomainError("NOT_FOUND", `No revision ${id}`);
  if (row.state !== "pending") throw new DomainError("INVALID_TRANSITION", `Revision ${id} is ${row.state}`);
  return row;
}

/** The lines of a text as citations count them (a final newline ends the last line, it does not add one). */
export function textLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** A source created with its text must pin exactly that text in its `copy` (sha256 and line count). */
function checkText(kind: EntityKind, value: unknown, text: string): void {
  const bad = (field: string, message: string) =>
    new DomainError("VALIDATION", message, {
      fields: { formErrors: [], fieldErrors: { [field]: [message] } },
    });
  if (kind !== "source") throw bad("text", "Only a source has a text");
  const copy = (value as { copy?: { sha256: string; lineCount: number } }).copy;
  if (!copy)
    throw bad("copy", "A source created with its text needs a copy (sha256 and line count) of that text");
  if (copy.sha256 !== createHash("sha256").update(text).digest("hex"))
    throw bad("copy.sha256", "The copy's sha256 is not that of the text");
  if (copy.lineCount !== textLines(text).length)
    throw bad("copy.lineCount", `The text has ${textLines(text).length} lines, not ${copy.lineCount}`);
}

/** Validation of an import row: a failure names the record, so a file's errors can be told apart. */
function validateNamed(kind: EntityKind, id: string, input: unknown) {
  try {
    return validate(kind, input);
  } catch (e) {
    if (e instanceof DomainError && e.details.fields) {
      const fe = e.details.fields.fieldErrors;
      const first = Object.entries(fe)[0];
      throw new DomainError(
        "VALIDATION",
        `${kind} ${id}: ${first ? `${first[0]}: ${first[1]?.[0] ?? ""}` : e.message}`,
        e.details,
      );
    }
    throw e;
  }
}

/**
 * The one way in for every write (ADR 011). In one transaction, for each change: validate with the domain schema
 * → `canChange(role, state, op)` → check every reference → write (or, for an editor's change to a published
 * record, keep it as a pending revision) → re-derive what depends on it (links, status, search keys, lists) →
 * one audit-chain entry, which also moves the data version every cache listens to. A failed change leaves
 * nothing behind: no row, no audit entry, no version bump.
 */
export async function applyChanges(
  db: Db,
  actor: Actor,
  changes: readonly Change[],
  opts: ApplyOptions = {},
): Promise<Outcome[]> {
  const now = new Date().toISOString();
  let written = new Map<string, number>();
  try {
    const outcomes = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const planned: Planned[] = [];
      // The stored records the changes touch, one query per kind per thousand ids (an import of 10^4 rows).
      const stored = new Map<string, Stored<EntityTypes[EntityKind]>>();
      const byKind = new Map<EntityKind, Set<string>>();
      for (const c of changes)
        if (c.op !== "approve" && c.op !== "return" && c.op !== "create")
          (byKind.get(c.kind) ?? byKind.set(c.kind, new Set()).get(c.kind))?.add(c.id);
      for (const [kind, ids] of byKind) {
        const t = tableOf(kind);
        const list = [...ids];
        for (let i = 0; i < list.length; i += 1000)
          for (const row of await tx
            .select()
            .from(t)
            .where(inArray(t.id, list.slice(i, i + 1000))))
            stored.set(`${kind}\u0000${row.id}`, toStored(kind, row));
      }
      // Every id of a change was loaded above: one not found does not exist (no query per new record).
      const currentOf = async (kind: EntityKind, id: string) =>
        stored.get(`${kind}\u0000${id}`) ??
        (byKind.get(kind)?.has(id) ? null : await getRecord(tx, kind, id));
      // 1–2. Validate and decide.
      for (const change of changes) {
        if (change.op === "approve" || change.op === "return") {
          const rev = await loadRevision(tx, change.revision);
          const kind = rev.entityKind as EntityKind;
          const current = await getRecord(tx, kind, rev.entityId);
          const v = canChange(
            actor.role,
            current?.meta.publicationState ?? null,
            !!current?.meta.deletedAt,
            "review",
          );
          if ("deny" in v) throw refuse(v, `${kind} ${rev.entityId}`);
          const value =
            change.op === "approve" ? validate(kind, joinRecord(rev.data, rev.private, kind)) : undefined;
          planned.push({
            change,
            kind,
            id: rev.entityId,
            op: "review",
            current,
            ...(value ? { value } : {}),
            verdict: "apply",
            revision: rev,
          });
          continue;
        }
        const kind = change.kind;
        const id = change.op === "create" ? (validate(kind, change.value) as { id: string }).id : change.id;
        const current = await currentOf(kind, id);
        const op: WriteOp = change.op;
        const v = canChange(
          actor.role,
          current?.meta.publicationState ?? null,
          !!current?.meta.deletedAt,
          op,
          change.op === "transition" ? change.to : undefined,
        );
        if ("deny" in v) {
          if (change.op === "create" && current)
            throw new DomainError("CONFLICT", `A ${kind} with id ${id} already exists`);
          throw refuse(v, `${kind} ${id}`);
        }
        if ("version" in change && current && current.meta.version !== change.version)
          throw staleVersion(kind, current);
        let value: (EntityTypes[EntityKind] & { id: string }) | undefined;
        if (change.op === "create" || change.op === "update" || change.op === "merge")
          value = validate(kind, change.value);
        else if (change.op === "revert" && current)
          value = validate(kind, await revertedValue(tx, kind, current, change.toVersion));
        else if (change.op === "import") {
          const built = change.build(current ? current.value : null);
          value = (change.validated ? built : validateNamed(kind, id, built)) as typeof value;
        }
        if (change.op === "create" && change.text !== undefined) checkText(kind, value, change.text);
        if (value && value.id !== id)
          throw new DomainError("VALIDATION", "The id of a record cannot change", {
            fields: { formErrors: [], fieldErrors: { id: ["The id cannot change"] } },
          });
        // An import row that changes nothing, or repeats a pending proposal, is left alone.
        if (change.op === "import" && value && current) {
          const same = canonicalJson(splitRecord(value)) === canonicalJson(splitRecord(current.value));
          const pending =
            v.allow === "propose" &&
            (await pendingRevisions(tx, kind, id)).some(
              (r) =>
                canonicalJson({ data: r.data, private: r.private }) === canonicalJson(splitRecord(value)),
            );
          if (same || pending) {
            planned.push({ change, kind, id, op, current, verdict: "apply", unchanged: true });
            continue;
          }
        }
        planned.push({ change, kind, id, op, current, ...(value ? { value } : {}), verdict: v.allow });
      }
      // 3. References.
      await checkReferences(tx, planned);
      // 4–6. Write, propose or decide; each writer re-derives and audits in this transaction.
      const out: Outcome[] = [];
      const bulk: Planned[] = [];
      for (const p of planned) {
        const c = p.change;
        if (p.unchanged) {
          out.push({ kind: p.kind, id: p.id, result: "unchanged" });
          continue;
        }
        if (p.verdict === "propose") {
          const parts = splitRecord(p.value as object);
          const [rev] = await tx
            .insert(revisions)
            .values({
              entityKind: p.kind,
              entityId: p.id,
              baseVersion: p.current?.meta.version ?? 0,
              action: p.op,
              data: parts.data,
              private: parts.private,
              author: actor.id,
              createdAt: now,
            })
            .returning({ id: revisions.id });
          await appendAudit(
            tx,
            [
              {
                actor: actor.id,
                action: "propose",
                entityKind: p.kind,
                entityId: p.id,
                version: p.current?.meta.version ?? 0,
                changes: [{ field: "revision", after: rev?.id }],
              },
            ],
            now,
          );
          out.push({ kind: p.kind, id: p.id, result: "proposed", ...(rev ? { revision: rev.id } : {}) });
          continue;
        }
        if (c.op === "import") {
          bulk.push(p);
          continue;
        }
        if (c.op === "create") {
          const stored = await writeCreate(tx, p.kind, p.value as never, "draft", actor.id, now);
          if (c.text !== undefined) {
            const copy = (p.value as { copy: { sha256: string; lineCount: number } }).copy;
            await tx.insert(sourceTexts).values({
              sourceId: p.id,
              text: c.text,
              sha256: copy.sha256,
              lineCount: copy.lineCount,
              createdAt: now,
            });
          }
          out.push({ kind: p.kind, id: p.id, result: "created", stored });
        } else if (c.op === "update" || c.op === "merge" || c.op === "revert") {
          const action: AuditAction = c.op === "update" ? "update" : c.op;
          const current = p.current as Stored<EntityTypes[EntityKind]>;
          const stored = await writeUpdate(
            tx,
            p.kind,
            current,
            c.version,
            p.value as never,
            actor.id,
            action,
            now,
          );
          out.push({ kind: p.kind, id: p.id, result: "updated", stored });
        } else if (c.op === "transition" || c.op === "delete" || c.op === "restore") {
          const current = p.current as Stored<EntityTypes[EntityKind]>;
          const set =
            c.op === "transition"
              ? { publicationState: c.to }
              : { deletedAt: c.op === "delete" ? now : null };
          const comment = c.op === "transition" ? c.comment : undefined;
          const stored = await writeMeta(tx, p.kind, current, c.version, set, actor.id, c.op, comment, now);
          out.push({
            kind: p.kind,
            id: p.id,
            result: c.op === "transition" ? "transitioned" : c.op === "delete" ? "deleted" : "restored",
            stored,
          });
        } else if (c.op === "approve" || c.op === "return") {
          const rev = p.revision as typeof revisions.$inferSelect;
          const current = p.current;
          if (c.op === "approve") {
            if (!current || current.meta.version !== rev.baseVersion)
              throw new DomainError(
                "CONFLICT",
                `The ${p.kind} changed since this revision was proposed (version ${rev.baseVersion}, now ${
                  current?.meta.version ?? "gone"
                }): it must be redone on the current record`,
                { current },
              );
            const stored = await writeUpdate(
              tx,
              p.kind,
              current,
              current.meta.version,
              p.value as never,
              actor.id,
              "approve",
              now,
            );
            out.push({ kind: p.kind, id: p.id, result: "approved", stored });
          } else {
            await appendAudit(
              tx,
              [
                {
                  actor: actor.id,
                  action: "return",
                  entityKind: p.kind,
                  entityId: p.id,
                  version: current?.meta.version ?? 0,
                  changes: [
                    { field: "revision", after: rev.id },
                    { field: "comment", after: c.comment },
                  ],
                },
              ],
              now,
            );
            out.push({ kind: p.kind, id: p.id, result: "returned" });
          }
          await tx
            .update(revisions)
            .set({
              state: c.op === "approve" ? "approved" : "returned",
              decidedBy: actor.id,
              decidedAt: now,
              ...(c.comment ? { comment: c.comment } : {}),
            })
            .where(eq(revisions.id, rev.id));
        }
      }
      if (bulk.length) {
        const state = actor.role === "system" ? (opts.importState ?? "draft") : "draft";
        const r = await writeImport(
          tx,
          bulk.map((p) => ({ kind: p.kind, value: p.value as { id: string } })),
          { actor: actor.id, publicationState: state, now },
        );
        written = r.written;
        for (const p of bulk) {
          const o = r.result.outcome[p.id] ?? "unchanged";
          out.push({
            kind: p.kind,
            id: p.id,
            result: o === "create" ? "created" : o === "update" ? "updated" : "unchanged",
          });
        }
      }
      if (opts.dryRun) throw new DryRun(out);
      return out;
    });
    if (written.size) await analyzeAfterImport(db, written);
    return outcomes;
  } catch (e) {
    if (e instanceof DryRun) return e.outcomes;
    throw e;
  } finally {
    dataChanged(db);
  }
}

/** Counts of an import's outcomes, as the import screens and the seed report them. */
export function summarise(outcomes: readonly Outcome[]): Omit<ImportResult, "outcome"> & {
  proposed: number;
  outcome: Record<string, Result>;
} {
  const count = (r: Result) => outcomes.filter((o) => o.result === r).length;
  return {
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    proposed: count("proposed"),
    outcome: Object.fromEntries(outcomes.map((o) => [o.id, o.result])),
  };
}

/**
 * Whole records to import (the seed, a restore of curated data, the bench): each replaces the stored record of
 * its id, or is created. Idempotent: the same records again change nothing.
 */
export function importChanges(
  items: readonly { kind: EntityKind; value: unknown }[],
  opts: { validated?: boolean } = {},
): Change[] {
  return items.map((it) => ({
    op: "import",
    kind: it.kind,
    id: (it.value as { id: string }).id,
    build: () => it.value,
    ...(opts.validated ? { validated: true } : {}),
  }));
}
