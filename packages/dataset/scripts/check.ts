import { checkDataset, loadDataset } from "../src/index.ts";

const result = loadDataset();
const problems = checkDataset(result);
for (const p of problems) console.log(`${p.file}: ${p.message}`);
console.log(problems.length === 0 ? "dataset OK" : `${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
