import {
  ENTITY_SCHEMAS as DOMAIN_ENTITY_SCHEMAS,
  type Case,
  type EntityTypes,
  type Event,
  type MassEvent,
  type Official,
  type Recognition,
} from "@registry/domain";
import type { z } from "zod";
import type { EntityKind } from "./schema.ts";

export { ENTITY_KINDS, type EntityTypes } from "@registry/domain";

/** The domain's kind → schema map, checked against the kinds the database has a table for. */
export const ENTITY_SCHEMAS: { [K in EntityKind]: z.ZodType<EntityTypes[K]> } = DOMAIN_ENTITY_SCHEMAS;

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
