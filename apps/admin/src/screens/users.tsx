import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { client, queryClient, trpc } from "../trpc.ts";
import { useSession, type Role } from "../auth/session.tsx";
import { ErrorNote, Loading, Notice } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { formText } from "../lib/errors.ts";

const ROLES: readonly Role[] = ["editor", "reviewer", "admin"];

/** Administrators create users, set roles, disable accounts and reset second factors. */
export function Users() {
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useQuery(trpc.users.list.queryOptions());
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);

  const act = async (fn: () => Promise<unknown>, message = "") => {
    setError(null);
    setNote("");
    setBusy(true);
    try {
      await fn();
      setNote(message);
      await queryClient.invalidateQueries(trpc.users.list.queryFilter());
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onCreate = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const input = {
      email: formText(fd, "email").trim(),
      name: formText(fd, "name").trim(),
      role: formText(fd, "role") as Role,
      password: formText(fd, "password"),
    };
    void act(() => client.users.create.mutate(input), t("users.created", { email: input.email })).then(
      (ok) => ok && form.reset(),
    );
  };

  return (
    <section className="users">
      <h1>{t("users.title")}</h1>
      {note ? <Notice kind="success">{note}</Notice> : null}
      <ErrorNote error={error} />
      {users.isPending ? <Loading /> : null}
      {users.error ? <ErrorNote error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <table className="records users-table">
          <thead>
            <tr>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.secondFactor")}</th>
              <th scope="col">{t("users.disabled")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id} className={u.disabled ? "deleted" : undefined} data-email={u.email}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  <select
                    aria-label={`${t("users.role")}: ${u.name}`}
                    value={u.role}
                    disabled={busy || u.id === me.id}
                    onChange={(e) =>
                      void act(() => client.users.setRole.mutate({ id: u.id, role: e.target.value as Role }))
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.secondFactor ? t("users.set") : t("users.notSet")}</td>
                <td>{u.disabled ? t("yes") : t("no")}</td>
                <td>
                  <div className="buttons">
                    {u.id !== me.id ? (
                      <button
                        type="button"
                        className="secondary small"
                        disabled={busy}
                        onClick={() =>
                          void act(() => client.users.setDisabled.mutate({ id: u.id, disabled: !u.disabled }))
                        }
                      >
                        {u.disabled ? t("users.enable") : t("users.disable")}
                      </button>
                    ) : null}
                    {u.secondFactor ? (
                      <button
                        type="button"
                        className="secondary small"
                        disabled={busy}
                        onClick={() =>
                          window.confirm(t("users.reset2faConfirm", { name: u.name })) &&
                          void act(() => client.users.resetSecondFactor.mutate({ id: u.id }))
                        }
                      >
                        {t("users.reset2fa")}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <form className="panel create-user" onSubmit={onCreate} aria-labelledby="cu-h">
        <h2 id="cu-h">{t("users.create")}</h2>
        <div className="grid">
          <div className="field">
            <label htmlFor="nu-email">{t("users.email")}</label>
            <input id="nu-email" name="email" type="email" required autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="nu-name">{t("users.name")}</label>
            <input id="nu-name" name="name" type="text" required autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="nu-role">{t("users.role")}</label>
            <select id="nu-role" name="role" defaultValue="editor">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="nu-password">{t("users.password")}</label>
            <input
              id="nu-password"
              name="password"
              type="password"
              minLength={12}
              required
              autoComplete="new-password"
            />
          </div>
        </div>
        <button type="submit" disabled={busy}>
          {t("users.create")}
        </button>
      </form>
    </section>
  );
}
