import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { can, useSession } from "./auth/session.tsx";
import { LanguageSwitch } from "./components/language-switch.tsx";
import { useI18n } from "./i18n/index.tsx";
import { KIND_INFO } from "./lib/kinds.ts";
import { KINDS } from "./trpc.ts";

/** The frame of every screen: the top bar, the main navigation and the screen. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user, logout } = useSession();
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
          <li>
            <Link to="/" activeOptions={{ exact: true }}>
              {t("nav.dashboard")}
            </Link>
          </li>
          {KINDS.map((k) => (
            <li key={k}>
              <Link to="/$kind" params={{ kind: KIND_INFO[k].route }}>
                {t(KIND_INFO[k].nav)}
              </Link>
            </li>
          ))}
          <li>
            <Link to="/import">{t("nav.import")}</Link>
          </li>
          {can(user, "editor") ? (
            <li>
              <Link to="/assistant">{t("nav.assistant")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/revisions">{t("nav.revisions")}</Link>
          </li>
          <li>
            <Link to="/submissions">{t("nav.submissions")}</Link>
          </li>
          {can(user, "admin") ? (
            <li>
              <Link to="/users">{t("nav.users")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/account">{t("nav.account")}</Link>
          </li>
        </ul>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
