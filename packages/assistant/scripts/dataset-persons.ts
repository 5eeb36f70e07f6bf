import type { Person } from "@registry/domain";
import type { DatasetPerson } from "../src/measure.ts";

/** Every source a person's record cites anywhere (names, facts, notes, status reports). */
export function datasetPersons(persons: readonly Person[]): DatasetPerson[] {
  return persons.map((p) => {
    const sources = new Set<string>();
    JSON.stringify(p, (k, v: unknown) => {
      if (k === "source" && typeof v === "string") sources.add(v);
      return v;
    });
    return { id: p.id, names: p.names.map((n) => n.text), sources };
  });
}
