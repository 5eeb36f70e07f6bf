import {
  applyChanges,
  auditHistory,
  dashboard,
  findDuplicates,
  getRecord,
  listRecords,
  listRevisions,
  mergePersons,
  verifyAudit,
  type Actor,
  type Change,
  type EntityKind,
  type EntityTypes,
  type Stored,
} from "@registry/db";
import {
  CaseSchema,
  DomainError,
  ENTITY_KINDS,
  EventSchema,
  IdSchema,
  MassEventSchema,
  OfficialSchema,
  OrganisationSchema,
  PersonSchema,
  PublicationStateSchema,
  RecognitionSchema,
  SourceSchema,
} from "@registry/domain";
import { readSourceCopy } from "@registry/dataset";
import { z } from "zod";
import { adminProcedure, editorProcedure, reviewerProcedure, router } from "../trpc.ts";
import { assistantRouter } from "./assistant.ts";
import { importRouter } from "./import.ts";
import { submissionsRouter } from "./submissions.ts";

const Version = z.int().min(1);

const actorOf = (user: { id: string; role: Actor["role"] }): Actor => ({ id: user.id, role: user.role });

/**
 * One change through the pipeline; the record as it is afterwards. An editor's change to a published record is
 * kept as a revision for a reviewer: the record is returned unchanged, with the revision's number.
 */
async function one<T>(
  database: { db: Parameters<typeof applyChanges>[0] },
  user: { id: string; role: Actor["role"] },
  change: Change,
): Promise<Stored<T> & { proposed?: number }> {
  const [o] = await applyChanges(database.db, actorOf(user), [change]);
  if (o?.stored) return o.stored as Stored<T>;
  if (o?.result === "proposed" && "kind" in change && "id" in change) {
    const current = await getRecord(database.db, change.kind, change.id);
    if (current) return { ...(current as Stored<T>), ...(o.revision ? { proposed: o.revision } : {}) };
  }
  throw new DomainError("NOT_FOUND", "Nothing was written");
}
const ByVersion = z.strictObject({ id: IdSchema, version: Version });

/**
 * create/update/delete/restore/transition/get/list/history for one kind of record. Editors write drafts and
 * submit them for review; reviewers publish, archive, delete and restore.
 */
function entityRouter<K extends EntityKind, S extends z.ZodType<EntityTypes[K]>>(kind: K, schema: S) {
  type T = EntityTypes[K];
  // Typed by hand: zod cannot infer an object type over a generic member schema.
  const createInput = z.strictObject({ record: schema }) as unknown as z.ZodType<
    { record: z.output<S> },
    { record: z.input<S> }
  >;
  const updateInput = z.strictObject({
    id: IdSchema,
    version: Version,
    record: schema,
  }) as unknown as z.ZodType<
    { id: string; version: number; record: z.output<S> },
    { id: string; version: number; record: z.input<S> }
  >;
  return router({
    list: editorProcedure
      .input(
        z.strictObject({
          state: PublicationStateSchema.optional(),
          includeDeleted: z.boolean().optional(),
          missing: z.enum(["ru", "kk"]).optional(),
          limit: z.int().min(1).max(500).optional(),
          after: IdSchema.optional(),
          q: z.string().max(200).optional(),
          refersTo: IdSchema.optional(),
        }),
      )
      .query(({ ctx, input }) => listRecords(ctx.database.db, kind, input)),
    get: editorProcedure.input(z.strictObject({ id: IdSchema })).query(async ({ ctx, input }) => {
      const r = await getRecord(ctx.database.db, kind, input.id);
      if (!r) throw new DomainError("NOT_FOUND", `No ${kind} ${input.id}`);
      return r;
    }),
    create: editorProcedure
      .input(createInput)
      .mutation(({ ctx, input }) =>
        one<T>(ctx.database, ctx.user, { op: "create", kind, value: input.record }),
      ),
    // Nothing reaches the public site without review: an editor's change to a published record is a revision.
    update: editorProcedure.input(updateInput).mutation(({ ctx, input }) =>
      one<T>(ctx.database, ctx.user, {
        op: "update",
        kind,
        id: input.id,
        version: input.version,
        value: input.record,
      }),
    ),
    submit: editorProcedure.input(ByVersion).mutation(({ ctx, input }) =>
      one<T>(ctx.database, ctx.user, {
        op: "transition",
        kind,
        id: input.id,
        version: input.version,
        to: "in-review",
      }),
    ),
    transition: reviewerProcedure
      .input(
        z.strictObject({
          id: IdSchema,
          version: Version,
          to: PublicationStateSchema,
          comment: z.string().trim().max(2000).optional(),
        }),
      )
      .mutation(({ ctx, input }) =>
        one<T>(ctx.database, ctx.user, {
          op: "transition",
          kind,
          id: input.id,
          version: input.version,
          to: input.to,
          ...(input.comment ? { comment: input.comment } : {}),
        }),
      ),
    delete: reviewerProcedure.input(ByVersion).mutation(({ ctx, input }) =>
      one<T>(ctx.database, ctx.user, {
        op: "delete",
        kind,
        id: input.id,
        version: input.version,
      }),
    ),
    restore: reviewerProcedure.input(ByVersion).mutation(({ ctx, input }) =>
      one<T>(ctx.database, ctx.user, {
        op: "restore",
        kind,
        id: input.id,
        version: input.version,
      }),
    ),
    history: editorProcedure
      .input(z.strictObject({ id: IdSchema }))
      .query(({ ctx, input }) => auditHistory(ctx.database.db, kind, input.id)),
    restoreVersion: editorProcedure
      .input(z.strictObject({ id: IdSchema, version: Version, toVersion: Version }))
      .mutation(({ ctx, input }) =>
        one<T>(ctx.database, ctx.user, {
          op: "revert",
          kind,
          id: input.id,
          version: input.version,
          toVersion: input.toVersion,
        }),
      ),
  });
}

const personsRouter = router({
  ...entityRouter("person", PersonSchema)._def.record,
  duplicates: editorProcedure
    .input(z.strictObject({ names: z.array(z.string().max(300)).max(60), excludeId: IdSchema.optional() }))
    .query(({ ctx, input }) => findDuplicates(ctx.database.db, input.names, input.excludeId)),
  merge: reviewerProcedure
    .input(
      z.strictObject({ keepId: IdSchema, keepVersion: Version, mergeId: IdSchema, mergeVersion: Version }),
    )
    .mutation(({ ctx, input }) =>
      mergePersons(
        ctx.database.db,
        actorOf(ctx.user),
        input.keepId,
        input.keepVersion,
        input.mergeId,
        input.mergeVersion,
      ),
    ),
});

/**
 * Editors' changes to published records, waiting for a reviewer: reviewers see the queue and decide; editors see
 * their own revisions and the comments they were returned with (their inbox).
 */
const revisionsRouter = router({
  list: editorProcedure
    .input(
      z.strictObject({
        /** "queue": every pending revision (reviewers); "mine": the caller's own, in any state. */
        view: z.enum(["queue", "mine"]),
        kind: z.enum(ENTITY_KINDS as [EntityKind, ...EntityKind[]]).optional(),
        entityId: IdSchema.optional(),
      }),
    )
    .query(({ ctx, input }) =>
      listRevisions(ctx.database.db, {
        ...(input.view === "queue" ? { state: "pending" as const } : { author: ctx.user.id }),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.entityId ? { entityId: input.entityId } : {}),
      }),
    ),
  approve: reviewerProcedure
    .input(z.strictObject({ id: z.int().min(1), comment: z.string().trim().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => {
      const [o] = await applyChanges(ctx.database.db, actorOf(ctx.user), [
        { op: "approve", revision: input.id, ...(input.comment ? { comment: input.comment } : {}) },
      ]);
      return { result: o?.result ?? "approved" };
    }),
  return: reviewerProcedure
    .input(z.strictObject({ id: z.int().min(1), comment: z.string().trim().min(1).max(2000) }))
    .mutation(async ({ ctx, input }) => {
      const [o] = await applyChanges(ctx.database.db, actorOf(ctx.user), [
        { op: "return", revision: input.id, comment: input.comment },
      ]);
      return { result: o?.result ?? "returned" };
    }),
});

export const adminRouter = router({
  dashboard: editorProcedure.query(({ ctx }) => dashboard(ctx.database.db)),
  revisions: revisionsRouter,
  import: importRouter,
  assistant: assistantRouter,
  submissions: submissionsRouter,
  persons: personsRouter,
  cases: entityRouter("case", CaseSchema),
  events: entityRouter("event", EventSchema),
  officials: entityRouter("official", OfficialSchema),
  organisations: entityRouter("organisation", OrganisationSchema),
  sources: router({
    ...entityRouter("source", SourceSchema)._def.record,
    /** The project's working copy of the source's text, one entry per line, for the citation picker. */
    copy: editorProcedure.input(z.strictObject({ id: IdSchema })).query(async ({ ctx, input }) => {
      const s = await getRecord(ctx.database.db, "source", input.id);
      if (!s) throw new DomainError("NOT_FOUND", `No source ${input.id}`);
      const file = s.value.copy?.file;
      const copy = file ? readSourceCopy(file) : undefined;
      return copy ? { lines: copy.lines } : null;
    }),
  }),
  recognitions: entityRouter("recognition", RecognitionSchema),
  massEvents: entityRouter("mass-event", MassEventSchema),
  audit: router({
    verify: adminProcedure
      .input(z.strictObject({}).optional())
      .query(({ ctx }) => verifyAudit(ctx.database.db)),
  }),
});
