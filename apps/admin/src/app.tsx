import { useEffect } from "react";
import { api } from "./api.ts";
import { Login } from "./auth/login.tsx";
import { SessionCtx, can, type SessionUser } from "./auth/session.tsx";
import { LanguageSwitch } from "./components/language-switch.tsx";
import { SourcesProvider } from "./components/rich-fields.tsx";
import { ErrorNote, Loading } from "./components/ui.tsx";
import { useI18n } from "./i18n/index.tsx";
import type { MessageKey } from "./i18n/en.ts";
import { KIND_INFO } from "./lib/kinds.ts";
import { Link, match, useLocation } from "./lib/router.tsx";
import { useAsync } from "./lib/use-async.ts";
import { Account } from "./screens/account.tsx";
import { CaseEditor } from "./screens/case-editor.tsx";
import { Dashboard } from "./screens/dashboard.tsx";
import { GenericEditor } from "./screens/generic-editor.tsx";
import { ImportScreen } from "./screens/import.tsx";
import { PersonEditor } from "./screens/person-editor.tsx";
import { RecordList } from "./screens/record-list.tsx";
import { RevisionsScreen } from "./screens/revisions.tsx";
import { Users } from "./screens/users.tsx";
import { kindOfRoute } from "./lib/kinds.ts";

export function App() {
  const { lang } = useI18n();
  const me = useAsync(() => api.auth.me.query(), []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (me.loading && !me.data) return <Loading />;
  if (me.error) return <ErrorNote error={me.error} onRetry={me.reload} />;
  const user = me.data?.user;
  if (!user)
    return <Login initialStage={me.data?.pendingSecondFactor ? "totp" : "password"} onDone={me.reload} />;
  const logout = () => {
    void api.auth.logout.mutate().finally(me.reload);
  };
  return (
    <SessionCtx.Provider value={{ user, logout }}>
      <SourcesProvider>
        <Shell user={user} logout={logout} />
      </SourcesProvider>
    </SessionCtx.Provider>
  );
}

const NAV: { to: string; label: MessageKey }[] = [
  { to: "/", label: "nav.dashboard" },
  ...(
    [
      "persons",
      "cases",
      "events",
      "officials",
      "organisations",
      "sources",
      "massEvents",
      "recognitions",
    ] as const
  ).map((k) => ({
    to: `/${KIND_INFO[k].route}`,
    label: KIND_INFO[k].nav,
  })),
  { to: "/import", label: "nav.import" },
  { to: "/revisions", label: "nav.revisions" },
];

function Shell({ user, logout }: { user: SessionUser; logout: () => void }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const nav = [
    ...NAV,
    ...(can(user, "admin") ? [{ to: "/users", label: "nav.users" as const }] : []),
    { to: "/account", label: "nav.account" as const },
  ];
  const active = (to: string) => (to === "/" ? path === "/" : path === to || path.startsWith(`${to}/`));
  return (
    <div className="shell">
      <header className="top">
        <Link to="/" className="brand">
          {t("appName")}
        </Link>
        <div className="who">
          <span>
            {user.name} · {t(`role.${user.role}`)}
          </span>
          <LanguageSwitch />
          <button type="button" className="secondary small" onClick={logout}>
            {t("nav.logout")}
          </button>
        </div>
      </header>
      <nav className="side" aria-label={t("nav.main")}>
        <ul>
          {nav.map((n) => (
            <li key={n.to}>
              <Link to={n.to} aria-current={active(n.to) ? "page" : undefined}>
                {t(n.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <Route path={path} user={user} />
      </main>
    </div>
  );
}

function Route({ path, user }: { path: string; user: SessionUser }) {
  const { t } = useI18n();
  if (path === "/") return <Dashboard />;
  if (path === "/import") return <ImportScreen />;
  if (path === "/revisions") return <RevisionsScreen />;
  if (path === "/users" && can(user, "admin")) return <Users />;
  if (path === "/account") return <Account />;
  const list = match("/:kind", path);
  const kind = list ? kindOfRoute(list.kind ?? "") : undefined;
  if (list && kind) return <RecordList kind={kind} key={kind} />;
  const one = match("/:kind/:id", path);
  const k = one ? kindOfRoute(one.kind ?? "") : undefined;
  if (one && k) {
    const id = one.id === "new" ? undefined : one.id;
    const key = `${k}/${one.id}`;
    if (k === "persons") return <PersonEditor id={id} key={key} />;
    if (k === "cases") return <CaseEditor id={id} key={key} />;
    return <GenericEditor kind={k} id={id} key={key} />;
  }
  return <p>{t("err.NOT_FOUND")}</p>;
}
