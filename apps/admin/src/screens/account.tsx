import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { client, queryClient, trpc } from "../trpc.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorNote, Loading, Notice, fmtDateTime } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { formText } from "../lib/errors.ts";

/** The curator's sessions (an admin sees everyone's) and a password change. */
export function Account() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: user.role === "admin" });
  const nameOf = (id: string) =>
    id === user.id ? user.name : (users.data?.find((u) => u.id === id)?.name ?? id);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState("");

  const end = async (id: string) => {
    setError(null);
    try {
      await client.auth.endSession.mutate({ id });
      await queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
    } catch (e) {
      setError(e);
    }
  };

  const onPassword = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    setError(null);
    setNote("");
    client.auth.changePassword.mutate({ current: formText(fd, "current"), next: formText(fd, "next") }).then(
      () => {
        setNote(t("account.passwordChanged"));
        form.reset();
        void queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
      },
      (err: unknown) => setError(err),
    );
  };

  return (
    <section className="account">
      <h1>
        {t("account.title")}: {user.name}
      </h1>
      {note ? <Notice kind="success">{note}</Notice> : null}
      <ErrorNote error={error} />
      <h2>{t("account.sessions")}</h2>
      {sessions.isPending ? <Loading /> : null}
      {sessions.error ? <ErrorNote error={sessions.error} /> : null}
      {sessions.data ? (
        <table className="records">
          <thead>
            <tr>
              <th scope="col">{t("account.user")}</th>
              <th scope="col">{t("account.agent")}</th>
              <th scope="col">{t("account.created")}</th>
              <th scope="col">{t("account.lastSeen")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>{nameOf(s.userId)}</td>
                <td className="small">{s.userAgent ?? "—"}</td>
                <td>{fmtDateTime(s.createdAt, lang)}</td>
                <td>{fmtDateTime(s.lastSeenAt, lang)}</td>
                <td>
                  {s.current ? (
                    <em>{t("account.current")}</em>
                  ) : (
                    <button type="button" className="secondary small" onClick={() => void end(s.id)}>
                      {t("account.end")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="panel" onSubmit={onPassword} aria-labelledby="pw-h">
        <h2 id="pw-h">{t("account.changePassword")}</h2>
        <div className="field">
          <label htmlFor="pw-current">{t("account.current.password")}</label>
          <input id="pw-current" name="current" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label htmlFor="pw-next">{t("account.new.password")}</label>
          <input
            id="pw-next"
            name="next"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
          />
        </div>
        <button type="submit">{t("account.changePassword")}</button>
      </form>
    </section>
  );
}
