import {
  client,
  queryClient,
  trpc,
  type Kind,
  type KindTypes,
  type ListInput,
  type Stored,
} from "../trpc.ts";

/**
 * What the generic editor needs of one kind, written per kind so that the compiler checks each router's
 * input and output against the domain type (no casts): `get` returns the kind's record, `create` and `update`
 * take it.
 */
export interface RecordOps<T> {
  get: (id: string) => Promise<Stored<T>>;
  create: (record: T) => Promise<Stored<T>>;
  /** `proposed`: the record is published and the change waits for a reviewer as that revision. */
  update: (id: string, version: number, record: T) => Promise<Stored<T> & { proposed?: number }>;
}

const a = client.admin;
export const RECORD_OPS: { [K in Kind]: RecordOps<KindTypes[K]> } = {
  persons: {
    get: (id) => a.persons.get.query({ id }),
    create: (record) => a.persons.create.mutate({ record }),
    update: (id, version, record) => a.persons.update.mutate({ id, version, record }),
  },
  cases: {
    get: (id) => a.cases.get.query({ id }),
    create: (record) => a.cases.create.mutate({ record }),
    update: (id, version, record) => a.cases.update.mutate({ id, version, record }),
  },
  events: {
    get: (id) => a.events.get.query({ id }),
    create: (record) => a.events.create.mutate({ record }),
    update: (id, version, record) => a.events.update.mutate({ id, version, record }),
  },
  officials: {
    get: (id) => a.officials.get.query({ id }),
    create: (record) => a.officials.create.mutate({ record }),
    update: (id, version, record) => a.officials.update.mutate({ id, version, record }),
  },
  organisations: {
    get: (id) => a.organisations.get.query({ id }),
    create: (record) => a.organisations.create.mutate({ record }),
    update: (id, version, record) => a.organisations.update.mutate({ id, version, record }),
  },
  sources: {
    get: (id) => a.sources.get.query({ id }),
    create: (record) => a.sources.create.mutate({ record }),
    update: (id, version, record) => a.sources.update.mutate({ id, version, record }),
  },
  recognitions: {
    get: (id) => a.recognitions.get.query({ id }),
    create: (record) => a.recognitions.create.mutate({ record }),
    update: (id, version, record) => a.recognitions.update.mutate({ id, version, record }),
  },
  massEvents: {
    get: (id) => a.massEvents.get.query({ id }),
    create: (record) => a.massEvents.create.mutate({ record }),
    update: (id, version, record) => a.massEvents.update.mutate({ id, version, record }),
  },
};

/** One record, cached under the router's own key for `admin.<kind>.get`. */
export function recordQuery<K extends Kind>(kind: K, id: string) {
  return {
    queryKey: trpc.admin[kind].get.queryKey({ id }),
    queryFn: () => RECORD_OPS[kind].get(id),
  };
}

/** One page of a list (keyset paging on the server: `after` is the last id of the previous page). */
export function listPage(kind: Kind, input: ListInput) {
  return client.admin[kind].list.query(input);
}

/** Records of a kind matching `q` (persons: any spelling of a name; other kinds: any text), for pickers. */
export function searchQuery(kind: Kind, q: string, limit = 10) {
  const input = { q, limit };
  return {
    queryKey: [trpc.admin[kind].list.pathKey()[0], { input, type: "query" }] as const,
    queryFn: async (): Promise<{ items: AnyStored[]; next: string | null }> => listPage(kind, input),
  };
}

/** A stored record of any kind, as the lists return it. */
export type AnyStored = Awaited<ReturnType<typeof listPage>>["items"][number];

/** The list's pages as an infinite query under the router's key for `admin.<kind>.list`. */
export function listQuery(kind: Kind, input: Omit<ListInput, "after">) {
  return {
    // tRPC's own key shape for an infinite query, so that `pathKey()` filters (invalidation) match it.
    queryKey: [trpc.admin[kind].list.pathKey()[0], { input, type: "infinite" }] as const,
    queryFn: ({ pageParam }: { pageParam: string | null }) =>
      listPage(kind, { ...input, ...(pageParam ? { after: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Awaited<ReturnType<typeof listPage>>) => last.next,
  };
}

/** After any write to a record of `kind`: its lists, its history, the dashboard and the review queues refetch. */
export async function afterWrite(kind: Kind, id?: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.admin[kind].get.queryKey(id ? { id } : undefined) }),
    queryClient.invalidateQueries({ queryKey: trpc.admin[kind].list.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.admin[kind].history.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.admin.dashboard.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.admin.revisions.pathKey() }),
  ]);
}
