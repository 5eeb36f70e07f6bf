/**
 * CSV (RFC 4180) as the registry reads and writes it: the persons import, the admin's exports and the open data.
 * Pure functions, no dependencies.
 */

export interface CsvRow {
  /** 1-based line of the text where the row starts (quoted fields may span lines). */
  line: number;
  cells: string[];
}

/**
 * Parses CSV: fields separated by commas, rows by CRLF, LF or CR; a quoted field may hold commas, doubled
 * quotes ("") and line breaks. A leading byte-order mark is dropped and blank rows are skipped.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.replace(/^\uFEFF/, "");
  const end = () => {
    cells.push(field);
    if (cells.some((f) => f.trim() !== "")) rows.push({ line: rowLine, cells });
    cells = [];
    field = "";
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      cells.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      end();
      line++;
      rowLine = line;
    } else field += c;
  }
  end();
  return rows;
}

const NEEDS_QUOTES = /[",\r\n]/;
/** A leading = + - @ (or tab, CR) makes a spreadsheet run the cell as a formula (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** One cell, unchanged: quoted only when it holds a comma, a quote or a line break. For files read back in. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? quote(value) : value;
}

/**
 * One cell for files opened in a spreadsheet: a value that would run as a formula is prefixed with ' (shown as
 * text). Quoted when needed, or always with `"always"` (the open data's files quote every cell).
 */
export function csvSafeCell(value: string, quoting: "needed" | "always" = "needed"): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return quoting === "always" ? quote(safe) : csvCell(safe);
}

/** Rows as CSV text, each ended by CRLF; `cell` writes each value (csvCell by default). */
export function toCsv(
  rows: readonly (readonly string[])[],
  cell: (value: string) => string = csvCell,
): string {
  let out = "";
  for (const row of rows) out += row.map((v) => cell(v)).join(",") + "\r\n";
  return out;
}

/**
 * The columns of a CSV file of persons, as the admin app's import takes them (the first row names them; `id`,
 * `name`, `source` and `lines` are required): the external id, the primary Latin name, other spellings separated
 * by `|`, gender, a four-digit birth year, a region code, a place, an occupation, a summary in English, and the
 * source id with the line range every fact of the row cites.
 */
export const PERSON_CSV_COLUMNS = [
  "id",
  "name",
  "variants",
  "gender",
  "birth_year",
  "region",
  "place",
  "occupation",
  "summary",
  "source",
  "lines",
] as const;
export type PersonCsvColumn = (typeof PERSON_CSV_COLUMNS)[number];
