import type { ImportItem } from "@registry/db";
import {
  addDays,
  addMonths,
  slugify,
  type CaseInput,
  type Citation,
  type EventInput,
  type MassEventInput,
  type OfficialInput,
  type OrganisationInput,
  type PaceCriterion,
  type PersonInput,
  type RecognitionInput,
  type Region,
  type SourceInput,
} from "@registry/domain";
import { pickName, translit, type NameParts, type Variant } from "./names.ts";
import { hex8, Rng } from "./prng.ts";

const CYRILLIC: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyz"].map((c, i) => [c, "абцдефгхийклмнопкрстувwхыз"[i] ?? c]),
);
/** A synthetic text in three languages: the Russian and Kazakh are letter-for-letter Cyrillic of the English. */
function loc(en: string): {
  en: string;
  ru: string;
  kk: string;
  provenance: { ru: "translated"; kk: "translated" };
} {
  const cyr = [...en].map((c) => CYRILLIC[c.toLowerCase()] ?? c).join("");
  return { en, ru: cyr, kk: cyr, provenance: { ru: "translated", kk: "translated" } };
}

/**
 * A reproducible synthetic registry: persons with Latin and Cyrillic name variants, places, affiliations and
 * PACE assessments; cases with charges (mostly CC 405), measures and sentences; events; officials, mass events
 * and recognitions. Every fact cites one of five synthetic sources. Records come in blocks of persons whose
 * cases and events stay inside the block, so each block can be imported as one transaction, and the first
 * `n` persons of a larger dataset are exactly the dataset of size `n`.
 */

type PersonName = PersonInput["names"][number];

export const SOURCES: SourceInput[] = [1, 2, 3, 4, 5].map((n) => ({
  id: `src-bench-${n}`,
  slug: `src-bench-${n}`,
  kind: n === 5 ? "media" : "ngo-report",
  publisher: `Synthetic Monitor ${["North", "South", "East", "West", "Central"][n - 1]}`,
  title: `Synthetic report ${n}: political persecution in Kazakhstan, ${2017 + n}-${2018 + n}`,
  published: `${2018 + n}-0${n}`,
  asOf: `${2018 + n}-0${n}`,
  language: n % 2 === 0 ? "ru" : "en",
  description: {
    en: `A synthetic source used by the benchmark only (${n} of 5). Not a real report; every record citing it is generated.`,
  },
}));
const SOURCE_IDS = SOURCES.map((s) => s.id);

const ORGS: [id: string, name: string, kind: OrganisationInput["kind"], banned: boolean][] = [
  ["org-bench-movement-a", "Synthetic Democratic Choice", "banned-movement", true],
  ["org-bench-party-b", "Synthetic Street Party", "banned-movement", true],
  ["org-bench-youth-c", "Synthetic Wake Up Movement", "civic-movement", false],
  ["org-bench-party-d", "Synthetic Democratic Party", "political-party", false],
  ["org-bench-union-e", "Synthetic Independent Trade Union", "civic-movement", false],
  ["org-bench-rights-f", "Synthetic Human Rights Bureau", "rights-group", false],
  ["org-bench-media-g", "Synthetic Independent Newspaper", "media", false],
  ["org-bench-church-h", "Synthetic Religious Community", "other", true],
];

const CITIES: [name: string, region: Region, weight: number][] = [
  ["Almaty", "almaty", 18],
  ["Astana", "astana", 12],
  ["Shymkent", "shymkent", 8],
  ["Karaganda", "karaganda", 6],
  ["Aktobe", "aktobe", 4],
  ["Taraz", "jambyl", 4],
  ["Pavlodar", "pavlodar", 4],
  ["Oskemen", "east-kazakhstan", 4],
  ["Semey", "abai", 3],
  ["Kostanay", "kostanay", 3],
  ["Kyzylorda", "kyzylorda", 3],
  ["Uralsk", "west-kazakhstan", 3],
  ["Atyrau", "atyrau", 3],
  ["Aktau", "mangystau", 3],
  ["Zhanaozen", "mangystau", 2],
  ["Petropavl", "north-kazakhstan", 2],
  ["Turkistan", "turkistan", 2],
  ["Taldykorgan", "jetisu", 2],
  ["Kokshetau", "akmola", 2],
  ["Zhezkazgan", "ulytau", 1],
  ["Kaskelen", "almaty-region", 2],
  ["Kyiv", "abroad", 1],
];
const CITY_WEIGHTS = CITIES.map((c) => [c, c[2]] as const);

const OCCUPATIONS = [
  "teacher",
  "engineer",
  "driver",
  "entrepreneur",
  "journalist",
  "lawyer",
  "doctor",
  "student",
  "pensioner",
  "oil worker",
  "farmer",
  "accountant",
  "unemployed",
];

type Scenario = "prison" | "restricted" | "administrative" | "investigation" | "exile" | "suspended";
const SCENARIOS: (readonly [Scenario, number])[] = [
  ["prison", 32],
  ["restricted", 24],
  ["administrative", 20],
  ["investigation", 10],
  ["exile", 6],
  ["suspended", 8],
];

const PACE_TEXT: Record<PaceCriterion, string> = {
  "fundamental-freedoms":
    "Detained for peaceful expression: posts and reposts on social media criticising the authorities.",
  "purely-political-reasons":
    "The prosecution followed public support for a banned opposition movement, with no act of violence alleged.",
  disproportionate: "The term is out of all proportion to the reposts it punishes.",
  discriminatory: "Prosecuted as a member of a religious community, on the basis of belief alone.",
  "unfair-proceedings":
    "Convicted on the testimony of anonymous witnesses, with the defence refused access to the file.",
};

export interface SearchSample {
  slug: string;
  latin: string;
  ru?: string;
  kk?: string;
}

interface Who {
  id: string;
  name: string;
  city: readonly [string, Region, number];
  female: boolean;
  sources: string[];
  scenario: Scenario;
}

export interface Block {
  items: ImportItem[];
  persons: number;
}

/** A row of the product's person CSV (packages/api/src/routers/import.ts). */
export interface CsvRow {
  id: string;
  name: string;
  variants: string;
  gender: string;
  birth_year: string;
  region: string;
  place: string;
  occupation: string;
  summary: string;
  source: string;
  lines: string;
}

function day(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  return `${y}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

/** The newest day the generated facts use, so the dataset does not depend on the day it is generated. */
const HORIZON = "2026-06-30";
const min = (a: string, b: string) => (a < b ? a : b);

export class DatasetGenerator {
  private readonly slugs = new Map<string, number>();
  private persons = 0;
  private cases = 0;
  private readonly sampleRng: Rng;
  /** A uniform sample (reservoir) of the public persons generated so far, for search queries. */
  readonly samples: SearchSample[] = [];
  private seen = 0;

  constructor(
    private readonly seed: string,
    private readonly sampleSize = 600,
  ) {
    this.sampleRng = new Rng(`${seed}:samples`);
  }

  private cite(rng: Rng, sources: readonly string[]): Citation[] {
    const a = rng.int(10, 4800);
    return [{ source: rng.pick(sources), lines: [a, a + rng.int(0, 12)] }];
  }

  private slug(base: string): string {
    const n = (this.slugs.get(base) ?? 0) + 1;
    this.slugs.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }

  /** Sources and organisations: what every dataset starts with. */
  header(): ImportItem[] {
    const rng = new Rng(`${this.seed}:header`);
    const orgs: OrganisationInput[] = ORGS.map(([id, name, kind, banned]) => ({
      id,
      slug: id.replace(/^org-/, ""),
      name: loc(name),
      nameVariants: [`${name} (ru)`],
      kind,
      bans: banned
        ? [
            {
              date: { date: `${rng.int(2016, 2019)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` },
              court: loc("Synthetic district court of Astana"),
              label: loc("extremist"),
              citations: this.cite(rng, SOURCE_IDS),
            },
          ]
        : [],
      description: { en: `${name}: a synthetic organisation used by the benchmark.` },
      citations: this.cite(rng, SOURCE_IDS),
    }));
    return [
      ...SOURCES.map((value) => ({ kind: "source" as const, value })),
      ...orgs.map((value) => ({ kind: "organisation" as const, value })),
    ];
  }

  private names(
    rng: Rng,
    parts: NameParts,
    sources: string[],
  ): { names: PersonName[]; sample: SearchSample } {
    const cite = () => this.cite(rng, sources);
    const given = translit(parts.given.ru);
    const surname = translit(parts.surname.ru);
    const primary: PersonName = {
      text: `${given} ${surname}`,
      script: "latin",
      primary: true,
      surname,
      given,
      citations: cite(),
    };
    const others: PersonName[] = [];
    const ru = `${parts.surname.ru} ${parts.given.ru} ${parts.patronymic.ru}`;
    const kk = `${parts.surname.kk} ${parts.given.kk}`;
    // 2-5 names: the primary one, then Russian Cyrillic (almost always), Kazakh Cyrillic, Latin variants.
    const extra = rng.weighted([
      [1, 30],
      [2, 35],
      [3, 25],
      [4, 10],
    ] as const);
    const pool: PersonName[] = [];
    if (rng.chance(0.9))
      others.push({
        text: ru,
        script: "cyrillic-ru",
        surname: parts.surname.ru,
        given: parts.given.ru,
        patronymic: parts.patronymic.ru,
        citations: cite(),
      });
    pool.push({
      text: kk,
      script: "cyrillic-kk",
      surname: parts.surname.kk,
      given: parts.given.kk,
      citations: cite(),
    });
    const variant: Variant = {
      initialE: rng.chance(0.7),
      j: rng.chance(0.5),
      h: rng.chance(0.5),
      i: rng.chance(0.5),
      ia: rng.chance(0.3),
    };
    const v = `${translit(parts.given.ru, variant)} ${translit(parts.surname.ru, variant)}`;
    if (v !== primary.text) pool.push({ text: v, script: "latin", citations: cite() });
    pool.push({
      text: `${surname} ${given} ${translit(parts.patronymic.ru)}`,
      script: "latin",
      citations: cite(),
    });
    pool.push({ text: `${parts.given.ru} ${parts.surname.ru}`, script: "cyrillic-ru", citations: cite() });
    for (const n of rng.sample(pool, extra - others.length)) others.push(n);
    return {
      names: [primary, ...others],
      sample: {
        slug: "",
        latin: primary.text,
        ...(others.some((o) => o.script === "cyrillic-ru") ? { ru: ru } : {}),
        ...(others.some((o) => o.script === "cyrillic-kk") ? { kk } : {}),
      },
    };
  }

  private person(rng: Rng): { value: PersonInput; who: Who } {
    const index = this.persons++;
    const id = `p-${hex8(index)}`;
    const female = rng.chance(0.22);
    const parts = pickName(rng, female);
    const sources = rng.sample(SOURCE_IDS, rng.chance(0.3) ? 2 : 1);
    const cite = () => this.cite(rng, sources);
    const { names, sample } = this.names(rng, parts, sources);
    const anonymous = rng.chance(0.01);
    const primary = names[0]?.text ?? id;
    const slug = anonymous ? `withheld-${hex8(index)}` : this.slug(slugify(primary));
    const city = rng.weighted(CITY_WEIGHTS);
    const scenario = rng.weighted(SCENARIOS);
    const birthYear = rng.chance(0.7) ? rng.int(1950, 2003) : undefined;
    const roles: PersonInput["roles"] = [];
    if (rng.chance(0.3)) roles.push({ kind: "civic-activist", citations: cite() });
    if (rng.chance(0.05)) roles.push({ kind: "journalist", citations: cite() });
    if (rng.chance(0.08)) roles.push({ kind: "blogger", citations: cite() });
    if (rng.chance(0.03)) roles.push({ kind: "human-rights-defender", citations: cite() });
    if (rng.chance(0.05)) roles.push({ kind: "religious-believer", citations: cite() });
    const affiliations: PersonInput["affiliations"] = [];
    if (rng.chance(0.6)) {
      const org = rng.weighted([
        [ORGS[0], 6],
        [ORGS[1], 2],
        [ORGS[2], 1],
        [ORGS[3], 1],
        [ORGS[4], 1],
        [ORGS[7], 1],
      ] as const);
      affiliations.push({
        organisation: org?.[0] ?? "org-bench-movement-a",
        ...(org?.[3] ? { alleged: true } : { role: loc("member") }),
        citations: cite(),
      });
    }
    const paceChance: Record<Scenario, number> = {
      prison: 0.85,
      restricted: 0.3,
      administrative: 0.05,
      investigation: 0.1,
      exile: 0.2,
      suspended: 0.1,
    };
    const pace: PersonInput["pace"] = rng.chance(paceChance[scenario])
      ? rng
          .sample(
            [
              "fundamental-freedoms",
              "purely-political-reasons",
              "disproportionate",
              "unfair-proceedings",
            ] as const,
            rng.int(1, 2),
          )
          .map((criterion) => ({ criterion, reasoning: loc(PACE_TEXT[criterion]), citations: cite() }))
      : [];
    const occupation = rng.chance(0.5) ? rng.pick(OCCUPATIONS) : undefined;
    const value: PersonInput = {
      id,
      slug,
      names,
      gender: female ? "female" : "male",
      ...(birthYear ? { birthYear } : {}),
      ...(birthYear && rng.chance(0.5)
        ? { ages: [{ age: 2021 - birthYear, asOf: "2021-07", citations: cite() }] }
        : {}),
      places: [
        {
          name: loc(city[0]),
          region: city[1],
          ...(city[1] === "abroad" ? { country: "UA" } : { country: "KZ" }),
          kind: "residence",
          citations: cite(),
        },
        ...(rng.chance(0.2)
          ? [{ name: loc(rng.weighted(CITY_WEIGHTS)[0]), kind: "origin" as const, citations: cite() }]
          : []),
      ],
      ...(occupation ? { occupations: [{ label: loc(occupation), citations: cite() }] } : {}),
      roles,
      affiliations,
      citizenship: ["KZ"],
      summary: {
        en: `${occupation ? `A ${occupation}` : "A resident"} of ${city[0]}${roles[0] ? ` and ${roles[0].kind.replace(/-/g, " ")}` : ""}, prosecuted after criticising the authorities online and supporting a peaceful opposition movement.`,
        ...(rng.chance(0.3)
          ? { ru: `Житель города ${city[0]}, преследуется за критику властей в социальных сетях.` }
          : {}),
      },
      pace,
      visibility: anonymous ? "anonymous" : "public",
      private: rng.chance(0.3)
        ? {
            relatives: [{ relation: "spouse", name: "Synthetic relative", citations: cite() }],
            contacts: [{ kind: "phone", value: `+7 700 ${rng.int(100, 999)} ${rng.int(1000, 9999)}` }],
            consent: "public-source",
          }
        : { relatives: [], contacts: [], consent: "public-source" },
    };
    if (!anonymous) {
      sample.slug = slug;
      this.seen++;
      if (this.samples.length < this.sampleSize) this.samples.push(sample);
      else {
        const j = Math.floor(this.sampleRng.next() * this.seen);
        if (j < this.sampleSize) this.samples[j] = sample;
      }
    }
    return {
      value,
      who: { id, name: anonymous ? "A person" : primary, city, female, sources, scenario },
    };
  }

  private event(
    rng: Rng,
    who: Who[],
    n: number,
    type: EventInput["type"],
    date: string,
    caseId: string | undefined,
    text: string,
  ): EventInput {
    const first = who[0] as Who;
    return {
      id: `e-${(caseId ?? first.id).slice(2)}-${n}`,
      type,
      date: { date: rng.chance(0.1) ? date.slice(0, 7) : date },
      persons: who.map((w) => w.id),
      ...(caseId ? { case: caseId } : {}),
      place: { name: loc(first.city[0]), region: first.city[1] },
      description: { en: text },
      citations: this.cite(rng, first.sources),
    };
  }

  /** One case for a group of defendants with the same scenario, and the events around it. */
  private caseOf(rng: Rng, who: Who[], scenario: Scenario): { value: CaseInput; events: EventInput[] } {
    const id = `c-${hex8(this.cases++, 0x51ed270b)}`;
    const first = who[0] as Who;
    const sources = first.sources;
    const cite = () => this.cite(rng, sources);
    const start = day(rng, 2015, 2025);
    const administrative = scenario === "administrative";
    const [article, part] = administrative
      ? (["488", rng.pick(["6", "8", "10"])] as const)
      : rng.weighted([
          [["405", "2"], 45],
          [["405", "1"], 20],
          [["174", "1"], 10],
          [["174", "2"], 5],
          [["179", "2"], 5],
          [["274", "2"], 5],
          [["400", "1"], 5],
        ] as const);
    const label = administrative
      ? "violating the law on peaceful assemblies"
      : article === "405"
        ? "participation in the activities of a banned extremist organisation"
        : article === "174"
          ? "inciting social discord"
          : undefined;
    const charges: CaseInput["charges"] = [];
    const measures: CaseInput["measures"] = [];
    const sentences: CaseInput["sentences"] = [];
    const events: EventInput[] = [];
    let n = 0;
    const ev = (w: Who[], type: EventInput["type"], date: string, text: string) => {
      if (date > HORIZON) return;
      n++;
      events.push(this.event(rng, w, n, type, date, id, text));
    };
    const sentenced = min(addDays(start, rng.int(60, 330)), HORIZON);
    const court = `${first.city[0]} ${administrative ? "specialised administrative court" : "city court"}`;
    for (const w of who) {
      const chargeDay = addDays(start, rng.int(0, 20));
      charges.push({
        person: w.id,
        code: administrative ? "administrative" : "criminal",
        article,
        part,
        ...(label ? { label: loc(label) } : {}),
        ...(administrative ? {} : { date: { date: chargeDay } }),
        outcome: scenario === "investigation" || scenario === "exile" ? "pending" : "convicted",
        citations: cite(),
      });
      if (!administrative && article === "405" && rng.chance(0.15))
        charges.push({
          person: w.id,
          code: "criminal",
          article: "174",
          part: "1",
          outcome: "convicted",
          citations: cite(),
        });
      switch (scenario) {
        case "prison": {
          measures.push({
            person: w.id,
            kind: "pre-trial-detention",
            from: { date: chargeDay },
            place: loc("Pre-trial detention centre"),
            citations: cite(),
          });
          const term = rng.pick([12, 24, 36, 48, 60, 72, 84, 96]);
          sentences.push({
            person: w.id,
            kind: "imprisonment",
            imposed: { date: sentenced },
            court: loc(court),
            termMonths: term,
            citations: cite(),
          });
          if (rng.chance(0.25)) {
            const out = min(addDays(sentenced, rng.int(90, term * 25)), addMonths(sentenced, term));
            ev(
              [w],
              rng.pick(["released", "paroled", "pardoned"] as const),
              out,
              "Released from prison before the end of the term.",
            );
          }
          break;
        }
        case "restricted": {
          measures.push({
            person: w.id,
            kind: rng.pick(["house-arrest", "travel-ban"] as const),
            from: { date: chargeDay },
            citations: cite(),
          });
          sentences.push({
            person: w.id,
            kind: "restriction-of-liberty",
            imposed: { date: sentenced },
            court: loc(court),
            termMonths: rng.pick([12, 18, 24, 36, 48, 60]),
            citations: cite(),
          });
          if (rng.chance(0.4))
            sentences.push({
              person: w.id,
              kind: "activity-ban",
              imposed: { date: sentenced },
              court: loc(court),
              termMonths: rng.pick([24, 36, 60]),
              scope: loc("public and political activity, social networks"),
              citations: cite(),
            });
          break;
        }
        case "administrative": {
          if (rng.chance(0.6))
            sentences.push({
              person: w.id,
              kind: "administrative-arrest",
              stage: "administrative",
              imposed: { date: start },
              court: loc(court),
              days: rng.int(5, 20),
              citations: cite(),
            });
          else
            sentences.push({
              person: w.id,
              kind: "administrative-fine",
              stage: "administrative",
              imposed: { date: start },
              court: loc(court),
              fine: { amount: rng.pick([138_900, 277_800, 416_700]), currency: "KZT" },
              citations: cite(),
            });
          break;
        }
        case "investigation": {
          measures.push({
            person: w.id,
            kind: rng.pick(["travel-ban", "bail"] as const),
            from: { date: chargeDay },
            citations: cite(),
          });
          break;
        }
        case "exile": {
          const fled = addDays(start, rng.int(-200, 60));
          ev([w], "fled", fled, "Left Kazakhstan after learning of the criminal case.");
          if (rng.chance(0.5))
            ev([w], "asylum-granted", addDays(fled, rng.int(200, 700)), "Granted asylum abroad.");
          if (rng.chance(0.3))
            sentences.push({
              person: w.id,
              kind: "imprisonment",
              imposed: { date: sentenced },
              court: loc(court),
              termMonths: rng.pick([60, 84, 120]),
              inAbsentia: true,
              citations: cite(),
            });
          break;
        }
        case "suspended": {
          sentences.push({
            person: w.id,
            kind: rng.pick(["suspended", "probation"] as const),
            imposed: { date: sentenced },
            court: loc(court),
            termMonths: rng.pick([12, 24, 36]),
            citations: cite(),
          });
          break;
        }
      }
      if (rng.chance(0.002)) ev([w], "died", addDays(sentenced, rng.int(10, 600)), "Died in custody.");
      else if (rng.chance(0.001))
        ev([w], "killed", addDays(start, rng.int(1, 30)), "Killed during the dispersal of a rally.");
    }
    // Events of the whole group.
    if (!administrative && rng.chance(0.6))
      ev(who, "searched", start, "Homes searched; phones and computers seized.");
    ev(
      who,
      administrative ? "administrative-arrest" : "detained",
      start,
      administrative
        ? "Detained at a peaceful rally and given an administrative penalty."
        : "Detained by the police.",
    );
    if (scenario === "prison" || scenario === "restricted" || scenario === "suspended") {
      if (rng.chance(0.7))
        ev(who, "trial-started", addDays(sentenced, -rng.int(10, 40)), "The trial opened.");
      ev(who, "sentenced", sentenced, "Sentenced by the court of first instance.");
      if (rng.chance(0.4))
        ev(who, "appeal", addDays(sentenced, rng.int(30, 90)), "The appeal court upheld the sentence.");
    }
    if (scenario === "investigation" && rng.chance(0.5))
      ev(who, "interrogated", addDays(start, rng.int(1, 30)), "Questioned as a suspect.");
    const year = start.slice(0, 4);
    const value: CaseInput = {
      id,
      slug: id,
      title: loc(
        who.length > 1
          ? `${first.name} and ${who.length - 1} other(s): ${administrative ? "AC" : "CC"} ${article} case (${first.city[0]}, ${year})`
          : `${first.name}: ${administrative ? "AC" : "CC"} ${article} case (${first.city[0]}, ${year})`,
      ),
      kind: administrative ? "administrative" : "criminal",
      defendants: who.map((w) => w.id),
      charges,
      ...(administrative
        ? {}
        : {
            investigatingBody: loc(
              rng.pick(["National Security Committee", "Police", "Anti-corruption agency"]),
            ),
            opened: { date: start },
          }),
      measures,
      sentences,
      summary: {
        en: `Prosecuted under article ${article} for peaceful activity (${first.city[0]}, ${year}).`,
      },
      citations: cite(),
    };
    return { value, events };
  }

  /** `count` persons, their cases and events; block 0 also carries officials, mass events and recognitions. */
  block(blockIndex: number, count: number): Block {
    const rng = new Rng(`${this.seed}:block:${blockIndex}`);
    const persons: PersonInput[] = [];
    const cases: CaseInput[] = [];
    const events: EventInput[] = [];
    const whos: Who[] = [];
    for (let i = 0; i < count; i++) {
      const { value, who } = this.person(rng);
      persons.push(value);
      whos.push(who);
    }
    for (let i = 0; i < whos.length;) {
      const size = rng.chance(0.12) ? Math.min(rng.int(2, 6), whos.length - i) : 1;
      const group = whos.slice(i, i + size);
      const scenario = (group[0] as Who).scenario;
      const c = this.caseOf(rng, group, scenario);
      cases.push(c.value);
      events.push(...c.events);
      for (const w of group) {
        // One in ten also has an earlier administrative case (a fine for a rally).
        if (scenario !== "administrative" && rng.chance(0.1)) {
          const a = this.caseOf(rng, [w], "administrative");
          cases.push(a.value);
          events.push(...a.events);
        }
      }
      i += size;
    }
    const items: ImportItem[] = [
      ...(blockIndex === 0 ? this.header() : []),
      ...persons.map((value) => ({ kind: "person" as const, value })),
      ...cases.map((value) => ({ kind: "case" as const, value })),
      ...events.map((value) => ({ kind: "event" as const, value })),
      ...(blockIndex === 0 ? this.extras(rng, whos, cases) : []),
    ];
    return { items, persons: count };
  }

  /** Officials, mass events and recognitions, referring to persons and cases of the first block. */
  private extras(rng: Rng, whos: Who[], cases: CaseInput[]): ImportItem[] {
    const out: ImportItem[] = [];
    const roles = ["judge", "prosecutor", "investigator"] as const;
    for (let k = 0; k < Math.min(20, cases.length); k++) {
      const role = roles[k % 3] as (typeof roles)[number];
      const parts = pickName(rng, rng.chance(0.3));
      const mine = rng.sample(cases, Math.min(cases.length, rng.int(1, 4)));
      const official: OfficialInput = {
        id: `o-bench-${k + 1}`,
        slug: `o-bench-${k + 1}`,
        name: `${translit(parts.given.ru).charAt(0)}. ${translit(parts.surname.ru)}`,
        nameVariants: [`${parts.surname.ru} ${parts.given.ru.charAt(0)}.`],
        role,
        body: loc(
          role === "judge"
            ? "Synthetic city court"
            : role === "prosecutor"
              ? "Synthetic prosecutor's office"
              : "Synthetic police department",
        ),
        involvements: mine.map((c) => ({
          action: role === "judge" ? "tried" : role === "prosecutor" ? "prosecuted" : "investigated",
          case: c.id,
          persons: c.defendants,
          description: loc(
            role === "judge"
              ? "Presided over the trial and passed the sentence."
              : role === "prosecutor"
                ? "Asked the court for a prison term."
                : "Led the investigation.",
          ),
          citations: this.cite(rng, SOURCE_IDS),
        })),
        citations: this.cite(rng, SOURCE_IDS),
      };
      out.push({ kind: "official", value: official });
    }
    const rallies: [string, string, string][] = [
      ["Synthetic rally in Almaty", "2019-06-09", "almaty"],
      ["Synthetic protests of January", "2022-01-05", "almaty"],
      ["Synthetic rally in Astana", "2018-05-10", "astana"],
    ];
    rallies.forEach(([name, date, region], k) => {
      const detainees = whos.slice(k * 40, k * 40 + 20 + k * 20).map((w) => w.id);
      const m: MassEventInput = {
        id: `m-bench-${k + 1}`,
        slug: `m-bench-${k + 1}`,
        name: loc(name),
        kind: k === 1 ? "unrest" : "rally",
        date: { date },
        places: [{ name: loc(region === "astana" ? "Astana" : "Almaty"), region: region as Region }],
        detaineeCounts: [
          {
            place: { name: loc("Almaty"), region: "almaty" },
            count: rng.int(50, 900),
            countedBy: loc("Ministry of Internal Affairs"),
            citations: this.cite(rng, SOURCE_IDS),
          },
          {
            place: { name: loc("Astana"), region: "astana" },
            count: rng.int(50, 900),
            approx: true,
            countedBy: loc("Synthetic Monitor North"),
            citations: this.cite(rng, SOURCE_IDS),
          },
        ],
        detainees,
        organisers: ["org-bench-movement-a"],
        description: { en: `${name}: a synthetic mass event used by the benchmark.` },
        citations: this.cite(rng, SOURCE_IDS),
      };
      out.push({ kind: "mass-event", value: m });
    });
    for (let k = 0; k < 4; k++) {
      const r: RecognitionInput = {
        id: `r-bench-${k + 1}`,
        body: (["european-parliament", "un-wgad", "ngo", "osce"] as const)[k] ?? "ngo",
        instrument: loc(`Synthetic resolution ${k + 1}/2021`),
        date: { date: `202${k}-0${k + 2}-1${k}` },
        kind: k === 1 ? "arbitrary-detention" : "named-political-prisoner",
        persons: whos.slice(k * 5, k * 5 + 5).map((w) => w.id),
        citations: this.cite(rng, SOURCE_IDS),
      };
      out.push({ kind: "recognition", value: r });
    }
    return out;
  }

  /**
   * Rows for the CSV import, in the product's columns: a partner organisation's spreadsheet of persons. The
   * product derives each slug from the name, so names here are full names (surname, given name, patronymic)
   * and never repeat; ids are prefixed so they never meet the main dataset's.
   */
  csvRows(count: number): CsvRow[] {
    const rng = new Rng(`${this.seed}:csv`);
    const rows: CsvRow[] = [];
    const used = new Set<string>();
    for (let i = 0; rows.length < count; i++) {
      const female = rng.chance(0.22);
      const parts = pickName(rng, female);
      const name = `${translit(parts.surname.ru)} ${translit(parts.given.ru)} ${translit(parts.patronymic.ru)}`;
      if (used.has(slugify(name))) continue;
      used.add(slugify(name));
      const city = rng.weighted(CITY_WEIGHTS);
      const line = rng.int(10, 4000);
      const variants = [`${parts.surname.ru} ${parts.given.ru} ${parts.patronymic.ru}`];
      if (rng.chance(0.5)) variants.push(`${parts.surname.kk} ${parts.given.kk}`);
      if (rng.chance(0.3))
        variants.push(
          `${translit(parts.given.ru, { initialE: true, j: true, h: true })} ${translit(parts.surname.ru, { j: true, h: true, i: true })}`,
        );
      rows.push({
        id: `p-csv-${hex8(rows.length, 0x2545f491)}`,
        name,
        variants: variants.join(" | "),
        gender: female ? "female" : "male",
        birth_year: rng.chance(0.6) ? String(rng.int(1955, 2003)) : "",
        region: city[1],
        place: city[0],
        occupation: rng.chance(0.5) ? rng.pick(OCCUPATIONS) : "",
        summary: rng.chance(0.7)
          ? `Detained in ${city[0]} in ${rng.int(2016, 2025)} for posts in support of a banned opposition movement.`
          : "",
        source: rng.pick(SOURCE_IDS),
        lines: `${line}-${line + rng.int(0, 8)}`,
      });
    }
    return rows;
  }
}

/** The dataset of `size` persons, as import blocks of `blockSize` persons. */
export function* dataset(
  seed: string,
  size: number,
  blockSize: number,
  gen = new DatasetGenerator(seed),
): Generator<Block, void, unknown> {
  for (let b = 0, done = 0; done < size; b++) {
    const n = Math.min(blockSize, size - done);
    yield gen.block(b, n);
    done += n;
  }
}
