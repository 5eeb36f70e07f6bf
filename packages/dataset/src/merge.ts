import type { Citation } from "@registry/domain";

/** Citations of the same fact from several reports, without repeats. */
export function unionCitations(...lists: readonly (readonly Citation[] | undefined)[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const list of lists) for (const c of list ?? []) seen.set(JSON.stringify(c), c);
  return [...seen.values()];
}

function keyWithoutCitations(item: object): string {
  return JSON.stringify(item, (k, v: unknown) => (k === "citations" ? undefined : v));
}

/**
 * Concatenates lists of facts; the same fact stated in several reports (equal apart from its citations)
 * becomes one fact carrying all the citations.
 */
export function mergeFacts<T extends { citations?: Citation[] | undefined }>(
  ...lists: readonly (readonly T[] | undefined)[]
): T[] {
  const byKey = new Map<string, T>();
  for (const list of lists) {
    for (const item of list ?? []) {
      const key = keyWithoutCitations(item);
      const prev = byKey.get(key);
      byKey.set(key, prev ? { ...prev, citations: unionCitations(prev.citations, item.citations) } : item);
    }
  }
  return [...byKey.values()];
}

export function union<T>(...lists: readonly (readonly T[] | undefined)[]): T[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

export function joinText(...texts: (string | undefined)[]): string | undefined {
  const parts = [...new Set(texts.filter((t): t is string => !!t && t.trim().length > 0))];
  return parts.length ? parts.join("\n\n") : undefined;
}

export function firstDefined<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

type Localized = {
  en: string;
  ru?: string | undefined;
  kk?: string | undefined;
  provenance?:
    { ru?: "translated" | "reviewed" | undefined; kk?: "translated" | "reviewed" | undefined } | undefined;
};

/** Texts of one field from several reports, joined per language; a joined translation is as checked as its least. */
export function mergeLocalized(...texts: (Localized | undefined)[]): Localized | undefined {
  const en = joinText(...texts.map((t) => t?.en));
  if (!en) return undefined;
  const present = texts.filter((t): t is Localized => t !== undefined);
  const lang = (l: "ru" | "kk"): { text?: string; state?: "translated" | "reviewed" | undefined } => {
    const text = joinText(...present.map((t) => t[l]));
    // Every part must have the language, else the joined text would be partly untranslated.
    if (!text || present.some((t) => !t[l])) return {};
    const states = present.map((t) => t.provenance?.[l]);
    const state = states.every((x) => x === "reviewed")
      ? "reviewed"
      : states.some((x) => x)
        ? "translated"
        : undefined;
    return { text, state };
  };
  const ru = lang("ru");
  const kk = lang("kk");
  const provenance = {
    ...(ru.state ? { ru: ru.state } : {}),
    ...(kk.state ? { kk: kk.state } : {}),
  };
  return {
    en,
    ...(ru.text ? { ru: ru.text } : {}),
    ...(kk.text ? { kk: kk.text } : {}),
    ...(Object.keys(provenance).length ? { provenance } : {}),
  };
}

/** Groups items by id, keeping first-seen order. */
export function groupById<T>(items: readonly T[], id: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = id(item);
    const g = groups.get(key);
    if (g) g.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
