import { nameTokens } from "@registry/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";

/**
 * Name search (ADR 008). A query is folded into words the way names are (transliterated, Yerzhan = Erzhan,
 * Kh = H, Cyrillic = Latin …). Every name of a person is stored under its keys (`person_name_keys`): all its
 * words sorted, and each pair of its words sorted (nameSearchKeys). A query of several words matches a person
 * when two of its words are a pair of one of the person's names (surname and given name, in any order, with or
 * without a patronymic); a query of one word, when it is a word of the person's names (a GIN index on the
 * words). Either way each lookup is an index probe, never a comparison with every name.
 *
 * Before that, the dictionary of all name words (`name_tokens`, a few thousand rows even at 10^5 persons) says
 * which name words each typed word may stand for: itself if it is one; if not (a typo, or a word not finished),
 * the words it begins ("Abish" → abishev) and the few words most similar to it (trigrams). The keys are made
 * from those words, so a misspelling costs a lookup in the small dictionary. When nothing is found, the search
 * is tried once more with the longer and similar words of every typed word (a typo that spells another name).
 *
 * The result is `(person_id, rank)`, best first:
 *   0  the query's words are exactly a name of the person
 *   1  whole words of the query are (a pair of words of) a name of the person
 *   2  a typed word is only the beginning of a word of the name
 *   3  a typed word matched only by similarity (a misspelling)
 */
export interface NameQuery {
  /** Up to 6 folded words. Single letters (initials) are dropped when longer words are present. */
  words: string[];
  /** All the folded words of the query, sorted: the key of a name written exactly so. */
  fullKey: string;
}

export function parseNameQuery(q: string): NameQuery | null {
  const all = nameTokens(q).slice(0, 12);
  const unique = [...new Set(all)];
  const long = unique.filter((w) => w.length > 1);
  const words = (long.length ? long : unique).slice(0, 6);
  if (words.length === 0) return null;
  return { words, fullKey: [...all].sort().join(" ") };
}

/** `LIKE` pattern for "starts with": the folded words hold only a-z and 0-9, nothing to escape. */
const prefix = (w: string) => `${w.replace(/[^a-z0-9]/g, "")}%`;

const textArray = (items: readonly string[]) =>
  sql`array[${sql.join(
    items.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/** Words a typed word may stand for, each with the rank it gives (1 itself, 2 a longer word, 3 similar). */
type Candidates = Map<string, number>;

/**
 * One query to the dictionary for all the typed words: the word itself; when it is no name word (a typo, or a
 * word still being typed), up to 30 words it begins (shortest first) and up to 8 similar words. With `expand`,
 * the longer and similar words are added for every word.
 */
async function candidates(db: Db, words: readonly string[], expand: boolean): Promise<Candidates[]> {
  const lookups = words.map((w, i) => {
    const unless = expand ? sql`` : sql` where not exists (select 1 from name_tokens where token = ${w})`;
    const parts = [
      sql`select ${i}::int as i, token, 1 as pen from name_tokens where token = ${w}`,
      sql`select ${i}::int, token, 2 from (select token from name_tokens where token like ${prefix(w)} and token <> ${w}
        order by length(token), token limit 30) p${unless}`,
    ];
    if (w.length >= 3)
      parts.push(sql`select ${i}::int, token, 3 from (select token from name_tokens where token % ${w}
        order by similarity(token, ${w}) desc, token limit 8) s${unless}`);
    return sql.join(parts, sql` union all `);
  });
  const rows = await query<{ i: number; token: string; pen: number }>(
    db,
    sql.join(lookups, sql` union all `),
  );
  const out = words.map((): Candidates => new Map());
  for (const r of rows) {
    const m = out[r.i];
    if (m && (m.get(r.token) ?? 9) > r.pen) m.set(r.token, r.pen);
  }
  return out;
}

/** At most this many pair keys are looked up (the best ranked first). */
const MAX_KEYS = 600;

/**
 * `select person_id, rank` of the persons (published or not: callers filter) whose names match, or null when
 * none can. With `fuzzy`, every word also stands for similar words (the second try when nothing was found:
 * a typo that happens to spell another name).
 */
export async function nameMatches(db: Db, nq: NameQuery, fuzzy: boolean): Promise<SQL | null> {
  const cands = await candidates(db, nq.words, fuzzy);
  if (nq.words.length === 1) {
    const c = cands[0] as Candidates;
    if (c.size === 0) return null;
    const ranked = (pen: number) => [...c].filter(([, p]) => p === pen).map(([t]) => t);
    const words = sql`string_to_array(i.search_text, ' ')`;
    const has = (pen: number) => {
      const list = ranked(pen);
      return list.length ? sql`${words} && ${textArray(list)}` : sql`false`;
    };
    return sql`select i.person_id, case when ${has(1)} then 1 when ${has(2)} then 2 else 3 end as rank
      from person_index i where ${words} && ${textArray([...c.keys()])}`;
  }
  // Pair keys from the candidates of each pair of typed words, each with the worse rank of its two words.
  const keys = new Map<string, number>();
  for (let i = 0; i < cands.length; i++)
    for (let j = i + 1; j < cands.length; j++)
      for (const [a, pa] of cands[i] as Candidates)
        for (const [b, pb] of cands[j] as Candidates) {
          if (a === b) continue;
          const key = a < b ? `${a} ${b}` : `${b} ${a}`;
          const rank = Math.max(pa, pb);
          if ((keys.get(key) ?? 9) > rank) keys.set(key, rank);
        }
  const chosen = [...keys].sort((x, y) => x[1] - y[1]).slice(0, MAX_KEYS);
  if (chosen.length === 0) return null;
  const values = sql.join(
    chosen.map(([k, r]) => sql`(${k}, ${r}::int)`),
    sql`, `,
  );
  return sql`select k.person_id, min(case when k.key = ${nq.fullKey} then 0 else v.rank end)::int as rank
    from (values ${values}, (${nq.fullKey}, 0)) v(key, rank) join person_name_keys k on k.key = v.key
    group by k.person_id`;
}
