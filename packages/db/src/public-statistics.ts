import { reportAge, sourceDay, type Source, type Statistics } from "@registry/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { politicalPrisonerOn } from "./public-person-list.ts";
import { cached, publicData } from "./public-queries.ts";

/** The statistics page's counts of published persons as of a day, kept per data version (see `cached`). */
export function publicStatistics(db: Db, today: string): Promise<Statistics> {
  return cached(db, today, "statistics", () => computeStatistics(db, today));
}

async function computeStatistics(db: Db, today: string): Promise<Statistics> {
  const base = sql`from persons p join person_index i on i.person_id = p.id
    left join person_status s on s.person_id = p.id and s.from_day <= ${today} and (s.to_day is null or s.to_day > ${today})
    where p.publication_state = 'published' and p.deleted_at is null`;
  const counts = async (expr: SQL) =>
    (
      await query<{ key: string | null; count: number }>(
        db,
        sql`select ${expr} as key, count(*)::int as count ${base} group by 1 order by 2 desc, 1`,
      )
    )
      .filter((r) => r.key !== null)
      .map((r) => ({ key: String(r.key), count: r.count }));
  const facetCounts = async (kind: string) =>
    query<{ key: string; count: number }>(
      db,
      sql`select f.value as key, count(*)::int as count from person_facets f
        join persons p on p.id = f.person_id
        where p.publication_state = 'published' and p.deleted_at is null and f.kind = ${kind}
        group by 1 order by 2 desc, 1`,
    );
  const [byStatus, byRegion, byGender, byArticle, byYear, bySentenceKind, bySource] = await Promise.all([
    counts(sql`coalesce(s.status, 'unknown')`),
    counts(sql`i.region`),
    counts(sql`i.gender`),
    facetCounts("article"),
    facetCounts("year"),
    facetCounts("sentence"),
    facetCounts("source"),
  ]);
  const one = async (cond: SQL) =>
    (await query<{ n: number }>(db, sql`select count(*)::int as n ${base} and ${cond}`))[0]?.n ?? 0;
  const pp = politicalPrisonerOn(today);
  const [total, politicalPrisoners, roL, exile, killed, defenders] = await Promise.all([
    one(sql`true`),
    one(pp),
    one(sql`s.status = 'restriction-of-liberty'`),
    one(sql`s.status = 'in-exile'`),
    one(sql`i.killed`),
    one(sql`i.defender`),
  ]);
  // How old the reports behind each political prisoner's status are, and the newest source of all.
  const reported = await query<{ last_reported: string }>(db, sql`select s.last_reported ${base} and ${pp}`);
  const age = { "within-1-year": 0, "1-3-years": 0, "over-3-years": 0 };
  for (const r of reported) age[reportAge(r.last_reported, today)]++;
  const sourceDays = (await publicData<Source>(db, "source")).flatMap((s) => {
    const d = sourceDay(s.data);
    return d && d <= today ? [{ day: d, date: s.data.asOf ?? s.data.published }] : [];
  });
  const newest = sourceDays.sort((a, b) => (a.day < b.day ? 1 : -1))[0];
  return {
    asOf: today,
    ...(newest ? { newestSource: newest.date } : {}),
    total,
    politicalPrisoners,
    politicalPrisonersByLastReport: Object.entries(age).map(([key, count]) => ({ key, count })),
    byStatus,
    byList: [
      { key: "political-prisoners", count: politicalPrisoners },
      { key: "persecuted", count: total - politicalPrisoners },
      { key: "restriction-of-liberty", count: roL },
      { key: "killed", count: killed },
      { key: "in-exile", count: exile },
      { key: "human-rights-defenders", count: defenders },
    ],
    byArticle,
    byRegion,
    byYear: byYear.sort((a, b) => (a.key < b.key ? -1 : 1)),
    bySentenceKind,
    byGender,
    bySource,
  };
}
