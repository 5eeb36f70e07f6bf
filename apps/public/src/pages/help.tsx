/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Layout } from "../components.tsx";
import { usePage } from "../ctx.tsx";

/** The items of each list section, in order (keys of `help.<section>`). */
const LISTS = {
  write: ["i1", "i2", "i3", "i4", "i5", "i6"],
  avoid: ["i1", "i2", "i3", "i4", "i5"],
  families: ["i1", "i2", "i3", "i4"],
} as const;
const SECTIONS = ["where", "write", "avoid", "families"] as const;

/**
 * "How to help" (issue 20, ADR 020): general advice on writing to prisoners and supporting families, and where
 * the registry shows where a person is held. General advice only: no institution's rules are stated as fact.
 */
export function HelpPage() {
  const { t, href, staticExport } = usePage();
  return (
    <Layout title={t("help.title")} description={t("help.intro")}>
      <h1>{t("help.title")}</h1>
      <p className="lead">{t("help.intro")}</p>
      <nav aria-labelledby="help-contents" className="toc">
        <h2 id="help-contents">{t("help.contents")}</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`help.${s}.h`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="where">
        <h2 id="where">{t("help.where.h")}</h2>
        <p>{t("help.where.p1")}</p>
        <p>{t("help.where.p2")}</p>
        <p>
          <a href={href("/persons", { list: "political-prisoners" })}>{t("help.where.list")}</a>
        </p>
        {/* The readers' form needs the server (ADR 021): a static mirror does not offer it. */}
        {staticExport ? null : (
          <p>
            {t("help.where.submit")} <a href={href("/submit")}>{t("help.where.submitLink")}</a>
          </p>
        )}
      </section>
      {(["write", "avoid", "families"] as const).map((s) => (
        <section key={s} aria-labelledby={s}>
          <h2 id={s}>{t(`help.${s}.h`)}</h2>
          <ul>
            {LISTS[s].map((i) => (
              <li key={i}>{t(`help.${s}.${i}`)}</li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
