import type { Rng } from "./prng.ts";

/**
 * Kazakh and Russian names, written in Russian Cyrillic with their Kazakh Cyrillic form. Latin spellings
 * are produced by transliteration, one standard (the primary name) and variants of the kinds the reports
 * show (Yerzhan/Erzhan, Zhakupov/Jakupov, Khalelova/Halelova, Kayyrbek/Kaiyrbek).
 */
type Pair = readonly [ru: string, kk: string];

export const MALE_GIVEN: readonly Pair[] = [
  ["Асет", "Әсет"],
  ["Ержан", "Ержан"],
  ["Кайрат", "Қайрат"],
  ["Нурлан", "Нұрлан"],
  ["Серик", "Серік"],
  ["Бауыржан", "Бауыржан"],
  ["Даурен", "Дәурен"],
  ["Ерлан", "Ерлан"],
  ["Марат", "Марат"],
  ["Арман", "Арман"],
  ["Асхат", "Асхат"],
  ["Айдос", "Айдос"],
  ["Бакыт", "Бақыт"],
  ["Болат", "Болат"],
  ["Габит", "Ғабит"],
  ["Дамир", "Дамир"],
  ["Данияр", "Данияр"],
  ["Жанболат", "Жанболат"],
  ["Жасулан", "Жасұлан"],
  ["Ильяс", "Ілияс"],
  ["Кайырбек", "Қайырбек"],
  ["Канат", "Қанат"],
  ["Максат", "Мақсат"],
  ["Мейрам", "Мейрам"],
  ["Мухтар", "Мұхтар"],
  ["Олжас", "Олжас"],
  ["Расул", "Расул"],
  ["Руслан", "Руслан"],
  ["Самат", "Самат"],
  ["Талгат", "Талғат"],
  ["Тимур", "Тимур"],
  ["Улан", "Ұлан"],
  ["Шынгыс", "Шыңғыс"],
  ["Ерболат", "Ерболат"],
  ["Алмас", "Алмас"],
  ["Аскар", "Асқар"],
  ["Берик", "Берік"],
  ["Галым", "Ғалым"],
  ["Думан", "Думан"],
  ["Ербол", "Ербол"],
  ["Жандос", "Жандос"],
  ["Куаныш", "Қуаныш"],
  ["Мурат", "Мұрат"],
  ["Нуржан", "Нұржан"],
  ["Санжар", "Санжар"],
  ["Тохтар", "Тоқтар"],
  ["Уалихан", "Уәлихан"],
  ["Хасен", "Хасен"],
  ["Ерсин", "Ерсін"],
  ["Азамат", "Азамат"],
  ["Бахытжан", "Бақытжан"],
  ["Дидар", "Дидар"],
  ["Жарас", "Жарас"],
  ["Нурбол", "Нұрбол"],
  ["Сабит", "Сабит"],
  ["Ринат", "Ринат"],
  ["Александр", "Александр"],
  ["Сергей", "Сергей"],
  ["Дмитрий", "Дмитрий"],
  ["Евгений", "Евгений"],
  ["Андрей", "Андрей"],
  ["Виктор", "Виктор"],
];

export const FEMALE_GIVEN: readonly Pair[] = [
  ["Алия", "Әлия"],
  ["Айгуль", "Айгүл"],
  ["Динара", "Динара"],
  ["Гульнар", "Гүлнар"],
  ["Жанна", "Жанна"],
  ["Сауле", "Сәуле"],
  ["Асель", "Әсел"],
  ["Айжан", "Айжан"],
  ["Мадина", "Мадина"],
  ["Карлыгаш", "Қарлығаш"],
  ["Назгуль", "Назгүл"],
  ["Гульмира", "Гүлмира"],
  ["Айнур", "Айнұр"],
  ["Жансая", "Жансая"],
  ["Дана", "Дана"],
  ["Ботагоз", "Ботагөз"],
  ["Зауре", "Зәуре"],
  ["Меруерт", "Меруерт"],
  ["Раушан", "Раушан"],
  ["Салтанат", "Салтанат"],
  ["Толкын", "Толқын"],
  ["Улжан", "Ұлжан"],
  ["Шынар", "Шынар"],
  ["Эльмира", "Эльмира"],
  ["Арайлым", "Арайлым"],
  ["Гаухар", "Гауһар"],
  ["Индира", "Индира"],
  ["Камила", "Камила"],
  ["Ляззат", "Ләззат"],
  ["Нургуль", "Нұргүл"],
  ["Роза", "Роза"],
  ["Сабина", "Сабина"],
  ["Ольга", "Ольга"],
  ["Елена", "Елена"],
  ["Наталья", "Наталья"],
  ["Татьяна", "Татьяна"],
  ["Ирина", "Ирина"],
];

/** Surnames that are not inflected for gender are marked `fixed`. */
export const SURNAMES: readonly (readonly [ru: string, kk: string, fixed?: true])[] = [
  ["Абишев", "Әбішев"],
  ["Жакупов", "Жақыпов"],
  ["Тулеуов", "Төлеуов"],
  ["Кайырбек", "Қайырбек", true],
  ["Мамырбай", "Мамырбай", true],
  ["Халелов", "Халелов"],
  ["Джумаев", "Жұмаев"],
  ["Искаков", "Ысқақов"],
  ["Садыков", "Садықов"],
  ["Байменов", "Байменов"],
  ["Султанбеков", "Сұлтанбеков"],
  ["Омаров", "Омаров"],
  ["Ахметов", "Ахметов"],
  ["Сейтказин", "Сейтқазин"],
  ["Нуркен", "Нұркен", true],
  ["Бекмухамбетов", "Бекмұхамбетов"],
  ["Касымов", "Қасымов"],
  ["Утепов", "Өтепов"],
  ["Шайкенов", "Шайкенов"],
  ["Ибраев", "Ибраев"],
  ["Мендыгазиев", "Мендығазиев"],
  ["Есимов", "Есімов"],
  ["Оспанов", "Оспанов"],
  ["Бейсенов", "Бейсенов"],
  ["Кожахметов", "Қожахметов"],
  ["Жумабаев", "Жұмабаев"],
  ["Турсынбаев", "Тұрсынбаев"],
  ["Абдрахманов", "Әбдірахманов"],
  ["Смагулов", "Смағұлов"],
  ["Калиев", "Қалиев"],
  ["Иванов", "Иванов"],
  ["Петров", "Петров"],
  ["Ким", "Ким", true],
  ["Хасенов", "Хасенов"],
  ["Мухамедов", "Мұхамедов"],
  ["Амиров", "Әміров"],
  ["Нургалиев", "Нұрғалиев"],
  ["Сагинтаев", "Сағынтаев"],
  ["Токаев", "Тоқаев"],
  ["Дауленов", "Дәуленов"],
];

const VOWELS = new Set([..."аеёиоуыэюяәөұүі"]);

/** A surname derived from a male given name (Нурлан → Нурланов, Сергей → Сергеев). */
function derivedSurname([ru, kk]: Pair): readonly [string, string] {
  const suffix = (w: string) =>
    w.endsWith("й") ? `${w.slice(0, -1)}ев` : VOWELS.has(w.at(-1) ?? "") ? `${w}ев` : `${w}ов`;
  return [suffix(ru), suffix(kk)];
}

const ALL_SURNAMES: readonly (readonly [string, string, boolean])[] = [
  ...SURNAMES.map(([ru, kk, fixed]) => [ru, kk, fixed === true] as const),
  ...MALE_GIVEN.slice(0, 56).map((g) => [...derivedSurname(g), false] as const),
];

function feminine(surname: string): string {
  return /(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname;
}

function patronymic(fatherRu: string, female: boolean): string {
  const base = fatherRu.endsWith("й") ? fatherRu.slice(0, -1) : fatherRu;
  const soft = fatherRu.endsWith("й") || VOWELS.has(fatherRu.at(-1) ?? "");
  return `${base}${soft ? "е" : "о"}${female ? "вна" : "вич"}`;
}

const BASE: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ә: "a",
  ғ: "g",
  қ: "k",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
};

/** Spelling choices that differ between reports; the primary spelling uses none of them. */
export interface Variant {
  initialE?: boolean; // Ержан → Erzhan (not Yerzhan)
  j?: boolean; // ж → j, дж → j
  h?: boolean; // х → h
  i?: boolean; // й, ы → i
  ia?: boolean; // ю, я → iu, ia
}

function translitWord(word: string, v: Variant): string {
  const lower = word.toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] as string;
    const next = lower[i + 1];
    const prev = lower[i - 1];
    if (ch === "д" && next === "ж") {
      out += v.j ? "j" : "dzh";
      i++;
      continue;
    }
    if (ch === "е" && (i === 0 || (prev !== undefined && (VOWELS.has(prev) || prev === "ь")))) {
      out += i === 0 && v.initialE ? "e" : "ye";
      continue;
    }
    if (ch === "и" && next === "й" && i + 2 === lower.length) {
      out += v.i ? "ii" : "iy";
      i++;
      continue;
    }
    if (ch === "ж" && v.j) out += "j";
    else if (ch === "х" && v.h) out += "h";
    else if ((ch === "й" || ch === "ы") && v.i) out += "i";
    else if (ch === "ю" && v.ia) out += "iu";
    else if (ch === "я" && v.ia) out += "ia";
    else out += BASE[ch] ?? ch;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export function translit(text: string, v: Variant = {}): string {
  return text
    .split(" ")
    .map((w) => translitWord(w, v))
    .join(" ");
}

export interface NameParts {
  surname: { ru: string; kk: string };
  given: { ru: string; kk: string };
  patronymic: { ru: string; kk: string };
}

/** Picks a name: given name, surname (inflected for gender) and patronymic in both Cyrillic forms. */
export function pickName(rng: Rng, female: boolean): NameParts {
  const [gRu, gKk] = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  const [sRu, sKk, fixed] = rng.pick(ALL_SURNAMES);
  const father = rng.pick(MALE_GIVEN);
  return {
    given: { ru: gRu, kk: gKk },
    surname: female && !fixed ? { ru: feminine(sRu), kk: feminine(sKk) } : { ru: sRu, kk: sKk },
    patronymic: {
      ru: patronymic(father[0], female),
      kk: `${father[1]} ${female ? "қызы" : "ұлы"}`,
    },
  };
}
