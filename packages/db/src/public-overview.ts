import {
  sourceDay,
  type Recognition,
  type RecognitionEntry,
  type Source,
  type Timeline,
} from "@registry/domain";
import { sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { query } from "./query.ts";
import { politicalPrisonerOn, statusRecorded } from "./public-person-list.ts";
import { cached, publicData, publicPersonRefs } from "./public-queries.ts";

/** The first day of each month from `from`'s month to `to`'s, as YYYY-MM-DD. */
export function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const day = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
    if (day > to) break;
    out.push(day);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * Political prisoners and other persecuted persons on the first of each month since the first recorded status,
 * and on each source's day: one query over the derived status periods, with the very conditions the lists use
 * "as of" a day, so a point and the list it links to count the same persons.
 */
export function publicTimeline(db: Db, today: string): Promise<Timeline> {
  return cached(db, today, "timeline", () => computeTimeline(db, today));
}

async function computeTimeline(db: Db, today: string): Promise<Timeline> {
  const reports = (await publicData<Source>(db, "source"))
    .flatMap((s) => {
      const day = sourceDay(s.data);
      const date = s.data.asOf ?? s.data.published;
      return day && day <= today ? [{ source: s.data.id, day, date }] : [];
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.source < b.source ? -1 : 1));
  const [first] = await query<{ day: string | null }>(
    db,
    sql`select min(s.from_day) as day from person_status s join persons p on p.id = s.person_id
      where p.publication_state = 'published' and p.deleted_at is null`,
  );
  if (!first?.day) return { asOf: today, points: [], reports };
  const days = [...new Set([...monthStarts(first.day, today), ...reports.map((r) => r.day)])].sort();
  const pp = sql`coalesce(${politicalPrisonerOn(sql`d.day`)}, false)`;
  const rows = await query<{ day: string; pp: number; other: number }>(
    db,
    sql`select d.day, count(*) filter (where ${pp})::int as pp,
        count(*) filter (where ${statusRecorded} and not ${pp})::int as other
      from (values ${sql.join(
        days.map((d) => sql`(${d}::text)`),
        sql`, `,
      )}) as d(day)
      join person_status s on s.from_day <= d.day and (s.to_day is null or s.to_day > d.day)
      join persons p on p.id = s.person_id and p.publication_state = 'published' and p.deleted_at is null
      join person_index i on i.person_id = p.id
      group by d.day`,
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    asOf: today,
    points: days.map((day) => ({
      day,
      politicalPrisoners: byDay.get(day)?.pp ?? 0,
      persecuted: byDay.get(day)?.other ?? 0,
    })),
    reports,
  };
}

/**
 * Every published international decision or recommendation, newest first, with the published persons it names
 * (a recognition that names none of them is left out: it would say nothing public).
 */
export async function listPublicRecognitions(db: Db): Promise<RecognitionEntry[]> {
  const rows = await publicData<Recognition>(db, "recognition");
  const refs = await publicPersonRefs(
    db,
    rows.flatMap((r) => r.data.persons),
  );
  const byId = new Map(refs.map((r) => [r.id, r]));
  return rows
    .map((r) => {
      const persons = r.data.persons.flatMap((id) => {
        const ref = byId.get(id);
        return ref ? [ref] : [];
      });
      return {
        recognition: { ...r.data, persons: persons.map((p) => p.id) },
        persons,
      };
    })
    .filter((e) => e.persons.length > 0)
    .sort((a, b) =>
      a.recognition.date.date === b.recognition.date.date
        ? a.recognition.id.localeCompare(b.recognition.id)
        : a.recognition.date.date < b.recognition.date.date
          ? 1
          : -1,
    );
}
