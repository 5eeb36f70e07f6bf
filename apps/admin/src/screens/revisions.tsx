import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { client, queryClient, trpc } from "../trpc.ts";
import { can, useSession } from "../auth/session.tsx";
import { ErrorNote, Loading, fmtDateTime } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { infoOf, kindOfName } from "../lib/kinds.ts";
import { Link } from "@tanstack/react-router";

const show = (v: unknown) => (v === undefined ? "–" : typeof v === "string" ? v : JSON.stringify(v));

type Localized = { en: string; ru?: string; kk?: string; provenance?: { ru?: string; kk?: string } };
const isLocalized = (v: unknown): v is Localized =>
  v !== null && typeof v === "object" && typeof (v as { en?: unknown }).en === "string";

/**
 * One row per change; a localized text (a summary, a title) gets a row per language that changed, so that the
 * reviewer sees the English, Russian and Kazakh versions and whether each translation was checked.
 */
function changeRows(c: { field: string; before?: unknown; after?: unknown }): {
  key: string;
  label: string;
  lang?: "en" | "ru" | "kk";
  before?: unknown;
  after?: unknown;
}[] {
  if (!isLocalized(c.before) && !isLocalized(c.after))
    return [{ key: c.field, label: c.field, before: c.before, after: c.after }];
  const b = isLocalized(c.before) ? c.before : undefined;
  const a = isLocalized(c.after) ? c.after : undefined;
  return (["en", "ru", "kk"] as const)
    .filter((l) => b?.[l] !== a?.[l] || (l !== "en" && b?.provenance?.[l] !== a?.provenance?.[l]))
    .map((l) => ({
      key: `${c.field}.${l}`,
      label: `${c.field} · ${l.toUpperCase()}${l !== "en" && a?.provenance?.[l] ? ` (${a.provenance[l]})` : ""}`,
      lang: l,
      before: b?.[l],
      after: a?.[l],
    }));
}

/**
 * Editors' changes to published records. Reviewers see what waits for them, with the diff, and approve it or
 * return it with a comment; editors see their own revisions and every comment they were returned with.
 */
export function RevisionsScreen() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const reviewer = can(user, "reviewer");
  const [view, setView] = useState<"queue" | "mine">(reviewer ? "queue" : "mine");
  const data = useQuery(trpc.admin.revisions.list.queryOptions({ view }));
  const [comments, setComments] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      // An approved revision changes the record, its lists and the dashboard too.
      await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="revisions">
      <h1>{t("revisions.title")}</h1>
      <div className="tabs" role="group">
        {reviewer ? (
          <button type="button" aria-pressed={view === "queue"} onClick={() => setView("queue")}>
            {t("revisions.queue")}
          </button>
        ) : null}
        <button type="button" aria-pressed={view === "mine"} onClick={() => setView("mine")}>
          {t("revisions.mine")}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {data.isPending ? <Loading /> : null}
      {data.error ? <ErrorNote error={data.error} onRetry={() => void data.refetch()} /> : null}
      {data.data && data.data.length === 0 ? <p className="muted">{t("revisions.none")}</p> : null}
      <ul className="plain" data-testid="revisions">
        {(data.data ?? []).map((r) => {
          const kind = kindOfName(r.kind);
          const stale = r.currentVersion !== r.baseVersion;
          return (
            <li key={r.id} className="panel" data-testid={`revision-${r.id}`}>
              <h2>
                #{r.id} ·{" "}
                {kind ? (
                  <Link to="/$kind/$id" params={{ kind: infoOf(kind).route, id: r.entityId }}>
                    {r.entityId}
                  </Link>
                ) : (
                  r.entityId
                )}{" "}
                <span className="badge">{t(`revisions.state.${r.state}`)}</span>
              </h2>
              <p className="muted">
                {t("revisions.author")}: {r.author} · {fmtDateTime(r.createdAt, lang)}
              </p>
              {r.comment ? <p className="notice info">{r.comment}</p> : null}
              {stale && r.state === "pending" ? (
                <p className="notice warning">
                  {t("revisions.stale", { base: r.baseVersion, current: r.currentVersion ?? "–" })}
                </p>
              ) : null}
              <table>
                <caption className="visually-hidden">{t("revisions.changes")}</caption>
                <tbody>
                  {r.changes.flatMap(changeRows).map((c) => (
                    <tr key={c.key}>
                      <th scope="row">{c.label}</th>
                      <td lang={c.lang}>
                        <del>{show(c.before)}</del>
                      </td>
                      <td lang={c.lang}>
                        <ins>{show(c.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {reviewer && r.state === "pending" ? (
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => void act(() => client.admin.revisions.approve.mutate({ id: r.id }))}
                  >
                    {t("revisions.approve")}
                  </button>
                  <label htmlFor={`c-${r.id}`}>{t("revisions.comment")}</label>
                  <input
                    id={`c-${r.id}`}
                    value={comments[r.id] ?? ""}
                    onChange={(e) => setComments({ ...comments, [r.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="secondary"
                    disabled={!comments[r.id]?.trim()}
                    onClick={() =>
                      void act(() =>
                        client.admin.revisions.return.mutate({ id: r.id, comment: comments[r.id] ?? "" }),
                      )
                    }
                  >
                    {t("revisions.return")}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
