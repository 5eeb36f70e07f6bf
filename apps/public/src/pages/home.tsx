/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { PERSON_LISTS, REPORT_AGES, sourceDay, type Source, type Statistics } from "@registry/domain";
import { Layout } from "../components.tsx";
import { useDates, usePage, useName } from "../ctx.tsx";

export function HomePage({
  stats,
  latest,
  sources,
}: {
  stats: Statistics;
  /** Persons curators changed most recently (not the loads of the curated data). */
  latest: {
    id: string;
    slug: string;
    name: string;
    localNames?: { ru?: string; kk?: string };
    changedAt: string;
  }[];
  sources: Source[];
}) {
  const { t, href } = usePage();
  const { date } = useDates();
  const nameOf = useName();
  const count = (key: string) => stats.byStatus.find((s) => s.key === key)?.count ?? 0;
  return (
    <Layout title={t("nav.home")}>
      <h1>{t("site.title")}</h1>
      <p className="lead">{t("site.tagline")}</p>
      <p>{t("home.intro")}</p>
      <p className="muted">
        {t("home.asOf", { newest: stats.newestSource ? date(stats.newestSource) : "–" })}
      </p>
      <section aria-labelledby="counts" className="counts">
        <h2 id="counts" className="visually-hidden">
          {t("statistics.title")}
        </h2>
        <dl>
          <div>
            <dt>
              <a href={href("/persons", { list: "political-prisoners" })}>{t("home.prisonersNow")}</a>
            </dt>
            <dd>{stats.politicalPrisoners}</dd>
          </div>
          <div>
            <dt>
              <a href={href("/persons", { list: "persecuted" })}>{t("home.persecuted")}</a>
            </dt>
            <dd>{stats.total - stats.politicalPrisoners}</dd>
          </div>
          <div>
            <dt>
              <a href={href("/persons")}>{t("home.total")}</a>
            </dt>
            <dd>{stats.total}</dd>
          </div>
        </dl>
        <h3>{t("home.ageHeading")}</h3>
        <ul className="inline">
          {REPORT_AGES.map((a) => (
            <li key={a}>
              {t(`home.age.${a}`)}:{" "}
              {stats.politicalPrisonersByLastReport.find((c) => c.key === a)?.count ?? 0}
            </li>
          ))}
        </ul>
        <h3>{t("home.snapshots")}</h3>
        <ul className="inline">
          {sources
            .flatMap((s) => {
              const day = sourceDay(s);
              return day ? [{ s, day }] : [];
            })
            .sort((a, b) => (a.day < b.day ? -1 : 1))
            .map(({ s, day }) => (
              <li key={s.id}>
                <a href={href("/persons", { list: "political-prisoners", asOf: day })}>
                  {date(day)} ({s.publisher.split(" (")[0]}, {date(s.published)})
                </a>
              </li>
            ))}
        </ul>
        <h3>{t("home.byKind")}</h3>
        <ul className="inline">
          {(["imprisoned", "pre-trial-detention", "psychiatric-detention", "house-arrest"] as const).map(
            (s) => (
              <li key={s}>
                <a href={href("/persons", { status: s })}>{t(`status.${s}`)}</a>: {count(s)}
              </li>
            ),
          )}
        </ul>
      </section>
      <section aria-labelledby="lists">
        <h2 id="lists">{t("home.lists")}</h2>
        <ul className="lists">
          {PERSON_LISTS.map((l) => (
            <li key={l}>
              <a href={href("/persons", { list: l })}>{t(`lists.${l}`)}</a> (
              {stats.byList.find((b) => b.key === l)?.count ?? 0})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">{t("home.latest")}</h2>
        {latest.length ? (
          <ul>
            {latest.map((p) => (
              <li key={p.id}>
                <a href={href(`/persons/${p.slug}`)} lang={nameOf(p).lang}>
                  {nameOf(p).text}
                </a>{" "}
                <span className="muted">{date(p.changedAt.slice(0, 10))}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("home.noChanges")}</p>
        )}
      </section>
    </Layout>
  );
}
