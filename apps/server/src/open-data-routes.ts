import type { createPublicCaller } from "@registry/api";
import { csvSafeCell, DATA_LICENCE, publicJsonSchemas, toCsv, today } from "@registry/domain";
import type { Express } from "express";
import { CSV_COLUMNS } from "./open-data.ts";

/**
 * The open-data files besides the persons' (issue 17): the JSON Schemas, one file per other kind of public
 * record, and the data package that lists them all. Built from the public API, what the site shows.
 */
export function mountOpenDataFiles(app: Express, api: ReturnType<typeof createPublicCaller>): void {
  const schemas = publicJsonSchemas();
  app.get("/data/schema/:file", (req, res, next) => {
    const file = req.params.file;
    const schema = Object.hasOwn(schemas, file) ? schemas[file] : undefined;
    if (!schema) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/schema+json").send(JSON.stringify(schema, null, 2));
  });

  // The other kinds of public records, one file each, with the licence, the data version and the day inside;
  // built from the public API (what the site shows), kept per data version.
  const kinds = {
    officials: () => api.officials(),
    organisations: () => api.organisations(),
    sources: () => api.sources(),
    "mass-events": () => api.massEvents(),
  } as const;
  const keyOf = {
    officials: "officials",
    organisations: "organisations",
    sources: "sources",
    "mass-events": "massEvents",
  };
  // Each file is built once per data version and day, whichever format is asked for.
  const built = new Map<string, { version: number; day: string; body: string }>();
  const file = async (name: string, build: (version: number, day: string) => Promise<string>) => {
    const { version } = await api.version();
    const day = today();
    const hit = built.get(name);
    if (hit && hit.version === version && hit.day === day) return hit.body;
    const body = await build(version, day);
    built.set(name, { version, day, body });
    return body;
  };
  const serve = (name: string, type: string, build: (version: number, day: string) => Promise<string>) =>
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
  for (const kind of Object.keys(kinds) as (keyof typeof kinds)[])
    serve(`${kind}.json`, "application/json", async (version, day) => {
      const items = await kinds[kind]();
      return `${JSON.stringify({ licence: DATA_LICENCE, version, date: day, schema: `/data/schema/${kind}-file.schema.json`, [keyOf[kind]]: items }, null, 1)}\n`;
    });

  // The same records as spreadsheets: one row each, the names in three languages, cells safe from formulas.
  const text = (t: { en: string; ru?: string | undefined; kk?: string | undefined } | undefined) => [
    t?.en ?? "",
    t?.ru ?? "",
    t?.kk ?? "",
  ];
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
  } as const;
  for (const kind of Object.keys(csvOf) as (keyof typeof csvOf)[])
    serve(`${kind}.csv`, "text/csv; charset=utf-8", async () => {
      const { columns, rows } = await csvOf[kind]();
      return "\uFEFF" + toCsv([columns.map(([c]) => c), ...rows], (v) => csvSafeCell(v, "always"));
    });

  // A Frictionless Data Package: every file, its format, schema, licence, version and date.
  app.get("/data/datapackage.json", (_req, res, next) => {
    api
      .version()
      .then(({ version }) => {
        const day = today();
        const json = (name: string, title: string) => ({
          name,
          title,
          path: `${name}.json`,
          format: "json",
          mediatype: "application/json",
          encoding: "utf-8",
          schema: `schema/${name}-file.schema.json`,
        });
        res.setHeader("Cache-Control", "public, max-age=300");
        res.json({
          profile: "data-package",
          name: "persecution-registry",
          title: "Persecution Registry: political persecution in Kazakhstan",
          description:
            "Persons detained, charged, tried and imprisoned for peaceful dissent, with every fact cited to the reports it comes from, and the officials, sources, organisations and mass events named in their records.",
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
        });
      })
      .catch(next);
  });
}

/** The columns of the other kinds' CSV files, with what each holds (the data package's table schemas). */
const lang = (base: string, what: string): [string, string][] => [
  [base, `${what} (English)`],
  [`${base}_ru`, `${what} in Russian`],
  [`${base}_kk`, `${what} in Kazakh`],
];
const CSV_OTHER = {
  officials: [
    ["id", "Stable identifier"],
    ["slug", "Part of the official's page URL: /officials/<slug>"],
    ["name", "The name as the sources give it, in Latin script"],
    ["name_ru", "The name in Russian Cyrillic"],
    ["name_kk", "The name in Kazakh Cyrillic"],
    ["role", "judge, prosecutor, investigator, police, ..."],
    ...lang("position", "Position"),
    ...lang("body", "The court, office or force"),
    ["involvements", "How many acts of the official the sources report"],
    ["sources", "Ids of the sources cited, separated by ' | '"],
  ],
  organisations: [
    ["id", "Stable identifier"],
    ["slug", "Short name used in links"],
    ...lang("name", "Name"),
    ["kind", "banned-movement, political-party, civic-movement, rights-group, media, ..."],
    ["banned", "Dates of court bans, separated by ' | '"],
    ["url", "Website"],
  ],
  sources: [
    ["id", "Stable identifier, used in citations"],
    ["slug", "Short name used in links"],
    ["kind", "ngo-report, media, court-document, ..."],
    ["publisher", "Who published it"],
    ["title", "Its title, in its own language"],
    ["published", "When (YYYY, YYYY-MM or YYYY-MM-DD)"],
    ["language", "Its language"],
    ["url", "Where it is published"],
  ],
  "mass-events": [
    ["id", "Stable identifier"],
    ["slug", "Part of the event's page URL: /events/<slug>"],
    ...lang("name", "Name"),
    ["kind", "rally, protest, crackdown, unrest, other"],
    ["date", "When (YYYY, YYYY-MM or YYYY-MM-DD)"],
    ["places", "Places (English), separated by ' | '"],
    ["detainees", "How many of the named detainees have public records"],
  ],
} satisfies Record<string, [string, string][]>;
