import type { DateValue, LegalCode, MeasureKind, SentenceKind } from "@registry/domain";
import { dateNear, findDates } from "./dates.ts";
import { placeNear } from "./places.ts";

/** A line range of the report: `[from, to]`, 1-based, inclusive. */
export type Lines = [number, number];

export type Fact =
  | { kind: "detention"; date?: DateValue; place?: string; lines: Lines }
  | { kind: "charge"; code: LegalCode; article: string; part?: string; date?: DateValue; lines: Lines }
  | { kind: "measure"; measure: MeasureKind; from?: DateValue; place?: string; lines: Lines }
  | {
      kind: "sentence";
      sentence: SentenceKind;
      imposed?: DateValue;
      termMonths?: number;
      days?: number;
      hours?: number;
      lines: Lines;
    }
  | { kind: "release"; date?: DateValue; place?: string; lines: Lines };

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
};
const NUMBER = `(?:\\d+(?:[.,]\\d+)?|${Object.keys(NUMBER_WORDS).join("|")})(?:\\s+and\\s+a\\s+half)?`;

function readNumber(text: string): number | undefined {
  const half = /\s+and\s+a\s+half$/i.test(text) ? 0.5 : 0;
  const core = text.replace(/\s+and\s+a\s+half$/i, "").toLowerCase();
  const n = NUMBER_WORDS[core] ?? Number(core.replace(",", "."));
  return Number.isFinite(n) && n > 0 ? n + half : undefined;
}

// ── Charges ──────────────────────────────────────────────────────────────────────────────────────────────
const ARTICLE_NO = "(\\d{1,3}(?:\\.\\d{1,2})?)";
/** "Article 405(2)", "art. 174 part 1", "Art. 405 of the CC", "articles 272 and 269", "Article 405 Part 1 and Part 2". */
const EN_ARTICLE = new RegExp(
  `\\b(?:Articles?|articles?|Arts?\\.|arts?\\.|Art|art)\\s*${ARTICLE_NO}(?:\\s*\\((\\d{1,2})\\))?((?:(?:\\s*\\([^)\\d][^)]{0,60}\\))?\\s*(?:,|and|&)\\s*(?:[Pp]art\\s*)?\\d{1,3}(?:\\.\\d{1,2})?(?:\\s*\\(\\d{1,2}\\))?)*)(?:,?\\s*(?:[Pp]arts?|[Ss]ections?|p\\.)\\s*(\\d{1,2})((?:\\s*(?:,|and)\\s*(?:[Pp]art\\s*)?\\d{1,2})*))?`,
  "g",
);
/** "part 2, Art. 405", "part 1 of article 174". */
const EN_PART_FIRST = new RegExp(
  `\\b[Pp]art\\s*(\\d{1,2}),?\\s*(?:of\\s+)?(?:the\\s+)?(?:Art(?:icle)?\\.?|art(?:icle)?\\.?)\\s*${ARTICLE_NO}`,
  "g",
);
/** "ч. 2 ст. 405 УК", "ст. 174 ч. 1", "статьи 405". */
const RU_PART_FIRST = new RegExp(
  `ч(?:\\.|асти|асть)\\s*(\\d{1,2})\\s*ст(?:\\.|атьи|атье|атья)\\s*${ARTICLE_NO}`,
  "gu",
);
const RU_ARTICLE = new RegExp(
  `ст(?:\\.|атьи|атье|атья|атьям|атей)\\s*${ARTICLE_NO}(?:\\s*ч(?:\\.|асти|асть)\\s*(\\d{1,2}))?`,
  "gu",
);

function codeAt(text: string, index: number): LegalCode {
  const after = text.slice(index, index + 90);
  return /Administrative|административн|КоАП|Code of Administrative|Offences/i.test(after)
    ? "administrative"
    : /Civil Code|Гражданск/i.test(after)
      ? "civil"
      : "criminal";
}

export function findCharges(
  text: string,
): { code: LegalCode; article: string; part?: string; index: number }[] {
  const out: { code: LegalCode; article: string; part?: string; index: number }[] = [];
  const add = (article: string | undefined, part: string | undefined, index: number) => {
    if (!article || Number(article) < 1 || Number(article) > 700) return;
    // "Article 14" in quotes is the name of a group, not a charge.
    if (/["“«„]\s*$/u.test(text.slice(Math.max(0, index - 2), index))) return;
    if (out.some((c) => c.article === article && c.part === part)) return;
    // A charge without a part is dropped when the same article is also given with one.
    if (part !== undefined) {
      const bare = out.findIndex((c) => c.article === article && c.part === undefined);
      if (bare >= 0) out.splice(bare, 1);
    } else if (out.some((c) => c.article === article)) return;
    out.push({ code: codeAt(text, index), article, ...(part ? { part } : {}), index });
  };
  let m: RegExpExecArray | null;
  for (const re of [EN_PART_FIRST, RU_PART_FIRST]) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) add(m[2], m[1], m.index);
  }
  EN_ARTICLE.lastIndex = 0;
  while ((m = EN_ARTICLE.exec(text))) {
    const parts = [m[4], ...(m[5] ?? "").split(/,|and/).map((s) => s.replace(/\D/g, ""))].filter(
      (p): p is string => !!p,
    );
    const first = m[2] ?? (parts.length === 1 ? parts[0] : undefined);
    if (parts.length > 1) for (const p of parts) add(m[1], p, m.index);
    else add(m[1], first, m.index);
    // "articles 272 and 269", "articles 405(1) and 405(2)"
    for (const more of (m[3] ?? "").matchAll(
      /(?:[Pp]art\s*)?(\d{1,3}(?:\.\d{1,2})?)(?:\s*\((\d{1,2})\))?/g,
    )) {
      if (/[Pp]art/.test(more[0])) add(m[1], more[1], m.index);
      else add(more[1], more[2], m.index);
    }
  }
  RU_ARTICLE.lastIndex = 0;
  while ((m = RU_ARTICLE.exec(text))) add(m[1], m[2], m.index);
  return out;
}

// ── Measures, sentences, detentions, releases ────────────────────────────────────────────────────────────
const MEASURES: [RegExp, MeasureKind][] = [
  [/house arrest|домашн\w* арест/giu, "house-arrest"],
  [
    /pre-?trial detention|remanded in custody|placed in custody|held in custody|СИЗО|под стражу|под стражей/giu,
    "pre-trial-detention",
  ],
  [/temporary detention (?:facility|centre|center|isolator)|ИВС/giu, "temporary-detention"],
  [/psychiatric (?:hospital|clinic|examination|institution)/giu, "psychiatric-detention"],
  [
    /(?:banned|banning|prohibit\w*|barred|forbidden) (?:\w+ ){0,2}from leaving|travel ban|not (?:permitted|allowed) to leave|подписк\w* о невыезде|запрет\w* на выезд/giu,
    "travel-ban",
  ],
  [/\bon bail\b|\bbail\b|под залог/giu, "bail"],
];

const TERM = new RegExp(`(${NUMBER})[-\\s]+(years?|months?|days?|hours?)(?:\\s+(?:of|in|to))?`, "gi");

function sentenceKind(window: string, unit: string): SentenceKind | undefined {
  if (/administrative (?:arrest|detention)|days? of arrest|\barrest\b/i.test(window) && /day/i.test(unit))
    return "administrative-arrest";
  if (/hours?/i.test(unit) && /labou?r|work/i.test(window)) return "compulsory-labour";
  if (
    /restrict\w* (?:of |on )?(?:his |her |their )?(?:freedom|liberty)|restricted freedom|ограничени\w* свободы/i.test(
      window,
    )
  )
    return "restriction-of-liberty";
  if (/suspended|условн/i.test(window)) return "suspended";
  if (/probation/i.test(window)) return "probation";
  if (
    /ban\w* (?:from|on) (?:engaging|participating|public|political|social|socio|civic)|activit/i.test(window)
  )
    return "activity-ban";
  if (/prison|imprison|jail|colony|custod|лишени\w* свободы|колони/i.test(window)) return "imprisonment";
  return undefined;
}

/** Sentences a court imposed: "sentenced to four years in prison", "one year of restricted freedom". */
export function findSentences(
  text: string,
): { kind: SentenceKind; months?: number; days?: number; hours?: number; index: number }[] {
  if (!/sentenc|convict|given|awarded|fined|fine of|приговор|осужд|term|punish/i.test(text)) return [];
  const out: { kind: SentenceKind; months?: number; days?: number; hours?: number; index: number }[] = [];
  let m: RegExpExecArray | null;
  TERM.lastIndex = 0;
  while ((m = TERM.exec(text))) {
    const n = readNumber(m[1] ?? "");
    const unit = (m[2] ?? "").toLowerCase();
    const window = text.slice(m.index, m.index + m[0].length + 60);
    const kind = sentenceKind(window, unit);
    if (!n || !kind) continue;
    if (out.some((s) => s.kind === kind)) continue;
    if (unit.startsWith("year")) out.push({ kind, months: Math.round(n * 12), index: m.index });
    else if (unit.startsWith("month")) out.push({ kind, months: n, index: m.index });
    else if (unit.startsWith("day") && Number.isInteger(n)) out.push({ kind, days: n, index: m.index });
    else if (unit.startsWith("hour") && Number.isInteger(n)) out.push({ kind, hours: n, index: m.index });
  }
  const fine = /\b(?:fined|a fine of|administrative fine|штраф)/i.exec(text);
  if (fine)
    out.push({
      kind:
        /administrative|admin/i.test(text) || !/criminal/i.test(text)
          ? "administrative-fine"
          : "criminal-fine",
      index: fine.index,
    });
  return out;
}

const DETAINED =
  /\b(?:detained|arrested|apprehended|taken (?:in)?to (?:custody|the police)|detention of)\b|задержа\w*|арестова\w*/giu;
const RELEASED = /\b(?:released|freed|set free)\b|освобо\w*|отпущен\w*/giu;

/** The facts rules can read in one sentence (cited by its lines). */
export function readFacts(text: string, lines: Lines): Fact[] {
  return readFactsAt(text, lines).map((f) => f.fact);
}

/** The facts of a sentence with where each is written (its key word), to tell whose fact it is. */
export function readFactsAt(text: string, lines: Lines): { fact: Fact; at: number }[] {
  const dates = findDates(text);
  const facts: { fact: Fact; at: number }[] = [];
  const place = (i: number) => placeNear(text, i);
  for (const c of findCharges(text)) {
    const date = /charged|accused|indicted|обвин/i.test(text) ? dateNear(dates, c.index, 80) : undefined;
    facts.push({
      fact: {
        kind: "charge",
        code: c.code,
        article: c.article,
        ...(c.part ? { part: c.part } : {}),
        ...(date ? { date } : {}),
        lines,
      },
      at: c.index,
    });
  }
  const measures = new Set<MeasureKind>();
  for (const [re, kind] of MEASURES) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m || measures.has(kind)) continue;
    if (
      kind === "pre-trial-detention" &&
      measures.has("house-arrest") &&
      /from house arrest|changed/i.test(text)
    )
      continue;
    measures.add(kind);
    const from = dateNear(dates, m.index);
    const p = place(m.index);
    facts.push({
      fact: {
        kind: "measure",
        measure: kind,
        ...(from ? { from } : {}),
        ...(p ? { place: p } : {}),
        lines,
      },
      at: m.index,
    });
  }
  for (const s of findSentences(text)) {
    const imposed = dateNear(dates, s.index, 160);
    facts.push({
      fact: {
        kind: "sentence",
        sentence: s.kind,
        ...(imposed ? { imposed } : {}),
        ...(s.months ? { termMonths: s.months } : {}),
        ...(s.days ? { days: s.days } : {}),
        ...(s.hours ? { hours: s.hours } : {}),
        lines,
      },
      at: s.index,
    });
  }
  DETAINED.lastIndex = 0;
  const d = DETAINED.exec(text);
  if (d) {
    const date = dateNear(dates, d.index);
    const p = place(d.index);
    facts.push({
      fact: { kind: "detention", ...(date ? { date } : {}), ...(p ? { place: p } : {}), lines },
      at: d.index,
    });
  }
  RELEASED.lastIndex = 0;
  const r = RELEASED.exec(text);
  if (
    r &&
    !/call\w* (?:for|on)|demand\w*|urge|should/i.test(text.slice(Math.max(0, r.index - 60), r.index))
  ) {
    const date = dateNear(dates, r.index);
    const p = place(r.index);
    facts.push({
      fact: { kind: "release", ...(date ? { date } : {}), ...(p ? { place: p } : {}), lines },
      at: r.index,
    });
  }
  return facts;
}
