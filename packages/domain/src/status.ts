import { z } from "zod";
import type { Case, MeasureKind, SentenceKind } from "./case.ts";
import { CitationSchema, type Citation } from "./common.ts";
import type { Event, EventType } from "./event.ts";
import {
  addDays,
  addMonths,
  comparePartialDates,
  endDay as lastDayOf,
  PartialDateSchema,
  startDay,
  type PartialDate,
} from "./partial-date.ts";

export const STATUSES = [
  "imprisoned",
  "pre-trial-detention",
  "house-arrest",
  "psychiatric-detention",
  "restriction-of-liberty",
  "suspended-sentence",
  "under-investigation",
  "fined-or-warned",
  "in-exile",
  "released",
  "deceased",
  "unknown",
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

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
 * Custody before a verdict with no reported end is not assumed to last for ever: Kazakhstan's Criminal Procedure
 * Code (art. 151) caps custody during an investigation at 18 months, and temporary detention at 72 hours. When no
 * later fact is reported by then, the measure lapses and the status is what remains (often "under
 * investigation"), or "unknown": a report from 2019 does not make someone a detainee today.
 */
export const UNREPORTED_END: Partial<Record<MeasureKind, { months?: number; days?: number }>> = {
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
  | { contact: true };

const EVENT_EFFECT: Record<EventType, EventEffect> = {
  "case-opened": { open: "under-investigation", key: "investigation" },
  "suspect-notified": { open: "under-investigation", key: "investigation" },
  charged: { open: "under-investigation", key: "investigation" },
  "administrative-arrest": { open: "fined-or-warned", key: "admin" },
  fined: { open: "fined-or-warned", key: "admin" },
  warned: { open: "fined-or-warned", key: "admin" },
  fled: { open: "in-exile", key: "exile" },
  "asylum-granted": { open: "in-exile", key: "exile" },
  extradited: { close: "exile" },
  released: { close: "all" },
  paroled: { close: "all" },
  pardoned: { close: "all" },
  amnesty: { close: "all" },
  acquitted: { close: "case" },
  "charges-dropped": { close: "case" },
  "case-closed": { close: "case" },
  died: { deceased: true },
  killed: { deceased: true },
  detained: { contact: true },
  interrogated: { contact: true },
  searched: { contact: true },
  threatened: { contact: true },
  surveilled: { contact: true },
  "ill-treated": { contact: true },
  tortured: { contact: true },
  "measure-changed": { contact: true },
  "trial-started": { contact: true },
  sentenced: { contact: true },
  appeal: { contact: true },
  "sentence-changed": { contact: true },
  "parole-denied": { contact: true },
  "extradition-request": { contact: true },
  "extradition-arrest": { contact: true },
  attacked: { contact: true },
  "hunger-strike": { contact: true },
  "self-harm": { contact: true },
  "dismissed-from-work": { contact: true },
  "registration-refused": { contact: true },
  sued: { contact: true },
  "blocked-accounts": { contact: true },
  other: { contact: true },
};

/** A dated fact about one person, reduced to what it does to their status. */
interface Fact {
  date: PartialDate;
  day: string;
  /** First day on which the state no longer holds. */
  endDay?: string;
  /** The end is assumed (UNREPORTED_END), not reported: after it the status is not known. */
  lapses?: true;
  effect:
    | { kind: "open"; status: Status; key: string; supersedes: string[] }
    | { kind: "close"; keys: "all" | string[] }
    | { kind: "deceased" }
    | { kind: "contact" };
  citations: Citation[];
  order: number;
}

export interface StatusFacts {
  cases: readonly Pick<
    Case,
    "id" | "kind" | "defendants" | "opened" | "charges" | "measures" | "sentences" | "citations"
  >[];
  events: readonly Pick<Event, "type" | "date" | "persons" | "case" | "citations">[];
}

function collectFacts(personId: string, { cases, events }: StatusFacts): Fact[] {
  const facts: Fact[] = [];
  let order = 0;
  const push = (f: Omit<Fact, "day" | "order">) =>
    facts.push({ ...f, day: startDay(f.date), order: order++ });

  for (const c of cases) {
    if (!c.defendants.includes(personId)) continue;
    const inv = `investigation:${c.id}`;
    const measure = `measure:${c.id}`;
    const sentence = `sentence:${c.id}`;
    if (c.kind === "criminal" && c.opened) {
      push({
        date: c.opened.date,
        effect: { kind: "open", status: "under-investigation", key: inv, supersedes: [] },
        citations: c.citations,
      });
    }
    for (const ch of c.charges) {
      if (ch.person !== personId || !ch.date || c.kind !== "criminal") continue;
      push({
        date: ch.date.date,
        effect: { kind: "open", status: "under-investigation", key: inv, supersedes: [] },
        citations: ch.citations,
      });
    }
    for (const m of c.measures) {
      if (m.person !== personId) continue;
      const status = MEASURE_STATUS[m.kind];
      if (!status) continue;
      const limit = UNREPORTED_END[m.kind];
      const from = startDay(m.from.date);
      push({
        date: m.from.date,
        ...(m.to
          ? { endDay: addDays(lastDayOf(m.to), 1) }
          : limit
            ? {
                endDay: limit.months ? addMonths(from, limit.months) : addDays(from, limit.days ?? 0),
                lapses: true,
              }
            : {}),
        // A new measure replaces any earlier one, whatever case it was recorded under (reports often leave
        // the end of a measure unstated).
        effect: { kind: "open", status, key: measure, supersedes: ["measure:*"] },
        citations: m.citations,
      });
    }
    for (const s of c.sentences) {
      if (s.person !== personId) continue;
      const status = SENTENCE_STATUS[s.kind];
      if (s.inAbsentia || (!status && !FINAL_SENTENCES.has(s.kind))) {
        if (s.inAbsentia)
          push({ date: s.imposed.date, effect: { kind: "close", keys: [inv] }, citations: s.citations });
        continue;
      }
      if (!status) {
        push({
          date: s.imposed.date,
          effect: { kind: "close", keys: [inv, measure, sentence] },
          citations: s.citations,
        });
        continue;
      }
      const start = startDay(s.imposed.date);
      const endDay = s.endsOn
        ? addDays(lastDayOf(s.endsOn), 1)
        : s.termMonths !== undefined && s.kind !== "life-imprisonment"
          ? addMonths(start, s.termMonths)
          : undefined;
      push({
        date: s.imposed.date,
        ...(endDay ? { endDay } : {}),
        effect: {
          kind: "open",
          status,
          key: status === "fined-or-warned" ? "admin" : sentence,
          // A fine or compulsory labour given with a graver sentence must not replace it.
          supersedes: status === "fined-or-warned" ? [inv, measure] : [inv, "measure:*", sentence],
        },
        citations: s.citations,
      });
    }
  }

  for (const e of events) {
    if (!e.persons.includes(personId)) continue;
    const effect = EVENT_EFFECT[e.type];
    const caseKey = e.case ?? "none";
    let f: Fact["effect"];
    if ("open" in effect) {
      const key = effect.key === "investigation" ? `investigation:${caseKey}` : effect.key;
      f = { kind: "open", status: effect.open, key, supersedes: [] };
    } else if ("close" in effect) {
      f =
        effect.close === "all"
          ? { kind: "close", keys: "all" }
          : effect.close === "exile"
            ? { kind: "close", keys: ["exile"] }
            : e.case
              ? {
                  kind: "close",
                  keys: [`investigation:${e.case}`, `measure:${e.case}`, `sentence:${e.case}`],
                }
              : { kind: "close", keys: "all" };
    } else if ("deceased" in effect) {
      f = { kind: "deceased" };
    } else {
      f = { kind: "contact" };
    }
    push({ date: e.date.date, effect: f, citations: e.citations });
  }
  return facts.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
}

export interface StatusResult {
  status: Status;
  /** The date of the fact that put the person in this status (or the day a term ran out). */
  since?: PartialDate;
  citations: Citation[];
  /** "unknown" because custody with no reported end lapsed (UNREPORTED_END). */
  unreportedEnd?: true;
}

function evaluate(facts: readonly Fact[], day: string): StatusResult {
  const open = new Map<
    string,
    { status: Status; endDay?: string; lapses?: true; since: PartialDate; citations: Citation[] }
  >();
  let any = false;
  let lastChange: { since: PartialDate; citations: Citation[] } | undefined;
  for (const f of facts) {
    if (f.day > day) break;
    any = true;
    const e = f.effect;
    if (e.kind === "deceased") return { status: "deceased", since: f.date, citations: f.citations };
    if (e.kind === "open") {
      for (const k of e.supersedes) {
        if (k.endsWith(":*")) {
          for (const open_ of [...open.keys()]) if (open_.startsWith(k.slice(0, -1))) open.delete(open_);
        } else open.delete(k);
      }
      // A fine or warning is a one-off: anything graver that follows replaces it.
      if (e.key !== "admin") open.delete("admin");
      open.set(e.key, {
        status: e.status,
        ...(f.endDay ? { endDay: f.endDay } : {}),
        ...(f.lapses ? { lapses: true as const } : {}),
        since: f.date,
        citations: f.citations,
      });
    } else if (e.kind === "close") {
      // Release from custody ends every state but exile: someone freed abroad stays in exile.
      if (e.keys === "all") {
        for (const k of [...open.keys()]) if (k !== "exile") open.delete(k);
      } else for (const k of e.keys) open.delete(k);
      lastChange = { since: f.date, citations: f.citations };
    }
  }
  if (!any) return { status: "unknown", citations: [] };
  let best: { status: Status; since: PartialDate; citations: Citation[] } | undefined;
  let lastEnded: { since: PartialDate; citations: Citation[]; lapsed?: true } | undefined;
  for (const s of open.values()) {
    if (s.endDay !== undefined && s.endDay <= day) {
      if (!lastEnded || s.endDay > lastEnded.since)
        lastEnded = {
          since: s.endDay,
          citations: s.citations,
          ...(s.lapses ? { lapsed: true as const } : {}),
        };
      continue;
    }
    if (!best || PRECEDENCE.indexOf(s.status) < PRECEDENCE.indexOf(best.status)) best = s;
  }
  if (best) return { status: best.status, since: best.since, citations: best.citations };
  const ended = [lastChange, lastEnded]
    .filter((x) => x !== undefined)
    .sort((a, b) => comparePartialDates(b.since, a.since))[0];
  // Nothing holds, and the last thing known was custody whose end was never reported: not known to be free.
  if (ended && "lapsed" in ended)
    return { status: "unknown", since: ended.since, citations: ended.citations, unreportedEnd: true };
  return {
    status: "released",
    ...(ended ? { since: ended.since, citations: ended.citations } : { citations: [] }),
  };
}

/** The person's status on a day (YYYY-MM-DD), derived only from dated facts. */
export function statusAsOf(personId: string, facts: StatusFacts, day: string): StatusResult {
  return evaluate(collectFacts(personId, facts), startDay(day));
}

export const StatusPeriodSchema = z.strictObject({
  status: StatusSchema,
  from: PartialDateSchema,
  citations: z.array(CitationSchema),
  /** The status became unknown because custody with no reported end lapsed (UNREPORTED_END). */
  unreportedEnd: z.literal(true).optional(),
});
export type StatusPeriod = z.infer<typeof StatusPeriodSchema>;

/** The sequence of statuses a person went through, oldest first, up to and including `day`. */
export function statusHistory(personId: string, facts: StatusFacts, day: string): StatusPeriod[] {
  const all = collectFacts(personId, facts);
  const limit = startDay(day);
  const days = new Set<string>();
  for (const f of all) {
    if (f.day <= limit) days.add(f.day);
    if (f.endDay !== undefined && f.endDay <= limit) days.add(f.endDay);
  }
  const history: StatusPeriod[] = [];
  for (const d of [...days].sort()) {
    const r = evaluate(all, d);
    const last = history[history.length - 1];
    if (last?.status === r.status) continue;
    // A period starts on the day of the change; the fact's own date is kept when it is that day (precision).
    const from = r.since !== undefined && startDay(r.since) === d ? r.since : d;
    history.push({
      status: r.status,
      from,
      citations: r.citations,
      ...(r.unreportedEnd ? { unreportedEnd: true as const } : {}),
    });
    if (r.status === "deceased") break;
  }
  return history;
}
