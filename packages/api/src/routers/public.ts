import {
  getPublicDossier,
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
  publicDossiersBySlug,
  publicPersonChangesBySlug,
  publicTimeline,
  listPublicRecognitions,
} from "@registry/db";
import { DomainError, parseAsOfDay, PUBLIC_API, type PublicProcedure } from "@registry/domain";
import type { OpenApiMeta } from "trpc-to-openapi";
import { publicProcedure, router } from "../trpc.ts";

export { PersonFiltersSchema } from "@registry/domain";

/** The day a query is for: today, or a past day asked for; a future or impossible day is a bad request. */
function dayOf(asOf: string | undefined, today: string): string {
  const r = parseAsOfDay(asOf, today);
  if (!r.ok) throw new DomainError("VALIDATION", r.message);
  return r.day;
}

const notFound = (what: string) => new DomainError("NOT_FOUND", `No such ${what}`);

/** Where the contract (`PUBLIC_API` of the domain) says a procedure answers as REST, under /api/v1. */
function rest(name: PublicProcedure): OpenApiMeta {
  const { method, path, summary, tag } = PUBLIC_API[name];
  return { openapi: { method, path, summary, tags: [tag], protect: false, errorResponses: [400, 404] } };
}

/**
 * Read-only: every input and `.output()` is the domain's public API contract (PUBLIC_API), so the output strips
 * anything else; `@registry/client` is typed by the same contract, and a type test holds the two together.
 */
export const publicRouter = router({
  persons: publicProcedure
    .meta(rest("persons"))
    .input(PUBLIC_API.persons.input)
    .output(PUBLIC_API.persons.output)
    .query(({ ctx, input }) => {
      const { asOf, ...filters } = input;
      return listPublicPersons(ctx.database.db, filters, dayOf(asOf, ctx.today()));
    }),

  person: publicProcedure
    .meta(rest("person"))
    .input(PUBLIC_API.person.input)
    .output(PUBLIC_API.person.output)
    .query(async ({ ctx, input }) => {
      const d = await getPublicDossier(ctx.database.db, input.slug, dayOf(input.asOf, ctx.today()));
      if (!d) throw notFound("person");
      return d;
    }),

  personChanges: publicProcedure
    .meta(rest("personChanges"))
    .input(PUBLIC_API.personChanges.input)
    .output(PUBLIC_API.personChanges.output)
    .query(({ ctx, input }) => publicPersonChanges(ctx.database.db, input.slug)),

  /**
   * Person pages' data for many persons at once (dossier and recent public changes), for rendering pages ahead of
   * readers: fifty dossiers cost a few queries instead of a few hundred. The same data as `person` and
   * `personChanges`; slugs that are not published persons are left out.
   */
  personPages: publicProcedure
    .meta(rest("personPages"))
    .input(PUBLIC_API.personPages.input)
    .output(PUBLIC_API.personPages.output)
    .query(async ({ ctx, input }) => {
      const slugs = input.slugs.split(",");
      const [dossiers, changes] = await Promise.all([
        publicDossiersBySlug(ctx.database.db, slugs, ctx.today()),
        publicPersonChangesBySlug(ctx.database.db, slugs),
      ]);
      return dossiers.map((dossier) => ({ dossier, changes: changes.get(dossier.person.slug) ?? [] }));
    }),

  /** Changes whenever published data may have changed: lets the public site reuse rendered pages. */
  version: publicProcedure
    .meta(rest("version"))
    .input(PUBLIC_API.version.input)
    .output(PUBLIC_API.version.output)
    .query(async ({ ctx }) => ({ version: await dataVersion(ctx.database.db) })),

  /** The published persons curators changed most recently (not the loads of the curated data), newest first. */
  recentChanges: publicProcedure
    .meta(rest("recentChanges"))
    .input(PUBLIC_API.recentChanges.input)
    .output(PUBLIC_API.recentChanges.output)
    .query(({ ctx, input }) => recentCuratorChanges(ctx.database.db, input?.limit ?? 10)),

  /**
   * What changed on the public site since a version: the slugs of the published persons whose pages may differ,
   * or `all`. Lets the site drop only those of its precomputed pages (lists and totals are always redone).
   */
  changes: publicProcedure
    .meta(rest("changes"))
    .input(PUBLIC_API.changes.input)
    .output(PUBLIC_API.changes.output)
    .query(({ ctx, input }) => publicChangesSince(ctx.database.db, input.after)),

  statistics: publicProcedure
    .meta(rest("statistics"))
    .input(PUBLIC_API.statistics.input)
    .output(PUBLIC_API.statistics.output)
    .query(({ ctx, input }) => publicStatistics(ctx.database.db, dayOf(input?.asOf, ctx.today()))),

  /** Political prisoners and other persecuted persons per month and on each source's day (the chart). */
  timeline: publicProcedure
    .meta(rest("timeline"))
    .input(PUBLIC_API.timeline.input)
    .output(PUBLIC_API.timeline.output)
    .query(({ ctx }) => publicTimeline(ctx.database.db, ctx.today())),

  /** Every international decision and recommendation about published persons, newest first. */
  recognitions: publicProcedure
    .meta(rest("recognitions"))
    .input(PUBLIC_API.recognitions.input)
    .output(PUBLIC_API.recognitions.output)
    .query(({ ctx }) => listPublicRecognitions(ctx.database.db)),

  officials: publicProcedure
    .meta(rest("officials"))
    .input(PUBLIC_API.officials.input)
    .output(PUBLIC_API.officials.output)
    .query(({ ctx }) => listPublicOfficials(ctx.database.db)),

  official: publicProcedure
    .meta(rest("official"))
    .input(PUBLIC_API.official.input)
    .output(PUBLIC_API.official.output)
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
    .meta(rest("massEvents"))
    .input(PUBLIC_API.massEvents.input)
    .output(PUBLIC_API.massEvents.output)
    .query(({ ctx }) => listPublicMassEvents(ctx.database.db)),

  massEvent: publicProcedure
    .meta(rest("massEvent"))
    .input(PUBLIC_API.massEvent.input)
    .output(PUBLIC_API.massEvent.output)
    .query(async ({ ctx, input }) => {
      const massEvent = await getPublicMassEvent(ctx.database.db, input.slug);
      if (!massEvent) throw notFound("event");
      return { massEvent, detainees: await publicPersonRefs(ctx.database.db, massEvent.detainees) };
    }),

  sources: publicProcedure
    .meta(rest("sources"))
    .input(PUBLIC_API.sources.input)
    .output(PUBLIC_API.sources.output)
    .query(({ ctx }) => listPublicSources(ctx.database.db)),

  organisations: publicProcedure
    .meta(rest("organisations"))
    .input(PUBLIC_API.organisations.input)
    .output(PUBLIC_API.organisations.output)
    .query(({ ctx }) => listPublicOrganisations(ctx.database.db)),
});
