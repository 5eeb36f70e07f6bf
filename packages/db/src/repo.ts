import { DomainError, type PublicationState, type RecordMeta } from "@registry/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { appendAudit, diffRecord, type AuditAction, type FieldChange } from "./audit.ts";
import { auditLog } from "./schema.ts";
import type { Db } from "./db.ts";
import { refreshPersons } from "./person-index.ts";
import { ENTITY_SCHEMAS, joinRecord, personRefs, splitRecord, type EntityTypes } from "./entities.ts";
import { personLinks, persons as personsTable, tableOf, type EntityKind } from "./schema.ts";

export interface Stored<T> {
  meta: RecordMeta;
  value: T;
}

type Row = typeof personsTable.$inferSelect;

function toMeta(r: Row): RecordMeta {
  return {
    version: r.version,
    publicationState: r.publicationState as PublicationState,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
    deletedAt: r.deletedAt ? new Date(r.deletedAt).toISOString() : null,
  };
}

export function toStored<K extends EntityKind>(kind: K, r: Row): Stored<EntityTypes[K]> {
  return { meta: toMeta(r), value: joinRecord<EntityTypes[K]>(r.data, r.private, kind) };
}

/** Validates a record with its kind's domain schema; field errors carry their dotted paths. */
export function validate<K extends EntityKind>(kind: K, input: unknown): EntityTypes[K] {
  const r = ENTITY_SCHEMAS[kind].safeParse(input);
  if (!r.success) {
    const fieldErrors: Record<string, string[]> = {};
    const formErrors: string[] = [];
    for (const issue of r.error.issues) {
      const path = issue.path.join(".");
      if (path) (fieldErrors[path] ??= []).push(issue.message);
      else formErrors.push(issue.message);
    }
    throw new DomainError("VALIDATION", `Invalid ${kind}`, { fields: { formErrors, fieldErrors } });
  }
  return r.data;
}

export async function getRecord<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
): Promise<Stored<EntityTypes[K]> | null> {
  const t = tableOf(kind);
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return row ? toStored(kind, row) : null;
}

export async function mustGet<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
): Promise<Stored<EntityTypes[K]>> {
  const r = await getRecord(db, kind, id);
  if (!r) throw new DomainError("NOT_FOUND", `No ${kind} ${id}`);
  return r;
}

async function replaceLinks(
  db: Db,
  kind: EntityKind,
  id: string,
  personIds: readonly string[],
): Promise<string[]> {
  const old = await db
    .select({ personId: personLinks.personId })
    .from(personLinks)
    .where(and(eq(personLinks.kind, kind), eq(personLinks.entityId, id)));
  await db.delete(personLinks).where(and(eq(personLinks.kind, kind), eq(personLinks.entityId, id)));
  const unique = [...new Set(personIds)];
  if (unique.length)
    await db.insert(personLinks).values(unique.map((personId) => ({ kind, entityId: id, personId })));
  return [...new Set([...old.map((o) => o.personId), ...unique])];
}

/** After any write: keep links and the derived person index in step, in the same transaction. */
export async function afterWrite(db: Db, kind: EntityKind, id: string, value: object | null): Promise<void> {
  if (kind === "person") {
    await refreshPersons(db, [id]);
    return;
  }
  const refs = value ? personRefs(kind, value) : [];
  const affected = await replaceLinks(db, kind, id, refs);
  if (kind === "case" || kind === "event") await refreshPersons(db, affected);
}

/*
 * The writers below are the pipeline's (pipeline.ts): they run inside its transaction, on records it has
 * validated, permitted and reference-checked. Nothing else calls them.
 */

async function checkSlug(tx: Db, kind: EntityKind, id: string, slug: string | null): Promise<void> {
  if (!slug) return;
  const t = tableOf(kind);
  const [taken] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.slug, slug), sql`${t.id} <> ${id}`));
  if (taken)
    throw new DomainError("CONFLICT", `The slug ${slug} is taken`, {
      fields: { formErrors: [], fieldErrors: { slug: ["This slug is taken"] } },
    });
}

/** Optimistic concurrency refused: CONFLICT with the current record, so the curator can merge and retry. */
export function staleVersion(kind: EntityKind, current: Stored<unknown>): DomainError {
  return new DomainError(
    "CONFLICT",
    `The ${kind} was changed by someone else (now version ${current.meta.version})`,
    { current },
  );
}

export async function writeCreate<K extends EntityKind>(
  tx: Db,
  kind: K,
  value: EntityTypes[K],
  state: PublicationState,
  actor: string,
  now: string,
): Promise<Stored<EntityTypes[K]>> {
  const t = tableOf(kind);
  const parts = splitRecord(value);
  const slug = "slug" in value ? value.slug : null;
  await checkSlug(tx, kind, value.id, slug);
  const [row] = await tx
    .insert(t)
    .values({
      id: value.id,
      slug,
      data: parts.data,
      private: parts.private,
      publicationState: state,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await afterWrite(tx, kind, value.id, value);
  await appendAudit(
    tx,
    [
      {
        actor,
        action: "create",
        entityKind: kind,
        entityId: value.id,
        version: 1,
        changes: diffRecord(undefined, parts),
      },
    ],
    now,
  );
  return toStored(kind, row as Row);
}

/**
 * Optimistic concurrency: the update applies only if the stored version is the one the curator edited.
 * Otherwise the curator gets CONFLICT with the current record, and nothing is written.
 */
export async function writeUpdate<K extends EntityKind>(
  tx: Db,
  kind: K,
  before: Stored<EntityTypes[K]>,
  expectedVersion: number,
  value: EntityTypes[K],
  actor: string,
  action: AuditAction,
  now: string,
): Promise<Stored<EntityTypes[K]>> {
  const t = tableOf(kind);
  const id = before.value.id;
  if (value.id !== id)
    throw new DomainError("VALIDATION", "The id of a record cannot change", {
      fields: { formErrors: [], fieldErrors: { id: ["The id cannot change"] } },
    });
  const parts = splitRecord(value);
  const slug = "slug" in value ? value.slug : null;
  await checkSlug(tx, kind, id, slug);
  const changes = diffRecord(splitRecord(before.value), parts);
  // `updated_at` is public (lists, feeds, "last changed"): a change of private fields only does not move it.
  const publicChange = changes.some((c) => !c.field.startsWith("private."));
  const [row] = await tx
    .update(t)
    .set({
      slug,
      data: parts.data,
      private: parts.private,
      version: sql`${t.version} + 1`,
      ...(publicChange ? { updatedAt: now } : {}),
    })
    .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
    .returning();
  if (!row) throw staleVersion(kind, before);
  await afterWrite(tx, kind, id, value);
  await appendAudit(
    tx,
    [
      {
        actor,
        action,
        entityKind: kind,
        entityId: id,
        version: row.version,
        changes,
      },
    ],
    now,
  );
  return toStored(kind, row);
}

/** A change of publication state or deletion: a new version, audited with the fields it changed. */
export async function writeMeta<K extends EntityKind>(
  tx: Db,
  kind: K,
  before: Stored<EntityTypes[K]>,
  expectedVersion: number,
  set: { publicationState?: PublicationState; deletedAt?: string | null },
  actor: string,
  action: AuditAction,
  comment: string | undefined,
  now: string,
): Promise<Stored<EntityTypes[K]>> {
  const t = tableOf(kind);
  const id = before.value.id;
  const [row] = await tx
    .update(t)
    .set({ ...set, version: sql`${t.version} + 1`, updatedAt: now })
    .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
    .returning();
  if (!row) throw staleVersion(kind, before);
  await afterWrite(tx, kind, id, before.value);
  const changes: FieldChange[] = Object.entries(set).map(([field, after]) => ({
    field,
    before: field === "publicationState" ? before.meta.publicationState : before.meta.deletedAt,
    after,
  }));
  if (comment) changes.push({ field: "comment", before: null, after: comment });
  await appendAudit(
    tx,
    [{ actor, action, entityKind: kind, entityId: id, version: row.version, changes }],
    now,
  );
  return toStored(kind, row);
}

/** True before anything was loaded: start-up seeds the curated dataset then. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: personsTable.id }).from(personsTable).limit(1);
  return row === undefined;
}

const META_FIELDS = new Set(["publicationState", "deletedAt", "comment"]);

/**
 * A record's public fields as they were at an earlier version, by undoing the logged changes since then (newest
 * first). Private fields keep their current values: the log never held them. The pipeline writes the result as a
 * revert (a new version, or a proposal when an editor reverts a published record).
 */
export async function revertedValue<K extends EntityKind>(
  db: Db,
  kind: K,
  current: Stored<EntityTypes[K]>,
  toVersion: number,
): Promise<unknown> {
  const id = current.value.id;
  if (toVersion < 1 || toVersion >= current.meta.version)
    throw new DomainError("VALIDATION", `Choose a version between 1 and ${current.meta.version - 1}`);
  const entries = await db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.entityKind, kind), eq(auditLog.entityId, id), sql`${auditLog.version} > ${toVersion}`),
    )
    .orderBy(sql`${auditLog.seq} desc`);
  const { data, private: priv } = splitRecord(current.value);
  // Fields that moved to the private part since (consent, migration 0006) are not brought back from old entries.
  const privateNow = new Set(Object.keys(priv));
  for (const e of entries) {
    for (const c of e.changes as FieldChange[]) {
      if (c.field.startsWith("private.") || META_FIELDS.has(c.field) || privateNow.has(c.field)) continue;
      if ("before" in c) data[c.field] = c.before;
      else delete data[c.field];
    }
  }
  return { ...data, ...(Object.keys(priv).length || kind === "person" ? { private: priv } : {}) };
}

/** Which of these ids exist as records of a kind (deleted ones do not count). */
export async function existingIds(db: Db, kind: EntityKind, ids: readonly string[]): Promise<Set<string>> {
  const t = tableOf(kind);
  const out = new Set<string>();
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += 1000)
    for (const r of await db
      .select({ id: t.id })
      .from(t)
      .where(and(inArray(t.id, list.slice(i, i + 1000)), isNull(t.deletedAt))))
      out.add(r.id);
  return out;
}
