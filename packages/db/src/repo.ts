import { canTransition, DomainError, type PublicationState, type RecordMeta } from "@registry/domain";
import { and, eq, sql } from "drizzle-orm";
import { appendAudit, diffRecord, type AuditAction, type FieldChange } from "./audit.ts";
import { auditLog } from "./schema.ts";
import type { Db } from "./client.ts";
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

function validate<K extends EntityKind>(kind: K, input: unknown): EntityTypes[K] {
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

async function mustGet<K extends EntityKind>(db: Db, kind: K, id: string): Promise<Stored<EntityTypes[K]>> {
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
async function afterWrite(db: Db, kind: EntityKind, id: string, value: object | null): Promise<void> {
  if (kind === "person") {
    await refreshPersons(db, [id]);
    return;
  }
  const refs = value ? personRefs(kind, value) : [];
  const affected = await replaceLinks(db, kind, id, refs);
  if (kind === "case" || kind === "event") await refreshPersons(db, affected);
}

export interface WriteOptions {
  actor: string;
  /** Initial state for new records (curators start with drafts; imports of reviewed data may publish). */
  publicationState?: PublicationState;
}

export async function createRecord<K extends EntityKind>(
  db: Db,
  kind: K,
  input: unknown,
  opts: WriteOptions,
): Promise<Stored<EntityTypes[K]>> {
  const value = validate(kind, input);
  const t = tableOf(kind);
  const parts = splitRecord(value);
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: t.id }).from(t).where(eq(t.id, value.id));
    if (dup) throw new DomainError("CONFLICT", `A ${kind} with id ${value.id} already exists`);
    const slug = "slug" in value ? value.slug : null;
    if (slug) {
      const [taken] = await tx.select({ id: t.id }).from(t).where(eq(t.slug, slug));
      if (taken)
        throw new DomainError("CONFLICT", `The slug ${slug} is taken`, {
          fields: { formErrors: [], fieldErrors: { slug: ["This slug is taken"] } },
        });
    }
    const now = new Date().toISOString();
    const [row] = await tx
      .insert(t)
      .values({
        id: value.id,
        slug,
        data: parts.data,
        private: parts.private,
        publicationState: opts.publicationState ?? "draft",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await afterWrite(tx, kind, value.id, value);
    await appendAudit(
      tx,
      [
        {
          actor: opts.actor,
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
  });
}

/**
 * Optimistic concurrency: the update applies only if the stored version is the one the curator edited.
 * Otherwise the curator gets CONFLICT with the current record, and nothing is written.
 */
export async function updateRecord<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
  expectedVersion: number,
  input: unknown,
  opts: { actor: string; action?: AuditAction },
): Promise<Stored<EntityTypes[K]>> {
  const value = validate(kind, input);
  if (value.id !== id)
    throw new DomainError("VALIDATION", "The id of a record cannot change", {
      fields: { formErrors: [], fieldErrors: { id: ["The id cannot change"] } },
    });
  const t = tableOf(kind);
  const parts = splitRecord(value);
  return db.transaction(async (tx) => {
    const before = await mustGet(tx as unknown as Db, kind, id);
    if (before.meta.deletedAt)
      throw new DomainError("NOT_FOUND", `The ${kind} ${id} is deleted; restore it first`);
    const slug = "slug" in value ? value.slug : null;
    if (slug) {
      const [taken] = await tx
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.slug, slug), sql`${t.id} <> ${id}`));
      if (taken)
        throw new DomainError("CONFLICT", `The slug ${slug} is taken`, {
          fields: { formErrors: [], fieldErrors: { slug: ["This slug is taken"] } },
        });
    }
    const now = new Date().toISOString();
    const [row] = await tx
      .update(t)
      .set({ slug, data: parts.data, private: parts.private, version: sql`${t.version} + 1`, updatedAt: now })
      .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
      .returning();
    if (!row)
      throw new DomainError(
        "CONFLICT",
        `The ${kind} was changed by someone else (now version ${before.meta.version})`,
        { current: before },
      );
    await afterWrite(tx, kind, id, value);
    const changes = diffRecord(splitRecord(before.value), parts);
    await appendAudit(
      tx,
      [
        {
          actor: opts.actor,
          action: opts.action ?? "update",
          entityKind: kind,
          entityId: id,
          version: row.version,
          changes,
        },
      ],
      now,
    );
    return toStored(kind, row);
  });
}

async function setMeta<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
  expectedVersion: number,
  actor: string,
  action: AuditAction,
  patch: (current: Stored<EntityTypes[K]>) => {
    publicationState?: PublicationState;
    deletedAt?: string | null;
    comment?: string;
  },
): Promise<Stored<EntityTypes[K]>> {
  const t = tableOf(kind);
  return db.transaction(async (tx) => {
    const before = await mustGet(tx as unknown as Db, kind, id);
    if (before.meta.version !== expectedVersion) {
      throw new DomainError(
        "CONFLICT",
        `The ${kind} was changed by someone else (now version ${before.meta.version})`,
        { current: before },
      );
    }
    const { comment, ...set } = patch(before);
    const now = new Date().toISOString();
    const [row] = await tx
      .update(t)
      .set({ ...set, version: sql`${t.version} + 1`, updatedAt: now })
      .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
      .returning();
    if (!row)
      throw new DomainError("CONFLICT", `The ${kind} was changed by someone else`, { current: before });
    await afterWrite(tx, kind, id, before.value);
    const changes = Object.entries(set).map(([field, after]) => ({
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
  });
}

/** Soft delete: the record leaves every public output and can be restored. */
export function deleteRecord<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
  expectedVersion: number,
  actor: string,
) {
  return setMeta(db, kind, id, expectedVersion, actor, "delete", (cur) => {
    if (cur.meta.deletedAt) throw new DomainError("NOT_FOUND", `The ${kind} ${id} is already deleted`);
    return { deletedAt: new Date().toISOString() };
  });
}

export function restoreRecord<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
  expectedVersion: number,
  actor: string,
) {
  return setMeta(db, kind, id, expectedVersion, actor, "restore", (cur) => {
    if (!cur.meta.deletedAt) throw new DomainError("INVALID_TRANSITION", `The ${kind} ${id} is not deleted`);
    return { deletedAt: null };
  });
}

/** Workflow: draft → in review → published → archived (see `canTransition`). */
export function transitionRecord<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
  expectedVersion: number,
  to: PublicationState,
  actor: string,
  comment?: string,
) {
  return setMeta(db, kind, id, expectedVersion, actor, "transition", (cur) => {
    if (cur.meta.deletedAt) throw new DomainError("NOT_FOUND", `The ${kind} ${id} is deleted`);
    if (!canTransition(cur.meta.publicationState, to)) {
      throw new DomainError(
        "INVALID_TRANSITION",
        `A ${kind} cannot go from ${cur.meta.publicationState} to ${to}`,
      );
    }
    return { publicationState: to, ...(comment ? { comment } : {}) };
  });
}

/** True before anything was loaded: start-up seeds the curated dataset then. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: personsTable.id }).from(personsTable).limit(1);
  return row === undefined;
}

const META_FIELDS = new Set(["publicationState", "deletedAt", "comment"]);

/**
 * Makes a record's public fields what they were at an earlier version, by undoing the logged changes since then
 * (newest first). Private fields keep their current values: the log never held them. The result is a new
 * version, audited as a revert.
 */
export async function restoreVersion<K extends EntityKind>(
  db: Db,
  kind: K,
  id: string,
  expectedVersion: number,
  toVersion: number,
  actor: string,
) {
  const current = await mustGet(db, kind, id);
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
  for (const e of entries) {
    for (const c of e.changes as FieldChange[]) {
      if (c.field.startsWith("private.") || META_FIELDS.has(c.field)) continue;
      if ("before" in c) data[c.field] = c.before;
      else delete data[c.field];
    }
  }
  return updateRecord(
    db,
    kind,
    id,
    expectedVersion,
    { ...data, ...(Object.keys(priv).length || kind === "person" ? { private: priv } : {}) },
    { actor, action: "revert" },
  );
}
