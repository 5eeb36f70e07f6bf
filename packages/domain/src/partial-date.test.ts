import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseAsOfDay,
  addMonths,
  comparePartialDates,
  DateValueSchema,
  endDay,
  formatDateValue,
  formatPartialDate,
  parseLooseDate,
  parsePartialDate,
  PartialDateSchema,
  startDay,
} from "./partial-date.ts";

const partialDate = fc
  .tuple(
    fc.integer({ min: 1900, max: 2100 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 28 }),
  )
  .map(([y, m, d]) =>
    m === 0
      ? String(y)
      : d === 0
        ? `${y}-${String(m).padStart(2, "0")}`
        : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );

describe("PartialDate", () => {
  it("accepts the three precisions and rejects impossible dates", () => {
    for (const ok of ["2018", "2018-03", "2018-09-17", "2020-02-29"])
      expect(PartialDateSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      "18",
      "2018-3",
      "2018-13",
      "2018-02-30",
      "2019-02-29",
      "March 2018",
      "2018-09-17T00:00",
      "1800",
    ]) {
      expect(PartialDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("covers whole periods", () => {
    expect(startDay("2018")).toBe("2018-01-01");
    expect(endDay("2018")).toBe("2018-12-31");
    expect(endDay("2020-02")).toBe("2020-02-29");
    expect(endDay("2018-09-17")).toBe("2018-09-17");
  });

  it("orders as a total preorder consistent with the first day covered", () => {
    fc.assert(
      fc.property(partialDate, partialDate, partialDate, (a, b, c) => {
        expect(Math.sign(comparePartialDates(a, b))).toBe(-Math.sign(comparePartialDates(b, a)));
        if (comparePartialDates(a, b) <= 0 && comparePartialDates(b, c) <= 0)
          expect(comparePartialDates(a, c)).toBeLessThanOrEqual(0);
        if (startDay(a) < startDay(b)) expect(comparePartialDates(a, b)).toBeLessThan(0);
        expect(comparePartialDates(a, a)).toBe(0);
      }),
    );
  });

  it("puts the less precise date first when both start on the same day", () => {
    expect(comparePartialDates("2018", "2018-01")).toBeLessThan(0);
    expect(comparePartialDates("2018-01", "2018-01-01")).toBeLessThan(0);
    expect(["2018-09-17", "2018-09", "2018", "2017-12-31"].sort(comparePartialDates)).toEqual([
      "2017-12-31",
      "2018",
      "2018-09",
      "2018-09-17",
    ]);
  });

  it("round-trips through parse", () => {
    fc.assert(
      fc.property(partialDate, (d) => {
        const p = parsePartialDate(d);
        expect(p).not.toBeNull();
        expect(p?.year).toBe(Number(d.slice(0, 4)));
      }),
    );
  });

  it("formats in three languages", () => {
    expect(formatPartialDate("2018-03")).toBe("March 2018");
    expect(formatPartialDate("2018-03-17", "ru")).toBe("17 марта 2018");
    expect(formatPartialDate("2018-03", "ru")).toBe("март 2018");
    expect(formatPartialDate("2018-03-17", "kk")).toBe("17 наурыз 2018");
    expect(formatDateValue({ date: "2018-09-17", end: "2018-09-18" })).toBe("17–18 September 2018");
    expect(formatDateValue({ date: "2020", end: "2021" })).toBe("2020 – 2021");
    expect(formatDateValue({ date: "2021-06", approx: true })).toBe("about June 2021");
  });

  it("rejects a range that ends before it starts", () => {
    expect(DateValueSchema.safeParse({ date: "2018-09-18", end: "2018-09-17" }).success).toBe(false);
    expect(DateValueSchema.safeParse({ date: "2018-09-17", end: "2018-09-18" }).success).toBe(true);
  });

  it("reads the date forms the reports use", () => {
    expect(parseLooseDate("10 May 2018")).toEqual({ date: "2018-05-10" });
    expect(parseLooseDate("May 14, 2021")).toEqual({ date: "2021-05-14" });
    expect(parseLooseDate("March 2018")).toEqual({ date: "2018-03" });
    expect(parseLooseDate("17–18 September 2018")).toEqual({ date: "2018-09-17", end: "2018-09-18" });
    expect(parseLooseDate("17–19.09.2018")).toEqual({ date: "2018-09-17", end: "2018-09-19" });
    expect(parseLooseDate("2020–21")).toEqual({ date: "2020", end: "2021" });
    expect(parseLooseDate("early June 2021")).toEqual({ date: "2021-06", approx: true });
    expect(parseLooseDate("From December 2017 to January 2018")).toEqual({ date: "2017-12", end: "2018-01" });
    expect(parseLooseDate("1 May 20019")).toBeNull();
    expect(parseLooseDate("31 February 2019")).toBeNull();
  });

  it("adds months as the reports count terms", () => {
    expect(addMonths("2019-01-31", 1)).toBe("2019-02-28");
    expect(addMonths("2018-07-07", 48)).toBe("2022-07-07");
    expect(addMonths("2018-01-01", 1.5)).toBe("2018-02-16");
  });
});

describe("bounded dates", () => {
  it("formats a date known only as a bound", () => {
    expect(formatDateValue({ date: "2021-09", qualifier: "before" })).toBe("before September 2021");
    expect(formatDateValue({ date: "2021-09", qualifier: "before" }, "ru")).toBe("до сентябрь 2021");
  });
});

describe("parseAsOfDay", () => {
  it("takes a past day, defaults to today, and refuses malformed, impossible and future days", () => {
    expect(parseAsOfDay("2021-09-01", "2026-12-05")).toEqual({ ok: true, day: "2021-09-01", snapshot: true });
    expect(parseAsOfDay(undefined, "2026-12-05")).toEqual({ ok: true, day: "2026-12-05", snapshot: false });
    for (const bad of [
      "2021-9-1",
      "2021-02-30",
      "yesterday",
      "2021",
      ["2021-09-01"],
      "2027-01-01",
      "1900-01-01",
    ])
      expect(parseAsOfDay(bad, "2026-12-05").ok).toBe(false);
  });
});

describe("formatPartialDate in Russian", () => {
  it("puts a month alone in the genitive after a preposition, and leaves days and years alone", () => {
    expect(formatPartialDate("2021-11", "ru")).toBe("ноябрь 2021");
    expect(formatPartialDate("2021-11", "ru", "genitive")).toBe("ноября 2021");
    expect(formatPartialDate("2021-11-05", "ru", "genitive")).toBe("5 ноября 2021");
    expect(formatPartialDate("2021", "ru", "genitive")).toBe("2021");
  });
});
