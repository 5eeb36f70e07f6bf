import { checkDataset, importItems, loadDataset } from "@registry/dataset";
import { applyChanges, importChanges, type Database } from "@registry/db";

/** Loads the curated dataset, as the server's first start does. */
export async function loadCuratedDataset(database: Database) {
  const loaded = loadDataset();
  const problems = checkDataset(loaded);
  if (problems.length) throw new Error(`dataset problems: ${problems.length}`);
  await applyChanges(
    database.db,
    { id: "test", role: "system" },
    importChanges(importItems(loaded.dataset)),
    {
      importState: "published",
    },
  );
  return loaded.dataset;
}
