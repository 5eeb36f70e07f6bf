import { namesMeet, WITHHELD_NAME } from "@registry/domain";
import { propose, type Proposal } from "./propose.ts";

/** A dataset person as the measurement needs it: id, every name it records, and the sources it cites. */
export interface DatasetPerson {
  id: string;
  names: readonly string[];
  sources: ReadonlySet<string>;
  /** The articles the person is charged under in the dataset ("405" or "405(2)"), with the sources citing each. */
  charges?: readonly { article: string; sources: ReadonlySet<string> }[];
}

export interface ReportFigures {
  source: string;
  /** Dataset persons citing the report (persons whose names are all withheld cannot be found by name: not counted). */
  expected: number;
  found: number;
  proposals: number;
  real: number;
  missed: string[];
  unmatched: string[];
  /** Charges: the dataset's charges (article) citing the report, of persons found, that the matching proposal has. */
  charges: { expected: number; found: number; proposed: number; real: number };
}

export interface Figures {
  reports: ReportFigures[];
  recall: number;
  precision: number;
  charges: { recall: number; precision: number };
}

const matches = (p: Proposal, d: DatasetPerson) =>
  p.names.some((n) => d.names.some((m) => namesMeet(n.text, m)));

/**
 * Runs the assistant on each report with no known persons and compares with the curated persons: recall = dataset
 * persons citing the report that some proposal names / those persons; precision = proposals naming some dataset
 * person (of any report) / proposals. Micro-averaged over the reports.
 */
export function measure(
  reports: readonly { source: string; lines: readonly string[] }[],
  persons: readonly DatasetPerson[],
): Figures {
  const named = persons.filter((p) => p.names.some((n) => !n.startsWith(WITHHELD_NAME)));
  const out: ReportFigures[] = reports.map(({ source, lines }) => {
    const proposals = propose(lines);
    const expected = named.filter((p) => p.sources.has(source));
    const missed = expected.filter((d) => !proposals.some((p) => matches(p, d)));
    const unmatched = proposals.filter((p) => !named.some((d) => matches(p, d)));
    // Charges, compared by article (and part when both give one), for the persons found.
    const charges = { expected: 0, found: 0, proposed: 0, real: 0 };
    const same = (a: string, b: string) => a === b || a.split("(")[0] === b || b.split("(")[0] === a;
    for (const d of expected) {
      const p = proposals.find((x) => matches(x, d));
      if (!p) continue;
      const mine = p.facts.flatMap((f) =>
        f.kind === "charge" ? [f.part ? `${f.article}(${f.part})` : f.article] : [],
      );
      const theirs = (d.charges ?? []).filter((c) => c.sources.has(source)).map((c) => c.article);
      const all = (d.charges ?? []).map((c) => c.article);
      charges.expected += theirs.length;
      charges.found += theirs.filter((t) => mine.some((m) => same(m, t))).length;
      charges.proposed += mine.length;
      charges.real += mine.filter((m) => all.some((t) => same(m, t))).length;
    }
    return {
      source,
      expected: expected.length,
      found: expected.length - missed.length,
      proposals: proposals.length,
      real: proposals.length - unmatched.length,
      missed: missed.map((d) => d.names[0] ?? d.id),
      unmatched: unmatched.map((p) => p.names[0]?.text ?? p.key),
      charges,
    };
  });
  const sum = (f: (r: ReportFigures) => number) => out.reduce((a, r) => a + f(r), 0);
  const ratio = (a: (r: ReportFigures) => number, b: (r: ReportFigures) => number) =>
    sum(a) / Math.max(1, sum(b));
  return {
    reports: out,
    recall: ratio(
      (r) => r.found,
      (r) => r.expected,
    ),
    precision: ratio(
      (r) => r.real,
      (r) => r.proposals,
    ),
    charges: {
      recall: ratio(
        (r) => r.charges.found,
        (r) => r.charges.expected,
      ),
      precision: ratio(
        (r) => r.charges.real,
        (r) => r.charges.proposed,
      ),
    },
  };
}
