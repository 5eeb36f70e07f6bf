import {
  foldName,
  nameSearchKeys,
  startDay,
  statusSegments,
  unconfirmedAfter,
  type Case,
  type Event,
  type Person,
  type PublicPerson,
} from "@registry/domain";

/** Status periods are derived far enough ahead that a term running out next year needs no recomputation. */
export const STATUS_HORIZON = "2100-01-01";

export interface DerivedPerson {
  index: {
    personId: string;
    sortName: string;
    searchText: string;
    gender: string;
    region: string | null;
    firstDay: string | null;
    hasPace: boolean;
    /** The first day a source had assessed the person against the PACE criteria (for snapshots of past days). */
    paceDay: string | null;
    killed: boolean;
    defender: boolean;
    articles: string;
  };
  keys: string[];
  status: {
    personId: string;
    seq: number;
    status: string;
    since: string;
    sinceBound: string | null;
    fromDay: string;
    toDay: string | null;
    lastReported: string;
    unconfirmedAfter: string | null;
  }[];
  facets: { personId: string; kind: string; value: string }[];
}

function years(from: string, to?: string): string[] {
  const a = Number(from.slice(0, 4));
  const b = to ? Number(to.slice(0, 4)) : a;
  const out: string[] = [];
  for (let y = a; y <= Math.min(b, a + 30); y++) out.push(String(y));
  return out;
}

/**
 * Everything the lists filter and sort on, computed from one person and the published cases and events that
 * name them. Anonymous persons get no search text and no name keys, so their names cannot be searched.
 */
export function derivePerson(
  person: Person | PublicPerson,
  cases: readonly Case[],
  events: readonly Event[],
  /** Each source's day (`sourceDay`): when its PACE assessments count from. */
  sourceDays: ReadonlyMap<string, string> = new Map(),
): DerivedPerson {
  const id = person.id;
  const primary = person.names.find((n) => n.primary) ?? person.names[0];
  const anonymous = person.visibility === "anonymous";
  const sortName = anonymous
    ? "~"
    : (primary?.surname && primary.given
        ? `${primary.surname} ${primary.given}`
        : (primary?.text ?? "")
      ).toLowerCase();
  const tokens = new Set(anonymous ? [] : person.names.flatMap((n) => foldName(n.text).split(" ")));
  const keys = anonymous ? [] : [...new Set(person.names.flatMap((n) => nameSearchKeys(n.text)))];

  const mine = cases.filter((c) => c.defendants.includes(id));
  const myEvents = events.filter((e) => e.persons.includes(id));
  const facets = new Set<string>();
  const days: string[] = [];
  for (const c of mine) {
    if (c.opened) days.push(startDay(c.opened.date));
    for (const ch of c.charges.filter((x) => x.person === id)) {
      facets.add(`article\u0000${ch.code}:${ch.article.split(".")[0]}`);
      if (ch.date) days.push(startDay(ch.date.date));
    }
    for (const m of c.measures.filter((x) => x.person === id)) {
      days.push(startDay(m.from.date));
      for (const y of years(m.from.date, m.to)) facets.add(`year\u0000${y}`);
    }
    for (const s of c.sentences.filter((x) => x.person === id)) {
      facets.add(`sentence\u0000${s.kind}`);
      days.push(startDay(s.imposed.date));
    }
  }
  for (const e of myEvents) {
    days.push(startDay(e.date.date));
    for (const y of years(e.date.date, e.date.end)) facets.add(`year\u0000${y}`);
  }
  for (const d of days) facets.add(`year\u0000${d.slice(0, 4)}`);
  for (const a of person.affiliations) facets.add(`organisation\u0000${a.organisation}`);
  // Which sources speak of this person (their own record, their cases and events).
  JSON.stringify([person, mine, myEvents], (k, v: unknown) => {
    if (k === "source" && typeof v === "string") facets.add(`source\u0000${v}`);
    return v;
  });

  const segments = statusSegments(
    id,
    { cases: mine, events: myEvents, reports: "statusReports" in person ? person.statusReports : [] },
    STATUS_HORIZON,
  );
  const status = segments.map((p, i) => ({
    personId: id,
    seq: i,
    status: p.status,
    since: p.since,
    sinceBound: p.sinceBound ?? null,
    fromDay: p.fromDay,
    toDay: segments[i + 1]?.fromDay ?? null,
    lastReported: p.lastReported.date,
    unconfirmedAfter: unconfirmedAfter(p) ?? null,
  }));
  const paceDays = person.pace.flatMap((a) =>
    a.citations.flatMap((c) => (sourceDays.has(c.source) ? [sourceDays.get(c.source) as string] : [])),
  );

  const region =
    person.places.find((p) => p.region && p.kind === "residence")?.region ??
    person.places.find((p) => p.region)?.region ??
    null;
  return {
    index: {
      personId: id,
      sortName,
      searchText: [...tokens].filter(Boolean).join(" "),
      gender: person.gender,
      region,
      firstDay: days.length ? (days.sort()[0] ?? null) : null,
      hasPace: person.pace.length > 0,
      paceDay: paceDays.length ? (paceDays.sort()[0] ?? null) : null,
      killed: myEvents.some((e) => e.type === "killed"),
      defender: person.roles.some((r) => r.kind === "human-rights-defender"),
      articles: [...facets]
        .filter((f) => f.startsWith("article\u0000"))
        .map((f) => f.slice("article\u0000".length))
        .sort()
        .join(","),
    },
    keys,
    status,
    facets: [...facets].map((f) => {
      const [kind = "", value = ""] = f.split("\u0000");
      return { personId: id, kind, value };
    }),
  };
}
