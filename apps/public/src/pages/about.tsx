/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Layout } from "../components.tsx";
import { useDates, usePage } from "../ctx.tsx";

const SECTIONS = ["criteria", "sources", "status", "withheld", "corrections", "licence"] as const;
const PARAGRAPHS: Record<(typeof SECTIONS)[number], readonly string[]> = {
  criteria: ["p1", "p2", "p3"],
  sources: ["p1", "p2"],
  status: ["p1", "p2", "p3"],
  withheld: ["p1", "p2"],
  corrections: ["p1", "p2"],
  licence: ["p1", "p2"],
};

/** The methodology: criteria, sources and citations, status, what is withheld, corrections, licence and citing. */
export function AboutPage({ version }: { version: number }) {
  const { t, href, today, base } = usePage();
  const { date } = useDates();
  const whole = t("about.licence.whole", {
    site: t("site.title"),
    year: today.slice(0, 4),
    version,
    date: date(today),
    url: `${base ?? ""}${href("/")}`,
  });
  return (
    <Layout title={t("about.title")} description={t("about.intro")}>
      <h1>{t("about.title")}</h1>
      <p className="lead">{t("about.intro")}</p>
      <nav aria-labelledby="about-contents" className="toc">
        <h2 id="about-contents">{t("about.contents")}</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`about.${s}.h`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={s}>
          <h2 id={s}>{t(`about.${s}.h`)}</h2>
          {PARAGRAPHS[s].map((p) => (
            <p key={p}>{t(`about.${s}.${p}`)}</p>
          ))}
          {s === "sources" ? (
            <p>
              <a href={href("/sources")}>{t("nav.sources")}</a>
            </p>
          ) : null}
          {s === "criteria" ? (
            <p>
              <a href={href("/persons", { list: "political-prisoners" })}>{t("lists.political-prisoners")}</a>{" "}
              · <a href={href("/persons", { list: "persecuted" })}>{t("lists.persecuted")}</a>
            </p>
          ) : null}
          {s === "corrections" ? (
            <p>
              <a href={href("/feed.xml")}>{t("about.corrections.feed")}</a>
            </p>
          ) : null}
          {s === "licence" ? (
            <>
              <blockquote className="citation">
                <p>{whole}</p>
              </blockquote>
              <p>
                <a href="https://creativecommons.org/licenses/by/4.0/" hrefLang="en">
                  CC BY 4.0
                </a>{" "}
                · <a href={href("/data")}>{t("nav.data")}</a>
              </p>
            </>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
