import type { PublicationState } from "@registry/domain";
import { getTableName, inArray, sql } from "drizzle-orm";
import { appendAudit, canonicalJson, diffRecord } from "./audit.ts";
import type { Db } from "./db.ts";
import { ENTITY_KINDS, personRefs, splitRecord } from "./entities.ts";
import { bulkInsert } from "./bulk.ts";
import { refreshPersons } from "./person-index.ts";
import { personLinks, tableOf, type EntityKind } from "./schema.ts";

function slugOf(v: object): string | null {
  return "slug" in v && typeof v.slug === "string" ? v.slug : null;
}

export interface ImportItem {
  kind: EntityKind;
  value: unknown;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** What happened to each record, by id. */
  outcome: Record<string, "create" | "update" | "unchanged">;
}

/**
 * The pipeline's bulk writer (pipeline.ts): many validated, permitted and reference-checked records, in the
 * caller's transaction. New ids are inserted, changed records updated (a new version), identical ones left alone,
 * so the same import twice changes nothing. A batch of 10^4 rows costs one query per table per thousand rows.
 */
export async function writeImport(
  tx: Db,
  parsed: readonly { kind: EntityKind; value: { id: string } & object }[],
  opts: { actor: string; publicationState: PublicationState; now: string },
): Promise<{ result: ImportResult; written: Map<string, number> }> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, outcome: {} };
  const now = opts.now;
  const written = new Map<string, number>();
  const audit: Parameters<typeof appendAudit>[1] = [];
  const touchedPersons = new Set<string>();
  const personData = new Map<string, unknown>();
  for (const kind of ENTITY_KINDS) {
    const mine = parsed.filter((p) => p.kind === kind);
    if (mine.length === 0) continue;
    const t = tableOf(kind);
    const existing = new Map<string, { data: unknown; private: unknown; version: number }>();
    for (let i = 0; i < mine.length; i += 1000) {
      const ids = mine.slice(i, i + 1000).map((m) => m.value.id);
      for (const r of await tx
        .select({ id: t.id, data: t.data, private: t.private, version: t.version })
        .from(t)
        .where(inArray(t.id, ids))) {
        existing.set(r.id, r);
      }
    }
    const inserts: (typeof t.$inferInsert)[] = [];
    const linkRows: { kind: string; entityId: string; personId: string }[] = [];
    const relinked: string[] = [];
    for (const { value } of mine) {
      const parts = splitRecord(value);
      const prev = existing.get(value.id);
      if (
        prev &&
        canonicalJson(prev.data) === canonicalJson(parts.data) &&
        canonicalJson(prev.private) === canonicalJson(parts.private)
      ) {
        result.unchanged++;
        result.outcome[value.id] = "unchanged";
        continue;
      }
      if (prev) {
        const publicChange = canonicalJson(prev.data) !== canonicalJson(parts.data);
        await tx
          .update(t)
          .set({
            slug: slugOf(value),
            data: parts.data,
            private: parts.private,
            version: sql`${t.version} + 1`,
            // Public: a change of private fields only does not move it (see writeUpdate).
            ...(publicChange ? { updatedAt: now } : {}),
          })
          .where(sql`${t.id} = ${value.id}`);
        audit.push({
          actor: opts.actor,
          action: "import",
          entityKind: kind,
          entityId: value.id,
          version: prev.version + 1,
          changes: diffRecord(
            {
              data: prev.data as Record<string, unknown>,
              private: prev.private as Record<string, unknown>,
            },
            parts,
          ),
        });
        result.updated++;
        result.outcome[value.id] = "update";
      } else {
        inserts.push({
          id: value.id,
          slug: slugOf(value),
          data: parts.data,
          private: parts.private,
          publicationState: opts.publicationState,
          createdAt: now,
          updatedAt: now,
        });
        audit.push({
          actor: opts.actor,
          action: "import",
          entityKind: kind,
          entityId: value.id,
          version: 1,
          changes: diffRecord(undefined, parts),
        });
        result.created++;
        result.outcome[value.id] = "create";
      }
      if (kind === "person") {
        touchedPersons.add(value.id);
        personData.set(value.id, parts.data);
      }
      const refs = personRefs(kind, value);
      relinked.push(value.id);
      for (const personId of new Set(refs)) linkRows.push({ kind, entityId: value.id, personId });
      if (kind === "case" || kind === "event") refs.forEach((r) => touchedPersons.add(r));
    }
    await bulkInsert(tx, t, inserts);
    written.set(getTableName(t), relinked.length);
    for (let i = 0; i < relinked.length; i += 1000) {
      await tx
        .delete(personLinks)
        .where(
          sql`${personLinks.kind} = ${kind} and ${inArray(personLinks.entityId, relinked.slice(i, i + 1000))}`,
        );
    }
    await bulkInsert(tx, personLinks, linkRows, { onConflictDoNothing: true });
  }
  await refreshPersons(tx, [...touchedPersons], personData);
  await appendAudit(tx, audit, now);
  return { result, written };
}
