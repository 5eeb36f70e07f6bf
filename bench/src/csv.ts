/**
 * CSV import through the product's own path: `admin.import.persons` (packages/api/src/routers/import.ts), the
 * procedure the admin app calls, with an editor's context. It parses the file, checks each row and hands the
 * persons to the write pipeline (`applyChanges`) in one transaction, as drafts.
 */
import { createCaller, createContextInner } from "@registry/api";
import type { Database } from "@registry/db";
import { PERSON_CSV_COLUMNS, toCsv as csvText } from "@registry/domain";
import type { CsvRow } from "./generate.ts";

/** The product's columns (PERSON_CSV_COLUMNS in the domain); the generator writes each of them. */
export const CSV_HEADER: readonly (keyof CsvRow)[] = PERSON_CSV_COLUMNS;

export function toCsv(rows: readonly CsvRow[]): string {
  return csvText([CSV_HEADER, ...rows.map((r) => CSV_HEADER.map((h) => r[h]))]);
}

export interface CsvImportResult {
  rows: number;
  created: number;
  errors: number;
  firstErrors: string[];
}

/** Imports the file as an editor would from the admin app (dryRun false). */
export async function importCsv(database: Database, csv: string): Promise<CsvImportResult> {
  const caller = createCaller(
    createContextInner({ database, user: { id: "u-bench-editor", name: "Bench editor", role: "editor" } }),
  );
  const r = await caller.admin.import.persons({ csv, dryRun: false });
  return {
    rows: r.rows.length,
    created: r.created,
    errors: r.errors,
    firstErrors: [
      ...r.fileErrors,
      ...r.rows
        .filter((x) => x.errors.length > 0)
        .slice(0, 3)
        .map((x) => `line ${x.line}: ${x.errors.join("; ")}`),
    ],
  };
}
