import { csvCell, csvSafeCell, toCsv, type CsvRow } from "@registry/domain";

const cellText = (value: unknown): string =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

/** An export for spreadsheets: non-text values as JSON, and no cell a spreadsheet would run as a formula. */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return toCsv(
    [header, ...rows].map((r) => r.map(cellText)),
    csvSafeCell,
  );
}

export interface CsvChunk {
  csv: string;
  rows: number;
  /** Line in this chunk's text → line in the original file. */
  lineOf: (chunkLine: number) => number;
}

/** Splits rows into CSV texts of at most `size` data rows, each with the header, keeping the file's line numbers. */
export function chunkCsv(rows: readonly CsvRow[], size: number): CsvChunk[] {
  const [header, ...body] = rows;
  if (!header) return [];
  const chunks: CsvChunk[] = [];
  for (let i = 0; i < body.length; i += size) {
    const part = body.slice(i, i + size);
    const map = new Map<number, number>([[1, header.line]]);
    let at = 1 + header.cells.join("").split("\n").length;
    for (const r of part) {
      map.set(at, r.line);
      at += r.cells.join("").split("\n").length;
    }
    const text = [header, ...part].map((r) => r.cells.map(csvCell).join(",")).join("\n") + "\n";
    chunks.push({ csv: text, rows: part.length, lineOf: (l) => map.get(l) ?? l });
  }
  return chunks;
}

export function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
