import {
  dashboard,
  findDuplicates,
  mergePersons,
  restoreVersion,
  auditHistory,
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  restoreRecord,
  transitionRecord,
  updateRecord,
  verifyAudit,
  type EntityKind,
} from "@registry/db";
import {
  CaseSchema,
  DomainError,
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
import { z } from "zod";
import { adminProcedure, editorProcedure, reviewerProcedure, router } from "../trpc.ts";
import { importRouter } from "./import.ts";

const Version = z.int().min(1);
const ByVersion = z.strictObject({ id: IdSchema, version: Version });

/**
 * create/update/delete/restore/transition/get/list/history for one kind of record. Editors write drafts and
 * submit them for review; reviewers publish, archive, delete and restore.
 */
function entityRouter<S extends z.ZodType>(kind: EntityKind, schema: S) {
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
          limit: z.int().min(1).max(500).optional(),
          after: IdSchema.optional(),
          q: z.string().max(200).optional(),
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
        createRecord(ctx.database.db, kind, input.record, { actor: ctx.user.id }),
      ),
    update: editorProcedure.input(updateInput).mutation(async ({ ctx, input }) => {
      // Nothing reaches the public site without review: a published record is changed by a reviewer only.
      const current = await getRecord(ctx.database.db, kind, input.id);
      if (current?.meta.publicationState === "published" && ctx.user.role === "editor") {
        throw new DomainError(
          "FORBIDDEN",
          "This record is published: a reviewer must make or approve changes to it",
        );
      }
      return updateRecord(ctx.database.db, kind, input.id, input.version, input.record, {
        actor: ctx.user.id,
      });
    }),
    submit: editorProcedure
      .input(ByVersion)
      .mutation(({ ctx, input }) =>
        transitionRecord(ctx.database.db, kind, input.id, input.version, "in-review", ctx.user.id),
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
        transitionRecord(
          ctx.database.db,
          kind,
          input.id,
          input.version,
          input.to,
          ctx.user.id,
          input.comment,
        ),
      ),
    delete: reviewerProcedure
      .input(ByVersion)
      .mutation(({ ctx, input }) =>
        deleteRecord(ctx.database.db, kind, input.id, input.version, ctx.user.id),
      ),
    restore: reviewerProcedure
      .input(ByVersion)
      .mutation(({ ctx, input }) =>
        restoreRecord(ctx.database.db, kind, input.id, input.version, ctx.user.id),
      ),
    history: editorProcedure
      .input(z.strictObject({ id: IdSchema }))
      .query(({ ctx, input }) => auditHistory(ctx.database.db, kind, input.id)),
    restoreVersion: editorProcedure
      .input(z.strictObject({ id: IdSchema, version: Version, toVersion: Version }))
      .mutation(({ ctx, input }) =>
        restoreVersion(ctx.database.db, kind, input.id, input.version, input.toVersion, ctx.user.id),
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
        input.keepId,
        input.keepVersion,
        input.mergeId,
        input.mergeVersion,
        ctx.user.id,
      ),
    ),
});

export const adminRouter = router({
  dashboard: editorProcedure.query(({ ctx }) => dashboard(ctx.database.db)),
  import: importRouter,
  persons: personsRouter,
  cases: entityRouter("case", CaseSchema),
  events: entityRouter("event", EventSchema),
  officials: entityRouter("official", OfficialSchema),
  organisations: entityRouter("organisation", OrganisationSchema),
  sources: entityRouter("source", SourceSchema),
  recognitions: entityRouter("recognition", RecognitionSchema),
  massEvents: entityRouter("mass-event", MassEventSchema),
  audit: router({
    verify: adminProcedure
      .input(z.strictObject({}).optional())
      .query(({ ctx }) => verifyAudit(ctx.database.db)),
  }),
});
