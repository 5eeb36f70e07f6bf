import {
  ENTITY_SCHEMAS as DOMAIN_ENTITY_SCHEMAS,
  helpIsPublic,
  type Case,
  type Consent,
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

/**
 * Splits a domain record into its public document and its private part (stored in separate columns). A person's
 * `help` (where they are held, ADR 020) is public only where their consent allows (`helpIsPublic`); otherwise it
 * is stored in the private part, so that public reads, which never read that column, cannot show it.
 */
export function splitRecord(value: object): {
  data: Record<string, unknown>;
  private: Record<string, unknown>;
} {
  const { private: priv, ...data } = value as Record<string, unknown>;
  const privatePart = (priv ?? {}) as Record<string, unknown>;
  if (Array.isArray(data.help) && data.help.length > 0 && priv !== undefined) {
    const consent = (privatePart.consent ?? "public-source") as Consent;
    const visibility = typeof data.visibility === "string" ? data.visibility : "public";
    if (!helpIsPublic({ visibility, private: { consent } }))
      return { data: { ...data, help: [] }, private: { ...privatePart, help: data.help } };
  }
  return { data, private: privatePart };
}

export function joinRecord<T>(data: unknown, priv: unknown, kind: EntityKind): T {
  const hasPrivate = kind === "person" || kind === "case" || kind === "event" || kind === "official";
  if (!hasPrivate) return data as T;
  const { help: withheldHelp, ...rest } = (priv ?? {}) as Record<string, unknown>;
  // A person's help withheld by splitRecord goes back to its place in the domain record.
  if (kind === "person" && withheldHelp !== undefined)
    return { ...(data as object), help: withheldHelp, private: rest } as T;
  return { ...(data as object), private: priv ?? {} } as T;
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
