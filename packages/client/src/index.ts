// @registry/client: a typed client for the public REST API of Persecution Registry (`/api/v1`). Its types are
// the domain's public API contract (PUBLIC_API), the same one the registry's server is built from.
import {
  PUBLIC_API,
  PUBLIC_API_BASE,
  PUBLIC_PROCEDURES,
  type PersonFilters,
  type PublicApi,
  type PublicProcedure,
} from "@registry/domain";

export type {
  PersonDossier,
  PersonFilters,
  PersonListItem,
  PublicApi,
  PublicOfficial,
  PublicProcedure,
  Statistics,
  Status,
} from "@registry/domain";

/** The least of `fetch` the client needs (the global one of Node 20+ and browsers, or any compatible one). */
export type FetchLike = (
  url: string,
  init: { method: "GET"; headers: Record<string, string>; signal?: unknown },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface ClientOptions {
  /** The registry's address, e.g. `https://registry.example.org` (the client adds `/api/v1`). */
  baseUrl: string;
  /** Another `fetch` (a test double, a proxy, a retrying one); by default the global one. */
  fetch?: FetchLike;
  /** Check every answer against the contract's zod schema (off by default: the server already does). */
  validate?: boolean;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** Per call: an AbortSignal (or anything the given `fetch` takes as `signal`). */
export interface CallOptions {
  signal?: unknown;
}

/** A call's input is optional where the procedure takes none or only optional parameters. */
type Args<K extends PublicProcedure> = undefined extends PublicApi[K]["input"]
  ? [input?: PublicApi[K]["input"], options?: CallOptions]
  : [input: PublicApi[K]["input"], options?: CallOptions];

/** One method per public procedure, named as in the contract: `persons`, `person`, `statistics`, … */
export type RegistryClient = {
  [K in PublicProcedure]: (...args: Args<K>) => Promise<PublicApi[K]["output"]>;
} & {
  /** Every person matching the filters, page after page (following `next`). */
  allPersons: (
    filters?: Omit<PersonFilters, "cursor">,
    options?: CallOptions,
  ) => AsyncGenerator<PublicApi["persons"]["output"]["items"][number]>;
};

/** What the API answered when it did not answer 200: the HTTP status, its code and message, zod's issues. */
export class RegistryApiError extends Error {
  override readonly name = "RegistryApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: unknown[] = [],
  ) {
    super(message);
  }
}

/** The address of one call: the path's `{slug}` filled in, the other parameters in the query string. */
export function requestUrl(baseUrl: string, procedure: PublicProcedure, input: unknown): string {
  const { path } = PUBLIC_API[procedure];
  const params = { ...((input ?? {}) as Record<string, unknown>) };
  const filled = path.replace(/\{(\w+)\}/g, (_: string, name: string) => {
    const value = params[name];
    delete params[name];
    if (typeof value !== "string" || value === "") throw new TypeError(`${procedure} needs ${name}`);
    return encodeURIComponent(value);
  });
  const qs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join("&");
  return `${baseUrl.replace(/\/+$/, "")}${PUBLIC_API_BASE}${filled}${qs ? `?${qs}` : ""}`;
}

/**
 * A client of the registry at `baseUrl`:
 * `const page = await createClient({ baseUrl }).persons({ status: "imprisoned", limit: 20 })`.
 */
export function createClient(options: ClientOptions): RegistryClient {
  const doFetch = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (!doFetch) throw new TypeError("No fetch: pass one in the options (Node 20+ and browsers have one)");
  const call = async (procedure: PublicProcedure, input: unknown, call?: CallOptions) => {
    const url = requestUrl(options.baseUrl, procedure, input);
    const res = await doFetch(url, {
      method: "GET",
      headers: { accept: "application/json", ...options.headers },
      ...(call?.signal !== undefined ? { signal: call.signal } : {}),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryApiError(res.status, "INVALID_RESPONSE", `Not JSON from ${url} (HTTP ${res.status})`);
    }
    if (!res.ok) {
      const e = (body ?? {}) as { code?: unknown; message?: unknown; issues?: unknown };
      throw new RegistryApiError(
        res.status,
        typeof e.code === "string" ? e.code : "HTTP_ERROR",
        typeof e.message === "string" ? e.message : `HTTP ${res.status} from ${url}`,
        Array.isArray(e.issues) ? (e.issues as unknown[]) : [],
      );
    }
    return options.validate ? PUBLIC_API[procedure].output.parse(body) : body;
  };
  const client = {} as Record<string, unknown>;
  for (const procedure of PUBLIC_PROCEDURES)
    client[procedure] = (input?: unknown, callOptions?: CallOptions) => call(procedure, input, callOptions);
  client.allPersons = async function* (
    filters: Omit<PersonFilters, "cursor"> = {},
    callOptions?: CallOptions,
  ) {
    let cursor: string | null = null;
    do {
      const page = (await call(
        "persons",
        { ...filters, ...(cursor ? { cursor } : {}) },
        callOptions,
      )) as PublicApi["persons"]["output"];
      yield* page.items;
      cursor = page.next;
    } while (cursor);
  };
  return client as RegistryClient;
}
