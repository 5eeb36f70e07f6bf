import { checkDataset, importItems, loadDataset } from "@registry/dataset";
import { importRecords, type Database } from "@registry/db";

/** Loads the curated dataset, as the server's first start does. */
export async function loadCuratedDataset(database: Database) {
  const loaded = loadDataset();
  const problems = checkDataset(loaded);
  if (problems.length) throw new Error(`dataset problems: ${problems.length}`);
  await importRecords(database.db, importItems(loaded.dataset), {
    actor: "test",
    publicationState: "published",
  });
  return loaded.dataset;
}
