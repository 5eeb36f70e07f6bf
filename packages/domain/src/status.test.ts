import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaseSchema, type Case } from "./case.ts";
import { EventSchema, type Event, EVENT_TYPES } from "./event.ts";
import { classify } from "./lists.ts";
import {
  reportAge,
  unconfirmedAfter,
  statusAsOf,
  statusHistory,
  STATUSES,
  type StatusFacts,
} from "./status.ts";

const cite = [{ source: "r", lines: [1, 2] as [number, number] }];
const P = "p-abishev";

// Aset Abishev as the reports tell it: detained on 7 July 2018 (004:42), sentenced to 4 years (000),
// released on 30 July 2021 (000:318).
const abishevCase: Case = CaseSchema.parse({
  id: "c-1",
  slug: "c-1",
  title: { en: "DCK case" },
  defendants: [P],
  charges: [
    { person: P, code: "criminal", article: "266", part: "1", date: { date: "2018-07-07" }, citations: cite },
  ],
  measures: [{ person: P, kind: "pre-trial-detention", from: { date: "2018-07-07" }, citations: cite }],
  sentences: [
    { person: P, kind: "imprisonment", imposed: { date: "2018-11-27" }, termMonths: 48, citations: cite },
  ],
  citations: cite,
});
const released: Event = EventSchema.parse({
  id: "e-1",
  type: "released",
  date: { date: "2021-07-30" },
  persons: [P],
  description: { en: "Released from the colony." },
  citations: cite,
});

const ev = (id: string, type: string, date: string, extra: object = {}): Event =>
  EventSchema.parse({
    id,
    type,
    date: { date },
    persons: [P],
    description: { en: "x" },
    citations: cite,
    ...extra,
  });
const report = (status: string, asOf: string, lines: [number, number] = [9, 9]) =>
  ({ status, asOf, citations: [{ source: "later", lines }] }) as NonNullable<StatusFacts["reports"]>[number];
const caseOf = (extra: object): Case =>
  CaseSchema.parse({
    id: "c-9",
    slug: "c-9",
    title: { en: "Case" },
    defendants: [P],
    citations: cite,
    ...extra,
  });

describe("statusAsOf", () => {
  it("follows the dated facts, so each report's date gets its own status", () => {
    const facts = { cases: [abishevCase], events: [released] };
    expect(statusAsOf(P, facts, "2018-01-01").status).toBe("unknown");
    expect(statusAsOf(P, facts, "2018-08-01").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, facts, "2021-07-01").status).toBe("imprisoned");
    expect(statusAsOf(P, facts, "2021-09-01")).toMatchObject({
      status: "released",
      since: "2021-07-30",
      citations: cite,
      lastReported: { date: "2021-07-30", citations: cite },
    });
  });

  it("never ends a term by itself: the end is expected and computed, the status stays as last reported", () => {
    const facts = { cases: [abishevCase], events: [] };
    const r = statusAsOf(P, facts, "2026-12-05");
    expect(r).toMatchObject({
      status: "imprisoned",
      since: "2018-11-27",
      lastReported: { date: "2018-11-27" },
      expectedEnd: { date: "2022-11-27", basis: "sentence-term", months: 48, computed: true },
    });
    expect(statusHistory(P, facts, "2026-12-05").map((h) => h.status)).toEqual([
      "pre-trial-detention",
      "imprisoned",
    ]);
  });

  it("gives custody with no reported end an expected end at the legal maximum, never a change of status", () => {
    const facts = {
      cases: [
        caseOf({
          measures: [
            { person: P, kind: "pre-trial-detention", from: { date: "2019-07-10" }, citations: cite },
          ],
        }),
      ],
      events: [],
    };
    expect(statusAsOf(P, facts, "2025-01-01")).toMatchObject({
      status: "pre-trial-detention",
      expectedEnd: { date: "2021-01-10", basis: "custody-limit", months: 18, computed: true },
    });
    // A start known to the year only gives the months the limit can fall in, not 1 January.
    const byYear = {
      cases: [
        caseOf({ measures: [{ person: P, kind: "house-arrest", from: { date: "2019" }, citations: cite }] }),
      ],
      events: [],
    };
    expect(statusAsOf(P, byYear, "2025-01-01").expectedEnd).toEqual({
      date: "2020-07",
      end: "2021-06",
      basis: "custody-limit",
      months: 18,
      computed: true,
    });
    // A reported end is a fact: the state ends the day after it.
    const ended = {
      cases: [
        caseOf({
          measures: [
            {
              person: P,
              kind: "pre-trial-detention",
              from: { date: "2019-07-10" },
              to: "2019-09",
              citations: cite,
            },
          ],
        }),
      ],
      events: [],
    };
    expect(statusAsOf(P, ended, "2019-09-30").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, ended, "2019-10-01")).toMatchObject({ status: "released", since: "2019-09" });
    // The reported end of one measure does not end a later measure of the same case.
    const moved = {
      cases: [
        caseOf({
          measures: [
            {
              person: P,
              kind: "pre-trial-detention",
              from: { date: "2019-07-10" },
              to: "2019-08-20",
              citations: cite,
            },
            { person: P, kind: "house-arrest", from: { date: "2019-08-15" }, citations: cite },
          ],
        }),
      ],
      events: [],
    };
    expect(statusAsOf(P, moved, "2019-09-01").status).toBe("house-arrest");
    expect(statusHistory(P, moved, "2019-09-01").map((h) => h.status)).toEqual([
      "pre-trial-detention",
      "house-arrest",
    ]);
  });

  it("treats a partial date as an interval: a fact counts from its last possible day and keeps its precision", () => {
    const facts = { cases: [abishevCase], events: [ev("r", "released", "2019")] };
    expect(statusAsOf(P, facts, "2019-06-01").status).toBe("imprisoned");
    expect(statusAsOf(P, facts, "2020-01-01")).toMatchObject({ status: "released", since: "2019" });
    const last = statusHistory(P, facts, "2026-01-01").at(-1);
    expect(last).toMatchObject({ status: "released", from: "2019", fromDay: "2019-12-31" });
  });

  it("does not imprison for a sentence the person did not serve (unserved, in absentia, suspended)", () => {
    // Ermek Narymbaev: sentenced before he fled in 2016, ordered to serve the rest on his return in February 2022.
    const c = caseOf({
      sentences: [
        {
          person: P,
          kind: "imprisonment",
          imposed: { date: "2016" },
          termMonths: 36,
          unserved: true,
          citations: cite,
        },
        {
          person: P,
          kind: "imprisonment",
          imposed: { date: "2022-02" },
          stage: "conversion",
          citations: cite,
        },
      ],
    });
    const facts = { cases: [c], events: [ev("f", "fled", "2016")] };
    expect(statusAsOf(P, facts, "2020-01-01").status).toBe("in-exile");
    expect(statusAsOf(P, facts, "2022-03-01")).toMatchObject({ status: "imprisoned", since: "2022-02" });
    expect(statusAsOf(P, facts, "2022-03-01").expectedEnd).toBeUndefined();
    const absentia = caseOf({
      sentences: [
        { person: P, kind: "imprisonment", imposed: { date: "2018-11" }, inAbsentia: true, citations: cite },
      ],
    });
    expect(statusAsOf(P, { cases: [absentia], events: [ev("f", "fled", "2017")] }, "2021-01-01").status).toBe(
      "in-exile",
    );
    const suspended = caseOf({
      sentences: [
        { person: P, kind: "suspended", imposed: { date: "2019-05-02" }, termMonths: 24, citations: cite },
      ],
    });
    expect(statusAsOf(P, { cases: [suspended], events: [] }, "2019-06-01").status).toBe("suspended-sentence");
  });

  it("keeps a sentence with no term as last reported, with no expected end", () => {
    const c = caseOf({
      sentences: [{ person: P, kind: "imprisonment", imposed: { date: "2009" }, citations: cite }],
    });
    const facts = { cases: [c], events: [ev("p", "parole-denied", "2019-07-24")] };
    expect(statusAsOf(P, facts, "2030-01-01")).toMatchObject({
      status: "imprisoned",
      since: "2009",
      lastReported: { date: "2019-07-24" },
    });
    expect(statusAsOf(P, facts, "2030-01-01").expectedEnd).toBeUndefined();
  });

  it("ends only its own case with an acquittal, and nothing with an acquittal of no known case", () => {
    const a = caseOf({
      id: "c-a",
      slug: "c-a",
      sentences: [
        {
          person: P,
          kind: "restriction-of-liberty",
          imposed: { date: "2019-01-10" },
          termMonths: 36,
          citations: cite,
        },
      ],
    });
    const b = caseOf({
      id: "c-b",
      slug: "c-b",
      measures: [{ person: P, kind: "pre-trial-detention", from: { date: "2020-02-01" }, citations: cite }],
    });
    const acquittedB = ev("q", "acquitted", "2020-06-01", { case: "c-b" });
    expect(statusAsOf(P, { cases: [a, b], events: [acquittedB] }, "2020-07-01").status).toBe(
      "restriction-of-liberty",
    );
    const acquittedUnknown = ev("q", "acquitted", "2020-06-01");
    expect(statusAsOf(P, { cases: [a, b], events: [acquittedUnknown] }, "2020-07-01").status).toBe(
      "pre-trial-detention",
    );
  });

  it("applies facts of one day in a fixed order whatever order they are given in", () => {
    const c = caseOf({
      measures: [{ person: P, kind: "pre-trial-detention", from: { date: "2021-03-01" }, citations: cite }],
      sentences: [
        { person: P, kind: "imprisonment", imposed: { date: "2021-06-01" }, termMonths: 12, citations: cite },
      ],
    });
    const rel = ev("r", "released", "2021-06-01");
    for (const events of [[rel], [rel, ev("d", "detained", "2021-06-01")]]) {
      expect(statusAsOf(P, { cases: [c], events }, "2021-06-01").status).toBe("released");
      expect(statusAsOf(P, { cases: [c], events: [...events].reverse() }, "2021-06-01").status).toBe(
        "released",
      );
    }
    // A verdict and a measure of the same day: the verdict comes after the measure.
    const sameDay = caseOf({
      measures: [{ person: P, kind: "pre-trial-detention", from: { date: "2021-06-01" }, citations: cite }],
      sentences: [
        { person: P, kind: "suspended", imposed: { date: "2021-06-01" }, termMonths: 12, citations: cite },
      ],
    });
    expect(statusAsOf(P, { cases: [sameDay], events: [] }, "2021-06-01").status).toBe("suspended-sentence");
  });

  it("dates a status by its last report, and lets a report set what no dated fact explains", () => {
    // Aron Atabek: serving a prison term on 1 September 2021, the report gives no verdict.
    expect(
      statusAsOf(P, { cases: [], events: [], reports: [report("imprisoned", "2021-09-01")] }, "2026-12-05"),
    ).toEqual({
      status: "imprisoned",
      since: "2021-09-01",
      sinceBound: "before",
      citations: [{ source: "later", lines: [9, 9] }],
      lastReported: { date: "2021-09-01", citations: [{ source: "later", lines: [9, 9] }] },
    });
    // A report confirming the derived status moves its last-reported date, not its start.
    const confirmed = statusAsOf(
      P,
      { cases: [abishevCase], events: [], reports: [report("imprisoned", "2021-07")] },
      "2021-09-01",
    );
    expect(confirmed).toMatchObject({
      status: "imprisoned",
      since: "2018-11-27",
      lastReported: { date: "2021-07" },
    });
    // Mukhtar Dzhakishev: in prison since about 2009, reported released by 1 September 2021.
    const c = caseOf({
      sentences: [{ person: P, kind: "imprisonment", imposed: { date: "2009" }, citations: cite }],
    });
    const freed = { cases: [c], events: [], reports: [report("released", "2021-09-01")] };
    expect(statusAsOf(P, freed, "2021-08-31").status).toBe("imprisoned");
    expect(statusAsOf(P, freed, "2021-09-01")).toMatchObject({ status: "released", since: "2021-09-01" });
    // A report dated to a month does not overrule a release on a day of that month (it may describe the time before).
    const monthly = { cases: [abishevCase], events: [released], reports: [report("imprisoned", "2021-07")] };
    expect(statusAsOf(P, monthly, "2021-09-01")).toMatchObject({ status: "released", since: "2021-07-30" });
    // A new verdict brings its own term: the earlier expected end goes.
    const again = caseOf({
      sentences: [
        {
          person: P,
          kind: "restriction-of-liberty",
          imposed: { date: "2020" },
          termMonths: 12,
          citations: cite,
        },
        { person: P, kind: "restriction-of-liberty", imposed: { date: "2023-01-24" }, citations: cite },
      ],
    });
    expect(statusAsOf(P, { cases: [again], events: [] }, "2023-02-01")).toMatchObject({
      status: "restriction-of-liberty",
      since: "2020",
      lastReported: { date: "2023-01-24" },
    });
    expect(statusAsOf(P, { cases: [again], events: [] }, "2023-02-01").expectedEnd).toBeUndefined();
    // A report of a lesser state ends a graver one (released early and the rest turned into restriction).
    const lesser = {
      cases: [abishevCase],
      events: [],
      reports: [report("restriction-of-liberty", "2020-05")],
    };
    expect(statusAsOf(P, lesser, "2020-06-01")).toMatchObject({
      status: "restriction-of-liberty",
      since: "2020-05",
    });
  });

  it("keeps a person sentenced in absentia in exile", () => {
    const fled = EventSchema.parse({ ...released, id: "e-2", type: "fled", date: { date: "2017" } });
    const c = CaseSchema.parse({
      ...abishevCase,
      charges: [],
      measures: [],
      sentences: [
        {
          person: P,
          kind: "life-imprisonment",
          imposed: { date: "2018-11" },
          inAbsentia: true,
          citations: cite,
        },
      ],
    });
    expect(statusAsOf(P, { cases: [c], events: [fled] }, "2021-01-01").status).toBe("in-exile");
  });

  it("never changes after death", () => {
    const died = EventSchema.parse({ ...released, id: "e-3", type: "died", date: { date: "2019-02-01" } });
    const facts = { cases: [abishevCase], events: [died, released] };
    expect(statusAsOf(P, facts, "2025-01-01").status).toBe("deceased");
    expect(statusHistory(P, facts, "2025-01-01").at(-1)?.status).toBe("deceased");
  });

  it("ignores facts about other people", () => {
    expect(
      statusAsOf("someone-else", { cases: [abishevCase], events: [released] }, "2020-01-01").status,
    ).toBe("unknown");
  });

  it("has no status before the first fact, and no status from events that say nothing of it", () => {
    const facts = {
      cases: [],
      events: [ev("a", "detained", "2019-05-01"), ev("b", "searched", "2019-05-02")],
    };
    expect(statusAsOf(P, facts, "2020-01-01").status).toBe("unknown");
    expect(statusHistory(P, facts, "2020-01-01")).toEqual([]);
    expect(statusHistory(P, { cases: [abishevCase], events: [released] }, "2026-01-01")[0]).toMatchObject({
      status: "pre-trial-detention",
      from: "2018-07-07",
    });
  });

  const eventArb = fc.record({
    type: fc.constantFrom(...EVENT_TYPES),
    year: fc.integer({ min: 2015, max: 2024 }),
    month: fc.integer({ min: 0, max: 12 }),
  });
  const reportArb = fc.record({
    status: fc.constantFrom(...STATUSES.filter((s) => s !== "unknown")),
    year: fc.integer({ min: 2015, max: 2024 }),
  });
  const mk = (e: { type: string; year: number; month: number }, i: number) =>
    ev(`e-${i}`, e.type, e.month === 0 ? String(e.year) : `${e.year}-${String(e.month).padStart(2, "0")}`);

  it("is a function of the facts up to the day: later facts never change an earlier status", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 8 }),
        eventArb,
        fc.integer({ min: 2015, max: 2024 }),
        (evs, late, year) => {
          const events = evs.map(mk);
          const day = `${year}-06-15`;
          const before = statusAsOf(P, { cases: [abishevCase], events }, day);
          expect(STATUSES).toContain(before.status);
          const after = { ...late, year: year + 1 };
          const withLater = statusAsOf(P, { cases: [abishevCase], events: [...events, mk(after, 99)] }, day);
          expect(withLater.status).toBe(before.status);
        },
      ),
    );
  });

  it("gives every period a citation and a last-reported date, and no period starts after the last fact", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 8 }),
        fc.array(reportArb, { maxLength: 3 }),
        (evs, reps) => {
          const events = evs.map(mk);
          const reports = reps.map((r) => report(r.status, String(r.year)));
          const history = statusHistory(P, { cases: [abishevCase], events, reports }, "2100-01-01");
          const lastFact = [
            "2018-11-27",
            ...events.map((e) => (e.date.date.length === 4 ? `${e.date.date}-12-31` : `${e.date.date}-31`)),
            ...reports.map((r) => `${r.asOf}-12-31`),
          ]
            .sort()
            .at(-1) as string;
          for (const h of history) {
            expect(h.status).not.toBe("unknown");
            expect(h.citations.length).toBeGreaterThan(0);
            expect(h.lastReported.citations.length).toBeGreaterThan(0);
            expect(h.fromDay <= lastFact).toBe(true);
          }
        },
      ),
    );
  });
});

describe("classify", () => {
  const pace = [{ criterion: "fundamental-freedoms" as const }];
  it("counts as a political prisoner only someone deprived of liberty whose case meets a PACE criterion", () => {
    expect(classify("imprisoned", { pace, roles: [] }, []).lists).toEqual(["political-prisoners"]);
    expect(classify("imprisoned", { pace: [], roles: [] }, []).politicalPrisoner).toBe(false);
    expect(classify("house-arrest", { pace, roles: [] }, []).lists).toEqual(["persecuted"]);
    expect(classify("restriction-of-liberty", { pace, roles: [] }, []).lists).toEqual([
      "persecuted",
      "restriction-of-liberty",
    ]);
    expect(
      classify("deceased", { pace: [], roles: [{ kind: "human-rights-defender" }] }, [{ type: "killed" }])
        .lists,
    ).toEqual(["persecuted", "killed", "human-rights-defenders"]);
  });

  it("on a past day, counts only the assessments a source had made by then", () => {
    const assessed = [{ criterion: "fundamental-freedoms" as const, citations: [{ source: "odf-2023" }] }];
    const sourceDays = new Map([["odf-2023", "2023-02-28"]]);
    expect(
      classify("imprisoned", { pace: assessed, roles: [] }, [], { day: "2021-09-01", sourceDays })
        .politicalPrisoner,
    ).toBe(false);
    expect(
      classify("imprisoned", { pace: assessed, roles: [] }, [], { day: "2023-03-01", sourceDays })
        .politicalPrisoner,
    ).toBe(true);
  });
});

describe("statusAsOf, combined sentences and exile", () => {
  it("keeps the graver of two sentences imposed together", () => {
    const c = CaseSchema.parse({
      ...abishevCase,
      measures: [],
      sentences: [
        {
          person: P,
          kind: "restriction-of-liberty",
          imposed: { date: "2019-01-10" },
          termMonths: 36,
          citations: cite,
        },
        {
          person: P,
          kind: "compulsory-labour",
          imposed: { date: "2019-01-10" },
          hours: 100,
          citations: cite,
        },
      ],
    });
    expect(statusAsOf(P, { cases: [c], events: [] }, "2019-06-01").status).toBe("restriction-of-liberty");
  });

  it("keeps someone released from extradition custody abroad in exile", () => {
    const ev = (id: string, type: string, date: string) =>
      EventSchema.parse({
        id,
        type,
        date: { date },
        persons: [P],
        description: { en: "x" },
        citations: cite,
      });
    const facts = {
      cases: [],
      events: [
        ev("a", "fled", "2017"),
        ev("b", "extradition-arrest", "2018-01"),
        ev("c", "released", "2018-03"),
      ],
    };
    expect(statusAsOf(P, facts, "2019-01-01").status).toBe("in-exile");
  });
});

describe("statusAsOf across cases", () => {
  it("ends a measure left open in an earlier case when a later case sentences the person", () => {
    const old = CaseSchema.parse({
      id: "c-old",
      slug: "c-old",
      title: { en: "old" },
      defendants: [P],
      measures: [{ person: P, kind: "house-arrest", from: { date: "2019-06" }, citations: cite }],
    });
    const later = CaseSchema.parse({
      id: "c-new",
      slug: "c-new",
      title: { en: "new" },
      defendants: [P],
      sentences: [
        {
          person: P,
          kind: "restriction-of-liberty",
          imposed: { date: "2021-06-04" },
          termMonths: 12,
          citations: cite,
        },
      ],
    });
    const facts = { cases: [old, later], events: [] };
    expect(statusAsOf(P, facts, "2020-01-01").status).toBe("house-arrest");
    expect(statusAsOf(P, facts, "2021-09-01").status).toBe("restriction-of-liberty");
  });
});

describe("unconfirmedAfter", () => {
  it("limits a detention to its computed end unless a report confirms it at or after that end", () => {
    // Tlek Tabarak: six months from January 2020, nothing later.
    const r = { lastReported: { date: "2020-01" }, expectedEnd: { date: "2020-07" } };
    expect(unconfirmedAfter(r)).toBe("2020-07-31");
    expect(
      classify("imprisoned", { pace: [{ criterion: "fundamental-freedoms" }], roles: [] }, [], {
        day: "2021-09-01",
        unconfirmedAfter: unconfirmedAfter(r),
      }).politicalPrisoner,
    ).toBe(false);
    expect(
      unconfirmedAfter({ lastReported: { date: "2021-09-01" }, expectedEnd: { date: "2021-06" } }),
    ).toBeUndefined();
    expect(unconfirmedAfter({ lastReported: { date: "2021-09-01" } })).toBeUndefined();
  });
});

describe("reportAge", () => {
  it("says how long ago a status was last reported, counting a partial date from its last day", () => {
    expect(reportAge("2026-01", "2026-12-05")).toBe("within-1-year");
    expect(reportAge("2025", "2026-12-05")).toBe("within-1-year");
    expect(reportAge("2024-06-30", "2026-12-05")).toBe("1-3-years");
    expect(reportAge("2021-09-01", "2026-12-05")).toBe("over-3-years");
  });
});
