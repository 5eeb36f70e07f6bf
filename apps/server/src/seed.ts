import { checkDataset, loadDataset } from "@registry/dataset";
import { importRecords, isDatabaseEmpty, type Database, type ImportItem } from "@registry/db";

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
  const d = loaded.dataset;
  const items: ImportItem[] = [
    ...d.sources.map((value) => ({ kind: "source" as const, value })),
    ...d.organisations.map((value) => ({ kind: "organisation" as const, value })),
    ...d.persons.map((value) => ({ kind: "person" as const, value })),
    ...d.cases.map((value) => ({ kind: "case" as const, value })),
    ...d.events.map((value) => ({ kind: "event" as const, value })),
    ...d.officials.map((value) => ({ kind: "official" as const, value })),
    ...d.massEvents.map((value) => ({ kind: "mass-event" as const, value })),
    ...d.recognitions.map((value) => ({ kind: "recognition" as const, value })),
  ];
  const result = await importRecords(database.db, items, { actor: "seed", publicationState: "published" });
  log(`Dataset: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
  return result;
}
