import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaseSchema, type Case } from "./case.ts";
import { EventSchema, type Event, EVENT_TYPES } from "./event.ts";
import { classify } from "./lists.ts";
import { statusAsOf, statusHistory, STATUSES } from "./status.ts";

const cite = [{ source: "r", lines: [1, 2] as [number, number] }];
const P = "p-abishev";

// Aset Abishev as the reports tell it: detained on 7 July 2018 (004:42), sentenced to 4 years (000),
// released on 30 July 2021 (000:318).
const abishevCase: Case = CaseSchema.parse({
  id: "c-1",
  slug: "c-1",
  title: "DCK case",
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

describe("statusAsOf", () => {
  it("follows the dated facts, so each report's date gets its own status", () => {
    const facts = { cases: [abishevCase], events: [released] };
    expect(statusAsOf(P, facts, "2018-01-01").status).toBe("unknown");
    expect(statusAsOf(P, facts, "2018-08-01").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, facts, "2021-07-01").status).toBe("imprisoned");
    expect(statusAsOf(P, facts, "2021-09-01")).toMatchObject({ status: "released", since: "2021-07-30" });
  });

  it("ends a term when it runs out, with no release event", () => {
    const facts = { cases: [abishevCase], events: [] };
    expect(statusAsOf(P, facts, "2022-11-26").status).toBe("imprisoned");
    expect(statusAsOf(P, facts, "2022-11-27").status).toBe("released");
  });

  it("lets a later sentence replace an earlier one (restriction of liberty turned into prison)", () => {
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
          kind: "imprisonment",
          imposed: { date: "2020-03" },
          stage: "conversion",
          termMonths: 24,
          citations: cite,
        },
      ],
    });
    const facts = { cases: [c], events: [] };
    expect(statusAsOf(P, facts, "2019-06-01").status).toBe("restriction-of-liberty");
    expect(statusAsOf(P, facts, "2020-06-01").status).toBe("imprisoned");
    expect(statusHistory(P, facts, "2023-01-01").map((s) => s.status)).toEqual([
      "under-investigation",
      "restriction-of-liberty",
      "imprisoned",
      "released",
    ]);
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

  it("is a function of the facts up to the day: later facts never change an earlier status", () => {
    const eventArb = fc.record({
      type: fc.constantFrom(...EVENT_TYPES),
      year: fc.integer({ min: 2015, max: 2024 }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 8 }),
        eventArb,
        fc.integer({ min: 2015, max: 2024 }),
        (evs, late, year) => {
          const mk = (e: typeof late, i: number) =>
            EventSchema.parse({
              id: `e-${i}`,
              type: e.type,
              date: { date: `${e.year}-${String(e.month).padStart(2, "0")}` },
              persons: [P],
              description: { en: "x" },
              citations: cite,
            });
          const events = evs.map(mk);
          const day = `${year}-06-15`;
          const before = statusAsOf(P, { cases: [abishevCase], events }, day);
          expect(STATUSES).toContain(before.status);
          // A fact dated after the day cannot change the status on that day.
          const after = { ...late, year: year + 1 };
          const withLater = statusAsOf(P, { cases: [abishevCase], events: [...events, mk(after, 99)] }, day);
          expect(withLater.status).toBe(before.status);
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
      title: "old",
      defendants: [P],
      measures: [{ person: P, kind: "house-arrest", from: { date: "2019-06" }, citations: cite }],
    });
    const later = CaseSchema.parse({
      id: "c-new",
      slug: "c-new",
      title: "new",
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

describe("custody with no reported end (UNREPORTED_END)", () => {
  const custody = (measures: object[], extra: object = {}): Case =>
    CaseSchema.parse({
      id: "c-9",
      slug: "c-9",
      title: "Rally case",
      defendants: [P],
      charges: [],
      measures: measures.map((m) => ({ person: P, citations: cite, ...m })),
      sentences: [],
      citations: cite,
      ...extra,
    });

  it("does not keep someone in pre-trial detention for ever on one old report: after 18 months it is unknown", () => {
    const facts = {
      cases: [custody([{ kind: "pre-trial-detention", from: { date: "2019-07-10" } }])],
      events: [],
    };
    expect(statusAsOf(P, facts, "2020-12-31").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, facts, "2021-01-10")).toMatchObject({
      status: "unknown",
      since: "2021-01-10",
      unreportedEnd: true,
    });
    expect(statusHistory(P, facts, "2026-11-24")).toEqual([
      { status: "pre-trial-detention", from: "2019-07-10", citations: cite },
      { status: "unknown", from: "2021-01-10", citations: cite, unreportedEnd: true },
    ]);
  });

  it("leaves what else is known: a criminal case opened stays an investigation", () => {
    const facts = {
      cases: [
        custody([{ kind: "house-arrest", from: { date: "2022-01-20" } }], { opened: { date: "2022-01-15" } }),
      ],
      events: [],
    };
    expect(statusAsOf(P, facts, "2023-07-19").status).toBe("house-arrest");
    expect(statusAsOf(P, facts, "2023-07-20").status).toBe("under-investigation");
  });

  it("ends temporary detention after 72 hours, and never cuts short an end or a sentence that is reported", () => {
    const temporary = {
      cases: [custody([{ kind: "temporary-detention", from: { date: "2022-01-06" } }])],
      events: [],
    };
    expect(statusAsOf(P, temporary, "2022-01-08").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, temporary, "2022-01-09").status).toBe("unknown");
    const reported = {
      cases: [custody([{ kind: "pre-trial-detention", from: { date: "2019-07-10" }, to: "2022-03-01" }])],
      events: [],
    };
    expect(statusAsOf(P, reported, "2022-02-01").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, reported, "2022-03-02")).toMatchObject({ status: "released" });
    // A sentence reported later replaces the measure, lapse or not.
    expect(statusAsOf(P, { cases: [abishevCase], events: [] }, "2020-06-01").status).toBe("imprisoned");
  });

  it("is not 'released' when a later report says custody went on: a later measure restarts the clock", () => {
    const facts = {
      cases: [
        custody([
          { kind: "pre-trial-detention", from: { date: "2019-07-10" } },
          { kind: "pre-trial-detention", from: { date: "2020-12-01" } },
        ]),
      ],
      events: [],
    };
    expect(statusAsOf(P, facts, "2021-06-01").status).toBe("pre-trial-detention");
    expect(statusAsOf(P, facts, "2022-06-01").status).toBe("unknown");
  });
});
