import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { RECORD_OPS, afterWrite } from "../lib/records.ts";
import { client, trpc, type HistoryEntry, type Kind, type KindTypes, type Stored } from "../trpc.ts";
import { useI18n } from "../i18n/index.tsx";
import { useSession } from "../auth/session.tsx";
import { fieldLabel } from "../lib/field-label.ts";
import { ErrorNote, Loading, Notice, fmtDateTime } from "./ui.tsx";
import { ValueView } from "./value-view.tsx";

const ACTIONS = ["create", "update", "transition", "delete", "restore", "import", "merge", "revert"];

const empty = (v: unknown) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** The record's audit trail as readable diffs; any earlier version can be restored (as a new version). */
export function HistoryView<K extends Kind>({
  kind,
  stored,
  onRestored,
}: {
  kind: K;
  stored: Stored<KindTypes[K]>;
  onRestored: (s: Stored<KindTypes[K]>) => void;
}) {
  const { t, lang, e } = useI18n();
  const anyKind: Kind = kind;
  const id = stored.value.id;
  const { user } = useSession();
  const history = useQuery({
    queryKey: [...trpc.admin[anyKind].history.queryKey({ id }), stored.meta.version],
    queryFn: () => client.admin[anyKind].history.query({ id }),
  });
  // Names of the actors: every user for an administrator, else just "you".
  const names = useQuery({ ...trpc.users.list.queryOptions(), enabled: user.role === "admin" });
  const actorName = (actor: string) =>
    actor === user.id ? user.name : (names.data?.find((u) => u.id === actor)?.name ?? actor);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState("");

  const restore = async (entry: HistoryEntry) => {
    if (!window.confirm(t("history.restoreConfirm", { v: entry.version }))) return;
    setError(null);
    try {
      await client.admin[anyKind].restoreVersion.mutate({
        id,
        version: stored.meta.version,
        toVersion: entry.version,
      });
      await afterWrite(kind, id);
      onRestored(await RECORD_OPS[kind].get(id));
      setDone(t("history.restored", { v: entry.version }));
    } catch (err) {
      setError(err);
    }
  };

  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorNote error={history.error} onRetry={() => void history.refetch()} />;
  const entries = [...(history.data ?? [])].reverse();
  return (
    <section className="history" aria-label={t("history.title")}>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorNote error={error} />
      {entries.length === 0 ? <p className="muted">{t("history.empty")}</p> : null}
      <ol className="history-list">
        {entries.map((h) => {
          const changes = (Array.isArray(h.changes) ? h.changes : []).filter(
            (c) => !(empty(c.before) && empty(c.after)),
          );
          const action = ACTIONS.includes(h.action)
            ? t(`history.action.${h.action}` as "history.action.create")
            : h.action;
          return (
            <li key={h.seq} data-version={h.version}>
              <div className="history-head">
                <strong>
                  {t("edit.version", { v: h.version })} · {action}
                </strong>{" "}
                <span className="muted">
                  {fmtDateTime(h.at, lang)} · {actorName(h.actor)}
                </span>
                {h.version < stored.meta.version && h.action !== "delete" ? (
                  <button type="button" className="secondary small" onClick={() => void restore(h)}>
                    {t("history.restore")}
                  </button>
                ) : null}
              </div>
              {changes.length ? (
                <table className="diff">
                  <tbody>
                    {changes.map((c, i) => (
                      <tr key={i}>
                        <th scope="row">{fieldLabel(c.field, t)}</th>
                        <td className="before">
                          <span className="sr-only">{t("history.before")}: </span>
                          {c.field === "publicationState" && typeof c.before === "string" ? (
                            e(c.before)
                          ) : (
                            <ValueView value={c.before} />
                          )}
                        </td>
                        <td className="after">
                          <span className="sr-only">{t("history.after")}: </span>
                          {c.field === "publicationState" && typeof c.after === "string" ? (
                            e(c.after)
                          ) : (
                            <ValueView value={c.after} />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
