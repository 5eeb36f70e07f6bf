import {
  getPublicDossier,
  publicDossiersBySlug,
  publicPersonChangesBySlug,
  getPublicMassEvent,
  getPublicOfficial,
  listPublicMassEvents,
  listPublicOfficials,
  listPublicOrganisations,
  listPublicPersons,
  listPublicSources,
  publicPersonRefs,
  publicPersonChanges,
  dataVersion,
  publicChangesSince,
  recentCuratorChanges,
  publicStatistics,
  publicTimeline,
  listPublicRecognitions,
  SORTS,
} from "@registry/db";
import {
  DomainError,
  GenderSchema,
  parseAsOfDay,
  IdSchema,
  PersonDossierSchema,
  PersonListItemSchema,
  PersonListSchema,
  PersonRefSchema,
  PublicMassEventSchema,
  PublicOfficialSchema,
  PublicOrganisationSchema,
  PublicSourceSchema,
  RecognitionEntrySchema,
  RegionSchema,
  SENTENCE_KINDS,
  SlugSchema,
  StatisticsSchema,
  TimelineSchema,
  StatusSchema,
} from "@registry/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";

export const PersonFiltersSchema = z.strictObject({
  q: z.string().max(200).optional(),
  status: StatusSchema.optional(),
  list: PersonListSchema.optional(),
  article: z
    .string()
    .regex(/^(?:(?:criminal|administrative|civil):)?\d{1,4}$/)
    .optional(),
  region: RegionSchema.optional(),
  year: z.int().min(1900).max(2100).optional(),
  organisation: IdSchema.optional(),
  source: IdSchema.optional(),
  gender: GenderSchema.optional(),
  sentence: z.enum(SENTENCE_KINDS).optional(),
  /** Only persons whose persecution is recorded by the day (a status period covers it). */
  recorded: z.boolean().optional(),
  sort: z.enum(SORTS).optional(),
  limit: z.int().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  /** Rows to skip, for numbered pages (ignored with a cursor). */
  offset: z.int().min(0).max(100_000).optional(),
  /** A past day (YYYY-MM-DD): the list as of that day, from the facts certain by then. */
  asOf: z.string().max(40).optional(),
});

/** The day a query is for: today, or a past day asked for; a future or impossible day is a bad request. */
function dayOf(asOf: string | undefined, today: string): string {
  const r = parseAsOfDay(asOf, today);
  if (!r.ok) throw new DomainError("VALIDATION", r.message);
  return r.day;
}

/** A public change of a person's record: when, and which public fields. */
const PersonChangeSchema = z.object({ at: z.iso.datetime(), fields: z.array(z.string()) });

const notFound = (what: string) => new DomainError("NOT_FOUND", `No such ${what}`);

/** Read-only: everything here returns public schemas only (the `.output()` strips anything else). */
export const publicRouter = router({
  persons: publicProcedure
    .input(PersonFiltersSchema)
    .output(z.object({ items: z.array(PersonListItemSchema), next: z.string().nullable(), total: z.int() }))
    .query(({ ctx, input }) => {
      const { asOf, ...filters } = input;
      return listPublicPersons(ctx.database.db, filters, dayOf(asOf, ctx.today()));
    }),

  person: publicProcedure
    .input(z.strictObject({ slug: SlugSchema, asOf: z.string().max(40).optional() }))
    .output(PersonDossierSchema)
    .query(async ({ ctx, input }) => {
      const d = await getPublicDossier(ctx.database.db, input.slug, dayOf(input.asOf, ctx.today()));
      if (!d) throw notFound("person");
      return d;
    }),

  personChanges: publicProcedure
    .input(z.strictObject({ slug: SlugSchema }))
    .output(z.array(PersonChangeSchema))
    .query(({ ctx, input }) => publicPersonChanges(ctx.database.db, input.slug)),

  /**
   * Person pages' data for many persons at once (dossier and recent public changes), for rendering pages ahead of
   * readers: a hundred dossiers cost a few queries instead of a few hundred. The same data as `person` and
   * `personChanges`; slugs that are not published persons are left out.
   */
  personPages: publicProcedure
    .input(z.strictObject({ slugs: z.array(SlugSchema).min(1).max(100) }))
    .output(z.array(z.object({ dossier: PersonDossierSchema, changes: z.array(PersonChangeSchema) })))
    .query(async ({ ctx, input }) => {
      const [dossiers, changes] = await Promise.all([
        publicDossiersBySlug(ctx.database.db, input.slugs, ctx.today()),
        publicPersonChangesBySlug(ctx.database.db, input.slugs),
      ]);
      return dossiers.map((dossier) => ({ dossier, changes: changes.get(dossier.person.slug) ?? [] }));
    }),

  /** Changes whenever published data may have changed: lets the public site reuse rendered pages. */
  version: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.object({ version: z.int() }))
    .query(async ({ ctx }) => ({ version: await dataVersion(ctx.database.db) })),

  /** The published persons curators changed most recently (not the loads of the curated data), newest first. */
  recentChanges: publicProcedure
    .input(z.strictObject({ limit: z.int().min(1).max(50).optional() }).optional())
    .output(z.array(PersonRefSchema.extend({ changedAt: z.iso.datetime() })))
    .query(({ ctx, input }) => recentCuratorChanges(ctx.database.db, input?.limit ?? 10)),

  /**
   * What changed on the public site since a version: the slugs of the published persons whose pages may differ,
   * or `all`. Lets the site drop only those of its precomputed pages (lists and totals are always redone).
   */
  changes: publicProcedure
    .input(z.strictObject({ after: z.int().min(0).max(Number.MAX_SAFE_INTEGER) }))
    .output(z.object({ version: z.int(), all: z.boolean(), slugs: z.array(SlugSchema) }))
    .query(({ ctx, input }) => publicChangesSince(ctx.database.db, input.after)),

  statistics: publicProcedure
    .input(z.strictObject({ asOf: z.string().max(40).optional() }).optional())
    .output(StatisticsSchema)
    .query(({ ctx, input }) => publicStatistics(ctx.database.db, dayOf(input?.asOf, ctx.today()))),

  /** Political prisoners and other persecuted persons per month and on each source's day (the over-time chart). */
  timeline: publicProcedure
    .input(z.strictObject({}).optional())
    .output(TimelineSchema)
    .query(({ ctx }) => publicTimeline(ctx.database.db, ctx.today())),

  /** Every international decision and recommendation about published persons, newest first. */
  recognitions: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(RecognitionEntrySchema))
    .query(({ ctx }) => listPublicRecognitions(ctx.database.db)),

  officials: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(PublicOfficialSchema))
    .query(({ ctx }) => listPublicOfficials(ctx.database.db)),

  official: publicProcedure
    .input(z.strictObject({ slug: SlugSchema }))
    .output(z.object({ official: PublicOfficialSchema, persons: z.array(PersonRefSchema) }))
    .query(async ({ ctx, input }) => {
      const official = await getPublicOfficial(ctx.database.db, input.slug);
      if (!official) throw notFound("official");
      const persons = await publicPersonRefs(
        ctx.database.db,
        official.involvements.flatMap((i) => i.persons),
      );
      return { official, persons };
    }),

  massEvents: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(PublicMassEventSchema))
    .query(({ ctx }) => listPublicMassEvents(ctx.database.db)),

  massEvent: publicProcedure
    .input(z.strictObject({ slug: SlugSchema }))
    .output(z.object({ massEvent: PublicMassEventSchema, detainees: z.array(PersonRefSchema) }))
    .query(async ({ ctx, input }) => {
      const massEvent = await getPublicMassEvent(ctx.database.db, input.slug);
      if (!massEvent) throw notFound("event");
      return { massEvent, detainees: await publicPersonRefs(ctx.database.db, massEvent.detainees) };
    }),

  sources: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(PublicSourceSchema))
    .query(({ ctx }) => listPublicSources(ctx.database.db)),

  organisations: publicProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(PublicOrganisationSchema))
    .query(({ ctx }) => listPublicOrganisations(ctx.database.db)),
});
