import {
  csvSafeCell,
  DATA_LICENCE,
  formatArticle,
  localNames,
  primaryName,
  publicJsonSchemas,
  type PersonDossier,
  type PersonList,
  type Status,
} from "@registry/domain";
import { dataVersion, publicDossiers, type Database } from "@registry/db";
import type { Writable } from "node:stream";

/**
 * Writes a chunk and waits for the stream to drain, so a slow reader holds back the query (and a build never
 * holds more than a batch) instead of filling memory. An empty chunk writes nothing.
 */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk && !out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve));
}

export const CSV_COLUMNS = [
  ["id", "Stable identifier"],
  ["slug", "Part of the person's page URL: /persons/<slug>"],
  ["name", "Primary name in Latin script ('Name withheld' for protected persons)"],
  ["name_variants", "Every other spelling, separated by ' | '"],
  ["name_ru", "The name in Russian Cyrillic, where known (see the JSON for where each spelling comes from)"],
  ["name_kk", "The name in Kazakh Cyrillic, where known"],
  ["gender", "female, male or unknown"],
  [
    "status",
    "Status on the file's day (asOf), derived from the dated, cited facts certain by then; unknown when none",
  ],
  ["status_since", "Date (YYYY, YYYY-MM or YYYY-MM-DD) of the fact that led to the status"],
  ["status_last_reported", "Newest date a cited fact or a source's report shows the person in this status"],
  ["status_last_reported_source", "The source of that report, as source:lines"],
  [
    "status_expected_end_computed",
    "COMPUTED, not reported: when the sentence term or the legal custody limit would run out (A/B: between A and B)",
  ],
  [
    "political_prisoner",
    "true when deprived of liberty on the file's day and a source by then found a PACE criterion met",
  ],
  ["lists", "The public lists the person is on, separated by ' | '"],
  ["articles", "Charges, e.g. 'CC 405(2)', separated by ' | '"],
  ["articles_ru", "The same in Russian, e.g. 'ст. 405 ч. 2 УК РК'"],
  ["articles_kk", "The same in Kazakh, e.g. 'ҚР ҚК 405-бабының 2-бөлігі'"],
  ["sentences", "Sentences as kind:months, separated by ' | '"],
  ["region", "Region of residence"],
  ["cases", "Number of cases"],
  ["events", "Number of dated events"],
  ["sources", "Ids of the sources cited, separated by ' | '"],
  ["updated_at", "When the record last changed (ISO 8601)"],
] as const;

export function csvRow(d: PersonDossier): string {
  const names = d.person.names.filter((n) => !n.primary).map((n) => n.text);
  const charges = d.cases.flatMap((c) => c.charges.filter((x) => x.person === d.person.id));
  const sentences = d.cases.flatMap((c) => c.sentences.filter((x) => x.person === d.person.id));
  const cells = [
    d.person.id,
    d.person.slug,
    primaryName(d.person),
    names.join(" | "),
    d.person.visibility === "anonymous" ? "" : (localNames(d.person).ru ?? ""),
    d.person.visibility === "anonymous" ? "" : (localNames(d.person).kk ?? ""),
    d.person.gender,
    d.status.current,
    d.status.since ?? "",
    d.status.lastReported?.date ?? "",
    (d.status.lastReported?.citations ?? [])
      .map((c) => `${c.source}:${c.lines ? c.lines.join("-") : (c.locator ?? "")}`)
      .join(" | "),
    d.status.expectedEnd
      ? `${d.status.expectedEnd.date}${d.status.expectedEnd.end ? `/${d.status.expectedEnd.end}` : ""}`
      : "",
    String(d.politicalPrisoner),
    d.lists.join(" | "),
    [...new Set(charges.map((c) => formatArticle(c)))].join(" | "),
    [...new Set(charges.map((c) => formatArticle(c, "ru")))].join(" | "),
    [...new Set(charges.map((c) => formatArticle(c, "kk")))].join(" | "),
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
export async function writeOpenData(
  database: Database,
  today: string,
  out: OpenDataOutputs,
  /** Only the persons on a list, or with a status, on that day. */
  only: { list?: PersonList | undefined; status?: Status | undefined } = {},
): Promise<void> {
  const { json, csv } = out;
  const selection = only.list || only.status ? `,"only":${JSON.stringify(only)}` : "";
  if (json) await write(json, jsonHead(await dataVersion(database.db), today, selection));
  if (csv) await write(csv, CSV_HEAD);
  let first = true;
  for await (const all of publicDossiers(database.db, today)) {
    const batch = all.filter(
      (d) =>
        (!only.list || d.lists.includes(only.list)) && (!only.status || d.status.current === only.status),
    );
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
  if (json) await write(json, JSON_TAIL);
}

/** The start of persons.json up to its list of dossiers: licence, data version, day, schema. */
export const jsonHead = (version: number, today: string, selection = "") =>
  `{"licence":"${DATA_LICENCE}","version":${version},"date":"${today}","asOf":"${today}"${selection},"schema":"/data/schema/persons-file.schema.json","persons":[\n`;
export const JSON_TAIL = "\n]}\n";
/** The byte-order mark (for spreadsheets) and the header row of persons.csv. */
export const CSV_HEAD = "\uFEFF" + CSV_COLUMNS.map(([c]) => c).join(",") + "\r\n";

export function personSchemaJson(): unknown {
  return publicJsonSchemas()["person-dossier.schema.json"];
}
