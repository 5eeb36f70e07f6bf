import { checkDataset, importItems, loadDataset } from "@registry/dataset";
import { applyChanges, importChanges, isDatabaseEmpty, summarise, type Database } from "@registry/db";

export const isEmpty = (database: Database) => isDatabaseEmpty(database.db);

/** Loads the curated dataset (published: it was reviewed when it was merged into the repository). */
export async function seed(database: Database, log: (s: string) => void = console.log) {
  const loaded = loadDataset();
  const problems = checkDataset(loaded);
  if (problems.length > 0) {
    for (const p of problems.slice(0, 20)) log(`  ${p.file}: ${p.message}`);
    throw new Error(
      `The dataset has ${problems.length} problem(s); run \`pnpm --filter @registry/dataset check\``,
    );
  }
  // Through the write pipeline like every write, as the system: reviewed in the repository, so published.
  const result = summarise(
    await applyChanges(
      database.db,
      { id: "seed", role: "system" },
      importChanges(importItems(loaded.dataset)),
      {
        importState: "published",
      },
    ),
  );
  log(`Dataset: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
  return result;
}
