import { and, asc, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { cached, isPublicField, NOT_PUBLIC_FIELD, publicPersonRefs, visible } from "./public-queries.ts";
import { ENTITY_KINDS } from "./entities.ts";
import { auditLog, personLinks, persons, tableOf, users, type EntityKind } from "./schema.ts";
import { query } from "./query.ts";
import { dataVersion } from "./version.ts";

/** Kinds whose records appear on the pages of the persons they name; any other kind may appear on every page. */
const PERSON_SCOPED = new Set(["person", "case", "event", "official", "recognition", "mass-event"]);
type FieldChange = { field?: string; before?: unknown; after?: unknown };
const fieldChanges = (changes: unknown): FieldChange[] =>
  Array.isArray(changes) ? (changes as FieldChange[]) : [];
const publicFieldChanges = (changes: unknown) => fieldChanges(changes).filter((c) => isPublicField(c.field));
/** Whether a write put a record on the public site or took it off. */
const crossesPublic = (changes: unknown) =>
  fieldChanges(changes).some(
    (c) =>
      (c.field === "publicationState" && (c.before === "published" || c.after === "published")) ||
      c.field === "deletedAt",
  );

/** The audit entries readers could notice: of published records (now, or before the write), with public changes. */
async function publicEntries<E extends { kind: string; id: string; action: string; changes: unknown }>(
  db: Db,
  entries: readonly E[],
): Promise<E[]> {
  const candidates = entries.filter(
    (e) =>
      e.action !== "propose" &&
      e.action !== "return" &&
      (e.action === "merge" || crossesPublic(e.changes) || publicFieldChanges(e.changes).length > 0),
  );
  const published = new Set<string>();
  const byKind = new Map<string, string[]>();
  for (const e of candidates) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.id]);
  for (const [kind, ids] of byKind) {
    if (!ENTITY_KINDS.includes(kind as EntityKind)) continue;
    const t = tableOf(kind as EntityKind);
    const rows = await db
      .select({ id: t.id })
      .from(t)
      .where(and(visible(kind as EntityKind), inArray(t.id, [...new Set(ids)])));
    for (const r of rows) published.add(`${kind}\u0000${r.id}`);
  }
  return candidates.filter(
    (e) => e.action === "merge" || crossesPublic(e.changes) || published.has(`${e.kind}\u0000${e.id}`),
  );
}

/** Whether a write took a person's page away or moved it: unpublished, deleted, merged, or a new slug. */
function leftPublic(e: { action: string; changes: unknown }): boolean {
  if (e.action === "merge") return true;
  const changes = Array.isArray(e.changes)
    ? (e.changes as { field?: string; before?: unknown; after?: unknown }[])
    : [];
  return changes.some(
    (c) =>
      (c.field === "publicationState" && c.before === "published") ||
      (c.field === "deletedAt" && c.after) ||
      c.field === "slug",
  );
}
/** Past this many writes in one step, working out what they touched costs more than rebuilding everything. */
const MAX_ENTRIES = 500;

/** Every string in a JSON value (ids are found among them). */
function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === "string") {
    if (v.length <= 100) out.add(v);
  } else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
  return out;
}

/**
 * What the writes after `after` (an audit sequence number, the data version a cache was built at) changed on the
 * public site: the slugs of the published persons whose pages may show something else now, or `all` when that
 * cannot be narrowed (a source or an organisation changed, a person left the public site, too many writes). A
 * person's page shows their cases, events, officials, recognitions and mass events and the names of their
 * co-defendants: so a change to any of those touches every person linked to it, before and after the change.
 */
export async function publicChangesSince(
  db: Db,
  after: number,
): Promise<{ version: number; all: boolean; slugs: string[] }> {
  const version = await dataVersion(db);
  if (after >= version) return { version, all: false, slugs: [] };
  const all = await db
    .select({
      kind: auditLog.entityKind,
      id: auditLog.entityId,
      action: auditLog.action,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .where(and(gt(auditLog.seq, after), sql`${auditLog.seq} <= ${version}`))
    .orderBy(asc(auditLog.seq))
    .limit(MAX_ENTRIES + 1);
  if (all.length > MAX_ENTRIES) return { version, all: true, slugs: [] };
  // Only what readers could see change: no proposals or send-backs, no edits of private fields or of the workflow
  // alone, nothing about a record that was not published before or after (a draft's edits touch no page).
  const entries = await publicEntries(db, all);
  if (entries.some((e) => !PERSON_SCOPED.has(e.kind))) return { version, all: true, slugs: [] };
  // The persons each change names (a removed defendant is in its "before"), and those linked to the record now.
  const mentioned = new Set<string>();
  for (const e of entries) {
    if (e.kind === "person") mentioned.add(e.id);
    strings(publicFieldChanges(e.changes), mentioned);
  }
  const entityIds = [...new Set(entries.filter((e) => e.kind !== "person").map((e) => e.id))];
  const linked = entityIds.length
    ? await db
        .select({ personId: personLinks.personId })
        .from(personLinks)
        .where(inArray(personLinks.entityId, entityIds))
    : [];
  const direct = [...new Set([...linked.map((l) => l.personId), ...mentioned])];
  // One hop further: a person's name shows on the pages of everyone who shares a case, event or mass event.
  const changedPersons = entries.filter((e) => e.kind === "person").map((e) => e.id);
  const neighbours = changedPersons.length
    ? await query<{ id: string }>(
        db,
        sql`select distinct b.person_id as id from ${personLinks} a join ${personLinks} b
            on a.kind = b.kind and a.entity_id = b.entity_id
            where a.person_id in (${sql.join(
              changedPersons.map((id) => sql`${id}`),
              sql`, `,
            )})`,
      )
    : [];
  const ids = [...new Set([...direct, ...neighbours.map((r) => r.id)])];
  // A person who left the public site (unpublished, deleted, merged away) or changed slug may still have pages
  // cached under a slug we no longer know: then everything is rebuilt. Editing a draft touches no public page.
  if (entries.some((e) => e.kind === "person" && leftPublic(e))) return { version, all: true, slugs: [] };
  const slugs: string[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: persons.id, slug: persons.slug, published: sql<boolean>`${visible("person")}` })
      .from(persons)
      .where(inArray(persons.id, ids.slice(i, i + 1000)));
    for (const r of rows) if (r.published && r.slug) slugs.push(r.slug);
  }
  return { version, all: false, slugs: [...new Set(slugs)].sort() };
}

/** Audit actions by which a curator changes what readers see of a person (not a proposal or a send-back). */
const VISIBLE_ACTIONS = ["create", "update", "approve", "revert", "merge", "transition", "restore", "import"];

/**
 * The published persons whose records curators changed most recently, newest first, with the day of the change:
 * the home page's "recently updated". Loads by the system (the seed, imports of the curated data) are not
 * curators' changes, so a fresh registry lists nobody.
 */
/** A published person in the home page's "recently updated", with when. */
interface RecentChange {
  id: string;
  slug: string;
  name: string;
  localNames?: { ru?: string; kk?: string };
  changedAt: string;
}

export function recentCuratorChanges(db: Db, limit: number): Promise<RecentChange[]> {
  // Once per data version: the query reads the whole audit log (417,000 entries at 10^5 persons), and on PGlite,
  // which runs on the server's one thread, the home page rendered for each new address stalled every reader for
  // seconds (bench, session 7).
  return cached(db, "", `recentCuratorChanges:${limit}`, () => recentCuratorChangesNow(db, limit));
}

async function recentCuratorChangesNow(db: Db, limit: number): Promise<RecentChange[]> {
  // Curators' entries only (the loads of the system and of the curated data are most of the log), before the
  // costlier test of their changes.
  const rows = await query<{ id: string; at: string }>(
    db,
    sql`select a.entity_id as id, max(a.at) as at from ${auditLog} a
        where a.entity_kind = 'person' and a.actor in (select u.id from ${users} u) and a.action in (${sql.join(
          VISIBLE_ACTIONS.map((x) => sql`${x}`),
          sql`, `,
        )})
          and exists (select 1 from jsonb_array_elements(a.changes) c where not ${NOT_PUBLIC_FIELD})
        group by a.entity_id order by max(a.seq) desc limit ${limit * 3}`,
  );
  const refs = new Map(
    (
      await publicPersonRefs(
        db,
        rows.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  return rows
    .filter((r) => refs.has(r.id))
    .slice(0, limit)
    .map((r) => ({
      ...(refs.get(r.id) as { id: string; slug: string; name: string }),
      changedAt: new Date(r.at).toISOString(),
    }));
}
