// Prints each person's derived status on a day, for checking the data against what a report says on its date:
//   pnpm --filter @registry/dataset status --as-of 2021-09-01 [--source odf-2021] [--person p-…]
//     [--political-prisoners] [--json]
import { parseArgs } from "node:util";
import {
  classify,
  primaryName,
  sourceDays,
  statusAsOf,
  unconfirmedAfter,
  type Citation,
} from "@registry/domain";
import { loadDataset } from "../src/index.ts";

const { values } = parseArgs({
  options: {
    "as-of": { type: "string" },
    source: { type: "string" },
    person: { type: "string" },
    json: { type: "boolean" },
    "political-prisoners": { type: "boolean" },
  },
});
const day = values["as-of"];
if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error("Usage: status --as-of YYYY-MM-DD [--source <source id>] [--person <person id>] [--json]");
  process.exit(2);
}
const { dataset: d, problems } = loadDataset();
if (problems.length) console.error(`${problems.length} load problem(s): run \`check\``);
const cites = (v: unknown, source: string) => JSON.stringify(v).includes(`"source":"${source}"`);
const lines = (cs: readonly Citation[]) =>
  cs.map((c) => `${c.source}:${c.lines ? c.lines.join("-") : (c.locator ?? "")}`).join(" ");
const days = sourceDays(d.sources);
const rows = [];
for (const p of d.persons) {
  if (values.person && p.id !== values.person) continue;
  const cases = d.cases.filter((c) => c.defendants.includes(p.id));
  const events = d.events.filter((e) => e.persons.includes(p.id));
  if (values.source && !cites([p, cases, events], values.source)) continue;
  const r = statusAsOf(p.id, { cases, events, reports: p.statusReports }, day);
  const { politicalPrisoner } = classify(r.status, p, events, {
    day,
    sourceDays: days,
    unconfirmedAfter: unconfirmedAfter(r),
  });
  if (values["political-prisoners"] && !politicalPrisoner) continue;
  rows.push({ id: p.id, name: primaryName(p), pace: p.pace.length > 0, politicalPrisoner, ...r });
}
rows.sort((a, b) => a.status.localeCompare(b.status) || a.name.localeCompare(b.name));
if (values.json) console.log(JSON.stringify(rows, null, 2));
else
  for (const r of rows)
    console.log(
      [
        r.status.padEnd(22),
        r.name.padEnd(32),
        r.id.padEnd(28),
        r.since ? `since ${r.since}` : "",
        r.lastReported ? `last reported ${r.lastReported.date} (${lines(r.lastReported.citations)})` : "",
        r.expectedEnd ? `expected end ${r.expectedEnd.date} (computed, ${r.expectedEnd.basis})` : "",
        r.politicalPrisoner ? "POLITICAL PRISONER" : r.pace ? "PACE" : "",
      ]
        .filter(Boolean)
        .join("  "),
    );
console.log(`${rows.length} person(s) as of ${day}`);
