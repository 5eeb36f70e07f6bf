import { z } from "zod";
import {
  PersonDossierSchema,
  PublicCaseEntrySchema,
  PublicEventEntrySchema,
  PublicRecognitionEntrySchema,
} from "./public.ts";
import { PublicOfficialSchema } from "./official.ts";
import { PublicMassEventSchema } from "./mass-event.ts";
import { PublicSourceSchema } from "./source.ts";
import { PublicOrganisationSchema } from "./organisation.ts";

/** The base of the schemas' `$id`s: names, not addresses (the registry may be served from anywhere). */
export const SCHEMA_ID_BASE = "urn:persecution-registry:schema:";
export const DATA_LICENCE = "CC-BY-4.0";

type Json = Record<string, unknown>;
const opts = { target: "draft-2020-12", io: "output", unrepresentable: "any" } as const;

/** One record's schema with an `$id` and a title. */
function recordSchema(name: string, title: string, schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, opts) as Json;
  return { $schema: out.$schema, $id: `${SCHEMA_ID_BASE}${name}`, title, ...out };
}

/**
 * The schema of a whole open-data file: its licence, data version and date, and the array of records under
 * `key`. The record schema's definitions move to the file's root, where its `$ref`s point.
 */
function fileSchema(name: string, title: string, key: string, record: Json, extra: Json = {}): Json {
  const { $schema, $id: _id, title: recordTitle, $defs, ...item } = record;
  return {
    $schema,
    $id: `${SCHEMA_ID_BASE}${name}`,
    title,
    type: "object",
    required: ["licence", "version", "date", key],
    properties: {
      licence: {
        const: DATA_LICENCE,
        description: "The data's licence (SPDX): cite the registry when reusing it",
      },
      version: { type: "integer", minimum: 0, description: "The data version: it moves with every change" },
      date: {
        type: "string",
        pattern: "^\\d{4}-\\d{2}-\\d{2}$",
        description: "The day the file describes (statuses are as of this day)",
      },
      schema: { type: "string", description: "Where this schema is served" },
      ...extra,
      [key]: { type: "array", items: { ...item, title: recordTitle } },
    },
    additionalProperties: false,
    ...($defs ? { $defs } : {}),
  };
}

/** The open-data schemas, one file each: each kind of record, and each file of records. */
export function publicJsonSchemas(): Record<string, unknown> {
  const records: [string, string, string, string, z.ZodType][] = [
    [
      "person-dossier",
      "persons",
      "persons",
      "A person's public record: names, status, cases, events, sources",
      PersonDossierSchema,
    ],
    [
      "official",
      "officials",
      "officials",
      "An official named in the cases, with what they did",
      PublicOfficialSchema,
    ],
    [
      "mass-event",
      "mass-events",
      "massEvents",
      "A rally or crackdown and the people detained",
      PublicMassEventSchema,
    ],
    ["source", "sources", "sources", "A report the facts are cited from", PublicSourceSchema],
    [
      "organisation",
      "organisations",
      "organisations",
      "A movement, party or group named in the records",
      PublicOrganisationSchema,
    ],
    [
      "case",
      "cases",
      "cases",
      "A case: its published defendants, charges, measures and sentences",
      PublicCaseEntrySchema,
    ],
    [
      "event",
      "events",
      "events",
      "A dated event in persons' records: a detention, a search, a trial, a release",
      PublicEventEntrySchema,
    ],
    [
      "recognition",
      "recognitions",
      "recognitions",
      "An international body's or NGO's recognition of persons as political prisoners, or call for release",
      PublicRecognitionEntrySchema,
    ],
  ];
  const out: Record<string, unknown> = {};
  for (const [name, file, key, title, schema] of records) {
    const record = recordSchema(`${name}.schema.json`, `Persecution Registry: ${title}`, schema);
    out[`${name}.schema.json`] = record;
    out[`${file}-file.schema.json`] = fileSchema(
      `${file}-file.schema.json`,
      `Persecution Registry open data: /data/${file}.json`,
      key,
      record,
      key === "persons"
        ? {
            asOf: { type: "string", description: "The day the statuses are derived for" },
            only: { type: "object", description: "The list or status the file is cut to, when it is" },
          }
        : {},
    );
  }
  return out;
}
