/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactElement } from "react";
import {
  GenderSchema,
  PersonListSchema,
  RECOGNITION_BODIES,
  RegionSchema,
  SENTENCE_KINDS,
  SlugSchema,
  StatusSchema,
} from "@registry/domain";
import { isBadRequest, isNotFound, type PublicApi } from "./api.ts";
import { HomePage } from "./pages/home.tsx";
import { EventPage, EventsPage } from "./pages/events.tsx";
import { AboutPage } from "./pages/about.tsx";
import { HelpPage } from "./pages/help.tsx";
import { ApiPage } from "./pages/api.tsx";
import { DataPage, NotFoundPage, SourcesPage } from "./pages/misc.tsx";
import { FOLLOW_UP_FILTERS, RecognitionPage, type RecognitionFilters } from "./pages/recognition.tsx";
import { StatisticsPage } from "./pages/statistics.tsx";
import { OfficialPage, OfficialsPage } from "./pages/officials.tsx";
import { PersonPage } from "./pages/person.tsx";
import { PAGE_SIZE, PersonsPage, type ListFilters } from "./pages/persons.tsx";

export type Route =
  | { kind: "home" }
  | { kind: "persons"; filters: ListFilters }
  | { kind: "person"; slug: string; asOf?: string | undefined }
  | { kind: "officials" }
  | { kind: "official"; slug: string }
  | { kind: "events" }
  | { kind: "event"; slug: string }
  | { kind: "statistics" }
  | { kind: "sources" }
  | { kind: "data" }
  | { kind: "about" }
  | { kind: "help" }
  | { kind: "api" }
  | { kind: "recognition"; filters: RecognitionFilters };

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
    sentence: str(q.sentence, new RegExp(`^(?:${SENTENCE_KINDS.join("|")})$`)),
    recorded: q.recorded === "1" ? true : undefined,
    // Pages past the API's offset limit (100 000 rows) are not asked for.
    page:
      typeof q.page === "string" && /^[1-9]\d{0,3}$/.test(q.page) && Number(q.page) <= 2000
        ? Number(q.page)
        : undefined,
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
    const asOf = typeof query.asOf === "string" && query.asOf !== "" ? query.asOf.slice(0, 40) : undefined;
    return s ? { kind: "person", slug: s, asOf } : null;
  }
  if (a === "officials")
    return b === undefined ? { kind: "officials" } : slug(b) ? { kind: "official", slug: b } : null;
  if (a === "events")
    return b === undefined ? { kind: "events" } : slug(b) ? { kind: "event", slug: b } : null;
  if (b !== undefined) return null;
  if (a === "statistics") return { kind: "statistics" };
  if (a === "sources") return { kind: "sources" };
  if (a === "data") return { kind: "data" };
  if (a === "about") return { kind: "about" };
  if (a === "help") return { kind: "help" };
  if (a === "recognition") {
    const body = typeof query.body === "string" ? query.body : "";
    const year = typeof query.year === "string" && /^\d{4}$/.test(query.year) ? query.year : undefined;
    const followed = typeof query.followed === "string" ? query.followed : "";
    return {
      kind: "recognition",
      filters: {
        body: (RECOGNITION_BODIES as readonly string[]).includes(body) ? body : undefined,
        year,
        followed: (FOLLOW_UP_FILTERS as readonly string[]).includes(followed) ? followed : undefined,
      },
    };
  }
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
          const { page, ...rest } = f;
          const limit = extra.listLimit ?? PAGE_SIZE;
          const pageOf = (n: number | undefined) =>
            api.persons(
              clean({
                ...rest,
                sort: f.sort as "name" | "recent" | "since" | undefined,
                limit,
                // A numbered page is an offset; an older link's cursor still works.
                ...(n && n > 1 ? { offset: (n - 1) * limit, cursor: undefined } : {}),
              }) as never,
            );
          list = await pageOf(page);
          // A page past the end (the list has shrunk since the link was made) shows the last page.
          if (page && page > 1 && list.items.length === 0 && list.total > 0) {
            const last = Math.ceil(list.total / limit);
            list = await pageOf(last);
            f.page = last;
          }
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
        let d: Awaited<ReturnType<PublicApi["person"]>>;
        try {
          d = await api.person(clean({ slug: route.slug, asOf: route.asOf }));
        } catch (e) {
          // A malformed or future day: the person as of today, with the reason, would hide the error; refuse.
          if (!isBadRequest(e)) throw e;
          return { status: 400, page: <NotFoundPage message={(e as Error).message} /> };
        }
        const [changes, { version }] = await Promise.all([
          api.personChanges({ slug: route.slug }),
          api.version(),
        ]);
        return { status: 200, page: personPage(d, changes, version, route.asOf) };
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
      case "statistics": {
        const [stats, timeline, sources] = await Promise.all([
          api.statistics(),
          api.timeline(),
          api.sources(),
        ]);
        return {
          status: 200,
          page: <StatisticsPage stats={stats} timeline={timeline} sources={sources} />,
        };
      }
      case "about":
        return { status: 200, page: <AboutPage version={(await api.version()).version} /> };
      case "help":
        return { status: 200, page: <HelpPage /> };
      case "recognition": {
        const [entries, sources] = await Promise.all([api.recognitions(), api.sources()]);
        return {
          status: 200,
          page: <RecognitionPage entries={entries} sources={sources} filters={route.filters} />,
        };
      }
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

/** A person's page: the same element whether rendered for a reader or ahead of one. */
export function personPage(
  d: Awaited<ReturnType<PublicApi["person"]>>,
  changes: Awaited<ReturnType<PublicApi["personChanges"]>>,
  version: number,
  asOf?: string,
) {
  return <PersonPage d={d} changes={changes} version={version} asOf={asOf} />;
}
