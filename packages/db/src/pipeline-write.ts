import { DomainError, type EntityTypes } from "@registry/domain";
import { eq } from "drizzle-orm";
import { appendAudit, type AuditAction } from "./audit.ts";
import type { Db } from "./db.ts";
import { splitRecord } from "./entities.ts";
import { writeImport } from "./import.ts";
import type { Actor, ApplyOptions, Outcome, Planned } from "./pipeline-types.ts";
import { writeCreate, writeMeta, writeUpdate, type Stored } from "./repo.ts";
import { revisions, sourceTexts, type EntityKind } from "./schema.ts";

/**
 * Steps 4–6 of the pipeline (pipeline.ts): write, propose or decide each planned change; each writer re-derives
 * and audits in the transaction. `written` is what an import wrote, per table, for the statistics afterwards.
 */
export async function writePlanned(
  tx: Db,
  actor: Actor,
  planned: readonly Planned[],
  opts: ApplyOptions,
  now: string,
): Promise<{ out: Outcome[]; written: Map<string, number> }> {
  let written = new Map<string, number>();
  const out: Outcome[] = [];
  const bulk: Planned[] = [];
  for (const p of planned) {
    const c = p.change;
    if (p.unchanged) {
      out.push({ kind: p.kind, id: p.id, result: "unchanged" });
      continue;
    }
    if (p.verdict === "propose") {
      const parts = splitRecord(p.value as object);
      const [rev] = await tx
        .insert(revisions)
        .values({
          entityKind: p.kind,
          entityId: p.id,
          baseVersion: p.current?.meta.version ?? 0,
          action: p.op,
          data: parts.data,
          private: parts.private,
          author: actor.id,
          createdAt: now,
        })
        .returning({ id: revisions.id });
      await appendAudit(
        tx,
        [
          {
            actor: actor.id,
            action: "propose",
            entityKind: p.kind,
            entityId: p.id,
            version: p.current?.meta.version ?? 0,
            changes: [{ field: "revision", after: rev?.id }],
          },
        ],
        now,
      );
      out.push({ kind: p.kind, id: p.id, result: "proposed", ...(rev ? { revision: rev.id } : {}) });
      continue;
    }
    if (c.op === "import") {
      bulk.push(p);
      continue;
    }
    if (c.op === "create") {
      const stored = await writeCreate(tx, p.kind, p.value as never, "draft", actor.id, now);
      if (c.text !== undefined) {
        const copy = (p.value as { copy: { sha256: string; lineCount: number } }).copy;
        await tx.insert(sourceTexts).values({
          sourceId: p.id,
          text: c.text,
          sha256: copy.sha256,
          lineCount: copy.lineCount,
          createdAt: now,
        });
      }
      out.push({ kind: p.kind, id: p.id, result: "created", stored });
    } else if (c.op === "update" || c.op === "merge" || c.op === "revert") {
      const action: AuditAction = c.op === "update" ? "update" : c.op;
      const current = p.current as Stored<EntityTypes[EntityKind]>;
      const stored = await writeUpdate(
        tx,
        p.kind,
        current,
        c.version,
        p.value as never,
        actor.id,
        action,
        now,
      );
      out.push({ kind: p.kind, id: p.id, result: "updated", stored });
    } else if (c.op === "transition" || c.op === "delete" || c.op === "restore") {
      const current = p.current as Stored<EntityTypes[EntityKind]>;
      const set =
        c.op === "transition" ? { publicationState: c.to } : { deletedAt: c.op === "delete" ? now : null };
      const comment = c.op === "transition" ? c.comment : undefined;
      const stored = await writeMeta(tx, p.kind, current, c.version, set, actor.id, c.op, comment, now);
      out.push({
        kind: p.kind,
        id: p.id,
        result: c.op === "transition" ? "transitioned" : c.op === "delete" ? "deleted" : "restored",
        stored,
      });
    } else if (c.op === "approve" || c.op === "return") {
      const rev = p.revision as typeof revisions.$inferSelect;
      const current = p.current;
      if (c.op === "approve") {
        if (!current || current.meta.version !== rev.baseVersion)
          throw new DomainError(
            "CONFLICT",
            `The ${p.kind} changed since this revision was proposed (version ${rev.baseVersion}, now ${
              current?.meta.version ?? "gone"
            }): it must be redone on the current record`,
            { current },
          );
        const stored = await writeUpdate(
          tx,
          p.kind,
          current,
          current.meta.version,
          p.value as never,
          actor.id,
          "approve",
          now,
        );
        out.push({ kind: p.kind, id: p.id, result: "approved", stored });
      } else {
        await appendAudit(
          tx,
          [
            {
              actor: actor.id,
              action: "return",
              entityKind: p.kind,
              entityId: p.id,
              version: current?.meta.version ?? 0,
              changes: [
                { field: "revision", after: rev.id },
                { field: "comment", after: c.comment },
              ],
            },
          ],
          now,
        );
        out.push({ kind: p.kind, id: p.id, result: "returned" });
      }
      await tx
        .update(revisions)
        .set({
          state: c.op === "approve" ? "approved" : "returned",
          decidedBy: actor.id,
          decidedAt: now,
          ...(c.comment ? { comment: c.comment } : {}),
        })
        .where(eq(revisions.id, rev.id));
    }
  }
  if (bulk.length) {
    const state = actor.role === "system" ? (opts.importState ?? "draft") : "draft";
    const r = await writeImport(
      tx,
      bulk.map((p) => ({ kind: p.kind, value: p.value as { id: string } })),
      { actor: actor.id, publicationState: state, now },
    );
    written = r.written;
    for (const p of bulk) {
      const o = r.result.outcome[p.id] ?? "unchanged";
      out.push({
        kind: p.kind,
        id: p.id,
        result: o === "create" ? "created" : o === "update" ? "updated" : "unchanged",
      });
    }
  }
  return { out, written };
}
