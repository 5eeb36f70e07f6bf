/**
 * A report's lines as sentences that remember their lines. Reports reach us as PDF or Markdown text: words
 * hyphenated across line breaks ("Shymyrba-" / "yev"), names broken over two lines in tables, Markdown emphasis
 * (`**Name**`), links (`[text](#)`), footnote markers (`<sup>12</sup>`) and bullets. The cleaning keeps every
 * character's line, so a citation `[from, to]` is always the lines a sentence spans in the text as given.
 */

export interface Sentence {
  text: string;
  /** First and last line (1-based) the sentence spans. */
  lines: [number, number];
  /** The line of each character of `text`. */
  lineAt: (offset: number) => number;
  /** Index of the paragraph (a run of non-blank lines) the sentence belongs to. */
  paragraph: number;
}

/** Markup and noise removed from one line, keeping its words in place. */
export function cleanLine(line: string): string {
  return line
    .replace(/<sup>.*?<\/sup>/gi, " ")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<https?:[^>]*>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_#`]+/g, " ")
    .replace(/^\s*(?:[-•●▪◦·]|\d+\.)\s+/, " ")
    .replace(/[\u00ad\ufffd]/g, "")
    .replace(/[ \t\u00a0]+/g, " ");
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATION =
  /(?:\b(?:Art|art|Arts|arts|No|no|Mr|Mrs|Ms|Dr|St|Jr|cf|vs|p|pp|para|ст|ч|им|г|гг|ул|др)|\b[A-ZА-ЯЁ])\.$/u;

/** Splits a report into sentences with the lines each spans. */
export function sentences(lines: readonly string[]): Sentence[] {
  // One text per paragraph, with the line of every character.
  const out: Sentence[] = [];
  let text = "";
  let at: number[] = [];
  let paragraph = 0;
  const flush = () => {
    splitParagraph(text, at, paragraph, out);
    text = "";
    at = [];
    paragraph++;
  };
  lines.forEach((raw, i) => {
    const line = cleanLine(raw).trim();
    if (line === "") {
      if (text !== "") flush();
      return;
    }
    if (text !== "") {
      // "Shymyrba-" + "yev": a word broken at the line's end; otherwise lines join with a space.
      if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) {
        text = text.slice(0, -1);
        at.pop();
      } else {
        text += " ";
        at.push(i + 1);
      }
    }
    text += line;
    for (let k = 0; k < line.length; k++) at.push(i + 1);
  });
  if (text !== "") flush();
  return out;
}

const MAX_SENTENCE = 1500;

function splitParagraph(text: string, at: number[], paragraph: number, out: Sentence[]): void {
  let start = 0;
  const push = (end: number) => {
    // No sentence is longer than MAX_SENTENCE: a text without full stops (a table, a pasted dump) is cut at spaces,
    // so that no rule ever scans one huge "sentence" once per name in it.
    while (end - start > MAX_SENTENCE) {
      const cut = text.lastIndexOf(" ", start + MAX_SENTENCE);
      const at2 = cut > start ? cut + 1 : start + MAX_SENTENCE;
      const keep = start;
      pushRange(keep, at2);
      start = at2;
    }
    pushRange(start, end);
    start = end;
  };
  const pushRange = (from: number, end: number) => {
    let s = from;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) {
      const slice = at.slice(s, e);
      out.push({
        text: text.slice(s, e),
        lines: [slice[0] ?? 1, slice.at(-1) ?? 1],
        lineAt: (offset) => slice[Math.min(Math.max(offset, 0), slice.length - 1)] ?? 1,
        paragraph,
      });
    }
  };
  const boundary = /[.!?](?:["”»’)]+)?\s+(?=["“«(]?[\p{Lu}\d])/gu;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 6), m.index + 1);
    if (ABBREVIATION.test(before)) continue;
    push(m.index + m[0].length);
  }
  push(text.length);
}
