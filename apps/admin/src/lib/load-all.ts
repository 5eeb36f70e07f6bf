import { records, type Kind, type KindTypes, type ListInput, type Stored } from "../api.ts";

/** Every page of a list (500 at a time), up to `max` records. */
export async function loadAll<K extends Kind>(
  kind: K,
  input: Omit<ListInput, "after" | "limit"> = {},
  max = 20_000,
): Promise<Stored<KindTypes[K]>[]> {
  const out: Stored<KindTypes[K]>[] = [];
  let after: string | undefined;
  do {
    const page = await records(kind).list.query({ ...input, limit: 500, ...(after ? { after } : {}) });
    out.push(...page.items);
    after = page.next ?? undefined;
  } while (after && out.length < max);
  return out;
}
