// @registry/dataset: the curated records from the source reports, merged and checked.
export {
  loadDataset,
  importItems,
  PersonFragmentSchema,
  type Dataset,
  type LoadResult,
  type Problem,
} from "./load.ts";
export { checkDataset, facts, type Fact } from "./check.ts";
export { copiedRuns, type CopiedRun } from "./verbatim.ts";
export { DEFAULT_DATA_DIR } from "./files.ts";
export { readSourceCopy, REPORTS_DIR, type SourceCopy } from "./copies.ts";
