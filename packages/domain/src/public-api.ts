import { z } from "zod";
import { IdSchema, RegionSchema, SlugSchema } from "./common.ts";
import { PersonListSchema } from "./lists.ts";
import { PublicMassEventSchema } from "./mass-event.ts";
import { PublicOfficialSchema } from "./official.ts";
import { PublicOrganisationSchema } from "./organisation.ts";
import { GenderSchema } from "./person.ts";
import {
  PersonDossierSchema,
  PersonListItemSchema,
  PersonRefSchema,
  RecognitionEntrySchema,
  StatisticsSchema,
  TimelineSchema,
} from "./public.ts";
import { SENTENCE_KINDS } from "./case.ts";
import { PublicSourceSchema } from "./source.ts";
import { StatusSchema } from "./status.ts";

/**
 * The public API's contract: every public read, its input and its output, as zod schemas. The server's public
 * router is built from these (its `.input()` and `.output()`), the REST endpoints and their OpenAPI document are
 * generated from that router, and `@registry/client` types its calls with them. Nothing private is in any output.
 */

/** Where the REST API answers, under the registry's address: a change that breaks a caller needs /api/v2. */
export const PUBLIC_API_BASE = "/api/v1";

/** How a list of persons may be ordered: by name, most recently changed, or longest held. */
export const PERSON_SORTS = ["name", "recent", "since"] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

/** A day as `?asOf=` takes it: YYYY-MM-DD, not in the future (checked by the server against its today). */
const AsOfSchema = z
  .string()
  .max(40)
  .describe("A past day (YYYY-MM-DD): the answer as of that day, from the facts certain by then");

export const PersonFiltersSchema = z.strictObject({
  q: z
    .string()
    .max(200)
    .describe("Name search: any spelling, Latin or Cyrillic, whole or partial")
    .optional(),
  status: StatusSchema.describe("Only persons with this status").optional(),
  list: PersonListSchema.describe("Only persons on this list").optional(),
  article: z
    .string()
    .regex(/^(?:(?:criminal|administrative|civil):)?\d{1,4}$/)
    .describe("Only persons charged under this article, e.g. 174 or criminal:405")
    .optional(),
  region: RegionSchema.describe("Only persons from this region").optional(),
  year: z.int().min(1900).max(2100).describe("Only persons persecuted in this year").optional(),
  organisation: IdSchema.describe("Only persons linked to this organisation (its id)").optional(),
  source: IdSchema.describe("Only persons this source (its id) reports on").optional(),
  gender: GenderSchema.describe("Only persons of this gender").optional(),
  sentence: z.enum(SENTENCE_KINDS).describe("Only persons given a sentence of this kind").optional(),
  recorded: z
    .boolean()
    .describe("Only persons whose persecution is recorded by the day (a status period covers it)")
    .optional(),
  sort: z
    .enum(PERSON_SORTS)
    .describe("Order: name (default), recent (changed), since (held longest)")
    .optional(),
  limit: z.int().min(1).max(200).describe("Persons per page (default 50, at most 200)").optional(),
  cursor: z.string().max(500).describe("The `next` of the previous page").optional(),
  offset: z
    .int()
    .min(0)
    .max(100_000)
    .describe("Persons to skip, for numbered pages (ignored with a cursor)")
    .optional(),
  asOf: AsOfSchema.optional(),
});
export type PersonFilters = z.input<typeof PersonFiltersSchema>;

const NoInput = z.strictObject({}).optional();
const BySlug = z.strictObject({ slug: SlugSchema.describe("The record's slug, as in its address") });
const ChangedAt = z.iso.datetime();

/** One public procedure: its HTTP address under `/api/v1`, what it does, what it takes and what it answers. */
export interface PublicEndpoint {
  method: "GET";
  path: `/${string}`;
  summary: string;
  tag: "persons" | "officials" | "events" | "sources" | "registry";
  input: z.ZodType;
  output: z.ZodType;
}

export const PUBLIC_API = {
  persons: {
    method: "GET",
    path: "/persons",
    tag: "persons",
    summary: "List and search persons, filtered, sorted and paged; as of a past day with asOf",
    input: PersonFiltersSchema,
    output: z.object({
      items: z.array(PersonListItemSchema),
      next: z.string().nullable().describe("The cursor of the next page, or null on the last one"),
      total: z.int().describe("How many persons match, on every page"),
    }),
  },
  person: {
    method: "GET",
    path: "/persons/{slug}",
    tag: "persons",
    summary: "A person's public record: names, status with its sources, cases, events, citations",
    input: BySlug.extend({ asOf: AsOfSchema.optional() }),
    output: PersonDossierSchema,
  },
  personChanges: {
    method: "GET",
    path: "/persons/{slug}/changes",
    tag: "persons",
    summary: "When a person's public record changed, and which fields",
    input: BySlug,
    output: z.array(z.object({ at: ChangedAt, fields: z.array(z.string()) })),
  },
  personPages: {
    method: "GET",
    path: "/person-pages",
    tag: "persons",
    summary: "Several persons' records and their changes at once (up to 100 slugs, comma-separated)",
    input: z.strictObject({
      slugs: z
        .string()
        .max(10_100)
        .regex(/^[a-z0-9-]{1,100}(?:,[a-z0-9-]{1,100}){0,99}$/)
        .describe("Up to 100 slugs, separated by commas"),
    }),
    output: z.array(
      z.object({
        dossier: PersonDossierSchema,
        changes: z.array(z.object({ at: ChangedAt, fields: z.array(z.string()) })),
      }),
    ),
  },
  recentChanges: {
    method: "GET",
    path: "/recent-changes",
    tag: "persons",
    summary: "The persons curators changed most recently, newest first",
    input: z.strictObject({ limit: z.int().min(1).max(50).optional() }).optional(),
    output: z.array(PersonRefSchema.extend({ changedAt: ChangedAt })),
  },
  statistics: {
    method: "GET",
    path: "/statistics",
    tag: "registry",
    summary: "Counts by status, list, year, region and article; as of a past day with asOf",
    input: z.strictObject({ asOf: AsOfSchema.optional() }).optional(),
    output: StatisticsSchema,
  },
  version: {
    method: "GET",
    path: "/version",
    tag: "registry",
    summary: "The data version: it moves with every published change",
    input: NoInput,
    output: z.object({ version: z.int() }),
  },
  changes: {
    method: "GET",
    path: "/changes",
    tag: "registry",
    summary: "Which persons' records may differ since a data version (or all)",
    input: z.strictObject({
      after: z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe("A data version from /version"),
    }),
    output: z.object({ version: z.int(), all: z.boolean(), slugs: z.array(SlugSchema) }),
  },
  timeline: {
    method: "GET",
    path: "/timeline",
    tag: "registry",
    summary: "Political prisoners and other persecuted persons per month and on each source's day",
    input: NoInput,
    output: TimelineSchema,
  },
  recognitions: {
    method: "GET",
    path: "/recognitions",
    tag: "registry",
    summary: "International decisions and recommendations about published persons, newest first",
    input: NoInput,
    output: z.array(RecognitionEntrySchema),
  },
  officials: {
    method: "GET",
    path: "/officials",
    tag: "officials",
    summary: "Judges, prosecutors, investigators and others named in the cases",
    input: NoInput,
    output: z.array(PublicOfficialSchema),
  },
  official: {
    method: "GET",
    path: "/officials/{slug}",
    tag: "officials",
    summary: "An official, their involvements and the persons concerned",
    input: BySlug,
    output: z.object({ official: PublicOfficialSchema, persons: z.array(PersonRefSchema) }),
  },
  massEvents: {
    method: "GET",
    path: "/events",
    tag: "events",
    summary: "Mass events: protests and crackdowns with many detainees",
    input: NoInput,
    output: z.array(PublicMassEventSchema),
  },
  massEvent: {
    method: "GET",
    path: "/events/{slug}",
    tag: "events",
    summary: "A mass event and its detainees",
    input: BySlug,
    output: z.object({ massEvent: PublicMassEventSchema, detainees: z.array(PersonRefSchema) }),
  },
  sources: {
    method: "GET",
    path: "/sources",
    tag: "sources",
    summary: "The reports every fact is cited to",
    input: NoInput,
    output: z.array(PublicSourceSchema),
  },
  organisations: {
    method: "GET",
    path: "/organisations",
    tag: "sources",
    summary: "Organisations named in the records (banned movements, parties, media, defenders)",
    input: NoInput,
    output: z.array(PublicOrganisationSchema),
  },
} as const satisfies Record<string, PublicEndpoint>;

export type PublicProcedure = keyof typeof PUBLIC_API;
export const PUBLIC_PROCEDURES = Object.keys(PUBLIC_API) as PublicProcedure[];

/** The contract as types: what each public procedure takes (before defaults) and answers. */
export type PublicApi = {
  [K in PublicProcedure]: {
    input: z.input<(typeof PUBLIC_API)[K]["input"]>;
    output: z.output<(typeof PUBLIC_API)[K]["output"]>;
  };
};
