import type { ReactNode } from "react";
import { useI18n } from "../i18n/index.tsx";
import { errorInfo } from "../lib/errors.ts";

/** An API or network error in words, in the curator's language where we know the message. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, m } = useI18n();
  if (!error) return null;
  const info = errorInfo(error);
  const generic = [
    "UNAUTHORIZED",
    "FORBIDDEN",
    "NOT_FOUND",
    "CONFLICT",
    "TOO_MANY_REQUESTS",
    "PRECONDITION_FAILED",
  ].includes(info.code)
    ? t(`err.${info.code}` as "err.UNAUTHORIZED")
    : "";
  const fields = Object.entries(info.fields);
  // A refused input's message is zod's JSON list of issues: say the fields instead.
  const raw = info.message.trimStart().startsWith("[") && fields.length ? "" : info.message;
  const text = info.code === "CLIENT" && /fetch/i.test(info.message) ? t("err.network") : m(raw);
  return (
    <div className="notice error" role="alert">
      <p>
        {text}
        {generic && generic !== text ? <span className="muted"> ({generic})</span> : null}
      </p>
      {info.formErrors.map((f, i) => (
        <p key={i}>{m(f)}</p>
      ))}
      {fields.length ? (
        <ul className="field-errors">
          {fields.map(([k, msgs]) => (
            <li key={k}>
              {k ? <code>{k}</code> : null} {msgs.map(m).join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="secondary small" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({
  kind = "info",
  children,
}: {
  kind?: "info" | "success" | "warning";
  children: ReactNode;
}) {
  return (
    <div className={`notice ${kind}`} role="status">
      {children}
    </div>
  );
}

export function StateBadge({ state, deleted }: { state: string; deleted?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge state-${state}${deleted ? " deleted" : ""}`}>
      {t(`state.${state}` as "state.draft")}
      {deleted ? ` · ${t("list.deleted")}` : ""}
    </span>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" aria-live="polite">
      {t("loading")}
    </p>
  );
}

export const fmtDateTime = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === "ru" ? "ru-RU" : lang === "kk" ? "kk-KZ" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
