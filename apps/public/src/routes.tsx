/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactElement } from "react";
import { GenderSchema, PersonListSchema, RegionSchema, SlugSchema, StatusSchema } from "@registry/domain";
import { isBadRequest, isNotFound, type PublicApi } from "./api.ts";
import { HomePage } from "./pages/home.tsx";
import { EventPage, EventsPage } from "./pages/events.tsx";
import { ApiPage } from "./pages/api.tsx";
import { DataPage, NotFoundPage, SourcesPage, StatisticsPage } from "./pages/misc.tsx";
import { OfficialPage, OfficialsPage } from "./pages/officials.tsx";
import { PersonPage } from "./pages/person.tsx";
import { PersonsPage, type ListFilters } from "./pages/persons.tsx";

export type Route =
  | { kind: "home" }
  | { kind: "persons"; filters: ListFilters }
  | { kind: "person"; slug: string }
  | { kind: "officials" }
  | { kind: "official"; slug: string }
  | { kind: "events" }
  | { kind: "event"; slug: string }
  | { kind: "statistics" }
  | { kind: "sources" }
  | { kind: "data" }
  | { kind: "api" };

type RawQuery = Record<string, unknown>;

function pick<T>(
  schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
  v: unknown,
): T | undefined {
  if (typeof v !== "string" || v === "") return undefined;
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
}

/** Reads list filters from a query string; a value that is not valid is ignored rather than refused. */
export function parseFilters(q: RawQuery): ListFilters {
  const str = (v: unknown, re: RegExp, max = 200) =>
    typeof v === "string" && v.length <= max && re.test(v) ? v : undefined;
  const year = typeof q.year === "string" && /^\d{4}$/.test(q.year) ? Number(q.year) : undefined;
  return {
    q: typeof q.q === "string" && q.q.trim() ? q.q.trim().slice(0, 200) : undefined,
    status: pick(StatusSchema, q.status),
    list: pick(PersonListSchema, q.list),
    article: str(q.article, /^(?:(?:criminal|administrative|civil):)?\d{1,4}$/),
    region: pick(RegionSchema, q.region),
    year: year && year >= 1900 && year <= 2100 ? year : undefined,
    organisation: str(q.organisation, /^[a-z0-9-]{1,100}$/),
    gender: pick(GenderSchema, q.gender),
    sort: str(q.sort, /^(name|recent|since)$/),
    cursor: str(q.cursor, /^[A-Za-z0-9_-]{1,500}$/, 500),
    // Checked by the API against today: a malformed or future day is answered 400 with its reason.
    asOf: typeof q.asOf === "string" && q.asOf !== "" ? q.asOf.slice(0, 40) : undefined,
  };
}

export function parseRoute(path: string, query: RawQuery): Route | null {
  const parts = path.split("/").filter(Boolean);
  const slug = (s: string | undefined) => (s && SlugSchema.safeParse(s).success ? s : null);
  if (parts.length === 0) return { kind: "home" };
  const [a, b, ...rest] = parts;
  if (rest.length > 0) return null;
  if (a === "persons") {
    if (b === undefined) return { kind: "persons", filters: parseFilters(query) };
    const s = slug(b);
    return s ? { kind: "person", slug: s } : null;
  }
  if (a === "officials")
    return b === undefined ? { kind: "officials" } : slug(b) ? { kind: "official", slug: b } : null;
  if (a === "events")
    return b === undefined ? { kind: "events" } : slug(b) ? { kind: "event", slug: b } : null;
  if (b !== undefined) return null;
  if (a === "statistics") return { kind: "statistics" };
  if (a === "sources") return { kind: "sources" };
  if (a === "data") return { kind: "data" };
  if (a === "api") return { kind: "api" };
  return null;
}

const clean = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Fetches what a page shows, through the public API only, and builds it. */
export async function loadPage(
  api: PublicApi,
  route: Route | null,
  extra: { listLimit?: number } = {},
): Promise<{ status: number; page: ReactElement }> {
  const notFound = { status: 404, page: <NotFoundPage /> };
  if (!route) return notFound;
  try {
    switch (route.kind) {
      case "home": {
        const [stats, latest, sources] = await Promise.all([
          api.statistics(),
          api.recentChanges({ limit: 10 }),
          api.sources(),
        ]);
        return { status: 200, page: <HomePage stats={stats} latest={latest} sources={sources} /> };
      }
      case "persons": {
        const f = route.filters;
        let list: Awaited<ReturnType<PublicApi["persons"]>>;
        try {
          list = await api.persons(
            clean({
              ...f,
              sort: f.sort as "name" | "recent" | "since" | undefined,
              limit: extra.listLimit ?? 50,
            }) as never,
          );
        } catch (e) {
          if (!isBadRequest(e)) throw e;
          const [organisations, sources] = await Promise.all([api.organisations(), api.sources()]);
          return {
            status: 400,
            page: (
              <PersonsPage
                filters={{ ...f, asOf: undefined }}
                error={(e as Error).message}
                items={[]}
                total={0}
                next={null}
                articles={[]}
                years={[]}
                organisations={organisations}
                sources={sources}
              />
            ),
          };
        }
        const [stats, organisations, sources] = await Promise.all([
          api.statistics(),
          api.organisations(),
          api.sources(),
        ]);
        return {
          status: 200,
          page: (
            <PersonsPage
              filters={f}
              sources={sources}
              items={list.items}
              total={list.total}
              next={list.next}
              articles={stats.byArticle
                .map((a) => a.key)
                .sort((x, y) => Number(x.split(":")[1]) - Number(y.split(":")[1]))}
              years={stats.byYear.map((y) => y.key).reverse()}
              organisations={organisations.filter((o) =>
                ["banned-movement", "political-party", "civic-movement", "rights-group"].includes(o.kind),
              )}
            />
          ),
        };
      }
      case "person": {
        const [d, changes] = await Promise.all([
          api.person({ slug: route.slug }),
          api.personChanges({ slug: route.slug }),
        ]);
        return { status: 200, page: <PersonPage d={d} changes={changes} /> };
      }
      case "officials":
        return { status: 200, page: <OfficialsPage officials={await api.officials()} /> };
      case "official": {
        const [o, sources] = await Promise.all([api.official({ slug: route.slug }), api.sources()]);
        return {
          status: 200,
          page: <OfficialPage official={o.official} persons={o.persons} sources={sources} />,
        };
      }
      case "events":
        return { status: 200, page: <EventsPage events={await api.massEvents()} /> };
      case "event": {
        const [e, sources] = await Promise.all([api.massEvent({ slug: route.slug }), api.sources()]);
        return {
          status: 200,
          page: <EventPage event={e.massEvent} detainees={e.detainees} sources={sources} />,
        };
      }
      case "statistics":
        return { status: 200, page: <StatisticsPage stats={await api.statistics()} /> };
      case "sources": {
        const [sources, stats] = await Promise.all([api.sources(), api.statistics()]);
        return {
          status: 200,
          page: (
            <SourcesPage
              sources={sources}
              counts={Object.fromEntries(stats.bySource.map((s) => [s.key, s.count]))}
            />
          ),
        };
      }
      case "data":
        return { status: 200, page: <DataPage /> };
      case "api":
        return { status: 200, page: <ApiPage /> };
    }
  } catch (e) {
    if (isNotFound(e)) return notFound;
    throw e;
  }
}
