import { SubmissionInputSchema, DomainError, type SubmissionStatus } from "@registry/domain";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { appendAudit, REDACTED, type FieldChange } from "./audit.ts";
import type { Db } from "./db.ts";
import { persons, submissions } from "./schema.ts";

/**
 * Readers' submissions (ADR 021): the one intake outside the write pipeline. They are not records of the
 * registry and publish nothing, so they do not go through `applyChanges`; but they are validated by the domain's
 * schema here, and every arrival and every triage is an entry of the audit chain that names the fields and never
 * their values. Nothing in the public queries reads this table.
 */
export type SubmissionRow = typeof submissions.$inferSelect;

/** The audit entity kind of submissions: not an entity kind of the registry, so no public change log shows it. */
const KIND = "submission";

const named = (fields: Record<string, unknown>): FieldChange[] =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => ({ field: `private.${k}`, after: REDACTED }));

/**
 * Stores a reader's submission after validating it; its id. The audit entry is written by the `public` actor.
 * `formNonce` (the nonce of the form's token) makes a form single-use: a second post of the same form (a double
 * click, a replay) stores nothing and returns null.
 */
export async function receiveSubmission(
  db: Db,
  input: unknown,
  at = new Date().toISOString(),
  formNonce?: string,
): Promise<number | null> {
  const r = SubmissionInputSchema.safeParse(input);
  if (!r.success) {
    const fieldErrors: Record<string, string[]> = {};
    const formErrors: string[] = [];
    for (const issue of r.error.issues) {
      const key = issue.path.join(".");
      if (key) (fieldErrors[key] ??= []).push(issue.message);
      else formErrors.push(issue.message);
    }
    throw new DomainError("VALIDATION", "The submission is not valid", {
      fields: { formErrors, fieldErrors },
    });
  }
  const s = r.data;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .insert(submissions)
      .values({
        createdAt: at,
        kind: s.kind,
        personSlug: s.personSlug ?? null,
        text: s.text,
        source: s.source ?? null,
        contact: s.contact ?? null,
        language: s.language,
        formNonce: formNonce ?? null,
      })
      .onConflictDoNothing({ target: submissions.formNonce })
      .returning({ id: submissions.id });
    if (!row) return null;
    const id = row.id;
    await appendAudit(
      tx,
      [
        {
          actor: "public",
          action: "receive",
          entityKind: KIND,
          entityId: String(id),
          version: 1,
          changes: named({
            kind: s.kind,
            personSlug: s.personSlug,
            text: s.text,
            source: s.source,
            contact: s.contact,
          }),
        },
      ],
      at,
    );
    return id;
  });
}

/** The inbox, newest first. */
export async function listSubmissions(
  db: Db,
  opts: { status?: SubmissionStatus; limit?: number } = {},
): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(submissions)
    .where(opts.status ? eq(submissions.status, opts.status) : undefined)
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(opts.limit ?? 200);
}

export async function getSubmission(db: Db, id: number): Promise<SubmissionRow | null> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
  return row ?? null;
}

/** The statuses a submission may still be decided from: accepted and discarded are final. */
const OPEN: SubmissionStatus[] = ["new", "replied"];

/**
 * A curator's decision: replied, discarded, or accepted (into `recordId`, after the draft was written through the
 * pipeline). Audited by the curator. A submission already accepted or discarded is a conflict.
 */
export async function triageSubmission(
  db: Db,
  actor: { id: string },
  decision: {
    id: number;
    status: Exclude<SubmissionStatus, "new">;
    note?: string | undefined;
    recordId?: string;
  },
  at = new Date().toISOString(),
): Promise<SubmissionRow> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [before] = await tx.select().from(submissions).where(eq(submissions.id, decision.id)).for("update");
    if (!before) throw new DomainError("NOT_FOUND", `No submission ${decision.id}`);
    const [after] = await tx
      .update(submissions)
      .set({
        status: decision.status,
        triagedBy: actor.id,
        triagedAt: at,
        ...(decision.note !== undefined ? { triageNote: decision.note } : {}),
        ...(decision.recordId ? { recordId: decision.recordId } : {}),
      })
      .where(and(eq(submissions.id, decision.id), inArray(submissions.status, OPEN)))
      .returning();
    if (!after) throw new DomainError("CONFLICT", `Submission ${decision.id} is already ${before.status}`);
    await appendAudit(
      tx,
      [
        {
          actor: actor.id,
          action: "triage",
          entityKind: KIND,
          entityId: String(decision.id),
          version: 1,
          changes: [
            { field: "private.status", before: before.status, after: decision.status },
            ...named({ triageNote: decision.note, recordId: decision.recordId }),
          ],
        },
      ],
      at,
    );
    return after;
  });
}

/** Whether a submission may still be decided. */
export const isOpen = (status: string): boolean => (OPEN as string[]).includes(status);

/** The id of the person with this slug, in any state but deleted (a correction names a public slug). */
export async function personIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.slug, slug), isNull(persons.deletedAt)));
  return row?.id ?? null;
}
