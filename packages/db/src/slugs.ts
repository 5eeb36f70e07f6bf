import { inArray, or, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { tableOf, type EntityKind } from "./schema.ts";

const CHUNK = 1000;

/** The first of `base`, `base-2`, `base-3`, … that is not taken. */
export function nextSlug(base: string, taken: ReadonlySet<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * The slugs of one kind in the database (deleted records included: the unique index covers them) that are one
 * of `bases` or a numbered `base-N` of one of them.
 */
export async function takenSlugs(db: Db, kind: EntityKind, bases: Iterable<string>): Promise<Set<string>> {
  const t = tableOf(kind);
  const wanted = [...new Set(bases)];
  const taken = new Set<string>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const chunk = wanted.slice(i, i + CHUNK);
    const rows = await db
      .select({ slug: t.slug })
      .from(t)
      .where(or(inArray(t.slug, chunk), inArray(sql`regexp_replace(${t.slug}, ${"-[0-9]+$"}, '')`, chunk)));
    for (const r of rows) if (r.slug !== null) taken.add(r.slug);
  }
  return taken;
}

/**
 * A unique slug for each record, by id: a record already in the database keeps its slug; a new one gets its
 * base, or `base-2`, `base-3`, … avoiding the slugs in the database and those given to earlier items.
 */
export async function uniqueSlugs(
  db: Db,
  kind: EntityKind,
  items: readonly { id: string; base: string }[],
): Promise<Map<string, string>> {
  const t = tableOf(kind);
  const existing = new Map<string, string>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const ids = items.slice(i, i + CHUNK).map((it) => it.id);
    for (const r of await db.select({ id: t.id, slug: t.slug }).from(t).where(inArray(t.id, ids)))
      if (r.slug !== null) existing.set(r.id, r.slug);
  }
  const taken = await takenSlugs(
    db,
    kind,
    items.filter((it) => !existing.has(it.id)).map((it) => it.base),
  );
  const out = new Map<string, string>();
  for (const { id, base } of items) {
    const slug = existing.get(id) ?? nextSlug(base, taken);
    taken.add(slug);
    out.set(id, slug);
  }
  return out;
}
