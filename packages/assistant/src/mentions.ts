import { nameTokens } from "@registry/domain";
import { isPlaceWord } from "./places.ts";
import { STOP_WORDS } from "./stoplist.ts";
import type { Sentence } from "./text.ts";

/** A written name found in a sentence. */
export interface Mention {
  text: string;
  /** Words of the name as written (possessive endings removed). */
  words: string[];
  sentence: number;
  index: number;
  end: number;
  lines: [number, number];
}

const UPPER = /^[\p{Lu}]/u;
const LATIN_NAME = /^[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)*$/;
const CYRILLIC_NAME = /^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ]?[а-яёәғқңөұүһі]+)*$/u;
const WORD = /[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu;

/** The words a report writes in lower case: a capitalised word among them is a common word, not a name. */
export function lowercaseVocabulary(sentences: readonly Sentence[]): Set<string> {
  const vocab = new Set<string>();
  for (const s of sentences) for (const m of s.text.matchAll(WORD)) if (!UPPER.test(m[0])) vocab.add(m[0]);
  return vocab;
}

function strip(word: string): string {
  return word.replace(/['’]s$/u, "").replace(/['’]$/u, "");
}

/** Whether a capitalised word can be part of a person's name in this report. */
export function isNameWord(word: string, vocab: ReadonlySet<string>): boolean {
  const w = strip(word);
  if (!(LATIN_NAME.test(w) || CYRILLIC_NAME.test(w))) return false;
  if (w.length < 2) return false;
  const lower = w.toLowerCase();
  if (STOP_WORDS.has(lower) || isPlaceWord(w)) return false;
  if (vocab.has(lower)) return false;
  return true;
}

/**
 * Runs of two to four name words in a sentence, broken at punctuation, at lower-case words and at any word that
 * is not a name word ("Democratic Choice", "Nur-Sultan" and "In May" are not names). A run of more (a list
 * flattened from a table, "Oksana Shevchuk Zhazira Demeuova") is cut into pairs when it has an even length.
 */
export function findMentions(sentences: readonly Sentence[], vocab: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  sentences.forEach((s, si) => {
    const tokens = [...s.text.matchAll(WORD)].map((m) => ({
      word: m[0],
      index: m.index,
      end: m.index + m[0].length,
    }));
    let run: typeof tokens = [];
    const close = () => {
      const chunks =
        run.length >= 2 && run.length <= 4
          ? [run]
          : run.length > 4 && run.length % 2 === 0
            ? Array.from({ length: run.length / 2 }, (_, k) => run.slice(2 * k, 2 * k + 2))
            : [];
      for (const chunk of chunks) {
        const first = chunk[0];
        const last = chunk.at(-1);
        if (!first || !last) continue;
        out.push({
          text: chunk.map((t) => strip(t.word)).join(" "),
          words: chunk.map((t) => strip(t.word)),
          sentence: si,
          index: first.index,
          end: last.end,
          lines: [s.lineAt(first.index), s.lineAt(last.end - 1)],
        });
      }
      run = [];
    };
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      const gap = prev ? s.text.slice(prev.end, t.index) : "";
      if (run.length > 0 && !/^\s+$/.test(gap)) close();
      if (isNameWord(t.word, vocab)) {
        run.push(t);
        // A possessive ends the name: "Dzhumayev’s wife".
        if (/['’]s?$/u.test(t.word)) close();
      } else close();
    });
    close();
  });
  return out;
}

/** Single name words in a sentence (for mentions by surname alone: "Sultanov said ..."). */
export function singleWords(
  sentence: Sentence,
  vocab: ReadonlySet<string>,
): { word: string; folded: string; index: number }[] {
  const out: { word: string; folded: string; index: number }[] = [];
  for (const m of sentence.text.matchAll(WORD)) {
    if (!isNameWord(m[0], vocab)) continue;
    const folded = nameTokens(strip(m[0]))[0];
    if (folded) out.push({ word: strip(m[0]), folded, index: m.index });
  }
  return out;
}
