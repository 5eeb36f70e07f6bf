/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { Source } from "@registry/domain";
import { Layout, L } from "../components.tsx";
import { useDates, usePage } from "../ctx.tsx";

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
  const { t, href, today, staticExport } = usePage();
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
        {staticExport ? null : (
          <li>
            <a href={href("/api")}>{t("nav.api")}</a>: {t("data.api")}
          </li>
        )}
      </ul>
      <p>{t("data.licence")}</p>
      <p>{t("data.snapshot", { date: date(today) })}</p>
    </Layout>
  );
}

/** A missing page; with `message`, a request that could not be answered (such as a malformed as-of day). */
export function NotFoundPage({ message }: { message?: string } = {}) {
  const { t, href } = usePage();
  return (
    <Layout title={t("notFound.title")}>
      <h1>{t("notFound.title")}</h1>
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : (
        <p>{t("notFound.text")}</p>
      )}
      <p>
        <a href={href("/persons")}>{t("misc.back")}</a>
      </p>
    </Layout>
  );
}
