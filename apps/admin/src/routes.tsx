import { IdSchema, SUBMISSION_STATUSES } from "@registry/domain";
import {
  Outlet,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  useParams,
} from "@tanstack/react-router";
import { z } from "zod";
import { can, useSession } from "./auth/session.tsx";
import { Loading } from "./components/ui.tsx";
import { useI18n } from "./i18n/index.tsx";
import { kindOfRoute } from "./lib/kinds.ts";
import { Dashboard } from "./screens/dashboard.tsx";
import { RecordList } from "./screens/record-list.tsx";
import { Shell } from "./shell.tsx";
import { ListSearchSchema } from "./lib/list-search.ts";

// Code splitting (ADR 022): the first load holds the login, the dashboard and the record lists; every other
// screen is its own chunk, fetched when it is opened (the router shows `Loading` meanwhile).
const Account = lazyRouteComponent(() => import("./screens/account.tsx"), "Account");
const AssistantScreen = lazyRouteComponent(() => import("./screens/assistant.tsx"), "AssistantScreen");
const CaseEditor = lazyRouteComponent(() => import("./screens/case-editor.tsx"), "CaseEditor");
const GenericEditor = lazyRouteComponent(() => import("./screens/generic-editor.tsx"), "GenericEditor");
const ImportScreen = lazyRouteComponent(() => import("./screens/import.tsx"), "ImportScreen");
const PersonEditor = lazyRouteComponent(() => import("./screens/person-editor.tsx"), "PersonEditor");
const RevisionsScreen = lazyRouteComponent(() => import("./screens/revisions.tsx"), "RevisionsScreen");
const SubmissionsInbox = lazyRouteComponent(() => import("./screens/submissions.tsx"), "SubmissionsInbox");
const SubmissionScreen = lazyRouteComponent(() => import("./screens/submissions.tsx"), "SubmissionScreen");
const Users = lazyRouteComponent(() => import("./screens/users.tsx"), "Users");

function NotFound() {
  const { t } = useI18n();
  return <p>{t("err.NOT_FOUND")}</p>;
}

/** A new case may start with its defendant (from the person's "add a case"). */
const EditorSearchSchema = z.object({ defendant: IdSchema.optional().catch(undefined) });

const rootRoute = createRootRoute({
  component: () => (
    <Shell>
      <Outlet />
    </Shell>
  ),
  notFoundComponent: NotFound,
});

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: Dashboard });
const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/import",
  component: ImportScreen,
});
const assistantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/assistant",
  component: AssistantScreen,
});
const revisionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/revisions",
  component: RevisionsScreen,
});
const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/users",
  component: function UsersGate() {
    const { user } = useSession();
    return can(user, "admin") ? <Users /> : <NotFound />;
  },
});
// Readers' submissions (ADR 021): the inbox, filtered by status in the address, and one submission.
const submissionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/submissions",
  validateSearch: z.object({ status: z.enum(SUBMISSION_STATUSES).optional().catch(undefined) }),
  component: function SubmissionsRoute() {
    const { status } = submissionsRoute.useSearch();
    return <SubmissionsInbox status={status} />;
  },
});
const submissionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/submissions/$id",
  component: function SubmissionRoute() {
    const { id } = submissionRoute.useParams();
    const n = Number(id);
    return Number.isInteger(n) && n > 0 ? <SubmissionScreen id={n} key={n} /> : <NotFound />;
  },
});
const accountRoute = createRoute({ getParentRoute: () => rootRoute, path: "/account", component: Account });

const listRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/$kind",
  validateSearch: ListSearchSchema,
  component: function ListRoute() {
    const { kind } = useParams({ from: "/$kind" });
    const k = kindOfRoute(kind);
    return k ? <RecordList kind={k} key={k} /> : <NotFound />;
  },
});

const editorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/$kind/$id",
  validateSearch: EditorSearchSchema,
  component: function EditorRoute() {
    const params = useParams({ from: "/$kind/$id" });
    const k = kindOfRoute(params.kind);
    if (!k) return <NotFound />;
    const id = params.id === "new" ? undefined : params.id;
    const key = `${k}/${params.id}`;
    if (k === "persons") return <PersonEditor id={id} key={key} />;
    if (k === "cases") return <CaseEditor id={id} key={key} />;
    return <GenericEditor kind={k} id={id} key={key} />;
  },
});

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  importRoute,
  assistantRoute,
  revisionsRoute,
  submissionsRoute,
  submissionRoute,
  usersRoute,
  accountRoute,
  listRoute,
  editorRoute,
]);

/** The app lives under the server's /admin/ (Vite `base`): the router's base path is the same. */
export const router = createRouter({
  routeTree,
  basepath: import.meta.env.BASE_URL.replace(/\/$/, "") || "/",
  scrollRestoration: true,
  defaultPendingComponent: Loading,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
