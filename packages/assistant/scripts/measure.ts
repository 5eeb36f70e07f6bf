/**
 * `pnpm assistant:measure`: the assistant on each of the five reports, with no known persons, against the curated
 * persons citing that report. The last line is the summary.
 */
import { loadDataset, readSourceCopy } from "@registry/dataset";
import { measure } from "../src/measure.ts";
import { datasetPersons } from "./dataset-persons.ts";

const { dataset } = loadDataset();
const reports = dataset.sources.flatMap((s) => {
  const copy = s.copy ? readSourceCopy(s.copy.file) : undefined;
  return copy ? [{ source: s.id, lines: copy.lines }] : [];
});
const figures = measure(reports, datasetPersons(dataset.persons, dataset.cases));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const verbose = process.argv.includes("--verbose");
console.log("report            persons found recall  proposals real precision   charges found proposed real");
for (const r of figures.reports) {
  console.log(
    `${r.source.padEnd(17)} ${String(r.expected).padStart(7)} ${String(r.found).padStart(5)} ${pct(r.found / Math.max(1, r.expected)).padStart(6)}  ${String(r.proposals).padStart(9)} ${String(r.real).padStart(4)} ${pct(r.real / Math.max(1, r.proposals)).padStart(9)}   ${String(r.charges.expected).padStart(7)} ${String(r.charges.found).padStart(5)} ${String(r.charges.proposed).padStart(8)} ${String(r.charges.real).padStart(4)}`,
  );
  if (verbose) {
    console.log(`  missed: ${r.missed.join("; ")}`);
    console.log(`  not in the dataset: ${r.unmatched.join("; ")}`);
  }
}
console.log(
  `charges of the persons found: recall ${pct(figures.charges.recall)}, precision ${pct(figures.charges.precision)} (by article; by part too when both give one)`,
);
console.log(
  `assistant: recall ${pct(figures.recall)}, precision ${pct(figures.precision)} over ${figures.reports.length} reports`,
);
