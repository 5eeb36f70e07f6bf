import { applyChanges, importChanges, summarise, type Database, type ImportItem } from "@registry/db";
import type { PublicationState } from "@registry/domain";

/** Loads records as the system does (the seed): through the write pipeline, in one transaction. */
export async function importRecords(
  db: Database["db"],
  items: readonly ImportItem[],
  opts: { actor: string; publicationState?: PublicationState; dryRun?: boolean },
) {
  return summarise(
    await applyChanges(
      db,
      { id: opts.actor, role: "system" },
      importChanges(items.map((i) => ({ kind: i.kind, value: i.value }))),
      { importState: opts.publicationState ?? "draft", ...(opts.dryRun ? { dryRun: true } : {}) },
    ),
  );
}
