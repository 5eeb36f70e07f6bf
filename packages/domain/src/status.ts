import { z } from "zod";
import type { Case, MeasureKind, SentenceKind } from "./case.ts";
import { CitationSchema, type Citation } from "./common.ts";
import type { Event, EventType } from "./event.ts";
import {
  addDays,
  addMonthsToPartialDate,
  endDay,
  PartialDateSchema,
  startDay,
  type DateValue,
  type PartialDate,
} from "./partial-date.ts";
import type { StatusReport } from "./person.ts";
import {
  ReportedStatusSchema,
  STATUSES,
  StatusSchema,
  type ReportedStatus,
  type Status,
} from "./status-report.ts";

export { ReportedStatusSchema, STATUSES, StatusSchema, type ReportedStatus, type Status };

/*
 * The rules (ADR 010). A status is only what a cited fact says:
 * - Before the first fact there is no status ("unknown", and no period).
 * - A partial date is an interval. A fact counts from the last day it can have happened (a sentence "in 2019"
 *   counts from 31 December 2019), so nothing is stated before it is certain; it is shown as the interval.
 * - Nothing is derived past the facts: a sentence term or a custody limit gives an *expected* end, labelled as
 *   computed, never a status change. A status ends only with a cited fact (a release, an acquittal, a later
 *   sentence, a reported end of a measure, a status report).
 * - Unserved sentences (in absentia, `unserved`) do not imprison. An acquittal, dropped charges or a closed
 *   case end only their own case.
 * - Facts of the same day apply in a fixed order (RANK), then in the order they were given.
 * - Every period carries the date it was last reported: the newest fact or status report confirming it.
 */

/** Deprivation of liberty, as ODF's list counts it: prison, pre-trial detention, psychiatric hospital. */
export const DETENTION_STATUSES: readonly Status[] = [
  "imprisoned",
  "pre-trial-detention",
  "psychiatric-detention",
];

// When several states are open at once, the gravest is the person's status.
const PRECEDENCE: readonly Status[] = [
  "imprisoned",
  "psychiatric-detention",
  "pre-trial-detention",
  "house-arrest",
  "restriction-of-liberty",
  "in-exile",
  "suspended-sentence",
  "under-investigation",
  "fined-or-warned",
];
const gravity = (s: Status) => {
  const i = PRECEDENCE.indexOf(s);
  return i < 0 ? PRECEDENCE.length : i;
};

const MEASURE_STATUS: Partial<Record<MeasureKind, Status>> = {
  "pre-trial-detention": "pre-trial-detention",
  "temporary-detention": "pre-trial-detention",
  "house-arrest": "house-arrest",
  "psychiatric-detention": "psychiatric-detention",
  "travel-ban": "under-investigation",
  "city-ban": "under-investigation",
  bail: "under-investigation",
};

/**
 * The legal maximum of custody during an investigation (Criminal Procedure Code of Kazakhstan, art. 151: 18
 * months; temporary detention 72 hours). It gives a computed date by which the measure should have ended,
 * shown as such; it never changes a status.
 */
export const CUSTODY_LIMIT: Partial<Record<MeasureKind, { months?: number; days?: number }>> = {
  "pre-trial-detention": { months: 18 },
  "house-arrest": { months: 18 },
  "temporary-detention": { days: 3 },
};

const SENTENCE_STATUS: Partial<Record<SentenceKind, Status>> = {
  imprisonment: "imprisoned",
  "life-imprisonment": "imprisoned",
  "restriction-of-liberty": "restriction-of-liberty",
  suspended: "suspended-sentence",
  probation: "suspended-sentence",
  postponed: "suspended-sentence",
  "criminal-fine": "fined-or-warned",
  "compulsory-labour": "fined-or-warned",
  "administrative-arrest": "fined-or-warned",
  "administrative-fine": "fined-or-warned",
  "administrative-warning": "fined-or-warned",
};

/** Sentences of these kinds end the investigation and any earlier sentence in the case, but set no state. */
const FINAL_SENTENCES: ReadonlySet<SentenceKind> = new Set(["psychiatric-treatment", "deportation", "other"]);

type EventEffect =
  | { open: Status; key: "investigation" | "exile" | "admin" }
  | { close: "all" | "case" | "exile" }
  | { deceased: true }
  | { confirms: Status };

/** Events not listed here (a search, a threat, a trial starting…) say nothing about the status. */
const EVENT_EFFECT: Partial<Record<EventType, EventEffect>> = {
  "case-opened": { open: "under-investigation", key: "investigation" },
  "suspect-notified": { open: "under-investigation", key: "investigation" },
  charged: { open: "under-investigation", key: "investigation" },
  "administrative-arrest": { open: "fined-or-warned", key: "admin" },
  fined: { open: "fined-or-warned", key: "admin" },
  warned: { open: "fined-or-warned", key: "admin" },
  fled: { open: "in-exile", key: "exile" },
  "asylum-granted": { open: "in-exile", key: "exile" },
  extradited: { close: "exile" },
  // Came back to Kazakhstan of their own accord: the exile is over.
  returned: { close: "exile" },
  released: { close: "all" },
  paroled: { close: "all" },
  pardoned: { close: "all" },
  amnesty: { close: "all" },
  acquitted: { close: "case" },
  "charges-dropped": { close: "case" },
  "case-closed": { close: "case" },
  died: { deceased: true },
  killed: { deceased: true },
  // A refused parole is a report that the person is still serving the term.
  "parole-denied": { confirms: "imprisoned" },
};

/** Same-day order: a case is opened before a measure, a verdict before the release, a report sums up the day. */
const RANK = {
  investigation: 0,
  measure: 1,
  sentence: 2,
  admin: 2,
  exile: 3,
  confirm: 4,
  close: 5,
  report: 6,
  deceased: 7,
} as const;

export const ExpectedEndSchema = z.strictObject({
  /** A computed date, never a reported one: the sentence's term or the custody limit added to its start. */
  date: PartialDateSchema,
  /** When the start is known only to a year and the term is not whole years: the last month it can fall in. */
  end: PartialDateSchema.optional(),
  basis: z.enum(["sentence-term", "stated-end", "custody-limit"]),
  /** The term the date was computed from, in months (custody limits of days have none). */
  months: z.number().positive().optional(),
  computed: z.literal(true),
});
export type ExpectedEnd = z.infer<typeof ExpectedEndSchema>;

export const LastReportedSchema = z.strictObject({
  /** The newest date on which a cited fact or status report shows the person in this state. */
  date: PartialDateSchema,
  citations: z.array(CitationSchema),
});
export type LastReported = z.infer<typeof LastReportedSchema>;

type Effect =
  | { kind: "open"; status: Status; key: string; supersedes: readonly string[] }
  | { kind: "close"; keys: "all" | string[] }
  | { kind: "report"; status: Exclude<Status, "unknown"> }
  | { kind: "confirm"; status: Status }
  | { kind: "deceased" };

/** A dated fact about one person, reduced to what it does to their status. */
interface Fact {
  date: PartialDate;
  /** The last day the fact can have happened: from then on it is certain. */
  day: string;
  rank: number;
  order: number;
  effect: Effect;
  citations: Citation[];
  expectedEnd?: ExpectedEnd;
  /** The fact is known only to have happened by its date ("before", or a report of the situation then). */
  bound?: "before";
}

export interface StatusFacts {
  cases: readonly Pick<
    Case,
    "id" | "kind" | "defendants" | "opened" | "charges" | "measures" | "sentences" | "citations"
  >[];
  events: readonly Pick<Event, "type" | "date" | "persons" | "case" | "citations">[];
  /** What sources said of the person's situation on their dates (`Person.statusReports`). */
  reports?: readonly StatusReport[];
}

/**
 * The day from which a dated value is certain: the last day of its (range's) last partial date; for a date
 * known only as a bound ("before September 2021"), the first day of that date.
 */
export function certainDay(v: DateValue): string {
  if (v.qualifier === "before") return startDay(v.date);
  return endDay(v.end ?? v.date);
}

const OBSERVED_KEY: Partial<Record<Status, string>> = {
  imprisoned: "sentence:observed",
  "restriction-of-liberty": "sentence:observed",
  "suspended-sentence": "sentence:observed",
  "pre-trial-detention": "measure:observed",
  "house-arrest": "measure:observed",
  "psychiatric-detention": "measure:observed",
  "under-investigation": "investigation:observed",
  "fined-or-warned": "admin",
  "in-exile": "exile",
};

function collectFacts(personId: string, { cases, events, reports = [] }: StatusFacts): Fact[] {
  const facts: Fact[] = [];
  let order = 0;
  const push = (f: Omit<Fact, "order" | "day">, day: string, value?: DateValue) =>
    facts.push({
      ...f,
      ...(value?.qualifier === "before" ? { bound: "before" as const } : {}),
      day,
      order: order++,
    });

  for (const c of cases) {
    if (!c.defendants.includes(personId)) continue;
    const inv = `investigation:${c.id}`;
    const measures = `measure:${c.id}:*`;
    const sentence = `sentence:${c.id}`;
    const investigation = { kind: "open", status: "under-investigation", key: inv, supersedes: [] } as const;
    if (c.kind === "criminal" && c.opened)
      push(
        { date: c.opened.date, rank: RANK.investigation, effect: investigation, citations: c.citations },
        certainDay(c.opened),
        c.opened,
      );
    for (const ch of c.charges) {
      if (ch.person !== personId || !ch.date || c.kind !== "criminal") continue;
      push(
        { date: ch.date.date, rank: RANK.investigation, effect: investigation, citations: ch.citations },
        certainDay(ch.date),
        ch.date,
      );
    }
    for (const [i, m] of c.measures.entries()) {
      if (m.person !== personId) continue;
      // Each measure has its own key: the reported end of one must not end a later one in the same case.
      const measure = `measure:${c.id}:${i}`;
      const status = MEASURE_STATUS[m.kind];
      if (!status) continue;
      const limit = CUSTODY_LIMIT[m.kind];
      push(
        {
          date: m.from.date,
          rank: RANK.measure,
          // A new measure replaces any earlier one, whatever case it was recorded under (reports often leave
          // the end of a measure unstated). It does not end an exile: exiles are arrested abroad too.
          effect: { kind: "open", status, key: measure, supersedes: ["measure:*"] },
          citations: m.citations,
          ...(!m.to && limit
            ? {
                expectedEnd: limit.months
                  ? {
                      ...addMonthsToPartialDate(m.from.date, limit.months),
                      basis: "custody-limit" as const,
                      months: limit.months,
                      computed: true as const,
                    }
                  : {
                      date: addDays(endDay(m.from.date), limit.days ?? 0),
                      basis: "custody-limit" as const,
                      computed: true as const,
                    },
              }
            : {}),
        },
        certainDay(m.from),
        m.from,
      );
      // A reported end of the measure is a fact: the state ends the day after its last day.
      if (m.to)
        push(
          {
            date: m.to,
            rank: RANK.close,
            effect: { kind: "close", keys: [measure] },
            citations: m.citations,
          },
          addDays(endDay(m.to), 1),
        );
    }
    for (const s of c.sentences) {
      if (s.person !== personId) continue;
      const status = SENTENCE_STATUS[s.kind];
      const day = certainDay(s.imposed);
      if (s.inAbsentia || s.unserved) {
        // A verdict ends the investigation, but the person is not serving it.
        push(
          {
            date: s.imposed.date,
            rank: RANK.sentence,
            effect: { kind: "close", keys: [inv] },
            citations: s.citations,
          },
          day,
          s.imposed,
        );
        continue;
      }
      if (!status) {
        if (FINAL_SENTENCES.has(s.kind))
          push(
            {
              date: s.imposed.date,
              rank: RANK.sentence,
              effect: { kind: "close", keys: [inv, measures, sentence] },
              citations: s.citations,
            },
            day,
            s.imposed,
          );
        continue;
      }
      const fine = status === "fined-or-warned";
      const expectedEnd: ExpectedEnd | undefined = s.endsOn
        ? { date: s.endsOn, basis: "stated-end", computed: true }
        : s.termMonths !== undefined && s.kind !== "life-imprisonment" && !fine
          ? {
              ...addMonthsToPartialDate(s.imposed.date, s.termMonths),
              basis: "sentence-term",
              months: s.termMonths,
              computed: true,
            }
          : undefined;
      push(
        {
          date: s.imposed.date,
          rank: fine ? RANK.admin : RANK.sentence,
          effect: {
            kind: "open",
            status,
            key: fine ? "admin" : sentence,
            // A fine or compulsory labour given with a graver sentence must not replace it.
            supersedes: fine
              ? [inv, measures]
              : [
                  inv,
                  "measure:*",
                  sentence,
                  "sentence:observed",
                  "investigation:observed",
                  ...(status === "imprisoned" ? ["exile"] : []),
                ],
          },
          citations: s.citations,
          ...(expectedEnd ? { expectedEnd } : {}),
        },
        day,
        s.imposed,
      );
    }
  }

  for (const e of events) {
    if (!e.persons.includes(personId)) continue;
    const effect = EVENT_EFFECT[e.type];
    if (!effect) continue;
    const day = certainDay(e.date);
    const caseKey = e.case ?? "none";
    if ("open" in effect) {
      const key = effect.key === "investigation" ? `investigation:${caseKey}` : effect.key;
      push(
        {
          date: e.date.date,
          rank:
            effect.key === "exile" ? RANK.exile : effect.key === "admin" ? RANK.admin : RANK.investigation,
          effect: { kind: "open", status: effect.open, key, supersedes: [] },
          citations: e.citations,
        },
        day,
        e.date,
      );
    } else if ("close" in effect) {
      const keys: "all" | string[] =
        effect.close === "all"
          ? "all"
          : effect.close === "exile"
            ? ["exile"]
            : // An acquittal or a closed case ends its own case only; without a case it ends nothing known.
              [`investigation:${caseKey}`, `measure:${caseKey}:*`, `sentence:${caseKey}`];
      push(
        { date: e.date.date, rank: RANK.close, effect: { kind: "close", keys }, citations: e.citations },
        day,
        e.date,
      );
    } else if ("deceased" in effect) {
      push(
        { date: e.date.date, rank: RANK.deceased, effect: { kind: "deceased" }, citations: e.citations },
        day,
        e.date,
      );
    } else {
      push(
        {
          date: e.date.date,
          rank: RANK.confirm,
          effect: { kind: "confirm", status: effect.confirms },
          citations: e.citations,
        },
        day,
        e.date,
      );
    }
  }

  for (const r of reports) {
    push(
      {
        date: r.asOf,
        rank: RANK.report,
        effect: { kind: "report", status: r.status },
        citations: r.citations,
        bound: "before",
      },
      endDay(r.asOf),
    );
  }
  return facts.sort((a, b) =>
    a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.rank !== b.rank ? a.rank - b.rank : a.order - b.order,
  );
}

interface State {
  status: Status;
  lastReportedDay: string;
  since: PartialDate;
  sinceBound?: "before";
  sinceDay: string;
  citations: Citation[];
  lastReported: LastReported;
  expectedEnd?: ExpectedEnd;
}

export interface StatusResult {
  status: Status;
  /** The date of the fact that put the person in this status (a partial date stays partial). */
  since?: PartialDate;
  /** "before": the status is known to have begun by `since`, not when (a report of the situation then). */
  sinceBound?: "before";
  /** The facts that put the person in this status: never empty unless the status is unknown. */
  citations: Citation[];
  /** The newest date a cited fact or status report shows the person in this status. */
  lastReported?: LastReported;
  /** When a term or a custody limit would run out: computed, not reported. */
  expectedEnd?: ExpectedEnd;
}

/** A state that a fact begins: since, citations and last report are the fact's own. */
function stateFrom(status: Status, f: Fact): State {
  return {
    status,
    since: f.date,
    sinceDay: f.day,
    ...(f.bound ? { sinceBound: f.bound } : {}),
    citations: f.citations,
    lastReported: { date: f.date, citations: f.citations },
    lastReportedDay: f.day,
  };
}

/** A newer report of the same state moves its last-reported date (compared by the days they are certain). */
function reported(s: State, f: Fact): void {
  if (
    f.day > s.lastReportedDay ||
    (f.day === s.lastReportedDay && f.date.length >= s.lastReported.date.length)
  ) {
    s.lastReported = { date: f.date, citations: f.citations };
    s.lastReportedDay = f.day;
  }
}

/** Applies the facts certain on or before `day` (YYYY-MM-DD). */
function evaluate(facts: readonly Fact[], day: string): StatusResult & { sinceDay?: string } {
  const open = new Map<string, State>();
  let liberty: State | undefined;
  const best = (): State | undefined => {
    let b: State | undefined;
    for (const s of open.values()) if (!b || gravity(s.status) < gravity(b.status)) b = s;
    return b;
  };
  /** Removes a key, or every key with a prefix ("measure:c-1:*"). */
  const drop = (k: string) => {
    if (!k.endsWith(":*")) return void open.delete(k);
    for (const key of [...open.keys()]) if (key.startsWith(k.slice(0, -1))) open.delete(key);
  };
  const free = (f: Fact) => {
    if (open.size > 0) return;
    if (liberty) reported(liberty, f);
    else liberty = stateFrom("released", f);
  };
  /** Release from custody ends every state but exile: someone freed abroad stays in exile. */
  const release = (f: Fact) => {
    for (const k of [...open.keys()]) if (k !== "exile") open.delete(k);
    free(f);
  };
  let lastChangeDay: string | undefined;
  for (const f of facts) {
    if (f.day > day) break;
    const e = f.effect;
    // Only a fact dated to the day can be known to fall inside a report's month or year.
    if (e.kind === "open" || e.kind === "close") lastChangeDay = f.date.length === 10 ? f.day : undefined;
    if (e.kind === "deceased")
      return {
        status: "deceased",
        since: f.date,
        citations: f.citations,
        lastReported: { date: f.date, citations: f.citations },
      };
    if (e.kind === "open") {
      const previous = open.get(e.key);
      for (const k of e.supersedes) drop(k);
      // A fine or warning is a one-off: anything graver that follows replaces it.
      if (e.key !== "admin") open.delete("admin");
      // The same state again under the same key (a verdict upheld on appeal) continues the period.
      const same = previous?.status === e.status ? previous : undefined;
      const state: State = same ? { ...same } : stateFrom(e.status, f);
      if (same) reported(state, f);
      // A new verdict or measure brings its own term (or none): the earlier one's expected end no longer applies.
      if (f.expectedEnd) state.expectedEnd = f.expectedEnd;
      else delete state.expectedEnd;
      open.set(e.key, state);
      liberty = undefined;
    } else if (e.kind === "close") {
      if (e.keys === "all") {
        release(f);
      } else {
        const before = open.size;
        for (const k of e.keys) drop(k);
        if (open.size < before) free(f);
      }
    } else if (e.kind === "confirm") {
      const b = best();
      if (b?.status === e.status) reported(b, f);
    } else {
      // A status report: the source says what the situation was on that day. A report dated only to a month or
      // a year cannot overrule a more precise fact within that period (it may describe the time before it).
      const b0 = best() ?? liberty;
      const contradicts = b0?.status !== e.status;
      const partial = startDay(f.date) !== f.day;
      if (contradicts && partial && lastChangeDay !== undefined && lastChangeDay >= startDay(f.date))
        continue;
      if (e.status === "released") {
        release(f);
        continue;
      }
      const b = best();
      if (b?.status === e.status) {
        reported(b, f);
        continue;
      }
      // Graver states the report contradicts are over; a state it confirms (not the gravest) continues.
      for (const [k, s] of [...open.entries()])
        if (gravity(s.status) < gravity(e.status) && k !== "exile") open.delete(k);
      if (e.status !== "in-exile" && gravity(e.status) < gravity("in-exile")) open.delete("exile");
      const existing = [...open.values()].find((s) => s.status === e.status);
      if (existing) reported(existing, f);
      else {
        open.set(OBSERVED_KEY[e.status] ?? "observed", stateFrom(e.status, f));
      }
      liberty = undefined;
    }
  }
  const current = best() ?? liberty;
  if (!current) return { status: "unknown", citations: [] };
  return {
    status: current.status,
    since: current.since,
    ...(current.sinceBound ? { sinceBound: current.sinceBound } : {}),
    sinceDay: current.sinceDay,
    citations: current.citations,
    lastReported: current.lastReported,
    ...(current.expectedEnd ? { expectedEnd: current.expectedEnd } : {}),
  };
}

/** The person's status on a day (YYYY-MM-DD), derived only from facts certain by then. */
export function statusAsOf(personId: string, facts: StatusFacts, day: string): StatusResult {
  const { sinceDay: _sinceDay, ...result } = evaluate(collectFacts(personId, facts), startDay(day));
  return result;
}

export const StatusPeriodSchema = z.strictObject({
  status: StatusSchema,
  /** When the status began, as precisely as the source dates it ("2019" stays a year). */
  from: PartialDateSchema,
  /** "before": known only to have begun by `from` (the first report of it), not when. */
  fromBound: z.literal("before").optional(),
  /** The first day on which the status is certain (the last day of `from` when that is partial). */
  fromDay: z.iso.date(),
  /** The facts that put the person in this status. */
  citations: z.array(CitationSchema).min(1),
  lastReported: LastReportedSchema,
  expectedEnd: ExpectedEndSchema.optional(),
});
export type StatusPeriod = z.infer<typeof StatusPeriodSchema>;

/** One stretch of time in which the status, its start and its last report stay the same. */
export interface StatusSegment {
  status: Status;
  since: PartialDate;
  sinceBound?: "before";
  /** First day of the segment (inclusive); it lasts until the next segment's `fromDay`. */
  fromDay: string;
  citations: Citation[];
  lastReported: LastReported;
  expectedEnd?: ExpectedEnd;
}

/**
 * The person's status day by day, as segments that change whenever the status, its start or its last report
 * changes: what the database stores, so that a list "as of" any day shows the status and its last report as
 * they were known on that day.
 */
export function statusSegments(personId: string, facts: StatusFacts, day: string): StatusSegment[] {
  const all = collectFacts(personId, facts);
  const limit = startDay(day);
  const days = [...new Set(all.filter((f) => f.day <= limit).map((f) => f.day))].sort();
  const out: StatusSegment[] = [];
  for (const d of days) {
    const r = evaluate(all, d);
    if (r.status === "unknown" || !r.lastReported || r.since === undefined) continue;
    const last = out[out.length - 1];
    if (
      last?.status === r.status &&
      last.since === r.since &&
      last.lastReported.date === r.lastReported.date &&
      last.expectedEnd?.date === r.expectedEnd?.date
    )
      continue;
    // A state that began earlier, under a graver one now ended, is shown from the fact that ended the graver one.
    const sinceDay = r.sinceDay ?? endDay(r.since);
    const trigger = all.filter((f) => f.day === d).at(-1);
    const continues = last?.status === r.status;
    const fromTrigger = !continues && last !== undefined && sinceDay < last.fromDay && trigger !== undefined;
    const since = continues ? last.since : fromTrigger ? trigger.date : r.since;
    const bound = continues ? last.sinceBound : fromTrigger ? trigger.bound : r.sinceBound;
    out.push({
      status: r.status,
      since,
      ...(bound ? { sinceBound: bound } : {}),
      fromDay: d,
      citations: continues ? last.citations : r.citations,
      lastReported: r.lastReported,
      ...(r.expectedEnd ? { expectedEnd: r.expectedEnd } : {}),
    });
    if (r.status === "deceased") break;
  }
  return out;
}

/**
 * The sequence of statuses a person went through, oldest first, up to and including `day`. It starts with the
 * first fact that gives a status: there is no period before it, and none of status "unknown".
 */
export function statusHistory(personId: string, facts: StatusFacts, day: string): StatusPeriod[] {
  const history: StatusPeriod[] = [];
  for (const s of statusSegments(personId, facts, day)) {
    const last = history[history.length - 1];
    if (last?.status === s.status) {
      last.lastReported = s.lastReported;
      if (s.expectedEnd) last.expectedEnd = s.expectedEnd;
      else delete last.expectedEnd;
      continue;
    }
    history.push({
      status: s.status,
      from: s.since,
      ...(s.sinceBound ? { fromBound: s.sinceBound } : {}),
      fromDay: s.fromDay,
      citations: s.citations,
      lastReported: s.lastReported,
      ...(s.expectedEnd ? { expectedEnd: s.expectedEnd } : {}),
    });
  }
  return history;
}

/** Each source's day (`sourceDay`) by id, for the sources that have one: when their assessments count from. */
export function sourceDays(
  sources: Iterable<{ id: string; published?: PartialDate | undefined; asOf?: PartialDate | undefined }>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sources) {
    const d = sourceDay(s);
    if (d) out.set(s.id, d);
  }
  return out;
}

/** The day a source describes: its `asOf`, else its publication date; the last day when that is partial. */
export function sourceDay(source: {
  published?: PartialDate | undefined;
  asOf?: PartialDate | undefined;
}): string | undefined {
  const d = source.asOf ?? source.published;
  return d ? endDay(d) : undefined;
}

export const REPORT_AGES = ["within-1-year", "1-3-years", "over-3-years"] as const;
export type ReportAge = (typeof REPORT_AGES)[number];

/** How long before `today` a status was last reported (counted from the last day of a partial date). */
export function reportAge(lastReported: PartialDate, today: string): ReportAge {
  const last = endDay(lastReported);
  if (last >= addMonthsToPartialDate(today, -12).date) return "within-1-year";
  if (last >= addMonthsToPartialDate(today, -36).date) return "1-3-years";
  return "over-3-years";
}

/**
 * The last day a detention may be counted without a newer report: a term or custody limit computed to end
 * before anything reported the person still held. After it the person keeps the status last reported, but is
 * no longer counted as a political prisoner (no source says they still are). Undefined when nothing limits it.
 */
export function unconfirmedAfter(r: {
  lastReported?: { date: PartialDate } | undefined;
  expectedEnd?: { date: PartialDate; end?: PartialDate | undefined } | undefined;
}): string | undefined {
  if (!r.expectedEnd || !r.lastReported) return undefined;
  if (endDay(r.lastReported.date) >= startDay(r.expectedEnd.date)) return undefined;
  return endDay(r.expectedEnd.end ?? r.expectedEnd.date);
}
