// Lists every run of 12 or more words that a record's text copies from a report (the reports are summarised, never
// copied). The reports are not part of the project: point it at a folder holding their text files.
//   pnpm --filter @registry/dataset verbatim <folder of report texts> [--words 12]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadDataset } from "../src/index.ts";
import { copiedRuns } from "../src/verbatim.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { words: { type: "string", default: "12" } },
});
const dir = positionals[0];
if (!dir) {
  console.error("Usage: verbatim <folder of report texts> [--words 12]");
  process.exit(2);
}
const minWords = Number(values.words);
const reports = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));
const { dataset } = loadDataset();
const runs = copiedRuns(dataset, reports, minWords);
for (const r of runs) console.log(`${r.where}: ${r.words} words from ${r.file}:${r.line}: "${r.text}"`);
console.log(runs.length === 0 ? `no run of ${minWords}+ words copied` : `${runs.length} copied run(s)`);
process.exitCode = runs.length === 0 ? 0 : 1;
