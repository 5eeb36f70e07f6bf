import { nameSearchKeys, nameTokens, type Script } from "@registry/domain";
import { readFactsAt, type Fact, type Lines } from "./facts.ts";
import { findMentions, lowercaseVocabulary, singleWords, type Mention } from "./mentions.ts";
import { AUTHORITY_ROLES, PERSON_CONTEXT } from "./stoplist.ts";
import { sentences, type Sentence } from "./text.ts";

/** A person already in the registry: id, names as written and (optionally) their search keys (ADR 008). */
export interface KnownPerson {
  id: string;
  names: readonly string[];
  keys?: readonly string[];
}

export interface ProposedName {
  text: string;
  script: Script;
  /** Every line range where the name is written so. */
  lines: Lines[];
}

export interface Proposal {
  /** Stable within one run: the folded words of the first full name. */
  key: string;
  names: ProposedName[];
  /** "addition": facts and spellings for a person the registry has; "new": a person it has not. */
  action: "new" | "addition";
  match?: { id: string; name: string };
  /** Every sentence that mentions the person (by full name or by an unambiguous surname). */
  mentions: Lines[];
  facts: Fact[];
}

function scriptOf(text: string): Script {
  if (/[әғқңөұүһі]/i.test(text)) return "cyrillic-kk";
  return /[а-яё]/i.test(text) ? "cyrillic-ru" : "latin";
}

interface Group {
  keys: Set<string>;
  mentions: Mention[];
  /** Sentences mentioning the person (full-name and surname mentions). */
  sentences: Set<number>;
  words: Set<string>;
}

function pairKeys(text: string): string[] {
  return nameSearchKeys(text).filter((k) => k.split(" ").length === 2);
}

/** Mentions that share a pair of name words are one person: "Aset Abishev" and "Abishev Aset Muksutkhanovich". */
function group(mentions: readonly Mention[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const m of mentions) {
    const keys = pairKeys(m.text);
    if (keys.length === 0) continue;
    const found = [...new Set(keys.map((k) => byKey.get(k)).filter((g): g is Group => !!g))];
    let g = found[0];
    if (!g) {
      g = { keys: new Set(), mentions: [], sentences: new Set(), words: new Set() };
      groups.push(g);
    }
    // Two groups bridged by one mention are joined only by a two-word name (a longer run may be two names).
    for (const other of found.slice(1)) {
      if (m.words.length > 2) continue;
      for (const k of other.keys) g.keys.add(k);
      g.mentions.push(...other.mentions);
      groups.splice(groups.indexOf(other), 1);
    }
    g.mentions.push(m);
    for (const k of keys) {
      g.keys.add(k);
      byKey.set(k, g);
    }
  }
  for (const g of groups) {
    for (const k of g.keys) byKey.set(k, g);
    for (const m of g.mentions) {
      g.sentences.add(m.sentence);
      for (const w of nameTokens(m.text)) if (w.length > 1) g.words.add(w);
    }
  }
  return groups;
}

/**
 * Is the group a person the registry documents? Some sentence about them speaks of persecution or civic
 * activity, and they are not, in most mentions, introduced as an official, a judge, a researcher and the like.
 */
function documented(g: Group, all: readonly Sentence[]): boolean {
  let authority = 0;
  for (const m of g.mentions) {
    const s = all[m.sentence]?.text ?? "";
    const before = s.slice(Math.max(0, m.index - 45), m.index);
    const after = s.slice(m.end, m.end + 70);
    if (
      AUTHORITY_ROLES.test(before) ||
      /^,? (?:the |a |an )?[^,.]{0,40}?\b(?:researcher|rapporteur|minister|president|judge|investigator|prosecutor|officer|ombuds\w+|commissioner|spokes\w+|ambassador|director|chairman)\b/i.test(
        after,
      )
    )
      authority++;
  }
  if (authority * 2 > g.mentions.length) return false;
  return [...g.sentences].some((i) => {
    const s = all[i];
    if (!s) return false;
    return PERSON_CONTEXT.test(s.text);
  });
}

function matchKnown(
  keys: ReadonlySet<string>,
  index: ReadonlyMap<string, Set<string>>,
  known: ReadonlyMap<string, KnownPerson>,
): { id: string; name: string } | undefined {
  const score = new Map<string, number>();
  for (const k of keys) for (const id of index.get(k) ?? []) score.set(id, (score.get(id) ?? 0) + 1);
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top || (ranked[1] && ranked[1][1] === top[1])) return undefined;
  const p = known.get(top[0]);
  return p ? { id: p.id, name: p.names[0] ?? p.id } : undefined;
}

const sameLines = (a: Lines, b: Lines) => a[0] === b[0] && a[1] === b[1];

interface Spot {
  group: Group;
  index: number;
  end: number;
}

/**
 * Whose is a fact written at `at` in a sentence naming several persons? The person named last before it (or, if
 * none, first after it), and everyone listed with that person ("A, B and C were detained").
 */
function owns(g: Group, spots: readonly Spot[], at: number, text: string): boolean {
  if (spots.every((x) => x.group === g)) return true;
  const sorted = [...spots].sort((a, b) => a.index - b.index);
  let k = sorted.findLastIndex((x) => x.index <= at);
  if (k < 0) k = 0;
  const listed = (a: Spot | undefined, b: Spot | undefined) =>
    !!a && !!b && /^\s*(?:,|and|&|, and|и|,\s*и)?\s*$/u.test(text.slice(a.end, b.index));
  let from = k;
  let to = k;
  while (listed(sorted[from - 1], sorted[from])) from--;
  while (listed(sorted[to], sorted[to + 1])) to++;
  return sorted.slice(from, to + 1).some((x) => x.group === g);
}

/**
 * Reads a report and proposes the persons it mentions, each with the facts rules can read in the sentences that
 * mention them, every one cited by its lines. Persons whose names share a search key with a known person are
 * proposed as additions to that person.
 */
export function propose(lines: readonly string[], existing: readonly KnownPerson[] = []): Proposal[] {
  const all = sentences(lines);
  const vocab = lowercaseVocabulary(all);
  const groups = group(findMentions(all, vocab));

  // Surname (or any single name word) mentions that belong to exactly one group of the report.
  const owners = new Map<string, Group[]>();
  for (const g of groups) for (const w of g.words) owners.set(w, [...(owners.get(w) ?? []), g]);
  // Where each group is named in each sentence, to tell whose fact a fact is.
  const spots = new Map<number, Spot[]>();
  const spot = (i: number, x: Spot) => spots.set(i, [...(spots.get(i) ?? []), x]);
  for (const g of groups)
    for (const m of g.mentions) spot(m.sentence, { group: g, index: m.index, end: m.end });
  all.forEach((s, i) => {
    for (const w of singleWords(s, vocab)) {
      const o = owners.get(w.folded);
      if (o?.length === 1 && o[0]) {
        o[0].sentences.add(i);
        if (!(spots.get(i) ?? []).some((x) => w.index >= x.index && w.index < x.end))
          spot(i, { group: o[0], index: w.index, end: w.index + w.word.length });
      }
    }
  });
  // A profile: a paragraph that is only a person's name, followed by labelled fields, heads the paragraphs after it ("City: Aktau", "Charges:
  // ● ... (Article 179, section 2 of the CC)"); the sentences there that name nobody are about that person, until
  // the next such heading or a numbered section.
  let head: Group | undefined;
  let since = 0;
  all.forEach((s, i) => {
    const alone = all[i - 1]?.paragraph !== s.paragraph && all[i + 1]?.paragraph !== s.paragraph;
    const here = spots.get(i) ?? [];
    const whole = here.find((x) => x.index === 0 && s.text.slice(x.end).replace(/[.:;,\s]+$/u, "") === "");
    const fields = /^[\p{Lu}][\p{L} ]{1,25}:/u.test(all[i + 1]?.text ?? "");
    if (alone && whole && fields) {
      head = whole.group;
      since = 0;
      return;
    }
    if (/^(?:\d+\.)+\d*\s|^[IVX]+\.\s/u.test(s.text) || ++since > 60) head = undefined;
    if (head && here.length === 0) head.sentences.add(i);
  });
  // The next sentence of the paragraph speaks of the same person when it refers to one ("He was ...", "a court
  // sentenced him") and names nobody else.
  const named = new Map<number, Set<Group>>();
  for (const g of groups) for (const i of g.sentences) named.set(i, new Set([...(named.get(i) ?? []), g]));
  for (const g of groups)
    for (const i of [...g.sentences]) {
      const next = all[i + 1];
      const others = [...(named.get(i + 1) ?? [])].filter((o) => o !== g);
      if (
        next &&
        next.paragraph === all[i]?.paragraph &&
        others.length === 0 &&
        /(?<![\p{L}])(?:he|she|him|her|his|он|она|его|её|ее|ему|ей)(?![\p{L}])/iu.test(next.text)
      )
        g.sentences.add(i + 1);
    }

  // Each sentence is read once, however many persons it names.
  const read = new Map<number, ReturnType<typeof readFactsAt>>();
  const factsOf = (i: number, s: Sentence) =>
    read.get(i) ?? read.set(i, readFactsAt(s.text, s.lines)).get(i) ?? [];
  // Only persons the registry documents are proposed (judged on every sentence about them).
  const proposals = groups
    .filter((g) => documented(g, all))
    .map((g) => {
      const names: ProposedName[] = [];
      for (const m of g.mentions) {
        const n = names.find((x) => x.text === m.text);
        if (n) {
          if (!n.lines.some((l) => sameLines(l, m.lines))) n.lines.push(m.lines);
        } else names.push({ text: m.text, script: scriptOf(m.text), lines: [m.lines] });
      }
      const order = [...g.sentences].sort((a, b) => a - b);
      const facts: Fact[] = [];
      for (const i of order) {
        const s = all[i];
        if (!s) continue;
        for (const { fact: f, at } of factsOf(i, s))
          if (
            owns(g, spots.get(i) ?? [], at, s.text) &&
            !facts.some((x) => JSON.stringify({ ...x, lines: 0 }) === JSON.stringify({ ...f, lines: 0 }))
          )
            facts.push(f);
      }
      return {
        key: nameTokens(names[0]?.text ?? "").join("-"),
        names,
        action: "new",
        mentions: order
          .map((i) => all[i]?.lines)
          .filter((l, k, ls): l is Lines => !!l && ls.findIndex((x) => x && sameLines(x, l)) === k),
        facts,
      } satisfies Proposal;
    });
  return matchProposals(proposals, existing);
}

/** The name keys of a proposal's names (ADR 008): what it is matched to known persons by. */
export function proposalKeys(p: Pick<Proposal, "names">): string[] {
  return [...new Set(p.names.flatMap((n) => nameSearchKeys(n.text)))];
}

/**
 * Marks each proposal as an addition to the known person whose names share the most search keys with it (a tie
 * between two persons is left as new: the curator decides), or as new.
 */
export function matchProposals(proposals: readonly Proposal[], existing: readonly KnownPerson[]): Proposal[] {
  const index = new Map<string, Set<string>>();
  const known = new Map(existing.map((p) => [p.id, p]));
  for (const p of existing)
    for (const k of p.keys ?? p.names.flatMap((n) => nameSearchKeys(n)))
      index.set(k, new Set([...(index.get(k) ?? []), p.id]));
  return proposals.map((p) => {
    const { match: _old, ...rest } = p;
    const match = matchKnown(new Set(proposalKeys(p)), index, known);
    return match ? { ...rest, action: "addition", match } : { ...rest, action: "new" };
  });
}
