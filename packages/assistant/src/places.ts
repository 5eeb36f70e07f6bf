/**
 * Places the reports name: Kazakhstan's cities, towns and regions in their usual Latin and Cyrillic spellings, and
 * the foreign places activists flee to. A gazetteer, not a list of people: it tells a capitalised place from a
 * name, and gives a fact its place when one is written next to it.
 */
export const PLACES: readonly string[] = [
  "Almaty",
  "Alma-Ata",
  "Astana",
  "Nur-Sultan",
  "Nur Sultan",
  "Shymkent",
  "Aktobe",
  "Aktau",
  "Atyrau",
  "Uralsk",
  "Oral",
  "Karaganda",
  "Karagandy",
  "Kostanay",
  "Kostanai",
  "Kyzylorda",
  "Pavlodar",
  "Petropavlovsk",
  "Semey",
  "Semipalatinsk",
  "Taraz",
  "Taldykorgan",
  "Taldikorgan",
  "Turkestan",
  "Turkistan",
  "Oskemen",
  "Ust-Kamenogorsk",
  "Kokshetau",
  "Zhezkazgan",
  "Ekibastuz",
  "Temirtau",
  "Kaskelen",
  "Talgar",
  "Zhanaozen",
  "Stepnogorsk",
  "Satpayev",
  "Balkhash",
  "Rudny",
  "Konayev",
  "Kapchagay",
  "Esik",
  "Issyk",
  "Zharkent",
  "Kulsary",
  "Zhanatas",
  "Kentau",
  "Arys",
  "Saryagash",
  "Baikonur",
  "Mangystau",
  "Akmola",
  "Jambyl",
  "Zhambyl",
  "Zhetysu",
  "Jetisu",
  "Abai",
  "Ulytau",
  "Xinjiang",
  "Bishkek",
  "Tashkent",
  "Moscow",
  "Kyiv",
  "Kiev",
  "Brussels",
  "Strasbourg",
  "Vienna",
  "Warsaw",
  "Paris",
  "London",
  "Geneva",
  "Washington",
  "Luxembourg",
  "Алматы",
  "Астана",
  "Нур-Султан",
  "Шымкент",
  "Актобе",
  "Актау",
  "Атырау",
  "Уральск",
  "Караганда",
  "Костанай",
  "Кызылорда",
  "Павлодар",
  "Петропавловск",
  "Семей",
  "Тараз",
  "Талдыкорган",
  "Туркестан",
  "Усть-Каменогорск",
  "Кокшетау",
  "Жанаозен",
  "Каскелен",
];

const PLACE_WORDS = new Set(PLACES.flatMap((p) => p.toLowerCase().split(/[\s-]+/)));

/** True when a capitalised word is (part of) a place name in the gazetteer. */
export function isPlaceWord(word: string): boolean {
  return PLACE_WORDS.has(word.toLowerCase());
}

const PLACE_RE = new RegExp(
  `(?<![\\p{L}])(${[...PLACES].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}])`,
  "gu",
);

/** The place written nearest to `index` in a sentence (within 100 characters), as written. */
export function placeNear(text: string, index: number): string | undefined {
  let best: { name: string; cost: number } | undefined;
  PLACE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE_RE.exec(text))) {
    const cost = Math.abs(m.index - index);
    if (cost <= 100 && (!best || cost < best.cost)) best = { name: m[1] ?? m[0], cost };
  }
  return best?.name;
}
