import { z } from "zod";
import { PersonDossierSchema } from "./public.ts";
import { PublicOfficialSchema } from "./official.ts";
import { PublicMassEventSchema } from "./mass-event.ts";
import { PublicSourceSchema } from "./source.ts";
import { PublicOrganisationSchema } from "./organisation.ts";

/** The open-data schemas, one file each, generated from the public zod schemas. */
export function publicJsonSchemas(): Record<string, unknown> {
  const opts = { target: "draft-2020-12", io: "output", unrepresentable: "any" } as const;
  return {
    "person-dossier.schema.json": z.toJSONSchema(PersonDossierSchema, opts),
    "official.schema.json": z.toJSONSchema(PublicOfficialSchema, opts),
    "mass-event.schema.json": z.toJSONSchema(PublicMassEventSchema, opts),
    "source.schema.json": z.toJSONSchema(PublicSourceSchema, opts),
    "organisation.schema.json": z.toJSONSchema(PublicOrganisationSchema, opts),
  };
}
