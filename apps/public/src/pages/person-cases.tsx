/** @jsxRuntime automatic */
/** @jsxImportSource react */
import {
  addMonthsToPartialDate,
  articleLabel,
  formatArticle,
  textIn,
  type Locale,
  type PersonDossier,
  type Sentence,
} from "@registry/domain";
import { Cite, L, type Footnotes } from "../components.tsx";
import { useDates, usePage, useText } from "../ctx.tsx";

function term(s: Sentence, t: ReturnType<typeof usePage>["t"], locale: Locale): string {
  const parts: string[] = [];
  if (s.termMonths) parts.push(t("person.months", { count: s.termMonths }));
  if (s.days) parts.push(t("person.days", { count: s.days }));
  if (s.hours) parts.push(t("person.hours", { count: s.hours }));
  if (s.fine) parts.push(`${s.fine.amount.toLocaleString(locale)} ${s.fine.currency}`);
  if (s.scope) parts.push(textIn(s.scope, locale).text);
  return parts.join(", ");
}

/** A person's cases: for each, the charges, measures and sentences that concern this person, each cited. */
export function PersonCases({ d, notes }: { d: PersonDossier; notes: Footnotes }) {
  const { t, locale } = usePage();
  const { date, value } = useDates();
  const text = useText();
  const p = d.person;
  if (d.cases.length === 0) return null;
  return (
    <section aria-labelledby="cases">
      <h2 id="cases">{t("person.cases")}</h2>
      {d.cases.map((c) => {
        const charges = c.charges.filter((x) => x.person === p.id);
        const measures = c.measures.filter((x) => x.person === p.id);
        const sentences = c.sentences.filter((x) => x.person === p.id);
        return (
          <section key={c.id} className="case" aria-label={text(c.title)}>
            <h3>
              <L text={c.title} />
              <Cite citations={c.citations} notes={notes} />
            </h3>
            {c.summary ? (
              <p>
                <L text={c.summary} />
              </p>
            ) : null}
            {charges.length ? (
              <>
                <h4>{t("person.charges")}</h4>
                <ul>
                  {charges.map((ch, i) => (
                    <li key={i}>
                      <strong>{formatArticle(ch, locale)}</strong>
                      {articleLabel(ch.code, ch.article, locale)
                        ? ` — ${articleLabel(ch.code, ch.article, locale) ?? ""}`
                        : ""}
                      {ch.label ? (
                        <span className="muted" lang="en">
                          {" "}
                          (“
                          <L text={ch.label} />
                          ”)
                        </span>
                      ) : null}
                      {ch.date ? ` · ${value(ch.date)}` : ""}
                      <Cite citations={ch.citations} notes={notes} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {measures.length ? (
              <>
                <h4>{t("person.measures")}</h4>
                <ul>
                  {measures.map((m, i) => (
                    <li key={i}>
                      {t(`measure.${m.kind}`)}: {value(m.from)}
                      {m.to ? ` – ${date(m.to)}` : ""}
                      {m.place ? (
                        <>
                          {" "}
                          (<L text={m.place} />)
                        </>
                      ) : null}
                      <Cite citations={m.citations} notes={notes} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {sentences.length ? (
              <>
                <h4>{t("person.sentences")}</h4>
                <ul>
                  {sentences.map((s, i) => {
                    // A stated end is the source's; a term's end is computed and says so.
                    const computedEnd =
                      !s.endsOn && s.termMonths && s.kind !== "life-imprisonment"
                        ? addMonthsToPartialDate(s.imposed.date, s.termMonths)
                        : undefined;
                    return (
                      <li key={i}>
                        {t(`sentence.${s.kind}`)}
                        {term(s, t, locale) ? `, ${term(s, t, locale)}` : ""} · {value(s.imposed)}
                        {s.inAbsentia ? ` (${t("person.inAbsentia")})` : ""}
                        {s.endsOn ? ` · ${t("person.ends", { date: date(s.endsOn) })}` : ""}
                        {computedEnd ? ` · ${t("person.termEnds", { date: value(computedEnd) })}` : ""}
                        {s.court ? (
                          <>
                            {" "}
                            · <L text={s.court} />
                          </>
                        ) : null}
                        <Cite citations={s.citations} notes={notes} />
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
