// @registry/api: tRPC routers for the public and for curators.
export {
  appRouter,
  createCaller,
  createPublicCaller,
  type AppRouter,
  type PublicRouter,
  type AdminRouter,
} from "./root.ts";
export { createContextInner, ROLES, type Context, type Role, type User } from "./context.ts";
export { PersonFiltersSchema } from "./routers/public.ts";
