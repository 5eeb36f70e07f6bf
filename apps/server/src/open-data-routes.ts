import type { createPublicCaller } from "@registry/api";
import { DATA_LICENCE, publicJsonSchemas, today } from "@registry/domain";
import type { Express } from "express";
import { CSV_COLUMNS } from "./open-data.ts";

/**
 * The open-data files besides the persons' (issue 17): the JSON Schemas, one file per other kind of public
 * record, and the data package that lists them all. Built from the public API, what the site shows.
 */
export function mountOpenDataFiles(app: Express, api: ReturnType<typeof createPublicCaller>): void {
  const schemas = publicJsonSchemas();
  app.get("/data/schema/:file", (req, res, next) => {
    const schema = schemas[req.params.file];
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
  const built = new Map<string, { version: number; day: string; body: string }>();
  const kindFile = async (kind: keyof typeof kinds) => {
    const { version } = await api.version();
    const day = today();
    const hit = built.get(kind);
    if (hit && hit.version === version && hit.day === day) return hit.body;
    const items = await kinds[kind]();
    const body = `${JSON.stringify({ licence: DATA_LICENCE, version, date: day, schema: `/data/schema/${kind}-file.schema.json`, [keyOf[kind]]: items }, null, 1)}\n`;
    built.set(kind, { version, day, body });
    return body;
  };
  for (const kind of Object.keys(kinds) as (keyof typeof kinds)[])
    app.get(`/data/${kind}.json`, (_req, res, next) => {
      kindFile(kind)
        .then((body) => {
          res.setHeader("Cache-Control", "public, max-age=300");
          res.type("application/json").send(body);
        })
        .catch(next);
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
          ],
        });
      })
      .catch(next);
  });
}
