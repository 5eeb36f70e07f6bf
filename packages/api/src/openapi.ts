import { generateOpenApiDocument } from "trpc-to-openapi";
import { PUBLIC_API, PUBLIC_API_BASE } from "@registry/domain";
import { z } from "zod";
import { publicRouter } from "./routers/public.ts";

/** The REST API's version: its base path is /api/v1; a change that breaks a caller needs /api/v2. */
export const REST_API_VERSION = "1.0.0";
export const REST_API_BASE = PUBLIC_API_BASE;

/**
 * The OpenAPI 3.1 document of the public REST API, generated from the public router alone (its procedures'
 * meta, inputs and `.output()` schemas): nothing of the admin or auth routers can appear in it.
 */
export function publicOpenApiDocument(baseUrl = REST_API_BASE) {
  return generateOpenApiDocument(publicRouter, {
    title: "Persecution Registry public API",
    description:
      "Read-only access to the published records of the Persecution Registry: persons, their status with its " +
      "sources, officials, mass events, sources and statistics, also as of a past day. No key is needed; " +
      "answers carry `Access-Control-Allow-Origin: *`. The data is CC BY 4.0: cite the registry.",
    version: REST_API_VERSION,
    openApiVersion: "3.1.0",
    license: { name: "CC-BY-4.0 (data)", identifier: "CC-BY-4.0" },
    baseUrl,
    // No key, no session: the public API has no security scheme.
    securitySchemes: {},
    tags: ["persons", "officials", "events", "sources", "registry"],
  });
}

let coercing = false;
/**
 * Query strings carry text: the REST adapter turns on zod's coercion for the numeric fields of the contract's
 * inputs (it sets `coerce` on those schemas) the first time it serves one. Doing it once at start makes `/trpc`
 * and `/api/v1` accept the same inputs from the first request on (`"5"` as 5; bounds and types still checked).
 */
export function useQueryCoercion(): void {
  if (coercing) return;
  coercing = true;
  const unwrap = (t: z.core.$ZodType): z.core.$ZodType =>
    t instanceof z.ZodOptional ? unwrap(t.def.innerType) : t;
  for (const endpoint of Object.values(PUBLIC_API)) {
    const input = unwrap(endpoint.input);
    if (!(input instanceof z.ZodObject)) continue;
    for (const field of Object.values<z.core.$ZodType>(input.def.shape)) {
      const inner = unwrap(field);
      if (inner instanceof z.ZodNumber) inner.def.coerce = true;
    }
  }
}
