import { useState } from "react";
import { SUBMISSION_STATUSES, type SubmissionStatus } from "@registry/domain";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { can, useSession } from "../auth/session.tsx";
import { ErrorNote, Loading, Notice, fmtDateTime } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { client, queryClient, trpc } from "../trpc.ts";

/**
 * The inbox of readers' submissions (ADR 021): newest first, filtered by status. Private data: the screen shows
 * the reader's contact to curators only. Each submission opens in `SubmissionScreen`.
 */
export function SubmissionsInbox({ status }: { status?: SubmissionStatus | undefined }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate({ from: "/submissions" });
  const data = useQuery(trpc.admin.submissions.list.queryOptions(status ? { status } : {}));
  return (
    <section className="submissions">
      <h1>{t("submissions.title")}</h1>
      <p className="muted">{t("submissions.intro")}</p>
      <div className="tabs" role="group" aria-label={t("submissions.filter")}>
        {[undefined, ...SUBMISSION_STATUSES].map((s) => (
          <button
            key={s ?? "all"}
            type="button"
            aria-pressed={status === s}
            onClick={() => void navigate({ search: s ? { status: s } : {} })}
          >
            {s ? t(`submissions.status.${s}`) : t("submissions.all")}
          </button>
        ))}
      </div>
      {data.isPending ? <Loading /> : null}
      {data.error ? <ErrorNote error={data.error} onRetry={() => void data.refetch()} /> : null}
      {data.data && data.data.length === 0 ? <p className="muted">{t("submissions.none")}</p> : null}
      <ul className="plain" data-testid="submissions">
        {(data.data ?? []).map((s) => (
          <li key={s.id} className="panel" data-testid={`submission-${s.id}`}>
            <h2>
              <Link to="/submissions/$id" params={{ id: String(s.id) }}>
                #{s.id} · {t(`submissions.kind.${s.kind as "correction"}`)}
                {s.personSlug ? ` · ${s.personSlug}` : ""}
              </Link>{" "}
              <span className="badge">{t(`submissions.status.${s.status as SubmissionStatus}`)}</span>
            </h2>
            <p className="muted">
              {t("submissions.received")}: {fmtDateTime(s.createdAt, lang)} · {s.language}
            </p>
            <p>{s.text.length > 280 ? `${s.text.slice(0, 280)}…` : s.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One submission, with the triage buttons: accept as a draft change, mark replied, discard (reviewers). */
export function SubmissionScreen({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const data = useQuery(trpc.admin.submissions.get.queryOptions({ id }));
  const [note, setNote] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  /** Runs a decision; `f` says what to tell the curator when it succeeded. */
  const act = async (f: () => Promise<string>) => {
    setError(null);
    setDone(null);
    try {
      setDone(await f());
      await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    } catch (e) {
      setError(e);
    }
  };
  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorNote error={data.error} onRetry={() => void data.refetch()} />;
  const s = data.data;
  const open = s.status === "new" || s.status === "replied";
  const needsName = !(s.kind === "correction" && s.personSlug);
  const noteArg = note.trim() ? { note: note.trim() } : {};
  return (
    <section className="submission" data-testid="submission">
      <p>
        <Link to="/submissions">{t("submissions.back")}</Link>
      </p>
      <h1>
        #{s.id} · {t(`submissions.kind.${s.kind as "correction"}`)}{" "}
        <span className="badge">{t(`submissions.status.${s.status as SubmissionStatus}`)}</span>
      </h1>
      <dl>
        <dt>{t("submissions.received")}</dt>
        <dd>
          {fmtDateTime(s.createdAt, lang)} · {t("submissions.language")}: {s.language}
        </dd>
        {s.personSlug ? (
          <>
            <dt>{t("submissions.person")}</dt>
            <dd>{s.personSlug}</dd>
          </>
        ) : null}
        <dt>{t("submissions.text")}</dt>
        <dd className="prewrap">{s.text}</dd>
        {s.source ? (
          <>
            <dt>{t("submissions.source")}</dt>
            <dd className="prewrap">{s.source}</dd>
          </>
        ) : null}
        {s.contact ? (
          <>
            <dt>{t("submissions.contact")}</dt>
            <dd>{s.contact}</dd>
          </>
        ) : null}
        {s.triageNote ? (
          <>
            <dt>{t("submissions.note")}</dt>
            <dd className="prewrap">{s.triageNote}</dd>
          </>
        ) : null}
        {s.recordId ? (
          <>
            <dt>{t("submissions.record")}</dt>
            <dd>
              <Link to="/$kind/$id" params={{ kind: "persons", id: s.recordId }}>
                {s.recordId}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {error ? <ErrorNote error={error} /> : null}
      {done ? <Notice kind="success">{done}</Notice> : null}
      {open ? (
        <div className="panel">
          <label htmlFor="sub-note">{t("submissions.note")}</label>
          <textarea id="sub-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
          {needsName ? (
            <>
              <label htmlFor="sub-name">{t("submissions.name")}</label>
              <input id="sub-name" value={name} onChange={(e) => setName(e.target.value)} />
            </>
          ) : null}
          <div className="actions">
            <button
              type="button"
              disabled={needsName && !name.trim()}
              onClick={() =>
                void act(async () => {
                  const r = await client.admin.submissions.accept.mutate({
                    id: s.id,
                    ...noteArg,
                    ...(needsName ? { name: name.trim() } : {}),
                  });
                  return r.result === "proposed" ? t("submissions.proposed") : t("submissions.done");
                })
              }
            >
              {t("submissions.accept")}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void act(async () => {
                  await client.admin.submissions.reply.mutate({ id: s.id, ...noteArg });
                  return t("submissions.done");
                })
              }
            >
              {t("submissions.reply")}
            </button>
            {can(user, "reviewer") ? (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void act(async () => {
                    await client.admin.submissions.discard.mutate({ id: s.id, ...noteArg });
                    return t("submissions.done");
                  })
                }
              >
                {t("submissions.discard")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
