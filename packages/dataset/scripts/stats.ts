import { checkDataset, facts, loadDataset } from "../src/index.ts";

const result = loadDataset();
const { dataset: d, personReports } = result;
const all = facts(d);
// A curator's directory is named after its report ("odf-2018-b" holds part of "odf-2018").
const sourceOf = (dir: string) =>
  d.sources.find((s) => dir === s.id || dir.startsWith(`${s.id}-`))?.id ?? dir;
const perReport = new Map<string, number>();
const reportsOfPerson = [...personReports.values()].map((dirs) => new Set(dirs.map(sourceOf)));
for (const reports of reportsOfPerson) for (const r of reports) perReport.set(r, (perReport.get(r) ?? 0) + 1);
const multi = reportsOfPerson.filter((r) => r.size > 1).length;

// Localized texts (objects with an English text): how many have Russian and Kazakh, and how many are checked.
const localized: { ru?: string; kk?: string; provenance?: { ru?: string; kk?: string } }[] = [];
JSON.stringify(d, (_k, v: unknown) => {
  if (v && typeof v === "object" && !Array.isArray(v) && typeof (v as { en?: unknown }).en === "string")
    localized.push(v);
  return v;
});
const named = d.persons.filter((p) => p.visibility !== "anonymous");

const rows: [string, number][] = [
  ...d.sources.map((s): [string, number] => [`persons in ${s.id}`, perReport.get(s.id) ?? 0]),
  ["persons (merged)", d.persons.length],
  ["persons in more than one report", multi],
  ["cases", d.cases.length],
  ["events", d.events.length],
  ["officials", d.officials.length],
  ["organisations", d.organisations.length],
  ["mass events", d.massEvents.length],
  ["recognitions", d.recognitions.length],
  ["facts", all.length],
  ["citations", all.reduce((n, f) => n + f.citations.length, 0)],
  ["facts without citation", all.filter((f) => f.citations.length === 0).length],
  ["localized texts", localized.length],
  ["  with Russian", localized.filter((t) => t.ru).length],
  ["  with Kazakh", localized.filter((t) => t.kk).length],
  ["  Russian checked by a second person", localized.filter((t) => t.provenance?.ru === "reviewed").length],
  ["  Kazakh checked by a second person", localized.filter((t) => t.provenance?.kk === "reviewed").length],
  [
    "named persons with a Russian name",
    named.filter((p) => p.names.some((n) => n.script === "cyrillic-ru")).length,
  ],
  [
    "named persons with a Kazakh name",
    named.filter((p) => p.names.some((n) => n.script === "cyrillic-kk")).length,
  ],
  ["problems", checkDataset(result).length],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${String(v).padStart(6)}`);
