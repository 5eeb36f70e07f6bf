import { describe, expect, it } from "vitest";
import { classify, primaryName, sourceDays, statusAsOf, unconfirmedAfter } from "@registry/domain";
import { checkDataset, copiedRuns, loadDataset, readSourceCopy } from "./index.ts";

describe("the curated dataset", () => {
  const result = loadDataset();

  it("validates, cites every fact within the reports' lines, and has no unexplained duplicates", () => {
    const problems = checkDataset(result).map((p) => `${p.file}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it("ships each source's working copy, byte for byte the one its citations count lines in", () => {
    for (const s of result.dataset.sources) {
      const copy = s.copy && readSourceCopy(s.copy.file);
      expect(copy, s.id).toBeDefined();
      expect([copy?.sha256, copy?.lines.length], s.id).toEqual([s.copy?.sha256, s.copy?.lineCount]);
    }
    expect(readSourceCopy("../package.json")).toBeUndefined();
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

describe("status rules on the curated data", () => {
  const { dataset: d } = loadDataset();
  const days = sourceDays(d.sources);
  const politicalPrisonersOn = (day: string) =>
    d.persons
      .filter((p) => {
        const facts = {
          cases: d.cases.filter((c) => c.defendants.includes(p.id)),
          events: d.events.filter((e) => e.persons.includes(p.id)),
          reports: p.statusReports,
        };
        const r = statusAsOf(p.id, facts, day);
        return classify(r.status, p, facts.events, {
          day,
          sourceDays: days,
          unconfirmedAfter: unconfirmedAfter(r),
        }).politicalPrisoner;
      })
      .map((p) => primaryName(p))
      .sort();

  it("lists as political prisoners on 1 September 2021 exactly the people ODF's report of that day names", () => {
    // Report 000 (odf-2021), section 3: 15 named as convicted (it counts 14), 7 in pre-trial detention, 1 in a
    // psychiatric hospital (lines 265, 375, 424).
    expect(politicalPrisonersOn("2021-09-01")).toEqual(
      [
        "Aron Atabek",
        "Almat Zhumagulov",
        "Kenzhebek Abishev",
        "Igor Chuprina",
        "Ruslan Ginatullin",
        "Yerzhan Yelshibayev",
        "Saltanat Kusmankyzy",
        "Merei Korbakov",
        "Baurzhan Jusupov",
        "Natalia Dauletiyarova",
        "Rinat Batkayev",
        "Yerbol Yeskhozhin",
        "Askar Kayyrbek",
        "Sabit Syzdykbek",
        "Ulasbek Akhmetov",
        "Askhat Zheksebayev",
        "Kairat Klyshev",
        "Abai Begimbetov",
        "Noyan Rakhimzhanov",
        "Diana Baimagambetova",
        "Asylkhan Zhaubatyrov",
        "Bekizhan Mendygazyev",
        "Yerulan Amirov",
      ].sort(),
    );
  });

  it("states nothing about a person before the first source that speaks of them", () => {
    const mini = loadDataset();
    const p = mini.dataset.persons.find((x) => x.id === "p-aron-atabek");
    expect(p).toBeDefined();
    if (!p) return;
    p.statusReports = [
      { status: "imprisoned", asOf: "2024-01-01", citations: [{ source: "odf-2021", lines: [265, 265] }] },
    ];
    const problems = checkDataset(mini).map((x) => `${x.file}: ${x.message}`);
    expect(problems.some((x) => x.includes("p-aron-atabek") && x.includes("after the newest source"))).toBe(
      true,
    );
  });
});

describe("languages", () => {
  it("fails a text of ours that lacks its Russian or Kazakh translation", () => {
    const mini = loadDataset();
    const p = mini.dataset.persons.find((x) => x.summary?.ru);
    if (!p?.summary) throw new Error("no translated summary");
    const { ru: _ru, provenance: _p, ...rest } = p.summary;
    p.summary = rest;
    const problems = checkDataset(mini).map((x) => `${x.file}: ${x.message}`);
    expect(problems).toEqual([`persons ${p.id} summary: text without Russian`]);
  });
});

describe("copiedRuns", () => {
  it("finds a run of 12 words copied from a report, and leaves quotations and shorter runs alone", () => {
    const report = {
      file: "r.txt",
      text: "Intro line.\nThe court sentenced the blogger to five years in prison for posts criticising the regional governor on Facebook.\n",
    };
    const { dataset } = loadDataset();
    const person = dataset.persons[0];
    if (!person) throw new Error("no person");
    const copy = {
      ...dataset,
      persons: [
        {
          ...person,
          summary: {
            en: "Notably, the court sentenced the blogger to five years in prison for posts criticising the governor.",
          },
          notes: [
            { kind: "context" as const, text: { en: "Five years in prison for posts." }, citations: [] },
          ],
        },
      ],
    };
    const runs = copiedRuns(copy, [report], 12);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ file: "r.txt", line: 2, words: 14 });
    expect(copiedRuns(copy, [report], 15)).toEqual([]);
  });
});
