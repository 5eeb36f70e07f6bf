import { namesMeet, WITHHELD_NAME } from "@registry/domain";
import { propose, type Proposal } from "./propose.ts";

/** A dataset person as the measurement needs it: id, every name it records, and the sources it cites. */
export interface DatasetPerson {
  id: string;
  names: readonly string[];
  sources: ReadonlySet<string>;
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
}

export interface Figures {
  reports: ReportFigures[];
  recall: number;
  precision: number;
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
    return {
      source,
      expected: expected.length,
      found: expected.length - missed.length,
      proposals: proposals.length,
      real: proposals.length - unmatched.length,
      missed: missed.map((d) => d.names[0] ?? d.id),
      unmatched: unmatched.map((p) => p.names[0]?.text ?? p.key),
    };
  });
  const sum = (f: (r: ReportFigures) => number) => out.reduce((a, r) => a + f(r), 0);
  return {
    reports: out,
    recall:
      sum((r) => r.found) /
      Math.max(
        1,
        sum((r) => r.expected),
      ),
    precision:
      sum((r) => r.real) /
      Math.max(
        1,
        sum((r) => r.proposals),
      ),
  };
}
