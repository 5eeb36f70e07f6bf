import { parseLooseDate, parsePartialDate, type DateValue } from "@registry/domain";

/** A date found in a sentence, with where it stands. */
export interface FoundDate {
  value: DateValue;
  index: number;
  end: number;
}

const EN_MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";

// Russian month stems: genitive with a day ("3 июля"), prepositional with a year ("в июле 2019"), nominative.
const RU_MONTHS = [
  "январ",
  "феврал",
  "март",
  "апрел",
  "ма[йяе]",
  "июн",
  "июл",
  "август",
  "сентябр",
  "октябр",
  "ноябр",
  "декабр",
];
const RU_MONTH = `(?:${RU_MONTHS.map((m) => `${m}[а-яё]*`).join("|")})`;

function ruMonth(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = RU_MONTHS.findIndex((stem) => new RegExp(`^${stem}`, "u").test(w));
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The forms tried, longest first; each match is read by the domain's `parseLooseDate` (English) or here
 * (Russian), so a month and year stay a month ("2019-10") and a year stays a year: no day is ever invented.
 */
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => DateValue | null }[] = [
  {
    re: new RegExp(`\\b\\d{1,2}\\s?[–-]\\s?\\d{1,2} ${EN_MONTH},? \\d{4}\\b`, "g"),
    read: (m) => parseLooseDate(m[0]),
  },
  { re: new RegExp(`\\b\\d{1,2} ${EN_MONTH},? \\d{4}\\b`, "g"), read: (m) => parseLooseDate(m[0]) },
  { re: new RegExp(`\\b${EN_MONTH} \\d{1,2},? \\d{4}\\b`, "g"), read: (m) => parseLooseDate(m[0]) },
  {
    re: new RegExp(`\\b(?:(?:early|mid|late|mid-)\\s*)?${EN_MONTH},? \\d{4}\\b`, "gi"),
    read: (m) => parseLooseDate(m[0].replace(",", "")),
  },
  { re: /\b\d{1,2}\.\d{1,2}\.\d{4}\b/g, read: (m) => parseLooseDate(m[0]) },
  {
    re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}) (${RU_MONTH}) (\\d{4})`, "gu"),
    read: (m) => {
      const mo = ruMonth(m[2] ?? "");
      const s = `${m[3]}-${pad(mo ?? 0)}-${pad(Number(m[1]))}`;
      return mo && parsePartialDate(s) ? { date: s } : null;
    },
  },
  {
    re: new RegExp(`(?<![\\p{L}\\d])(${RU_MONTH}) (\\d{4})`, "gu"),
    read: (m) => {
      const mo = ruMonth(m[1] ?? "");
      const s = `${m[2]}-${pad(mo ?? 0)}`;
      return mo && parsePartialDate(s) ? { date: s } : null;
    },
  },
  {
    // A year alone only after a preposition ("in 2020", "since 2018", "в 2019 году"): bare numbers are too often counts.
    re: /(?<=\b(?:in|since|from|by|until|of|в|с|до)\s)(?:19|20)\d{2}\b/gu,
    read: (m) => parseLooseDate(m[0]),
  },
];

/** Every date written in a text, without overlaps, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken = (a: number, b: number) => found.some((f) => a < f.end && b > f.index);
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const end = m.index + m[0].length;
      if (taken(m.index, end)) continue;
      const value = read(m);
      if (value) found.push({ value, index: m.index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The date that belongs to a word at `index`: the nearest one in the same clause, preferring one written after
 * the word ("detained on 3 July 2019") over one before it, within `reach` characters.
 */
export function dateNear(dates: readonly FoundDate[], index: number, reach = 120): DateValue | undefined {
  let best: { d: FoundDate; cost: number } | undefined;
  for (const d of dates) {
    const cost = d.index >= index ? d.index - index : (index - d.end) * 1.5;
    if (cost <= reach && (!best || cost < best.cost)) best = { d, cost };
  }
  return best?.d.value;
}
