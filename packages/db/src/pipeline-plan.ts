import { canChange, DomainError, type EntityTypes, type WriteOp } from "@registry/domain";
import { inArray } from "drizzle-orm";
import { canonicalJson } from "./audit.ts";
import type { Db } from "./db.ts";
import { joinRecord, splitRecord } from "./entities.ts";
import { checkText, loadRevision, pendingRevisions, refuse, validateNamed } from "./pipeline-checks.ts";
import type { Actor, Change, Planned } from "./pipeline-types.ts";
import { getRecord, revertedValue, staleVersion, toStored, validate, type Stored } from "./repo.ts";
import { tableOf, type EntityKind } from "./schema.ts";

/**
 * Steps 1–2 of the pipeline (pipeline.ts): each change's record validated with the domain schema and the
 * curator's role checked against its state (`canChange`): written as it is, or proposed as a revision.
 */
export async function planChanges(tx: Db, actor: Actor, changes: readonly Change[]): Promise<Planned[]> {
  const planned: Planned[] = [];
  // The stored records the changes touch, one query per kind per thousand ids (an import of 10^4 rows).
  const stored = new Map<string, Stored<EntityTypes[EntityKind]>>();
  const byKind = new Map<EntityKind, Set<string>>();
  for (const c of changes)
    if (c.op !== "approve" && c.op !== "return" && c.op !== "create")
      (byKind.get(c.kind) ?? byKind.set(c.kind, new Set()).get(c.kind))?.add(c.id);
  for (const [kind, ids] of byKind) {
    const t = tableOf(kind);
    const list = [...ids];
    for (let i = 0; i < list.length; i += 1000)
      for (const row of await tx
        .select()
        .from(t)
        .where(inArray(t.id, list.slice(i, i + 1000))))
        stored.set(`${kind}\u0000${row.id}`, toStored(kind, row));
  }
  // Every id of a change was loaded above: one not found does not exist (no query per new record).
  const currentOf = async (kind: EntityKind, id: string) =>
    stored.get(`${kind}\u0000${id}`) ?? (byKind.get(kind)?.has(id) ? null : await getRecord(tx, kind, id));
  // 1–2. Validate and decide.
  for (const change of changes) {
    if (change.op === "approve" || change.op === "return") {
      const rev = await loadRevision(tx, change.revision);
      const kind = rev.entityKind as EntityKind;
      const current = await getRecord(tx, kind, rev.entityId);
      const v = canChange(
        actor.role,
        current?.meta.publicationState ?? null,
        !!current?.meta.deletedAt,
        "review",
      );
      if ("deny" in v) throw refuse(v, `${kind} ${rev.entityId}`);
      const value =
        change.op === "approve" ? validate(kind, joinRecord(rev.data, rev.private, kind)) : undefined;
      planned.push({
        change,
        kind,
        id: rev.entityId,
        op: "review",
        current,
        ...(value ? { value } : {}),
        verdict: "apply",
        revision: rev,
      });
      continue;
    }
    const kind = change.kind;
    const id = change.op === "create" ? (validate(kind, change.value) as { id: string }).id : change.id;
    const current = await currentOf(kind, id);
    const op: WriteOp = change.op;
    const v = canChange(
      actor.role,
      current?.meta.publicationState ?? null,
      !!current?.meta.deletedAt,
      op,
      change.op === "transition" ? change.to : undefined,
    );
    if ("deny" in v) {
      if (change.op === "create" && current)
        throw new DomainError("CONFLICT", `A ${kind} with id ${id} already exists`);
      throw refuse(v, `${kind} ${id}`);
    }
    if ("version" in change && current && current.meta.version !== change.version)
      throw staleVersion(kind, current);
    let value: (EntityTypes[EntityKind] & { id: string }) | undefined;
    if (change.op === "create" || change.op === "update" || change.op === "merge")
      value = validate(kind, change.value);
    else if (change.op === "revert" && current)
      value = validate(kind, await revertedValue(tx, kind, current, change.toVersion));
    else if (change.op === "import") {
      const built = change.build(current ? current.value : null);
      value = (change.validated ? built : validateNamed(kind, id, built)) as typeof value;
    }
    if (change.op === "create" && change.text !== undefined) checkText(kind, value, change.text);
    if (value && value.id !== id)
      throw new DomainError("VALIDATION", "The id of a record cannot change", {
        fields: { formErrors: [], fieldErrors: { id: ["The id cannot change"] } },
      });
    // An import row that changes nothing, or repeats a pending proposal, is left alone.
    if (change.op === "import" && value && current) {
      const same = canonicalJson(splitRecord(value)) === canonicalJson(splitRecord(current.value));
      const pending =
        v.allow === "propose" &&
        (await pendingRevisions(tx, kind, id)).some(
          (r) => canonicalJson({ data: r.data, private: r.private }) === canonicalJson(splitRecord(value)),
        );
      if (same || pending) {
        planned.push({ change, kind, id, op, current, verdict: "apply", unchanged: true });
        continue;
      }
    }
    planned.push({ change, kind, id, op, current, ...(value ? { value } : {}), verdict: v.allow });
  }
  return planned;
}
