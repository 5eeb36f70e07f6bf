import type { Dataset } from "./load.ts";

/** Lower-case words, without punctuation or quotes, each with the line it is on. */
function words(text: string): { word: string; line: number }[] {
  const out: { word: string; line: number }[] = [];
  text.split("\n").forEach((l, i) => {
    for (const w of l.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) out.push({ word: w, line: i + 1 });
  });
  return out;
}

export interface CopiedRun {
  where: string;
  file: string;
  line: number;
  words: number;
  text: string;
}

/** Every reader-facing English text of the dataset, with where it is. */
function texts(d: Dataset): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (where: string, v: unknown, key = "") => {
    if (typeof v === "string") {
      if (["en", "text", "reasoning", "description", "summary", "title", "label", "note"].includes(key))
        out.push({ where, text: v });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(`${where}[${i}]`, x, key));
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v))
        if (k !== "quote" && k !== "names" && !(k === "title" && where.startsWith("sources ")))
          walk(`${where}.${k}`, x, k === "en" ? key || k : k);
  };
  for (const [kind, items] of Object.entries(d) as [string, { id: string }[]][])
    for (const it of items) walk(`${kind} ${it.id}`, it);
  return out;
}

/**
 * Runs of at least `minWords` consecutive words that a text shares with a report (case and punctuation
 * ignored). Quotations (`quote`), names and the titles of sources are exempt: they are meant to be exact.
 */
export function copiedRuns(
  d: Dataset,
  reports: readonly { file: string; text: string }[],
  minWords = 12,
): CopiedRun[] {
  const index = new Map<string, { file: string; pos: number }[]>();
  const reportWords = new Map<string, { word: string; line: number }[]>();
  for (const r of reports) {
    const w = words(r.text);
    reportWords.set(r.file, w);
    for (let i = 0; i + minWords <= w.length; i++) {
      const key = w
        .slice(i, i + minWords)
        .map((x) => x.word)
        .join(" ");
      const list = index.get(key);
      if (list) list.push({ file: r.file, pos: i });
      else index.set(key, [{ file: r.file, pos: i }]);
    }
  }
  const out: CopiedRun[] = [];
  for (const t of texts(d)) {
    const w = words(t.text).map((x) => x.word);
    for (let i = 0; i + minWords <= w.length;) {
      const hit = index.get(w.slice(i, i + minWords).join(" "))?.[0];
      if (!hit) {
        i++;
        continue;
      }
      const rw = reportWords.get(hit.file) ?? [];
      let n = minWords;
      while (i + n < w.length && rw[hit.pos + n]?.word === w[i + n]) n++;
      out.push({
        where: t.where,
        file: hit.file,
        line: rw[hit.pos]?.line ?? 0,
        words: n,
        text: w.slice(i, i + n).join(" "),
      });
      i += n;
    }
  }
  return out;
}
