import { z } from "zod";
import { CitationSchema, type Citation } from "./common.ts";
import {
  addMonthsToPartialDate,
  endDay,
  PartialDateSchema,
  startDay,
  type PartialDate,
} from "./partial-date.ts";
import {
  collectFacts,
  ExpectedEndSchema,
  type ExpectedEnd,
  type Fact,
  type StatusFacts,
} from "./status-facts.ts";
import {
  ReportedStatusSchema,
  STATUSES,
  StatusSchema,
  type ReportedStatus,
  type Status,
} from "./status-report.ts";
import { gravity, OBSERVED_KEY } from "./status-rules.ts";

export { ReportedStatusSchema, STATUSES, StatusSchema, type ReportedStatus, type Status };
export { CUSTODY_LIMIT, DETENTION_STATUSES } from "./status-rules.ts";
export { certainDay, ExpectedEndSchema, type ExpectedEnd, type StatusFacts } from "./status-facts.ts";

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

export const LastReportedSchema = z.strictObject({
  /** The newest date on which a cited fact or status report shows the person in this state. */
  date: PartialDateSchema,
  citations: z.array(CitationSchema),
});
export type LastReported = z.infer<typeof LastReportedSchema>;

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
