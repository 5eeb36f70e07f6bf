/** @jsxRuntime automatic */
/** @jsxImportSource react */
import {
  articleLabel,
  formatArticle,
  type LegalCode,
  type Source,
  type Statistics,
  type Timeline,
} from "@registry/domain";
import { BarChart, TimeChart } from "../charts.tsx";
import { Layout } from "../components.tsx";
import { useDates, usePage, type Query } from "../ctx.tsx";

function articleTitle(key: string, locale: "en" | "ru" | "kk"): string {
  const [code = "criminal", article = key] = key.split(":");
  const label = articleLabel(code as LegalCode, article, locale);
  return `${formatArticle({ code: code as LegalCode, article }, locale)}${label ? ` ${label}` : ""}`;
}

export function StatisticsPage({
  stats,
  timeline,
  sources,
}: {
  stats: Statistics;
  timeline: Timeline;
  sources: Source[];
}) {
  const { t, locale, href } = usePage();
  const { date } = useDates();
  /** Each bar links to the list it counts: the filter is the chart's own key. */
  const rows = (
    items: { key: string; count: number }[],
    label: (k: string) => string,
    filter?: (k: string) => Query | undefined,
  ) =>
    items.map((i) => {
      const q = filter?.(i.key);
      return { label: label(i.key), count: i.count, href: q ? href("/persons", q) : undefined };
    });
  return (
    <Layout title={t("statistics.title")}>
      <h1>{t("statistics.title")}</h1>
      <p>{t("statistics.intro", { newest: stats.newestSource ? date(stats.newestSource) : "–" })}</p>
      <p>{t("charts.links")}</p>
      <TimeChart timeline={timeline} sources={sources} />
      <h2>{t("charts.prosecutions")}</h2>
      <BarChart
        id="by-article"
        title={t("statistics.byArticle")}
        rows={rows(
          stats.byArticle,
          (k) => articleTitle(k, locale),
          (article) => ({ article }),
        )}
      />
      <BarChart
        id="by-region"
        title={t("statistics.byRegion")}
        rows={rows(
          stats.byRegion,
          (k) => t(`region.${k}`),
          (region) => ({ region }),
        )}
      />
      <BarChart
        id="by-year"
        title={t("statistics.byYear")}
        rows={rows(
          stats.byYear,
          (k) => k,
          (year) => ({ year }),
        )}
      />
      <h2>{t("persons.title")}</h2>
      <BarChart
        id="by-status"
        title={t("statistics.byStatus")}
        rows={rows(
          stats.byStatus,
          (k) => t(`status.${k}`),
          (status) => (status === "unknown" ? undefined : { status }),
        )}
      />
      <BarChart
        id="by-list"
        title={t("statistics.byList")}
        rows={rows(
          stats.byList,
          (k) => t(`lists.${k}`),
          (list) => ({ list }),
        )}
      />
      <BarChart
        id="by-sentence"
        title={t("statistics.bySentenceKind")}
        rows={rows(
          stats.bySentenceKind,
          (k) => t(`sentence.${k}`),
          (sentence) => ({ sentence }),
        )}
      />
      <BarChart
        id="by-gender"
        title={t("statistics.byGender")}
        rows={rows(
          stats.byGender,
          (k) => t(`gender.${k}`),
          (gender) => ({ gender }),
        )}
      />
    </Layout>
  );
}
