/** @jsxRuntime automatic */
/** @jsxImportSource react */
import {
  FOLLOW_UP_OUTCOMES,
  latestFollowUp,
  RECOGNITION_BODIES,
  type RecognitionEntry,
  type Source,
} from "@registry/domain";
import { FootnoteList, Footnotes, Layout, L, linesText } from "../components.tsx";
import { FollowUpText } from "../follow-up.tsx";
import { useDates, useName, usePage } from "../ctx.tsx";

export interface RecognitionFilters {
  body?: string | undefined;
  year?: string | undefined;
  followed?: string | undefined;
}

/** The outcome filter's values: a follow-up's outcome, or "unknown" for a recognition with none. */
export const FOLLOW_UP_FILTERS = [...FOLLOW_UP_OUTCOMES, "unknown"] as const;

const yearOf = (e: RecognitionEntry) => e.recognition.date.date.slice(0, 4);
const outcomeOf = (e: RecognitionEntry) => latestFollowUp(e.recognition)?.outcome ?? "unknown";

/**
 * Every international decision and recommendation: who, when, about whom, what it says or asks, whether it was
 * followed (the latest cited follow-up, dated, or "unknown" where no source says), with its sources; filtered by
 * body, year and outcome with a plain GET form and links.
 */
export function RecognitionPage({
  entries,
  sources,
  filters,
}: {
  entries: RecognitionEntry[];
  sources: Source[];
  filters: RecognitionFilters;
}) {
  const { t, href, staticExport } = usePage();
  const { value } = useDates();
  const nameOf = useName();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const notes = new Footnotes();
  const shown = entries.filter(
    (e) =>
      (!filters.body || e.recognition.body === filters.body) &&
      (!filters.year || yearOf(e) === filters.year) &&
      (!filters.followed || outcomeOf(e) === filters.followed),
  );
  const years = [...new Set(entries.map(yearOf))].sort().reverse();
  const bodies = RECOGNITION_BODIES.filter((b) => entries.some((e) => e.recognition.body === b));
  return (
    <Layout title={t("recognition.title")} description={t("recognition.intro")}>
      <h1>{t("recognition.title")}</h1>
      <p>{t("recognition.intro")}</p>
      {staticExport ? null : (
        <>
          <form method="get" action={href("/recognition")} className="filters">
            <fieldset>
              <legend>{t("filter.legend")}</legend>
              <div className="field">
                <label htmlFor="r-body">{t("recognition.body")}</label>
                <select id="r-body" name="body" defaultValue={filters.body ?? ""}>
                  <option value="">{t("filter.any")}</option>
                  {bodies.map((b) => (
                    <option key={b} value={b}>
                      {t(`recognition.bodies.${b}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="r-year">{t("recognition.year")}</label>
                <select id="r-year" name="year" defaultValue={filters.year ?? ""}>
                  <option value="">{t("filter.any")}</option>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="r-followed">{t("recognition.outcome")}</label>
                <select id="r-followed" name="followed" defaultValue={filters.followed ?? ""}>
                  <option value="">{t("filter.any")}</option>
                  {FOLLOW_UP_FILTERS.map((o) => (
                    <option key={o} value={o}>
                      {t(`recognition.outcomes.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="actions">
                <button type="submit">{t("filter.apply")}</button>{" "}
                <a href={href("/recognition")}>{t("filter.reset")}</a>
              </div>
            </fieldset>
          </form>
          <p className="facet-links">
            {bodies.map((b, i) => (
              <span key={b}>
                {i ? " · " : ""}
                <a
                  href={href("/recognition", { body: b })}
                  aria-current={filters.body === b && !filters.year ? "page" : undefined}
                >
                  {t(`recognition.bodies.${b}`)}
                </a>{" "}
                ({entries.filter((e) => e.recognition.body === b).length})
              </span>
            ))}
          </p>
          <p className="facet-links">
            {FOLLOW_UP_FILTERS.map((o, i) => (
              <span key={o}>
                {i ? " · " : ""}
                <a
                  href={href("/recognition", { followed: o })}
                  aria-current={filters.followed === o && !filters.body && !filters.year ? "page" : undefined}
                >
                  {t(`recognition.outcomes.${o}`)}
                </a>{" "}
                ({entries.filter((e) => outcomeOf(e) === o).length})
              </span>
            ))}
          </p>
        </>
      )}
      <p aria-live="polite">{t("recognition.count", { count: shown.length })}</p>
      {shown.length === 0 ? <p>{t("recognition.none")}</p> : null}
      {shown.map(({ recognition: r, persons }) => (
        <article key={r.id} id={r.id} className="recognition" aria-labelledby={`h-${r.id}`}>
          <h2 id={`h-${r.id}`}>
            {r.url ? (
              <a href={r.url}>
                <L text={r.instrument} />
              </a>
            ) : (
              <L text={r.instrument} />
            )}
            {r.reference ? `, ${r.reference}` : ""}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t("recognition.body")}</dt>
              <dd>{t(`recognition.bodies.${r.body}`)}</dd>
            </div>
            <div>
              <dt>{t("recognition.when")}</dt>
              <dd>{value(r.date)}</dd>
            </div>
            <div>
              <dt>{t("recognition.about")}</dt>
              <dd>
                {persons.map((p, i) => (
                  <span key={p.id}>
                    {i ? ", " : ""}
                    <a href={href(`/persons/${p.slug}`)} lang={nameOf(p).lang}>
                      {nameOf(p).text}
                    </a>
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>{t("recognition.asks")}</dt>
              <dd>
                {t(`recognition.kinds.${r.kind}`)}
                {r.summary ? (
                  <>
                    : <L text={r.summary} />
                  </>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t("recognition.followed")}</dt>
              <dd className={`followed followed-${outcomeOf({ recognition: r, persons })}`}>
                <FollowUpText recognition={r} notes={notes} />
              </dd>
            </div>
            <div>
              <dt>{t("recognition.sources")}</dt>
              <dd>
                <ul className="plain">
                  {r.citations.map((c, i) => {
                    const s = byId.get(c.source);
                    return (
                      <li key={i}>
                        {s ? (
                          <a href={`${href("/sources")}#${s.slug}`}>
                            {s.publisher}, <cite lang={s.language}>{s.title}</cite> ({s.published})
                          </a>
                        ) : (
                          c.source
                        )}
                        {c.lines ? `, ${linesText(t, c.lines)}` : ""}
                        {!c.lines && c.locator ? `, ${c.locator}` : ""}
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </div>
          </dl>
        </article>
      ))}
      <FootnoteList notes={notes} sources={sources} />
    </Layout>
  );
}
