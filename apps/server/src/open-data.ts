import {
  csvSafeCell,
  formatArticle,
  primaryName,
  publicJsonSchemas,
  type PersonDossier,
} from "@registry/domain";
import { publicDossiers, type Database } from "@registry/db";
import type { Writable } from "node:stream";

/** Waits for the stream to drain, so a slow reader holds back the query instead of filling memory. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
}

export const CSV_COLUMNS = [
  ["id", "Stable identifier"],
  ["slug", "Part of the person's page URL: /persons/<slug>"],
  ["name", "Primary name in Latin script ('Name withheld' for protected persons)"],
  ["name_variants", "Every other spelling, separated by ' | '"],
  ["gender", "female, male or unknown"],
  ["status", "Status today, derived from dated facts"],
  ["status_since", "Date (YYYY, YYYY-MM or YYYY-MM-DD) of the fact that led to the status"],
  ["political_prisoner", "true when deprived of liberty now and a PACE criterion is met"],
  ["lists", "The public lists the person is on, separated by ' | '"],
  ["articles", "Charges, e.g. 'CC 405(2)', separated by ' | '"],
  ["sentences", "Sentences as kind:months, separated by ' | '"],
  ["region", "Region of residence"],
  ["cases", "Number of cases"],
  ["events", "Number of dated events"],
  ["sources", "Ids of the sources cited, separated by ' | '"],
  ["updated_at", "When the record last changed (ISO 8601)"],
] as const;

function csvRow(d: PersonDossier): string {
  const names = d.person.names.filter((n) => !n.primary).map((n) => n.text);
  const charges = d.cases.flatMap((c) => c.charges.filter((x) => x.person === d.person.id));
  const sentences = d.cases.flatMap((c) => c.sentences.filter((x) => x.person === d.person.id));
  const cells = [
    d.person.id,
    d.person.slug,
    primaryName(d.person),
    names.join(" | "),
    d.person.gender,
    d.status.current,
    d.status.since ?? "",
    String(d.politicalPrisoner),
    d.lists.join(" | "),
    [...new Set(charges.map(formatArticle))].join(" | "),
    sentences.map((s) => `${s.kind}${s.termMonths ? `:${s.termMonths}` : ""}`).join(" | "),
    d.person.places.find((p) => p.region)?.region ?? "",
    String(d.cases.length),
    String(d.events.length),
    d.sources.map((s) => s.id).join(" | "),
    d.updatedAt,
  ];
  return cells.map((c) => csvSafeCell(c, "always")).join(",") + "\r\n";
}

export interface OpenDataOutputs {
  /** Every published person's dossier, as one JSON document. */
  json?: Writable;
  /** One row per published person (CSV_COLUMNS). */
  csv?: Writable;
}

/**
 * Writes the open data, a batch of dossiers at a time, to each output given: both formats come from one pass
 * over the dossiers, and a slow reader holds back the queries instead of filling memory.
 */
export async function writeOpenData(database: Database, today: string, out: OpenDataOutputs): Promise<void> {
  const { json, csv } = out;
  if (json) await write(json, `{"asOf":"${today}","schema":"/data/schema.json","persons":[\n`);
  if (csv) await write(csv, "\uFEFF" + CSV_COLUMNS.map(([c]) => c).join(",") + "\r\n");
  let first = true;
  for await (const batch of publicDossiers(database.db, today)) {
    if (json) {
      let chunk = "";
      for (const d of batch) {
        chunk += (first ? "" : ",\n") + JSON.stringify(d);
        first = false;
      }
      await write(json, chunk);
    }
    if (csv) await write(csv, batch.map(csvRow).join(""));
  }
  if (json) await write(json, "\n]}\n");
}

export function personSchemaJson(): unknown {
  return publicJsonSchemas()["person-dossier.schema.json"];
}
