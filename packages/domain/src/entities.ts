import type { z } from "zod";
import { CaseSchema, type Case } from "./case.ts";
import { EventSchema, type Event } from "./event.ts";
import { MassEventSchema, type MassEvent } from "./mass-event.ts";
import { OfficialSchema, type Official } from "./official.ts";
import { OrganisationSchema, type Organisation } from "./organisation.ts";
import { PersonSchema, type Person } from "./person.ts";
import { RecognitionSchema, type Recognition } from "./recognition.ts";
import { SourceSchema, type Source } from "./source.ts";

/** The aggregates of the model, each stored and imported as one record. */
export interface EntityTypes {
  person: Person;
  case: Case;
  event: Event;
  official: Official;
  organisation: Organisation;
  source: Source;
  recognition: Recognition;
  "mass-event": MassEvent;
}
export type EntityKind = keyof EntityTypes;

/** The schema of each entity kind: the one list of the kinds (the database and the dataset use it). */
export const ENTITY_SCHEMAS = {
  person: PersonSchema,
  case: CaseSchema,
  event: EventSchema,
  official: OfficialSchema,
  organisation: OrganisationSchema,
  source: SourceSchema,
  recognition: RecognitionSchema,
  "mass-event": MassEventSchema,
} as const satisfies { [K in EntityKind]: z.ZodType<EntityTypes[K]> };

export const ENTITY_KINDS = Object.keys(ENTITY_SCHEMAS) as EntityKind[];

/** A reference from one record to another, with the path of the field that holds it. */
export interface Reference {
  path: string;
  kind: EntityKind;
  id: string;
}

/**
 * Every id a record refers to: the sources it cites (any `citations[].source`, at any depth) and the persons,
 * cases, events, mass events and organisations it names. The write pipeline checks each exists.
 */
export function referencesOf(kind: EntityKind, value: object): Reference[] {
  const out: Reference[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i)));
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (k === "citations" && Array.isArray(x))
          x.forEach((c: unknown, i) => {
            const source = (c as { source?: unknown }).source;
            if (typeof source === "string")
              out.push({ path: `${p}.${i}.source`, kind: "source", id: source });
          });
        else if (k !== "private") walk(x, p);
      }
  };
  walk(value, "");
  const ids = (key: string, refKind: EntityKind, list: readonly (string | undefined)[]) =>
    list.forEach((id, i) => {
      if (id) out.push({ path: key.replace("*", String(i)), kind: refKind, id });
    });
  switch (kind) {
    case "person":
      (value as Person).affiliations.forEach((a, i) =>
        out.push({ path: `affiliations.${i}.organisation`, kind: "organisation", id: a.organisation }),
      );
      break;
    case "case":
      ids("defendants.*", "person", (value as Case).defendants);
      break;
    case "event": {
      const e = value as Event;
      ids("persons.*", "person", e.persons);
      if (e.case) out.push({ path: "case", kind: "case", id: e.case });
      if (e.massEvent) out.push({ path: "massEvent", kind: "mass-event", id: e.massEvent });
      break;
    }
    case "official":
      (value as Official).involvements.forEach((inv, i) => {
        if (inv.case) out.push({ path: `involvements.${i}.case`, kind: "case", id: inv.case });
        if (inv.event) out.push({ path: `involvements.${i}.event`, kind: "event", id: inv.event });
        inv.persons.forEach((p, j) =>
          out.push({ path: `involvements.${i}.persons.${j}`, kind: "person", id: p }),
        );
      });
      break;
    case "mass-event": {
      const m = value as MassEvent;
      ids("detainees.*", "person", m.detainees);
      ids("organisers.*", "organisation", m.organisers);
      break;
    }
    case "recognition":
      ids("persons.*", "person", (value as Recognition).persons);
      break;
    default:
      break;
  }
  return out;
}
