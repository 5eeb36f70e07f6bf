import type { ImportResult } from "./import.ts";
import type { Db } from "./db.ts";
import { analyzeAfterImport } from "./maintenance.ts";
import { checkReferences } from "./pipeline-checks.ts";
import { planChanges } from "./pipeline-plan.ts";
import type { Actor, ApplyOptions, Change, Outcome, Result } from "./pipeline-types.ts";
import { writePlanned } from "./pipeline-write.ts";
import type { EntityKind } from "./schema.ts";
import { dataChanged } from "./version.ts";

export type { Actor, ApplyOptions, Change, Outcome, Result } from "./pipeline-types.ts";
export { textLines } from "./pipeline-checks.ts";

class DryRun extends Error {
  constructor(readonly outcomes: Outcome[]) {
    super("dry run");
  }
}

/**
 * The one way in for every write (ADR 011). In one transaction, for each change: validate with the domain schema
 * → `canChange(role, state, op)` → check every reference → write (or, for an editor's change to a published
 * record, keep it as a pending revision) → re-derive what depends on it (links, status, search keys, lists) →
 * one audit-chain entry, which also moves the data version every cache listens to. A failed change leaves
 * nothing behind: no row, no audit entry, no version bump. The steps live in pipeline-plan.ts (1–2),
 * pipeline-checks.ts (3) and pipeline-write.ts (4–6).
 */
export async function applyChanges(
  db: Db,
  actor: Actor,
  changes: readonly Change[],
  opts: ApplyOptions = {},
): Promise<Outcome[]> {
  const now = new Date().toISOString();
  let written = new Map<string, number>();
  try {
    const outcomes = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      // 1–2. Validate and decide.
      const planned = await planChanges(tx, actor, changes);
      // 3. References.
      await checkReferences(tx, planned);
      // 4–6. Write, propose or decide; each writer re-derives and audits in this transaction.
      const { out, written: w } = await writePlanned(tx, actor, planned, opts, now);
      written = w;
      if (opts.alongside) await opts.alongside(tx, out);
      if (opts.dryRun) throw new DryRun(out);
      return out;
    });
    if (written.size) await analyzeAfterImport(db, written);
    return outcomes;
  } catch (e) {
    if (e instanceof DryRun) return e.outcomes;
    throw e;
  } finally {
    dataChanged(db);
  }
}

/** Counts of an import's outcomes, as the import screens and the seed report them. */
export function summarise(outcomes: readonly Outcome[]): Omit<ImportResult, "outcome"> & {
  proposed: number;
  outcome: Record<string, Result>;
} {
  const count = (r: Result) => outcomes.filter((o) => o.result === r).length;
  return {
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    proposed: count("proposed"),
    outcome: Object.fromEntries(outcomes.map((o) => [o.id, o.result])),
  };
}

/**
 * Whole records to import (the seed, a restore of curated data, the bench): each replaces the stored record of
 * its id, or is created. Idempotent: the same records again change nothing.
 */
export function importChanges(
  items: readonly { kind: EntityKind; value: unknown }[],
  opts: { validated?: boolean } = {},
): Change[] {
  return items.map((it) => ({
    op: "import",
    kind: it.kind,
    id: (it.value as { id: string }).id,
    build: () => it.value,
    ...(opts.validated ? { validated: true } : {}),
  }));
}
