/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { articleLabel, formatArticle, type LegalCode, type Source, type Statistics } from "@registry/domain";
import { BarChart, Layout, L } from "../components.tsx";
import { useDates, usePage } from "../ctx.tsx";

function articleTitle(key: string, locale: "en" | "ru" | "kk"): string {
  const [code = "criminal", article = key] = key.split(":");
  const label = articleLabel(code as LegalCode, article, locale);
  return `${formatArticle({ code: code as LegalCode, article }, locale)}${label ? ` ${label}` : ""}`;
}

export function StatisticsPage({ stats }: { stats: Statistics }) {
  const { t, locale } = usePage();
  const { date } = useDates();
  const rows = (items: { key: string; count: number }[], label: (k: string) => string) =>
    items.map((i) => ({ label: label(i.key), count: i.count }));
  return (
    <Layout title={t("statistics.title")}>
      <h1>{t("statistics.title")}</h1>
      <p>{t("statistics.intro", { newest: stats.newestSource ? date(stats.newestSource) : "–" })}</p>
      <BarChart
        id="by-status"
        title={t("statistics.byStatus")}
        rows={rows(stats.byStatus, (k) => t(`status.${k}`))}
      />
      <BarChart
        id="by-list"
        title={t("statistics.byList")}
        rows={rows(stats.byList, (k) => t(`lists.${k}`))}
      />
      <BarChart
        id="by-article"
        title={t("statistics.byArticle")}
        rows={rows(stats.byArticle, (k) => articleTitle(k, locale))}
      />
      <BarChart
        id="by-region"
        title={t("statistics.byRegion")}
        rows={rows(stats.byRegion, (k) => t(`region.${k}`))}
      />
      <BarChart id="by-year" title={t("statistics.byYear")} rows={rows(stats.byYear, (k) => k)} />
      <BarChart
        id="by-sentence"
        title={t("statistics.bySentenceKind")}
        rows={rows(stats.bySentenceKind, (k) => t(`sentence.${k}`))}
      />
      <BarChart
        id="by-gender"
        title={t("statistics.byGender")}
        rows={rows(stats.byGender, (k) => t(`gender.${k}`))}
      />
    </Layout>
  );
}

export function SourcesPage({ sources, counts }: { sources: Source[]; counts: Record<string, number> }) {
  const { t } = usePage();
  const { date } = useDates();
  return (
    <Layout title={t("sources.title")}>
      <h1>{t("sources.title")}</h1>
      <p>{t("sources.intro")}</p>
      {sources.map((s) => (
        <section key={s.id} id={s.slug} aria-labelledby={`h-${s.slug}`} className="source">
          <h2 id={`h-${s.slug}`}>{s.title}</h2>
          <p>
            {s.publisher} · {t("sources.published")} {date(s.published)}
            {s.url ? (
              <>
                {" "}
                · <a href={s.url}>{s.url}</a>
              </>
            ) : null}
          </p>
          {s.description ? (
            <p>
              <L text={s.description} />
            </p>
          ) : null}
          <p>
            {t("sources.persons")}: <strong>{counts[s.id] ?? 0}</strong>
          </p>
        </section>
      ))}
    </Layout>
  );
}

export function DataPage() {
  const { t, href, today } = usePage();
  const { date } = useDates();
  const raw = (p: string) => href(p);
  return (
    <Layout title={t("data.title")}>
      <h1>{t("data.title")}</h1>
      <p>{t("data.intro")}</p>
      <ul>
        <li>
          <a href={raw("/data/persons.json")}>persons.json</a>: {t("data.json")}
        </li>
        <li>
          <a href={raw("/data/persons.csv")}>persons.csv</a>: {t("data.csv")}
        </li>
        <li>
          {(["officials", "organisations", "sources", "mass-events"] as const).map((k, i) => (
            <span key={k}>
              {i ? ", " : ""}
              <a href={raw(`/data/${k}.json`)}>{k}.json</a> (<a href={raw(`/data/${k}.csv`)}>csv</a>)
            </span>
          ))}
          : {t("data.others")}
        </li>
        <li>
          {(["cases", "events", "recognitions"] as const).map((k, i) => (
            <span key={k}>
              {i ? ", " : ""}
              <a href={raw(`/data/${k}.json`)}>{k}.json</a> (<a href={raw(`/data/${k}.csv`)}>csv</a>)
            </span>
          ))}
          : {t("data.records")}
        </li>
        <li>
          <a href={raw("/data/datapackage.json")}>datapackage.json</a>: {t("data.package")}
        </li>
        <li>
          <a href={raw("/data/schema.json")}>schema.json</a>: {t("data.schema")}
        </li>
        <li>
          <a href={raw("/feed.xml")}>feed.xml</a>: {t("data.feed")}
        </li>
      </ul>
      <p>{t("data.licence")}</p>
      <p>{t("data.snapshot", { date: date(today) })}</p>
    </Layout>
  );
}

export function NotFoundPage() {
  const { t, href } = usePage();
  return (
    <Layout title={t("notFound.title")}>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <a href={href("/persons")}>{t("misc.back")}</a>
      </p>
    </Layout>
  );
}
