import type { AppRouter } from "@registry/api";
import type {
  Case,
  Event,
  MassEvent,
  Official,
  Organisation,
  Person,
  Recognition,
  Source,
} from "@registry/domain";
import { QueryClient } from "@tanstack/react-query";
import { TRPCClientError, createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

/** The one client: same origin, cookies ride along; GET batches stay under common URL limits. */
export const client = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", maxURLLength: 6000 })],
});

/** A 4xx (refused, not found, conflict) is an answer, not a failure: only other errors are tried again. */
const retry = (count: number, e: unknown) => {
  const status =
    e instanceof TRPCClientError ? (e.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
  return count < 2 && (status === undefined || status >= 500);
};

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

/** Query keys, options and filters for every procedure, typed by the server's router. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
/** A stored record: the router's metadata and the domain's value. */
export type RecordMeta = RouterOutputs["admin"]["persons"]["get"]["meta"];
export interface Stored<T> {
  meta: RecordMeta;
  value: T;
}
export type HistoryEntry = RouterOutputs["admin"]["persons"]["history"][number];
export type ListInput = Parameters<typeof client.admin.persons.list.query>[0];

export interface KindTypes {
  persons: Person;
  cases: Case;
  events: Event;
  officials: Official;
  organisations: Organisation;
  sources: Source;
  recognitions: Recognition;
  massEvents: MassEvent;
}
export type Kind = keyof KindTypes;
export const KINDS: readonly Kind[] = [
  "persons",
  "cases",
  "events",
  "officials",
  "organisations",
  "sources",
  "massEvents",
  "recognitions",
];
