import { formatArticle, primaryName, publicJsonSchemas, type PersonDossier } from "@registry/domain";
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

function csvCell(v: string): string {
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @ is prefixed with ').
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

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
  return cells.map(csvCell).join(",") + "\r\n";
}

/** Every published person's dossier, as one JSON document written a batch at a time. */
export async function writePersonsJson(database: Database, today: string, res: Writable): Promise<void> {
  await write(res, `{"asOf":"${today}","schema":"/data/schema.json","persons":[\n`);
  let first = true;
  for await (const batch of publicDossiers(database.db, today)) {
    let chunk = "";
    for (const d of batch) {
      chunk += (first ? "" : ",\n") + JSON.stringify(d);
      first = false;
    }
    await write(res, chunk);
  }
  await write(res, "\n]}\n");
}

export async function writePersonsCsv(database: Database, today: string, res: Writable): Promise<void> {
  await write(res, "\uFEFF" + CSV_COLUMNS.map(([c]) => c).join(",") + "\r\n");
  for await (const batch of publicDossiers(database.db, today)) await write(res, batch.map(csvRow).join(""));
}

export function personSchemaJson(): unknown {
  return publicJsonSchemas()["person-dossier.schema.json"];
}
