/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { PUBLIC_API, PUBLIC_API_BASE, PUBLIC_PROCEDURES, type PublicProcedure } from "@registry/domain";
import { z } from "zod";
import { Layout } from "../components.tsx";
import { usePage } from "../ctx.tsx";

interface Param {
  name: string;
  where: "path" | "query";
  required: boolean;
}

/** A procedure's parameters, read from its input schema (the contract the server and the client share). */
function paramsOf(name: PublicProcedure): Param[] {
  const { input, path } = PUBLIC_API[name];
  const json = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.keys(json.properties ?? {}).map((p) => ({
    name: p,
    where: path.includes(`{${p}}`) ? "path" : "query",
    required: path.includes(`{${p}}`) || (json.required ?? []).includes(p),
  }));
}

/** An address to try for each endpoint: the slugs stay placeholders, the queries are real ones. */
const EXAMPLES: Partial<Record<PublicProcedure, string>> = {
  persons: "?list=political-prisoners&sort=since&limit=20",
  statistics: "?asOf=2021-06-01",
  changes: "?after=0",
  recentChanges: "?limit=5",
  personPages: "?slugs={slug},{slug}",
};

const CLIENT_EXAMPLE = `npm install @registry/client

import { createClient } from "@registry/client";
const registry = createClient({ baseUrl: "https://…" });
const page = await registry.persons({ status: "imprisoned", limit: 20 });
const dossier = await registry.person({ slug: page.items[0].slug });`;

/** /api: the REST API for developers, its endpoints, parameters and examples (ADR 015). */
export function ApiPage() {
  const { t, href } = usePage();
  const openapi = `${PUBLIC_API_BASE}/openapi.json`;
  return (
    <Layout title={t("api.title")}>
      <h1>{t("api.title")}</h1>
      <p>{t("api.intro")}</p>
      <p>
        {t("api.openapi")} <a href={openapi}>{openapi}</a>
      </p>
      <p>{t("api.errors")}</p>
      <table className="api">
        <thead>
          <tr>
            <th scope="col">{t("api.endpoint")}</th>
            <th scope="col">{t("api.parameters")}</th>
            <th scope="col">{t("api.example")}</th>
          </tr>
        </thead>
        <tbody>
          {PUBLIC_PROCEDURES.map((name) => {
            const { method, path } = PUBLIC_API[name];
            const params = paramsOf(name);
            const example = `${PUBLIC_API_BASE}${path}${EXAMPLES[name] ?? ""}`;
            return (
              <tr key={name} id={`api-${name}`}>
                <td>
                  <code>
                    {method} {PUBLIC_API_BASE}
                    {path}
                  </code>
                  <br />
                  {t(`api.endpoints.${name}`)}
                </td>
                <td>
                  {params.length === 0 ? (
                    t("api.none")
                  ) : (
                    <ul>
                      {params.map((p) => (
                        <li key={p.name}>
                          <code>{p.name}</code>
                          {p.where === "path"
                            ? ` (${t("api.inPath")})`
                            : p.required
                              ? ` (${t("api.required")})`
                              : ""}
                          : {t(`api.params.${p.name}`)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {example.includes("{") ? (
                    <code>{example}</code>
                  ) : (
                    <a href={example}>
                      <code>{example}</code>
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t("api.clientTitle")}</h2>
      <p>{t("api.client")}</p>
      <pre>
        <code>{CLIENT_EXAMPLE}</code>
      </pre>
      <p>
        {t("api.data")} <a href={href("/data")}>{t("nav.data")}</a>
      </p>
    </Layout>
  );
}
