import {
  CaseSchema,
  EventSchema,
  MassEventSchema,
  OfficialSchema,
  OrganisationSchema,
  PersonSchema,
  RecognitionSchema,
  SourceSchema,
  type Case,
  type Event,
  type MassEvent,
  type Official,
  type Organisation,
  type Person,
  type Recognition,
  type Source,
} from "@registry/domain";
import type { z } from "zod";
import type { EntityKind } from "./schema.ts";

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

export const ENTITY_SCHEMAS: { [K in EntityKind]: z.ZodType<EntityTypes[K]> } = {
  person: PersonSchema,
  case: CaseSchema,
  event: EventSchema,
  official: OfficialSchema,
  organisation: OrganisationSchema,
  source: SourceSchema,
  recognition: RecognitionSchema,
  "mass-event": MassEventSchema,
};

export const ENTITY_KINDS = Object.keys(ENTITY_SCHEMAS) as EntityKind[];

/** Splits a domain record into its public document and its private part (stored in separate columns). */
export function splitRecord(value: object): {
  data: Record<string, unknown>;
  private: Record<string, unknown>;
} {
  const { private: priv, ...data } = value as Record<string, unknown>;
  return { data, private: (priv ?? {}) as Record<string, unknown> };
}

export function joinRecord<T>(data: unknown, priv: unknown, kind: EntityKind): T {
  const hasPrivate = kind === "person" || kind === "case" || kind === "event" || kind === "official";
  return (hasPrivate ? { ...(data as object), private: priv ?? {} } : data) as T;
}

/** The persons a record refers to, for the link table. */
export function personRefs(kind: EntityKind, value: object): string[] {
  switch (kind) {
    case "case":
      return (value as Case).defendants;
    case "event":
      return (value as Event).persons;
    case "official":
      return [...new Set((value as Official).involvements.flatMap((i) => i.persons))];
    case "mass-event":
      return (value as MassEvent).detainees;
    case "recognition":
      return (value as Recognition).persons;
    default:
      return [];
  }
}
