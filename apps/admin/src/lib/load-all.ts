import type { Kind, ListInput } from "../trpc.ts";
import { listPage } from "./records.ts";

/** Every page of a list (500 at a time), up to `max` records: for exports. */
export async function loadAll(kind: Kind, input: Omit<ListInput, "after" | "limit"> = {}, max = 20_000) {
  const out: Awaited<ReturnType<typeof listPage>>["items"][number][] = [];
  let after: string | undefined;
  do {
    const page = await listPage(kind, { ...input, limit: 500, ...(after ? { after } : {}) });
    out.push(...page.items);
    after = page.next ?? undefined;
  } while (after && out.length < max);
  return out;
}
