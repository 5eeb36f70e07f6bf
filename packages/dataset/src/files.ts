import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The data directory shipped with this package. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data/", import.meta.url));

export const ENTITY_DIRS = [
  "persons",
  "cases",
  "officials",
  "organisations",
  "mass-events",
  "recognitions",
] as const;
export type EntityDir = (typeof ENTITY_DIRS)[number];

export interface RawFile {
  /** Path relative to the data directory, e.g. "odf-2018/persons/aset-abishev.json". */
  file: string;
  /** The report directory it sits in ("common" for shared records). */
  report: string;
  value: unknown;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

/** Reads every JSON file of one entity kind, in a stable order (report directory, then file name). */
export function readEntityFiles(dataDir: string, kind: EntityDir | "sources"): RawFile[] {
  const out: RawFile[] = [];
  const reports = readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const report of reports) {
    const dir = join(dataDir, report, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort()) {
      out.push({ file: `${report}/${kind}/${name}`, report, value: readJson(join(dir, name)) });
    }
  }
  return out;
}

export function readIdentities(dataDir: string): unknown {
  return readJson(join(dataDir, "identities.json"));
}
