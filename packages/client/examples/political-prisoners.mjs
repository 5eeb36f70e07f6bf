// The political prisoners of the registry, longest held first, with the day their status was last reported.
// Run: node examples/political-prisoners.mjs https://registry.example.org [YYYY-MM-DD]
import { createClient, RegistryApiError } from "@registry/client";

const [baseUrl = "http://127.0.0.1:3000", asOf] = process.argv.slice(2);
const registry = createClient({ baseUrl });

try {
  const stats = await registry.statistics(asOf ? { asOf } : undefined);
  console.log(`${stats.politicalPrisoners} political prisoners as of ${stats.asOf}`);
  const filters = { list: "political-prisoners", sort: "since", ...(asOf ? { asOf } : {}) };
  for await (const p of registry.allPersons(filters))
    console.log(
      `${p.name} (${p.slug}): ${p.status} since ${p.since ?? "?"}, last reported ${p.lastReported ?? "?"}`,
    );
} catch (e) {
  if (e instanceof RegistryApiError) console.error(`The registry answered ${e.status}: ${e.message}`);
  else throw e;
  process.exitCode = 1;
}
