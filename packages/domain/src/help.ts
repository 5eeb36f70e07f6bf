import { z } from "zod";
import { CitationSchema, LocalizedShortTextSchema, LocalizedTextSchema } from "./common.ts";
import { PartialDateSchema } from "./partial-date.ts";
import type { Consent } from "./consent.ts";

/** A language letters may be written in: a two- or three-letter ISO 639 code ("kk", "ru", "en"). */
export const LetterLanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, "Give a language code such as kk, ru or en");

/**
 * Where a detained person is held and how to write to them (issue 20, ADR 020): the institution as a source names
 * it, its postal address only where a source gives one, what may be sent and in which languages letters are
 * accepted, each entry cited and dated by the day it was last confirmed (`checkedOn`, partial as the source gives
 * it). Public, but only where the person's consent allows (`helpIsPublic`).
 */
export const HelpEntrySchema = z
  .strictObject({
    institution: LocalizedShortTextSchema.meta({
      description: "The institution as a source names it, e.g. 'penal colony LA-155/14'",
    }),
    address: LocalizedTextSchema.optional().meta({
      description: "The postal address, only where a source gives it",
    }),
    mayBeSent: LocalizedTextSchema.optional().meta({ description: "What may be sent (letters, parcels...)" }),
    letterLanguages: z.array(LetterLanguageSchema).max(10).optional(),
    checkedOn: PartialDateSchema.meta({ description: "When a source last confirmed this" }),
    citations: z.array(CitationSchema).min(1, "Cite the source that says where the person is held").max(50),
  })
  .meta({ id: "HelpEntry" });
export type HelpEntry = z.infer<typeof HelpEntrySchema>;

export const HelpSchema = z.array(HelpEntrySchema).max(10).default([]);

/**
 * Whether a person's help entries may be published: the person is named (not anonymous) and has agreed to be
 * named or is named by public sources. Otherwise the entries are withheld without saying why (a refusal is
 * itself private). A record without its private part is a stored public document, whose help the storage has
 * already withheld where the consent does not allow it (packages/db `splitRecord`): only the visibility counts.
 */
export function helpIsPublic(p: {
  visibility: string;
  private?: { consent?: Consent | undefined } | undefined;
}): boolean {
  if (p.visibility !== "public") return false;
  if (p.private === undefined) return true;
  const consent = p.private.consent ?? "public-source";
  return consent === "consent-given" || consent === "public-source";
}
