// @registry/api: tRPC routers for the public and for curators.
export {
  appRouter,
  createCaller,
  createPublicCaller,
  type AppRouter,
  type PublicRouter,
  type AdminRouter,
} from "./root.ts";
export {
  createContextInner,
  createSessionContext,
  memoryTransport,
  ROLES,
  type AuthTransport,
  type Context,
  type Role,
  type User,
} from "./context.ts";
export { createLimiters, SUBMIT_LIMIT, type Limiters } from "./auth/limits.ts";
export { createUser } from "./auth/router.ts";
export { PersonFiltersSchema } from "./routers/public.ts";
export { POLICY, type Caller } from "./policy.ts";
export { publicRouter } from "./routers/public.ts";
export { publicOpenApiDocument, REST_API_BASE, REST_API_VERSION, useQueryCoercion } from "./openapi.ts";
