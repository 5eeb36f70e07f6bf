import { z } from "zod";

/**
 * Dates in the reports are often partial ("March 2018", "2018"), so a date is an ISO string of
 * year, year-month or year-month-day precision, never a JS Date instant.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type Precision = "year" | "month" | "day";
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parsePartialDate(value: string): DateParts | null {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return null;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const PartialDateSchema = z
  .string()
  // The shape as a pattern (it reaches the JSON Schema, so other validators check it too); the refinement checks
  // the calendar (no 2021-02-30) and the range.
  .regex(
    /^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$|^2100(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    {
      message: "Expected a date as YYYY, YYYY-MM or YYYY-MM-DD (1900-2100)",
    },
  )
  .refine((s) => parsePartialDate(s) !== null, {
    message: "Expected a date as YYYY, YYYY-MM or YYYY-MM-DD (1900-2100)",
  })
  .meta({ description: "A date of year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD" });
export type PartialDate = z.infer<typeof PartialDateSchema>;

export const DateValueSchema = z
  .strictObject({
    date: PartialDateSchema,
    /** Last day of a range ("17–18 September 2018"), inclusive. */
    end: PartialDateSchema.optional(),
    /** The source says "about", "early June", "mid-March" and the like. */
    approx: z.boolean().optional(),
    /**
     * Only a bound is known: "before" = by the first day of that date at the latest (a person reported as serving
     * a sentence on a report's date, with no date of the sentence); "after" = some time after it. Status counts a
     * "before" fact from the first day of the date, an "after" fact from its last day.
     */
    qualifier: z.enum(["before", "after"]).optional(),
  })
  .refine((v) => v.end === undefined || comparePartialDates(v.date, v.end) <= 0, {
    message: "A range must not end before it starts",
    path: ["end"],
  });
export type DateValue = z.infer<typeof DateValueSchema>;

export function precisionOf(value: PartialDate): Precision {
  return value.length === 4 ? "year" : value.length === 7 ? "month" : "day";
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** First day covered by a partial date: "2018-03" → "2018-03-01". */
export function startDay(value: PartialDate): string {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError(`Not a partial date: ${value}`);
  return `${pad(p.year, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** Last day covered by a partial date: "2018-02" → "2018-02-28". */
export function endDay(value: PartialDate): string {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError(`Not a partial date: ${value}`);
  const month = p.month ?? 12;
  const day = p.day ?? daysInMonth(p.year, month);
  return `${pad(p.year, 4)}-${pad(month)}-${pad(day)}`;
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** Orders by the first day covered; at equal start the less precise date comes first. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const sa = startDay(a);
  const sb = startDay(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return PRECISION_RANK[precisionOf(a)] - PRECISION_RANK[precisionOf(b)];
}

export function compareDateValues(a: DateValue, b: DateValue): number {
  return comparePartialDates(a.date, b.date) || comparePartialDates(a.end ?? a.date, b.end ?? b.date);
}

/** Adds whole or fractional months to a day ("1.5 years" is 18 months); fractions count as 30 days. */
export function addMonths(day: string, months: number): string {
  const p = parsePartialDate(day);
  if (!p || p.day === undefined || p.month === undefined) throw new RangeError(`Not a day: ${day}`);
  const whole = Math.trunc(months);
  const target = new Date(Date.UTC(p.year, p.month - 1 + whole, 1));
  const dim = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(p.day, dim));
  target.setUTCDate(target.getUTCDate() + Math.round((months - whole) * 30));
  return target.toISOString().slice(0, 10);
}

/**
 * A term added to a partial date, keeping its precision: a day stays a day, a month a month ("2019-10" + 60 →
 * "2024-10"); a year plus whole years stays a year, otherwise the months it can fall in ("2019" + 18 →
 * 2020-07 to 2021-06). Fractions of a month are rounded.
 */
export function addMonthsToPartialDate(
  value: PartialDate,
  months: number,
): { date: PartialDate; end?: PartialDate } {
  const p = parsePartialDate(value);
  if (!p) throw new RangeError(`Not a partial date: ${value}`);
  if (p.day !== undefined) return { date: addMonths(value, months) };
  const m = Math.round(months);
  const month = (y: number, mo: number) => {
    const t = new Date(Date.UTC(y, mo - 1 + m, 1));
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}`;
  };
  if (p.month !== undefined) return { date: month(p.year, p.month) };
  if (m % 12 === 0) return { date: pad(p.year + m / 12, 4) };
  return { date: month(p.year, 1), end: month(p.year, 12) };
}

export function addDays(day: string, days: number): string {
  const t = new Date(`${startDay(day)}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export type Locale = "en" | "ru" | "kk";
export const LOCALES: readonly Locale[] = ["en", "ru", "kk"];

const MONTHS: Record<Locale, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  // Genitive forms, as used with a day: "17 марта 2018"; a month alone uses the nominative below.
  ru: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
  kk: [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
  ],
};
const RU_NOMINATIVE = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];
const APPROX: Record<Locale, string> = { en: "about", ru: "около", kk: "шамамен" };

/**
 * A partial date in words. Russian names a month alone in the nominative ("сентябрь 2021"), or in the genitive
 * after a preposition such as "с" or "не позднее" (`form: "genitive"`: "с сентября 2021").
 */
export function formatPartialDate(
  value: PartialDate,
  locale: Locale = "en",
  form: "nominative" | "genitive" = "nominative",
): string {
  const p = parsePartialDate(value);
  if (!p) return value;
  if (p.month === undefined) return String(p.year);
  const nominative = locale === "ru" && p.day === undefined && form === "nominative";
  const monthName = (nominative ? RU_NOMINATIVE : MONTHS[locale])[p.month - 1];
  if (p.day === undefined) return `${monthName} ${p.year}`;
  return `${p.day} ${monthName} ${p.year}`;
}

const QUALIFIER: Record<Locale, Record<"before" | "after", (d: string) => string>> = {
  en: { before: (d) => `before ${d}`, after: (d) => `after ${d}` },
  ru: { before: (d) => `до ${d}`, after: (d) => `после ${d}` },
  kk: { before: (d) => `${d} дейін`, after: (d) => `${d} кейін` },
};

export function formatDateValue(value: DateValue, locale: Locale = "en"): string {
  if (value.qualifier)
    return QUALIFIER[locale][value.qualifier](formatDateValue({ ...value, qualifier: undefined }, locale));
  const prefix = value.approx ? `${APPROX[locale]} ` : "";
  if (value.end === undefined || value.end === value.date)
    return prefix + formatPartialDate(value.date, locale);
  const a = parsePartialDate(value.date);
  const b = parsePartialDate(value.end);
  if (a && b && a.day !== undefined && b.day !== undefined && a.year === b.year && a.month === b.month) {
    return `${prefix}${a.day}–${formatPartialDate(value.end, locale)}`;
  }
  return `${prefix}${formatPartialDate(value.date, locale)} – ${formatPartialDate(value.end, locale)}`;
}

const EN_MONTH_INDEX = new Map(MONTHS.en.map((m, i) => [m.toLowerCase(), i + 1]));
for (const [name, i] of [...EN_MONTH_INDEX]) EN_MONTH_INDEX.set(name.slice(0, 3), i);

function monthIndex(name: string): number | undefined {
  return EN_MONTH_INDEX.get(name.toLowerCase().replace(/\.$/, ""));
}

function iso(year: number, month?: number, day?: number): PartialDate | null {
  const s =
    month === undefined
      ? pad(year, 4)
      : day === undefined
        ? `${pad(year, 4)}-${pad(month)}`
        : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return parsePartialDate(s) ? s : null;
}

/**
 * Reads the date forms the reports use: "10 May 2018", "May 14, 2021", "March 2018", "2018",
 * "17–18 September 2018", "17–19.09.2018", "17.09.2018", "2020–21", "early June 2021".
 * Returns null when the text is not one of these forms.
 */
export function parseLooseDate(input: string): DateValue | null {
  let text = input.trim().replace(/\s+/g, " ").replace(/[–—]/g, "-");
  let approx = false;
  const hedge = /^(?:about|around|approximately|circa|c\.|early|mid|mid-|late|in early|in late|in mid-?)\s*/i;
  if (hedge.test(text)) {
    approx = true;
    text = text.replace(hedge, "");
  }
  const out = (date: PartialDate | null, end?: PartialDate | null): DateValue | null => {
    if (!date || end === null) return null;
    const v: DateValue = { date };
    if (end !== undefined && end !== date) v.end = end;
    if (approx) v.approx = true;
    return comparePartialDates(date, end ?? date) <= 0 ? v : null;
  };
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return out(iso(Number(m[1])));
  if ((m = /^(\d{4})-(\d{2}|\d{4})$/.exec(text))) {
    const y1 = Number(m[1]);
    const y2 = (m[2] ?? "").length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
    return out(iso(y1), iso(y2));
  }
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text)))
    return out(iso(Number(m[3]), Number(m[2]), Number(m[1])));
  if ((m = /^(\d{1,2})-(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) {
    const [y, mo] = [Number(m[4]), Number(m[3])];
    return out(iso(y, mo, Number(m[1])), iso(y, mo, Number(m[2])));
  }
  if ((m = /^([A-Za-z]+\.?) (\d{4})$/.exec(text))) {
    const mo = monthIndex(m[1] ?? "");
    return mo ? out(iso(Number(m[2]), mo)) : null;
  }
  if ((m = /^(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(text))) {
    const mo = monthIndex(m[2] ?? "");
    return mo ? out(iso(Number(m[3]), mo, Number(m[1]))) : null;
  }
  if ((m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(text))) {
    const mo = monthIndex(m[1] ?? "");
    return mo ? out(iso(Number(m[3]), mo, Number(m[2]))) : null;
  }
  if ((m = /^(\d{1,2}) ?- ?(\d{1,2}) ([A-Za-z]+\.?),? (\d{4})$/.exec(text))) {
    const mo = monthIndex(m[3] ?? "");
    const y = Number(m[4]);
    return mo ? out(iso(y, mo, Number(m[1])), iso(y, mo, Number(m[2]))) : null;
  }
  if ((m = /^(?:from )?([A-Za-z]+) (\d{4})? ?(?:-|to|through) ([A-Za-z]+) (\d{4})$/i.exec(text))) {
    const [mo1, mo2] = [monthIndex(m[1] ?? ""), monthIndex(m[3] ?? "")];
    const y2 = Number(m[4]);
    const y1 = m[2] ? Number(m[2]) : y2;
    return mo1 && mo2 ? out(iso(y1, mo1), iso(y2, mo2)) : null;
  }
  return null;
}

/** Today's date as a day, in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Reads the day of an as-of snapshot (`?asOf=YYYY-MM-DD`): absent is today; a malformed, impossible or future
 * day is refused with a message a person can act on.
 */
export function parseAsOfDay(
  value: unknown,
  today: string,
): { ok: true; day: string; snapshot: boolean } | { ok: false; message: string } {
  if (value === undefined || value === "") return { ok: true, day: today, snapshot: false };
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !parsePartialDate(value))
    return { ok: false, message: "asOf must be a date written YYYY-MM-DD, for example 2021-09-01" };
  if (value < "1991-12-16")
    return { ok: false, message: "asOf must not be before 16 December 1991 (Kazakhstan's independence)" };
  if (value > today) return { ok: false, message: `asOf must not be after today (${today})` };
  return { ok: true, day: value, snapshot: value !== today };
}
