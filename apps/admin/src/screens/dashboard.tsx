import { PUBLICATION_STATES } from "@registry/domain";
import { useQuery } from "@tanstack/react-query";
import { KINDS, trpc, type Kind } from "../trpc.ts";
import { ErrorNote, Loading, fmtDateTime } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { infoOf, kindOfName } from "../lib/kinds.ts";
import { Link } from "@tanstack/react-router";

export function Dashboard() {
  const { t, lang } = useI18n();
  const data = useQuery(trpc.admin.dashboard.queryOptions());
  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorNote error={data.error} onRetry={() => void data.refetch()} />;
  const d = data.data;
  if (!d) return null;
  const count = (kind: Kind, state: string) =>
    d.counts.filter((c) => kindOfName(c.kind) === kind && c.state === state).reduce((n, c) => n + c.count, 0);
  return (
    <section className="dashboard">
      <h1>{t("dash.title")}</h1>
      <div className="dash-grid">
        <section className="panel" aria-labelledby="aw-h">
          <h2 id="aw-h">{t("dash.awaiting")}</h2>
          {d.awaitingReview.length === 0 ? <p className="muted">{t("dash.nothingAwaiting")}</p> : null}
          <ul className="plain awaiting" data-testid="awaiting-review">
            {d.awaitingReview.map((a) => {
              const kind = kindOfName(a.kind);
              return (
                <li key={`${a.kind}/${a.id}`}>
                  {kind ? (
                    <Link to="/$kind/$id" params={{ kind: infoOf(kind).route, id: a.id }}>
                      {a.title || a.id}
                    </Link>
                  ) : (
                    a.title
                  )}{" "}
                  <span className="muted">
                    · {kind ? t(infoOf(kind).nav) : a.kind} · {fmtDateTime(a.updatedAt, lang)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
        <section className="panel" aria-labelledby="counts-h">
          <h2 id="counts-h">{t("dash.counts")}</h2>
          <table className="counts">
            <thead>
              <tr>
                <th scope="col">{t("dash.kind")}</th>
                {PUBLICATION_STATES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`state.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row">
                    <Link to="/$kind" params={{ kind: infoOf(k).route }}>
                      {t(infoOf(k).nav)}
                    </Link>
                  </th>
                  {PUBLICATION_STATES.map((s) => (
                    <td key={s}>
                      <Link to="/$kind" params={{ kind: infoOf(k).route }} search={{ state: s }}>
                        {count(k, s)}
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
