import { IdSchema, SUBMISSION_STATUSES } from "@registry/domain";
import { Outlet, createRootRoute, createRoute, createRouter, useParams } from "@tanstack/react-router";
import { z } from "zod";
import { can, useSession } from "./auth/session.tsx";
import { useI18n } from "./i18n/index.tsx";
import { kindOfRoute } from "./lib/kinds.ts";
import { Account } from "./screens/account.tsx";
import { AssistantScreen } from "./screens/assistant.tsx";
import { CaseEditor } from "./screens/case-editor.tsx";
import { Dashboard } from "./screens/dashboard.tsx";
import { GenericEditor } from "./screens/generic-editor.tsx";
import { ImportScreen } from "./screens/import.tsx";
import { PersonEditor } from "./screens/person-editor.tsx";
import { RecordList } from "./screens/record-list.tsx";
import { RevisionsScreen } from "./screens/revisions.tsx";
import { SubmissionScreen, SubmissionsInbox } from "./screens/submissions.tsx";
import { Users } from "./screens/users.tsx";
import { Shell } from "./shell.tsx";
import { ListSearchSchema } from "./lib/list-search.ts";

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
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
