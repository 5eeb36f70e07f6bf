import { describe, expect, it } from "vitest";
import { checkDataset, loadDataset } from "./index.ts";

describe("the curated dataset", () => {
  const result = loadDataset();

  it("validates, cites every fact within the reports' lines, and has no unexplained duplicates", () => {
    const problems = checkDataset(result).map((p) => `${p.file}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it("holds the five source reports", () => {
    expect(result.dataset.sources.map((s) => s.id).sort()).toEqual([
      "hrw-2021",
      "iphr-kibhr-2023",
      "odf-2018",
      "odf-2019",
      "odf-2021",
    ]);
  });
});
