import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The working copies of the source reports shipped with this package (see reports/README.md). */
export const REPORTS_DIR = fileURLToPath(new URL("../reports/", import.meta.url));

export interface SourceCopy {
  file: string;
  /** The text, one entry per line; line N (as cited) is `lines[N - 1]`. */
  lines: string[];
  sha256: string;
}

/** Reads a report copy by its file name (`copy.file` of a source), or undefined when there is none. */
export function readSourceCopy(file: string, dir: string = REPORTS_DIR): SourceCopy | undefined {
  if (!/^[\w.-]+\.txt$/.test(file)) return undefined;
  const path = `${dir}${file}`;
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return { file, lines, sha256: createHash("sha256").update(text).digest("hex") };
}
