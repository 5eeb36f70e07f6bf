/**
 * Transliteration-tolerant name keys. The reports spell one person many ways (Yerzhan/Erzhan,
 * Kayyrbek/Kaiyrbek, Khalelova/Halelova, Dzhumayev/Jumaev, surname first or last, with or without a
 * patronymic), and readers type names in Russian or Kazakh Cyrillic. Every spelling is folded to the same
 * key; the keys are order-independent so "Abishev Aset" and "Aset Abishev" meet.
 */

// Russian and Kazakh Cyrillic to a plain Latin form, before the Latin folding below.
const CYRILLIC: Record<string, string> = {
  а: "a",
  ә: "a",
  б: "b",
  в: "v",
  г: "g",
  ғ: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  қ: "k",
  л: "l",
  м: "m",
  н: "n",
  ң: "n",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ұ: "u",
  ү: "u",
  ф: "f",
  х: "kh",
  һ: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  і: "i",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};
// Latin letters whose decomposition would lose a sound (ş is "sh", not "s").
const LATIN_SPECIAL: Record<string, string> = {
  ş: "sh",
  ç: "ch",
  ğ: "g",
  ı: "i",
  ñ: "n",
  ß: "ss",
  ʼ: "",
  "'": "",
};

// Kazakh patronymic particles written as separate words ("Botash kyzy"); they are not name parts.
const PARTICLES = new Set(["uli", "kizi", "ogli", "ugli"]);

function transliterate(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) out += CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  return out.normalize("NFD").replace(/\p{M}/gu, "");
}

/** Folds one word: y/e onsets, ai/ay, kh/h, dzh/j/zh, q/k, -iyev/-yev/-ev, doubled letters. */
export function foldToken(token: string): string {
  let t = token;
  t = t.replace(/^y(?=[aeiou])/, ""); // Yerzhan/Erzhan, Yevgeniy/Evgeniy
  t = t.replace(/dzh/g, "j").replace(/zh/g, "j").replace(/kh/g, "h").replace(/q/g, "k");
  t = t.replace(/y/g, "i"); // Kayyrbek/Kaiyrbek, Mamyrbay/Mamirbai, Evgeniy/Evgeni
  t = t.replace(/(.)\1+/g, "$1"); // Khassenov/Khasenov, Mukhammedov/Mukhamedov
  t = t.replace(/iev(a?)$/, "ev$1"); // Mendygaziyev/Mendygazyev, Ibrayev/Ibraev
  return t;
}

/** The folded words of a name, in the order written. */
export function nameTokens(name: string): string[] {
  return transliterate(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map(foldToken)
    .filter((w) => w.length > 0 && !PARTICLES.has(w));
}

/** One normalised string for similarity search: folded words, sorted, space-separated. */
export function foldName(name: string): string {
  return [...nameTokens(name)].sort().join(" ");
}

/**
 * The exact-match keys of a name: all its words sorted, and each pair of words sorted, so a name written
 * with a patronymic ("Abishev Aset Muksutkhanovich") still meets "Aset Abishev". Single initials are not
 * paired. At most 12 words are considered.
 */
export function nameSearchKeys(name: string): string[] {
  const words = nameTokens(name).slice(0, 12);
  const keys = new Set<string>();
  if (words.length > 0) keys.add([...words].sort().join(" "));
  const full = words.filter((w) => w.length > 1);
  for (let i = 0; i < full.length; i++) {
    for (let j = i + 1; j < full.length; j++) keys.add([full[i], full[j]].sort().join(" "));
  }
  return [...keys];
}

/** True when two written names share a search key. */
export function namesMeet(a: string, b: string): boolean {
  const ka = new Set(nameSearchKeys(a));
  return nameSearchKeys(b).some((k) => ka.has(k));
}

/** A URL slug from a Latin name: "Aset Abishev" → "aset-abishev". */
export function slugify(text: string): string {
  return (
    transliterate(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "x"
  );
}
