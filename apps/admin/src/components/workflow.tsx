import { canTransition, type PublicationState } from "@registry/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { RECORD_OPS, afterWrite } from "../lib/records.ts";
import { client, trpc, type Kind, type KindTypes, type Stored } from "../trpc.ts";
import { can, useSession } from "../auth/session.tsx";
import { useI18n } from "../i18n/index.tsx";
import { ErrorNote, Notice } from "./ui.tsx";

/** The reviewer's comment when the record was last sent back to draft, for the editor who must act on it. */
function SentBack({ kind, id, version }: { kind: Kind; id: string; version: number }) {
  const { t } = useI18n();
  const history = useQuery({
    queryKey: [...trpc.admin[kind].history.queryKey({ id }), version],
    queryFn: () => client.admin[kind].history.query({ id }),
  });
  const last = [...(history.data ?? [])]
    .reverse()
    .find((h) => h.changes.some((c) => c.field === "publicationState" && c.after === "draft"));
  const comment = last?.changes.find((c) => c.field === "comment")?.after;
  if (typeof comment !== "string" || !comment) return null;
  return (
    <div className="notice warning" data-testid="sent-back">
      {t("wf.sentBack", { comment })}
    </div>
  );
}

/** draft → in review (editor) → published / back to draft with a comment / archived (reviewer). */
export function Workflow<K extends Kind>({
  kind,
  stored,
  dirty,
  onChange,
}: {
  kind: K;
  stored: Stored<KindTypes[K]>;
  dirty: boolean;
  onChange: (s: Stored<KindTypes[K]>) => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);
  const anyKind: Kind = kind;
  const rapi = client.admin[anyKind];
  const { id } = stored.value;
  const { version, publicationState: state, deletedAt } = stored.meta;
  const reviewer = can(user, "reviewer");

  /** A workflow step answers with the record as stored now; the editor reloads it from the server. */
  const act = async (fn: () => Promise<{ meta: Stored<unknown>["meta"] }>) => {
    setBusy(true);
    setError(null);
    setDone("");
    try {
      const r = await fn();
      await afterWrite(kind, id);
      onChange(await RECORD_OPS[kind].get(id));
      setComment("");
      setDone(t("wf.done", { state: t(`state.${r.meta.publicationState}`) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const to = (target: PublicationState) => () =>
    act(() =>
      rapi.transition.mutate({
        id,
        version,
        to: target,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    );

  const disabled = busy || dirty;
  const buttons: { label: string; onClick: () => Promise<void>; kind?: string }[] = [];
  if (!deletedAt) {
    if (state === "draft")
      buttons.push({ label: t("wf.submit"), onClick: () => act(() => rapi.submit.mutate({ id, version })) });
    if (reviewer && canTransition(state, "published"))
      buttons.push({ label: t("wf.publish"), onClick: to("published") });
    if (reviewer && state !== "draft" && canTransition(state, "draft"))
      buttons.push({
        label: t(state === "archived" ? "wf.unarchive" : "wf.sendBack"),
        onClick: to("draft"),
        kind: "secondary",
      });
    if (reviewer && canTransition(state, "archived"))
      buttons.push({ label: t("wf.archive"), onClick: to("archived"), kind: "secondary" });
  }

  return (
    <section className="panel workflow" aria-labelledby="wf-h">
      <h2 id="wf-h">
        {t("list.state")}: {t(`state.${state}`)}
      </h2>
      {deletedAt ? <p className="muted">{t("wf.deleted")}</p> : null}
      {state === "draft" && !deletedAt ? <SentBack kind={anyKind} id={id} version={version} /> : null}
      {dirty ? <p className="muted">{t("edit.saveFirst")}</p> : null}
      {reviewer && !deletedAt && state !== "draft" ? (
        <div className="field">
          <label htmlFor="wf-comment">{t("wf.comment")}</label>
          <textarea id="wf-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      ) : null}
      <div className="buttons">
        {buttons.map((b) => (
          <button
            key={b.label}
            type="button"
            className={b.kind}
            disabled={disabled}
            onClick={() => void b.onClick()}
          >
            {b.label}
          </button>
        ))}
        {reviewer ? (
          deletedAt ? (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void act(() => rapi.restore.mutate({ id, version }))}
            >
              {t("wf.restore")}
            </button>
          ) : (
            <button
              type="button"
              className="danger"
              disabled={disabled}
              onClick={() => void act(() => rapi.delete.mutate({ id, version }))}
            >
              {t("wf.delete")}
            </button>
          )
        ) : null}
      </div>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ErrorNote error={error} />
    </section>
  );
}
