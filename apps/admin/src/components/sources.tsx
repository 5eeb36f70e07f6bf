import { createContext, useContext, type ReactNode } from "react";
import type { Source } from "@registry/domain";
import { useQuery } from "@tanstack/react-query";
import { client, trpc } from "../trpc.ts";

// Apart from the citation fields (rich-fields.tsx), which load with the editors (ADR 022): the app provides the
// sources from its first screen on.

const SourcesCtx = createContext<Source[]>([]);

/** Every source once per session, for the citation pickers. */
export function SourcesProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery({
    queryKey: trpc.admin.sources.list.pathKey(),
    queryFn: async () => {
      const all: Source[] = [];
      let after: string | undefined;
      do {
        const page = await client.admin.sources.list.query({ limit: 500, ...(after ? { after } : {}) });
        all.push(...page.items.map((i) => i.value));
        after = page.next ?? undefined;
      } while (after);
      return all;
    },
  });
  return <SourcesCtx.Provider value={data ?? []}>{children}</SourcesCtx.Provider>;
}

export const useSources = () => useContext(SourcesCtx);
