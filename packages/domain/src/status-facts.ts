import { z } from "zod";
import type { Case } from "./case.ts";
import type { Citation } from "./common.ts";
import type { Event } from "./event.ts";
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
import type { Status } from "./status-report.ts";
import {
  CUSTODY_LIMIT,
  EVENT_EFFECT,
  FINAL_SENTENCES,
  MEASURE_STATUS,
  RANK,
  SENTENCE_STATUS,
} from "./status-rules.ts";

// A person's cases, events and status reports reduced to dated facts (status.ts applies them, ADR 010).

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

export type Effect =
  | { kind: "open"; status: Status; key: string; supersedes: readonly string[] }
  | { kind: "close"; keys: "all" | string[] }
  | { kind: "report"; status: Exclude<Status, "unknown"> }
  | { kind: "confirm"; status: Status }
  | { kind: "deceased" };

/** A dated fact about one person, reduced to what it does to their status. */
export interface Fact {
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

export function collectFacts(personId: string, { cases, events, reports = [] }: StatusFacts): Fact[] {
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
