import {
  PersonSchema,
  articleLabel,
  classify,
  formatArticle,
  formatDateValue,
  formatPartialDate,
  primaryName,
  statusAsOf,
  statusHistory,
  unconfirmedAfter,
  toPublicPerson,
  today,
  type Case,
  type Event,
  type Person,
} from "@registry/domain";
import type { Stored } from "../trpc.ts";
import { useSources } from "../components/sources.tsx";
import { articleLang, useI18n, type Lang } from "../i18n/index.tsx";

const MONTHS: Record<Lang, string> = { en: "months", ru: "мес.", kk: "ай" };

/**
 * The public person page as it will look once published: public fields only (as `toPublicPerson` gives them)
 * and the status derived by the domain from the cases and events loaded here.
 */
export function PersonPreview({
  person,
  cases,
  events,
}: {
  person: Person;
  cases: Stored<Case>[];
  events: Stored<Event>[];
}) {
  const { t, e, lang } = useI18n();
  const sources = useSources();
  const parsed = PersonSchema.safeParse(person);
  if (!parsed.success)
    return <p className="notice warning">{t("edit.invalid", { n: parsed.error.issues.length })}</p>;
  const pub = toPublicPerson(parsed.data);
  const mine = cases.filter((c) => c.value.defendants.includes(person.id) && !c.meta.deletedAt);
  const myEvents = events.filter((ev) => ev.value.persons.includes(person.id) && !ev.meta.deletedAt);
  const facts = {
    cases: mine.map((c) => c.value),
    events: myEvents.map((ev) => ev.value),
    reports: parsed.data.statusReports,
  };
  const day = today();
  const status = statusAsOf(person.id, facts, day);
  const history = statusHistory(person.id, facts, day);
  const cls = classify(status.status, pub, facts.events, {
    day,
    unconfirmedAfter: unconfirmedAfter(status),
  });
  const summary = pub.summary ? (pub.summary[lang] ?? pub.summary.en) : undefined;
  const unpublished = mine.filter((c) => c.meta.publicationState !== "published").length;
  const cited = new Map<string, string>();
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.source === "string" && (o.lines || o.locator))
        cited.set(o.source, sources.find((s) => s.id === o.source)?.title ?? o.source);
      Object.values(o).forEach(collect);
    }
  };
  collect(pub);
  collect(facts.cases);

  return (
    <article className="preview" aria-label={t("preview.title")} data-testid="preview">
      <p className="muted">{t("preview.note")}</p>
      {unpublished ? (
        <p className="notice warning">{t("preview.unpublishedCases", { n: unpublished })}</p>
      ) : null}
      <h1>{primaryName(pub)}</h1>
      {pub.names.length > 1 ? (
        <p>
          <strong>{t("preview.otherNames")}:</strong>{" "}
          {pub.names
            .filter((n) => !n.primary)
            .map((n) => n.text)
            .join(" · ")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("preview.status")}</dt>
        <dd data-testid="preview-status">
          <strong>{e(status.status)}</strong>
          {status.since ? ` (${t("preview.since", { d: formatPartialDate(status.since, lang) })})` : ""}
          {status.lastReported
            ? ` · ${t("preview.lastReported", { d: formatPartialDate(status.lastReported.date, lang) })}`
            : ""}
        </dd>
        {cls.politicalPrisoner ? (
          <>
            <dt>{t("preview.politicalPrisoner")}</dt>
            <dd>{t("yes")}</dd>
          </>
        ) : null}
        <dt>{t("preview.lists")}</dt>
        <dd>{cls.lists.map(e).join(", ")}</dd>
        {pub.birthYear ? (
          <>
            <dt>{t("person.birthYear")}</dt>
            <dd>{pub.birthYear}</dd>
          </>
        ) : null}
        {pub.places.length ? (
          <>
            <dt>{t("person.places")}</dt>
            <dd>{pub.places.map((p) => p.name.en).join(", ")}</dd>
          </>
        ) : null}
        {pub.occupations.length ? (
          <>
            <dt>{t("person.occupations")}</dt>
            <dd>{pub.occupations.map((o) => o.label.en).join(", ")}</dd>
          </>
        ) : null}
        {/* Empty where the consent does not allow it (ADR 020): the preview shows what readers will see. */}
        {pub.help.length ? (
          <>
            <dt>{t("help.entries")}</dt>
            <dd>
              {pub.help
                .map((h) => `${h.institution.en} (${formatPartialDate(h.checkedOn, lang)})`)
                .join("; ")}
            </dd>
          </>
        ) : null}
      </dl>
      {summary ? <p className="summary">{summary}</p> : null}
      {history.length ? (
        <>
          <h2>{t("preview.history")}</h2>
          <ol className="status-history">
            {history.map((h, i) => (
              <li key={i}>
                {formatPartialDate(h.from, lang)}: {e(h.status)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {mine.length ? (
        <>
          <h2>{t("preview.cases")}</h2>
          {mine.map(({ value: c, meta }) => (
            <section key={c.id} className="preview-case">
              <h3>
                {c.title.en}{" "}
                {meta.publicationState !== "published" ? (
                  <span className="badge state-draft">{t(`state.${meta.publicationState}`)}</span>
                ) : null}
              </h3>
              <ul>
                {c.charges
                  .filter((ch) => ch.person === person.id)
                  .map((ch, i) => (
                    <li key={`c${i}`}>
                      {formatArticle(ch)} —{" "}
                      {ch.label?.en ?? articleLabel(ch.code, ch.article, articleLang(lang)) ?? ""} (
                      {e(ch.outcome)})
                    </li>
                  ))}
                {c.measures
                  .filter((ms) => ms.person === person.id)
                  .map((ms, i) => (
                    <li key={`m${i}`}>
                      {e(ms.kind)}: {formatDateValue(ms.from, lang)}
                      {ms.to ? ` – ${formatPartialDate(ms.to, lang)}` : ""}
                    </li>
                  ))}
                {c.sentences
                  .filter((s) => s.person === person.id)
                  .map((s, i) => (
                    <li key={`s${i}`}>
                      {e(s.kind)}
                      {s.termMonths ? `, ${s.termMonths} ${MONTHS[lang]}` : ""}
                      {s.fine ? `, ${s.fine.amount} ${s.fine.currency}` : ""} —{" "}
                      {formatDateValue(s.imposed, lang)}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
      {cited.size ? (
        <>
          <h2>{t("preview.sources")}</h2>
          <ul>
            {[...cited].map(([id, title]) => (
              <li key={id}>{title}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
