import { useState, type FormEvent } from "react";
import { client } from "../trpc.ts";
import { ErrorNote } from "../components/ui.tsx";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { useI18n } from "../i18n/index.tsx";
import { download } from "../lib/csv.ts";
import { errorInfo, formText } from "../lib/errors.ts";

type Stage = "password" | "totp" | "recover" | "enrol" | "codes";

/** Password, then the second factor: a TOTP code, a recovery code, or (first login) enrolment. */
export function Login({ initialStage, onDone }: { initialStage: "password" | "totp"; onDone: () => void }) {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>(initialStage);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string; qrSvg: string } | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState("");

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const startEnrol = () =>
    run(async () => {
      setEnrolment(await client.auth.enrolStart.mutate());
      setStage("enrol");
    });

  const onPassword = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    void run(async () => {
      const r = await client.auth.login.mutate({
        email: formText(fd, "email"),
        password: formText(fd, "password"),
      });
      if (r.next === "enrol") {
        setEnrolment(await client.auth.enrolStart.mutate());
        setStage("enrol");
      } else setStage("totp");
    });
  };

  const onCode = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = formText(new FormData(e.currentTarget), "code").replace(/\s/g, "");
    void run(async () => {
      if (stage === "totp") {
        try {
          await client.auth.verify.mutate({ code });
        } catch (err) {
          // A session left between password and enrolment: set the factor up now.
          if (errorInfo(err).code === "PRECONDITION_FAILED") return startEnrol();
          throw err;
        }
        onDone();
      } else if (stage === "recover") {
        const r = await client.auth.recover.mutate({ code });
        setNote(t("login.recoveryLeft", { n: r.remaining }));
        setTimeout(onDone, 1500);
      } else if (stage === "enrol") {
        const r = await client.auth.enrolFinish.mutate({ code });
        setCodes(r.recoveryCodes);
        setStage("codes");
      }
    });
  };

  return (
    <main className="login">
      <div className="login-top">
        <h1>{t("appName")}</h1>
        <LanguageSwitch />
      </div>
      <div className="card">
        {stage === "password" ? (
          <form onSubmit={onPassword} aria-labelledby="login-h">
            <h2 id="login-h">{t("login.title")}</h2>
            <div className="field">
              <label htmlFor="email">{t("login.email")}</label>
              <input id="email" name="email" type="email" autoComplete="username" required />
            </div>
            <div className="field">
              <label htmlFor="password">{t("login.password")}</label>
              <input id="password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <ErrorNote error={error} />
            <button type="submit" disabled={busy}>
              {t("login.submit")}
            </button>
          </form>
        ) : null}

        {stage === "enrol" && enrolment ? (
          <div>
            <h2>{t("login.enrolTitle")}</h2>
            <p>{t("login.enrolHelp")}</p>
            <img
              className="qr"
              data-testid="totp-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
              alt={t("login.qr")}
              width={200}
              height={200}
            />
            <dl className="enrol">
              <dt>{t("login.secret")}</dt>
              <dd>
                <code data-testid="totp-secret" className="secret">
                  {enrolment.secret.replace(/(.{4})(?=.)/g, "$1 ")}
                </code>
              </dd>
              <dt>{t("login.uri")}</dt>
              <dd>
                <a href={enrolment.uri} className="uri">
                  {enrolment.uri}
                </a>
              </dd>
            </dl>
          </div>
        ) : null}

        {stage === "totp" || stage === "recover" || stage === "enrol" ? (
          <form onSubmit={onCode} key={stage}>
            {stage !== "enrol" ? (
              <h2>{t(stage === "totp" ? "login.totpTitle" : "login.recoveryTitle")}</h2>
            ) : null}
            <p>{t(stage === "recover" ? "login.recoveryHelp" : "login.totpHelp")}</p>
            <div className="field">
              <label htmlFor="code">{t("login.code")}</label>
              <input
                id="code"
                name="code"
                autoComplete="one-time-code"
                inputMode={stage === "recover" ? "text" : "numeric"}
                pattern={stage === "recover" ? undefined : "[0-9 ]{6,7}"}
                required
                autoFocus
              />
            </div>
            <ErrorNote error={error} />
            {note ? <p className="notice success">{note}</p> : null}
            <button type="submit" disabled={busy}>
              {t(stage === "enrol" ? "login.enrolFinish" : "login.verify")}
            </button>
            {stage !== "enrol" ? (
              <p>
                <button
                  type="button"
                  className="link"
                  onClick={() => setStage(stage === "totp" ? "recover" : "totp")}
                >
                  {t(stage === "totp" ? "login.useRecovery" : "login.useTotp")}
                </button>
              </p>
            ) : null}
          </form>
        ) : null}

        {stage === "codes" ? (
          <div>
            <h2>{t("login.codesTitle")}</h2>
            <p>{t("login.codesHelp")}</p>
            <ul className="codes" data-testid="recovery-codes">
              {codes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
            <div className="buttons">
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  download("recovery-codes.txt", `${t("appName")}\n\n${codes.join("\n")}\n`, "text/plain")
                }
              >
                {t("login.codesDownload")}
              </button>
              <button type="button" onClick={onDone}>
                {t("login.codesDone")}
              </button>
            </div>
          </div>
        ) : null}

        {stage !== "password" && stage !== "codes" ? (
          <p>
            <button
              type="button"
              className="link"
              onClick={() => {
                void client.auth.logout.mutate().finally(() => {
                  setStage("password");
                  setError(null);
                });
              }}
            >
              {t("login.startOver")}
            </button>
          </p>
        ) : null}
      </div>
    </main>
  );
}
