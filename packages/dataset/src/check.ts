import {
  endDay,
  ENTITY_SCHEMAS,
  nameSearchKeys,
  sourceDays,
  statusAsOf,
  statusHistory,
  type Citation,
} from "@registry/domain";
import type { z } from "zod";
import type { Dataset, LoadResult, Problem } from "./load.ts";

export interface Fact {
  where: string;
  citations: readonly Citation[];
}

/** Every statement of fact in the dataset, with the citations it carries. */
export function facts(d: Dataset): Fact[] {
  const out: Fact[] = [];
  const add = (where: string, items: readonly { citations: readonly Citation[] }[]) =>
    items.forEach((it, i) => out.push({ where: `${where}[${i}]`, citations: it.citations }));
  for (const p of d.persons) {
    const w = `person ${p.id}`;
    // A spelling from the media or our transliteration is attested, not cited (PersonName.attestation).
    add(
      `${w} names`,
      p.names.filter((n) => !n.attestation),
    );
    add(`${w} ages`, p.ages);
    add(`${w} places`, p.places);
    add(`${w} occupations`, p.occupations);
    add(`${w} roles`, p.roles);
    add(`${w} affiliations`, p.affiliations);
    add(`${w} vulnerabilities`, p.vulnerabilities);
    add(`${w} pace`, p.pace);
    add(`${w} help`, p.help);
    add(`${w} relatives`, p.private.relatives);
  }
  for (const c of d.cases) {
    out.push({ where: `case ${c.id}`, citations: c.citations });
    add(`case ${c.id} charges`, c.charges);
    add(`case ${c.id} measures`, c.measures);
    add(`case ${c.id} sentences`, c.sentences);
  }
  for (const e of d.events) out.push({ where: `event ${e.id}`, citations: e.citations });
  for (const o of d.officials) {
    out.push({ where: `official ${o.id}`, citations: o.citations });
    add(`official ${o.id} involvements`, o.involvements);
  }
  for (const o of d.organisations) {
    out.push({ where: `organisation ${o.id}`, citations: o.citations });
    add(`organisation ${o.id} bans`, o.bans);
  }
  for (const m of d.massEvents) {
    out.push({ where: `mass event ${m.id}`, citations: m.citations });
    add(`mass event ${m.id} counts`, m.detaineeCounts);
  }
  for (const r of d.recognitions) {
    out.push({ where: `recognition ${r.id}`, citations: r.citations });
    add(`recognition ${r.id} follow-ups`, r.followUp);
  }
  return out;
}

function revalidate<T extends { id: string }>(
  kind: string,
  items: T[],
  schema: z.ZodType,
  problems: Problem[],
) {
  for (const item of items) {
    const r = schema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) {
        problems.push({
          file: `(merged ${kind} ${item.id})`,
          message: `${issue.path.join(".")}: ${issue.message}`,
        });
      }
    }
  }
}

function checkUnique(kind: string, values: { id: string; slug?: string }[], problems: Problem[]) {
  for (const key of ["id", "slug"] as const) {
    const seen = new Set<string>();
    for (const v of values) {
      const k = v[key];
      if (k === undefined) continue;
      if (seen.has(k)) problems.push({ file: `(${kind})`, message: `duplicate ${key} ${k}` });
      seen.add(k);
    }
  }
}

/** Everything that must hold of the merged dataset; an empty list means it may be loaded. */
export function checkDataset({ dataset: d, problems: loadProblems }: LoadResult): Problem[] {
  const problems: Problem[] = [...loadProblems];
  revalidate("person", d.persons, ENTITY_SCHEMAS.person, problems);
  revalidate("case", d.cases, ENTITY_SCHEMAS.case, problems);
  revalidate("event", d.events, ENTITY_SCHEMAS.event, problems);
  revalidate("official", d.officials, ENTITY_SCHEMAS.official, problems);
  revalidate("organisation", d.organisations, ENTITY_SCHEMAS.organisation, problems);
  revalidate("mass event", d.massEvents, ENTITY_SCHEMAS["mass-event"], problems);
  revalidate("recognition", d.recognitions, ENTITY_SCHEMAS.recognition, problems);
  checkUnique("persons", d.persons, problems);
  checkUnique("cases", d.cases, problems);
  checkUnique("events", d.events, problems);
  checkUnique("officials", d.officials, problems);
  checkUnique("organisations", d.organisations, problems);
  checkUnique("mass events", d.massEvents, problems);
  checkUnique("recognitions", d.recognitions, problems);

  const sources = new Map(d.sources.map((s) => [s.id, s]));
  for (const f of facts(d)) {
    if (f.citations.length === 0) problems.push({ file: f.where, message: "fact without a citation" });
    for (const c of f.citations) {
      const s = sources.get(c.source);
      if (!s) problems.push({ file: f.where, message: `unknown source ${c.source}` });
      else if (c.lines && s.copy && c.lines[1] > s.copy.lineCount) {
        problems.push({
          file: f.where,
          message: `lines ${c.lines.join("-")} beyond the end of ${s.id} (${s.copy.lineCount} lines)`,
        });
      } else if (!c.lines && s.copy) {
        problems.push({ file: f.where, message: `citation of ${s.id} needs a line range` });
      }
    }
  }

  const persons = new Set(d.persons.map((p) => p.id));
  const cases = new Set(d.cases.map((c) => c.id));
  const events = new Set(d.events.map((e) => e.id));
  const orgs = new Set(d.organisations.map((o) => o.id));
  const massEvents = new Set(d.massEvents.map((m) => m.id));
  const ref = (where: string, kind: string, set: Set<string>, ids: readonly (string | undefined)[]) => {
    for (const id of ids)
      if (id !== undefined && !set.has(id)) problems.push({ file: where, message: `unknown ${kind} ${id}` });
  };
  for (const p of d.persons)
    ref(
      `person ${p.id}`,
      "organisation",
      orgs,
      p.affiliations.map((a) => a.organisation),
    );
  for (const c of d.cases) ref(`case ${c.id}`, "person", persons, c.defendants);
  for (const e of d.events) {
    ref(`event ${e.id}`, "person", persons, e.persons);
    ref(`event ${e.id}`, "case", cases, [e.case]);
    ref(`event ${e.id}`, "mass event", massEvents, [e.massEvent]);
  }
  for (const o of d.officials) {
    for (const i of o.involvements) {
      ref(`official ${o.id}`, "case", cases, [i.case]);
      ref(`official ${o.id}`, "event", events, [i.event]);
      ref(`official ${o.id}`, "person", persons, i.persons);
    }
  }
  for (const m of d.massEvents) {
    ref(`mass event ${m.id}`, "person", persons, m.detainees);
    ref(`mass event ${m.id}`, "organisation", orgs, m.organisers);
  }
  for (const r of d.recognitions) ref(`recognition ${r.id}`, "person", persons, r.persons);

  // Two records whose names share a search key are a likely duplicate unless a curator said why not.
  const byKey = new Map<string, string[]>();
  for (const p of d.persons) {
    if (p.visibility === "anonymous") continue;
    for (const key of new Set(p.names.flatMap((n) => nameSearchKeys(n.text).slice(0, 1)))) {
      byKey.set(key, [...(byKey.get(key) ?? []), p.id]);
    }
  }
  const noted = new Set(d.persons.filter((p) => p.notes.some((n) => n.kind === "identity")).map((p) => p.id));
  for (const [key, ids] of byKey) {
    const distinct = [...new Set(ids)];
    if (distinct.length > 1 && !distinct.every((id) => noted.has(id))) {
      problems.push({
        file: "(persons)",
        message: `possible duplicate persons ${distinct.join(", ")} share the name key "${key}"; merge them or add an identity note to each`,
      });
    }
  }
  checkStatuses(d, problems);
  checkLanguages(d, problems);
  return problems;
}

/**
 * Every status period must rest on a citation and be dated by a source: none may begin, or be last reported,
 * after the newest source that speaks of the person (a term run out or a limit reached is not a source).
 */
function checkStatuses(d: Dataset, problems: Problem[]): void {
  const days = sourceDays(d.sources);
  for (const p of d.persons) {
    const cases = d.cases.filter((c) => c.defendants.includes(p.id));
    const events = d.events.filter((e) => e.persons.includes(p.id));
    let newest = "";
    JSON.stringify([p, cases, events], (k, v: unknown) => {
      if (k === "source" && typeof v === "string") {
        const day = days.get(v);
        if (day && day > newest) newest = day;
      }
      return v;
    });
    const facts = { cases, events, reports: p.statusReports };
    // What a source says of the person on its date is what the registry says of that date.
    for (const r of p.statusReports) {
      const on = statusAsOf(p.id, facts, endDay(r.asOf)).status;
      // Someone abroad may be reported under investigation at home: exile is the graver of the two.
      const alsoInExile = on === "in-exile" && ["under-investigation", "fined-or-warned"].includes(r.status);
      if (on !== r.status && !alsoInExile)
        problems.push({
          file: `person ${p.id} status report ${r.status} as of ${r.asOf}`,
          message: `the derived status on that day is ${on}: a more precise fact of the same period overrules the report; date the report or the fact as the source does`,
        });
    }
    const history = statusHistory(p.id, facts, STATUS_CHECK_HORIZON);
    for (const h of history) {
      const where = `person ${p.id} status ${h.status} from ${h.from}`;
      if (h.citations.length === 0 || h.lastReported.citations.length === 0)
        problems.push({ file: where, message: "status period without a citation" });
      if (newest && h.fromDay > newest)
        problems.push({ file: where, message: `begins after the newest source of the person (${newest})` });
      if (newest && endDay(h.lastReported.date) > newest)
        problems.push({
          file: where,
          message: `last reported ${h.lastReported.date}, after the newest source of the person (${newest})`,
        });
    }
  }
}

const STATUS_CHECK_HORIZON = "2100-01-01";

/** Every text of ours has its Russian and Kazakh translation (issue 16): readers read those languages first. */
function checkLanguages(d: Dataset, problems: Problem[]): void {
  for (const [kind, items] of Object.entries(d) as [string, { id: string }[]][])
    for (const item of items)
      JSON.stringify(item, (key, v: unknown) => {
        if (
          v &&
          typeof v === "object" &&
          !Array.isArray(v) &&
          typeof (v as { en?: unknown }).en === "string"
        ) {
          const t = v as { ru?: string; kk?: string };
          const missing = [!t.ru && "Russian", !t.kk && "Kazakh"].filter(Boolean);
          if (missing.length)
            problems.push({
              file: `${kind} ${item.id} ${key}`,
              message: `text without ${missing.join(" and ")}`,
            });
        }
        return v;
      });
}
