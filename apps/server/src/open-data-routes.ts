import type { createPublicCaller } from "@registry/api";
import { listPublicCases, listPublicEvents, listPublicRecognitionRecords, type Database } from "@registry/db";
import {
  csvSafeCell,
  DATA_LICENCE,
  formatArticle,
  latestFollowUp,
  publicJsonSchemas,
  toCsv,
  today,
  type DateValue,
} from "@registry/domain";
import type { Express } from "express";
import { CSV_COLUMNS } from "./open-data.ts";
import { CSV_OTHER } from "./open-data-columns.ts";

type Build = (version: number, day: string) => Promise<string>;

/**
 * The open-data files besides the persons' (issue 17): one file per other kind of public record in JSON and CSV,
 * with its media type and how to build it for a data version and day, and the data package that lists them all.
 * Built from the public API, what the site shows. Served by `mountOpenDataFiles`, written by `public:export`.
 */
export function openDataFiles(
  api: ReturnType<typeof createPublicCaller>,
  database: Database,
): {
  files: Map<string, { type: string; build: Build }>;
  dataPackage: (version: number, day: string) => Record<string, unknown>;
} {
  const files = new Map<string, { type: string; build: Build }>();
  // The other kinds of public records, one file each, with the licence, the data version and the day inside;
  // built from the public API (what the site shows), or for the cases, events and recognitions from the same
  // public queries the persons' dossiers use (only what their pages show).
  const kinds = {
    officials: () => api.officials(),
    organisations: () => api.organisations(),
    sources: () => api.sources(),
    "mass-events": () => api.massEvents(),
    cases: () => listPublicCases(database.db),
    events: () => listPublicEvents(database.db),
    recognitions: () => listPublicRecognitionRecords(database.db),
  } as const;
  const keyOf = {
    officials: "officials",
    organisations: "organisations",
    sources: "sources",
    "mass-events": "massEvents",
    cases: "cases",
    events: "events",
    recognitions: "recognitions",
  };
  for (const kind of Object.keys(kinds) as (keyof typeof kinds)[])
    files.set(`${kind}.json`, {
      type: "application/json",
      build: async (version, day) => {
        const items = await kinds[kind]();
        return `${JSON.stringify({ licence: DATA_LICENCE, version, date: day, schema: `/data/schema/${kind}-file.schema.json`, [keyOf[kind]]: items }, null, 1)}\n`;
      },
    });

  // The same records as spreadsheets: one row each, the names in three languages, cells safe from formulas.
  const text = (t: { en: string; ru?: string | undefined; kk?: string | undefined } | undefined) => [
    t?.en ?? "",
    t?.ru ?? "",
    t?.kk ?? "",
  ];
  const slugs = (links: { slug: string }[]) => links.map((l) => l.slug).join(" | ");
  const when = (d: DateValue | undefined) => (d ? `${d.date}${d.end ? `/${d.end}` : ""}` : "");
  const cited = (v: unknown) => {
    const ids = new Set<string>();
    JSON.stringify(v, (k, val: unknown) => {
      if (k === "source" && typeof val === "string") ids.add(val);
      return val;
    });
    return [...ids].sort().join(" | ");
  };
  const articles = (c: Parameters<typeof formatArticle>[0][], locale: "en" | "ru" | "kk") =>
    [...new Set(c.map((x) => formatArticle(x, locale)))].join(" | ");
  const csvOf = {
    officials: async () => ({
      columns: CSV_OTHER.officials,
      rows: (await api.officials()).map((o) => [
        o.id,
        o.slug,
        o.name,
        o.localNames?.ru ?? "",
        o.localNames?.kk ?? "",
        o.role,
        ...text(o.position),
        ...text(o.body),
        String(o.involvements.length),
        [...new Set(o.citations.map((c) => c.source))].join(" | "),
      ]),
    }),
    organisations: async () => ({
      columns: CSV_OTHER.organisations,
      rows: (await api.organisations()).map((o) => [
        o.id,
        o.slug,
        ...text(o.name),
        o.kind,
        o.bans.map((b) => b.date.date).join(" | "),
        o.url ?? "",
      ]),
    }),
    sources: async () => ({
      columns: CSV_OTHER.sources,
      rows: (await api.sources()).map((x) => [
        x.id,
        x.slug,
        x.kind,
        x.publisher,
        x.title,
        x.published,
        x.language,
        x.url ?? "",
      ]),
    }),
    "mass-events": async () => ({
      columns: CSV_OTHER["mass-events"],
      rows: (await api.massEvents()).map((m) => [
        m.id,
        m.slug,
        ...text(m.name),
        m.kind,
        m.date.date,
        m.places.map((p) => p.name.en).join(" | "),
        String(m.detainees.length),
      ]),
    }),
    cases: async () => {
      const rows = await listPublicCases(database.db);
      return {
        columns: CSV_OTHER.cases,
        rows: rows.map((c) => {
          const slugOf = new Map(c.personLinks.map((l) => [l.id, l.slug]));
          return [
            c.id,
            c.slug,
            ...text(c.title),
            c.kind,
            slugs(c.personLinks),
            when(c.opened),
            articles(c.charges, "en"),
            articles(c.charges, "ru"),
            articles(c.charges, "kk"),
            c.measures.map((m) => `${slugOf.get(m.person) ?? m.person}:${m.kind}`).join(" | "),
            c.sentences
              .map(
                (x) =>
                  `${slugOf.get(x.person) ?? x.person}:${x.kind}${x.termMonths ? `:${x.termMonths}` : ""}`,
              )
              .join(" | "),
            ...text(c.investigatingBody),
            cited(c),
          ];
        }),
      };
    },
    events: async () => ({
      columns: CSV_OTHER.events,
      rows: (await listPublicEvents(database.db)).map((e) => [
        e.id,
        when(e.date),
        e.type,
        slugs(e.personLinks),
        e.case ?? "",
        e.massEvent ?? "",
        e.place?.name.en ?? "",
        e.place?.region ?? "",
        ...text(e.description),
        cited(e),
      ]),
    }),
    recognitions: async () => ({
      columns: CSV_OTHER.recognitions,
      rows: (await listPublicRecognitionRecords(database.db)).map((r) => [
        r.id,
        when(r.date),
        r.body,
        r.kind,
        ...text(r.instrument),
        r.reference ?? "",
        slugs(r.personLinks),
        r.url ?? "",
        latestFollowUp(r)?.outcome ?? "",
        when(latestFollowUp(r)?.asOf),
        cited(r),
      ]),
    }),
  } as const;
  for (const kind of Object.keys(csvOf) as (keyof typeof csvOf)[])
    files.set(`${kind}.csv`, {
      type: "text/csv; charset=utf-8",
      build: async () => {
        const { columns, rows } = await csvOf[kind]();
        return "\uFEFF" + toCsv([columns.map(([c]) => c), ...rows], (v) => csvSafeCell(v, "always"));
      },
    });

  // A Frictionless Data Package: every file, its format, schema, licence, version and date.
  const dataPackage = (version: number, day: string) => {
    const json = (name: string, title: string) => ({
      name,
      title,
      path: `${name}.json`,
      format: "json",
      mediatype: "application/json",
      encoding: "utf-8",
      schema: `schema/${name}-file.schema.json`,
    });
    return {
      profile: "data-package",
      name: "persecution-registry",
      title: "Persecution Registry: political persecution in Kazakhstan",
      description:
        "Persons detained, charged, tried and imprisoned for peaceful dissent, with every fact cited to the reports it comes from; their cases, events and recognitions; and the officials, sources, organisations and mass events named in their records.",
      version: String(version),
      created: `${day}T00:00:00Z`,
      licenses: [
        {
          name: DATA_LICENCE,
          path: "https://creativecommons.org/licenses/by/4.0/",
          title: "Creative Commons Attribution 4.0",
        },
      ],
      resources: [
        json("persons", "Persons, with their cases, events, status and sources"),
        {
          name: "persons-csv",
          title: "Persons, one row each",
          path: "persons.csv",
          format: "csv",
          mediatype: "text/csv",
          encoding: "utf-8",
          dialect: { delimiter: ",", header: true, lineTerminator: "\r\n" },
          schema: {
            fields: CSV_COLUMNS.map(([name, description]) => ({
              name,
              type:
                name === "political_prisoner"
                  ? "boolean"
                  : name === "cases" || name === "events"
                    ? "integer"
                    : "string",
              description,
            })),
          },
        },
        json("officials", "Officials named in the cases"),
        json("organisations", "Movements, parties and groups"),
        json("sources", "The reports the facts are cited from"),
        json("mass-events", "Rallies and crackdowns"),
        json("cases", "Cases, with their published defendants, charges, measures and sentences"),
        json("events", "Dated events in persons' records: detentions, searches, trials, releases"),
        json("recognitions", "Recognitions as political prisoners and calls for release"),
        ...(Object.keys(CSV_OTHER) as (keyof typeof CSV_OTHER)[]).map((kind) => ({
          name: `${kind}-csv`,
          title: `${kind.replace("-", " ")}, one row each`,
          path: `${kind}.csv`,
          format: "csv",
          mediatype: "text/csv",
          encoding: "utf-8",
          dialect: { delimiter: ",", header: true, lineTerminator: "\r\n" },
          schema: {
            fields: CSV_OTHER[kind].map(([name, description]) => ({
              name,
              type: name === "involvements" || name === "detainees" ? "integer" : "string",
              description,
            })),
          },
        })),
      ],
    };
  };
  return { files, dataPackage };
}

/** Serves the JSON Schemas, the files of `openDataFiles` (each built once per data version) and the data package. */
export function mountOpenDataFiles(
  app: Express,
  api: ReturnType<typeof createPublicCaller>,
  database: Database,
): void {
  const schemas = publicJsonSchemas();
  app.get("/data/schema/:file", (req, res, next) => {
    const file = req.params.file;
    const schema = Object.hasOwn(schemas, file) ? schemas[file] : undefined;
    if (!schema) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/schema+json").send(JSON.stringify(schema, null, 2));
  });

  const { files, dataPackage } = openDataFiles(api, database);
  // Each file is built once per data version and day, whichever format is asked for.
  const built = new Map<string, { version: number; day: string; body: string }>();
  const file = async (name: string, build: Build) => {
    const { version } = await api.version();
    const day = today();
    const hit = built.get(name);
    if (hit && hit.version === version && hit.day === day) return hit.body;
    const body = await build(version, day);
    built.set(name, { version, day, body });
    return body;
  };
  const serve = (name: string, type: string, build: Build) =>
    app.get(`/data/${name}`, (_req, res, next) => {
      file(name, build)
        .then((body) => {
          res.setHeader("Cache-Control", "public, max-age=300");
          if (type.startsWith("text/csv"))
            res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
          res.type(type).send(body);
        })
        .catch(next);
    });
  for (const [name, f] of files) serve(name, f.type, f.build);

  app.get("/data/datapackage.json", (_req, res, next) => {
    api
      .version()
      .then(({ version }) => {
        res.setHeader("Cache-Control", "public, max-age=300");
        res.json(dataPackage(version, today()));
      })
      .catch(next);
  });
}
