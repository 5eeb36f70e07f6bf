import { randomBytes } from "node:crypto";
import {
  applyChanges,
  getRecord,
  getSubmission,
  listSubmissions,
  personIdBySlug,
  submissionIsOpen,
  triageSubmission,
  uniqueSlugs,
  type SubmissionRow,
} from "@registry/db";
import {
  DomainError,
  slugify,
  SubmissionAcceptSchema,
  SubmissionStatusSchema,
  SubmissionTriageSchema,
  type Person,
} from "@registry/domain";
import { z } from "zod";
import { editorProcedure, reviewerProcedure, router } from "../trpc.ts";

const newId = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;

async function open(db: Parameters<typeof getSubmission>[0], id: number): Promise<SubmissionRow> {
  const s = await getSubmission(db, id);
  if (!s) throw new DomainError("NOT_FOUND", `No submission ${id}`);
  if (!submissionIsOpen(s.status))
    throw new DomainError("CONFLICT", `Submission ${id} is already ${s.status}`);
  return s;
}

/** The reader's words as a private note of the record, marked as theirs (the contact stays in the inbox). */
function noteOf(s: SubmissionRow, previous?: string): string {
  const lines = [
    `Reader's ${s.kind} #${s.id} (${s.createdAt.slice(0, 10)}, ${s.language}): ${s.text}`,
    ...(s.source ? [`Reader's source: ${s.source}`] : []),
  ];
  return [previous, lines.join("\n")].filter(Boolean).join("\n\n");
}

/**
 * The inbox of readers' submissions (ADR 021). Curators read and reply; reviewers discard. Accepting writes a
 * draft change through the write pipeline: a correction becomes a note in the person's private notes (a revision
 * for a reviewer when an editor accepts it for a published person), a new case a new draft person. Nothing is
 * published by accepting.
 */
export const submissionsRouter = router({
  list: editorProcedure
    .input(z.strictObject({ status: SubmissionStatusSchema.optional() }))
    .query(({ ctx, input }) => listSubmissions(ctx.database.db, input)),
  get: editorProcedure.input(z.strictObject({ id: z.int().min(1) })).query(async ({ ctx, input }) => {
    const s = await getSubmission(ctx.database.db, input.id);
    if (!s) throw new DomainError("NOT_FOUND", `No submission ${input.id}`);
    return s;
  }),
  reply: editorProcedure
    .input(SubmissionTriageSchema.omit({ status: true }))
    .mutation(({ ctx, input }) =>
      triageSubmission(ctx.database.db, ctx.user, { id: input.id, status: "replied", note: input.note }),
    ),
  discard: reviewerProcedure
    .input(SubmissionTriageSchema.omit({ status: true }))
    .mutation(({ ctx, input }) =>
      triageSubmission(ctx.database.db, ctx.user, { id: input.id, status: "discarded", note: input.note }),
    ),
  accept: editorProcedure.input(SubmissionAcceptSchema).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const s = await open(db, input.id);
    const actor = { id: ctx.user.id, role: ctx.user.role };
    const personId = s.kind === "correction" && s.personSlug ? await personIdBySlug(db, s.personSlug) : null;
    let recordId: string;
    let result: string;
    let submission: Awaited<ReturnType<typeof triageSubmission>> | undefined;
    // The submission is marked accepted in the pipeline's transaction: both are written or neither is (a second
    // accept of the same submission is a conflict and leaves no second draft).
    const alongside = async (tx: typeof db) => {
      submission = await triageSubmission(tx, ctx.user, {
        id: s.id,
        status: "accepted",
        note: input.note,
        recordId,
      });
    };
    if (personId) {
      const current = await getRecord(db, "person", personId);
      if (!current) throw new DomainError("NOT_FOUND", `No person ${s.personSlug}`);
      const person = current.value;
      const value: Person = {
        ...person,
        private: { ...person.private, internalNotes: noteOf(s, person.private.internalNotes) },
      };
      recordId = personId;
      const [o] = await applyChanges(
        db,
        actor,
        [{ op: "update", kind: "person", id: personId, version: current.meta.version, value }],
        { alongside },
      );
      result = o?.result ?? "updated";
    } else {
      if (!input.name)
        throw new DomainError("VALIDATION", "Give the new person's name (in Latin script)", {
          fields: { formErrors: [], fieldErrors: { name: ["Required"] } },
        });
      const id = newId("p");
      const slug = (await uniqueSlugs(db, "person", [{ id, base: slugify(input.name) }])).get(id) ?? id;
      recordId = id;
      const [o] = await applyChanges(
        db,
        actor,
        [
          {
            op: "create",
            kind: "person",
            value: {
              id,
              slug,
              names: [{ text: input.name, script: "latin", primary: true }],
              private: { internalNotes: noteOf(s) },
            },
          },
        ],
        { alongside },
      );
      result = o?.result ?? "created";
    }
    if (!submission) throw new Error("the submission was not marked accepted");
    return { submission, recordId, result };
  }),
});
