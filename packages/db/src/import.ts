import type { PublicationState } from "@registry/domain";
import { getTableName, inArray, sql } from "drizzle-orm";
import { appendAudit, canonicalJson, diffRecord } from "./audit.ts";
import type { Db } from "./client.ts";
import { ENTITY_KINDS, ENTITY_SCHEMAS, personRefs, splitRecord } from "./entities.ts";
import { bulkInsert } from "./bulk.ts";
import { analyzeAfterImport } from "./maintenance.ts";
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

class DryRun extends Error {}

/**
 * Loads many records in one transaction: new ids are inserted, changed records updated (new version), and
 * identical ones left alone, so running the same import twice changes nothing, and an import killed midway
 * leaves nothing behind. Every record is validated by the domain schema first; one invalid record aborts all.
 */
export async function importRecords(
  db: Db,
  items: readonly ImportItem[],
  opts: {
    actor: string;
    publicationState?: PublicationState;
    dryRun?: boolean;
    /** The values are the output of their kind's domain schema already (see ENTITY_SCHEMAS). */
    validated?: boolean;
  },
): Promise<ImportResult> {
  const parsed = items.map((it, i) => {
    // Already parsed by the same schema (the caller says so): not again (a CSV import of 10^4 rows).
    if (opts.validated)
      return {
        kind: it.kind,
        value: it.value as ReturnType<(typeof ENTITY_SCHEMAS)[typeof it.kind]["parse"]>,
      };
    const r = ENTITY_SCHEMAS[it.kind].safeParse(it.value);
    if (!r.success)
      throw new Error(
        `Record ${i} (${it.kind}): ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    return { kind: it.kind, value: r.data };
  });
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, outcome: {} };
  const now = new Date().toISOString();
  const written = new Map<string, number>();
  // A dry run does all the work in a transaction and rolls it back: the preview is exactly what would happen.
  await db
    .transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
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
            await tx
              .update(t)
              .set({
                slug: slugOf(value),
                data: parts.data,
                private: parts.private,
                version: sql`${t.version} + 1`,
                updatedAt: now,
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
              publicationState: opts.publicationState ?? "draft",
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
      if (opts.dryRun) throw new DryRun();
    })
    .catch((e: unknown) => {
      if (!(e instanceof DryRun)) throw e;
    });
  if (!opts.dryRun) await analyzeAfterImport(db, written);
  return result;
}
