import { adminRouter } from "./routers/admin.ts";
import { authRouter, usersRouter } from "./auth/router.ts";
import { publicRouter } from "./routers/public.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  public: publicRouter,
  admin: adminRouter,
  auth: authRouter,
  users: usersRouter,
});
export type AppRouter = typeof appRouter;
export type PublicRouter = typeof publicRouter;
export type AdminRouter = typeof adminRouter;

export const createCaller = createCallerFactory(appRouter);
/** The public site's in-process client: it can reach the public router and nothing else. */
export const createPublicCaller = createCallerFactory(publicRouter);
