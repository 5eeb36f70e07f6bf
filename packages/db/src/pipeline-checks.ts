import { DomainError, referencesOf, type FieldErrors } from "@registry/domain";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "./db.ts";
import type { Planned } from "./pipeline-types.ts";
import { validate } from "./repo.ts";
import { revisions, tableOf, type EntityKind } from "./schema.ts";

// The pipeline's checks (pipeline.ts): permissions refused in words, references, a source's text, import rows.

export async function pendingRevisions(tx: Db, kind: EntityKind, id: string) {
  return tx
    .select()
    .from(revisions)
    .where(and(eq(revisions.entityKind, kind), eq(revisions.entityId, id), eq(revisions.state, "pending")));
}

export function refuse(
  verdict: { deny: string; code: "FORBIDDEN" | "NOT_FOUND" | "INVALID_TRANSITION" },
  what: string,
) {
  return new DomainError(verdict.code, `${verdict.deny} (${what})`);
}

/**
 * Every reference of the records about to be written or proposed must exist (and not be deleted), or be created
 * in the same batch. Errors name the field, e.g. `names.0.citations.0.source`.
 */
export async function checkReferences(tx: Db, planned: readonly Planned[]): Promise<void> {
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

export async function loadRevision(tx: Db, id: number) {
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
export function checkText(kind: EntityKind, value: unknown, text: string): void {
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
export function validateNamed(kind: EntityKind, id: string, input: unknown) {
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
