import { primaryName, type Person } from "@registry/domain";
import { records, type Stored } from "../api.ts";

/** Persons whose names match `q` in any spelling (the server folds Latin and Cyrillic alike). */
export async function searchPersons(q: string, limit = 20): Promise<Stored<Person>[]> {
  return (await records("persons").list.query({ q, limit })).items;
}

export const personLabel = (p: Person) => `${primaryName(p)}${p.birthYear ? ` (${p.birthYear})` : ""}`;
