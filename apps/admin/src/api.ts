import type { AppRouter } from "@registry/api";
import type {
  Case,
  Event,
  MassEvent,
  Official,
  Organisation,
  Person,
  PublicationState,
  Recognition,
  RecordMeta,
  Source,
} from "@registry/domain";
import { createTRPCClient, httpBatchLink } from "@trpc/client";

/** The one client: same origin, cookies ride along; GET batches stay under common URL limits. */
export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", maxURLLength: 6000 })],
});

export interface Stored<T> {
  meta: RecordMeta;
  value: T;
}

export interface ListInput {
  state?: PublicationState;
  includeDeleted?: boolean;
  missing?: "ru" | "kk";
  limit?: number;
  after?: string;
  q?: string;
}

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  version: number;
  changes: FieldChange[];
}

/**
 * The procedures every record router has (see the API contract). The generic screens (lists, history,
 * workflow, conflicts) work over all eight kinds through this one interface.
 */
export interface EntityApi<T> {
  list: { query(input: ListInput): Promise<{ items: Stored<T>[]; next: string | null }> };
  get: { query(input: { id: string }): Promise<Stored<T>> };
  create: { mutate(input: { record: T }): Promise<Stored<T>> };
  /** `proposed`: the record is published and the change waits for a reviewer as that revision. */
  update: {
    mutate(input: { id: string; version: number; record: T }): Promise<Stored<T> & { proposed?: number }>;
  };
  submit: { mutate(input: { id: string; version: number }): Promise<Stored<T>> };
  transition: {
    mutate(input: {
      id: string;
      version: number;
      to: PublicationState;
      comment?: string;
    }): Promise<Stored<T>>;
  };
  delete: { mutate(input: { id: string; version: number }): Promise<Stored<T>> };
  restore: { mutate(input: { id: string; version: number }): Promise<Stored<T>> };
  history: { query(input: { id: string }): Promise<HistoryEntry[]> };
  restoreVersion: { mutate(input: { id: string; version: number; toVersion: number }): Promise<Stored<T>> };
}

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

export interface Duplicate {
  id: string;
  slug: string;
  name: string;
  publicationState: PublicationState;
  reason: "same-name-key" | "similar-name";
}

export interface ImportRow {
  line: number;
  id: string;
  name: string;
  status: "create" | "update" | "unchanged" | "proposed" | "error";
  errors: string[];
  /** The fields the row changes in the stored record. */
  changes?: string[];
  /** Existing persons whose names share a search key with a new row. */
  duplicates?: { id: string; name: string }[];
}
export interface ImportResult {
  rows: ImportRow[];
  created: number;
  updated: number;
  unchanged: number;
  /** Rows for published records: kept as revisions until a reviewer approves them. */
  proposed?: number;
  errors: number;
  /** Problems with the file as a whole (missing columns). */
  fileErrors?: string[];
}

export interface Dashboard {
  counts: { kind: string; state: string; count: number }[];
  awaitingReview: { kind: string; id: string; title: string; updatedAt: string }[];
}

/**
 * The admin router as the screens use it, typed per kind from the contract. The inferred router types say
 * less: the record routers are built by one non-generic factory, so every kind's `list`/`get` returns the
 * union of all eight record types, and the dashboard's `state` is a plain string.
 */
interface ContractExtras {
  admin: {
    persons: {
      duplicates: { query(input: { names: string[]; excludeId?: string }): Promise<Duplicate[]> };
      merge: {
        mutate(input: {
          keepId: string;
          keepVersion: number;
          mergeId: string;
          mergeVersion: number;
        }): Promise<Stored<Person>>;
      };
    };
    import: { persons: { mutate(input: { csv: string; dryRun: boolean }): Promise<ImportResult> } };
    dashboard: { query(): Promise<Dashboard> };
  } & { [K in Kind]: EntityApi<KindTypes[K]> };
}

const contract = api as unknown as ContractExtras;

export function records<K extends Kind>(kind: K): EntityApi<KindTypes[K]> {
  return contract.admin[kind] as EntityApi<KindTypes[K]>;
}
export const personsApi = contract.admin.persons;
export const importApi = contract.admin.import;
export const dashboardApi = contract.admin.dashboard;
