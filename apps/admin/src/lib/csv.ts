export interface CsvRow {
  /** 1-based line of the file where the row starts (quoted fields may span lines). */
  line: number;
  cells: string[];
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Blank rows are skipped. */
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

const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

function cell(value: unknown): string {
  const s =
    value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection).
  return quote(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
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
    const text = [header, ...part].map((r) => r.cells.map(quote).join(",")).join("\n") + "\n";
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
