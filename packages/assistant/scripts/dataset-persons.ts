import type { Case, Person } from "@registry/domain";
import type { DatasetPerson } from "../src/measure.ts";

const sourcesOf = (value: unknown): Set<string> => {
  const sources = new Set<string>();
  JSON.stringify(value, (k, v: unknown) => {
    if (k === "source" && typeof v === "string") sources.add(v);
    return v;
  });
  return sources;
};

/** Every source a person's record cites anywhere (names, facts, notes, status reports), and their charges. */
export function datasetPersons(persons: readonly Person[], cases: readonly Case[] = []): DatasetPerson[] {
  const charges = new Map<string, { article: string; sources: Set<string> }[]>();
  for (const c of cases)
    for (const ch of c.charges) {
      const list = charges.get(ch.person) ?? [];
      list.push({
        article: ch.part ? `${ch.article}(${ch.part})` : ch.article,
        sources: sourcesOf(ch.citations),
      });
      charges.set(ch.person, list);
    }
  return persons.map((p) => ({
    id: p.id,
    names: p.names.map((n) => n.text),
    sources: sourcesOf(p),
    charges: charges.get(p.id) ?? [],
  }));
}
