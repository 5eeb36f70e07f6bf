/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { nameIn, primaryName, type PersonDossier } from "@registry/domain";
import { Cite, FootnoteList, Footnotes, Layout, StatusBadge, L } from "../components.tsx";
import { FollowUpText } from "../follow-up.tsx";
import { CiteRecord } from "../cite.tsx";
import { PersonCases } from "./person-cases.tsx";
import { PersonHelp } from "./person-help.tsx";
import { useDates, usePage, useName, useText } from "../ctx.tsx";

export function PersonPage({
  d,
  changes: _changes,
  version,
  asOf,
}: {
  d: PersonDossier;
  changes: { at: string; fields: string[] }[];
  /** The data version the page was rendered from (cited with it). */
  version: number;
  /** A past day asked for (`?asOf=`): the status is derived as of it. */
  asOf?: string | undefined;
}) {
  const { t, href, today, locale, staticExport } = usePage();
  const { date, value, after } = useDates();
  const nameOf = useName();
  const text = useText();
  const orgName = new Map(d.organisations.map((o) => [o.id, o.name]));
  const notes = new Footnotes();
  const p = d.person;
  const anonymous = p.visibility === "anonymous";
  // On Russian and Kazakh pages the Cyrillic form heads the page, the Latin one follows it.
  const local = anonymous ? { text: t("person.nameWithheld"), lang: locale } : nameIn(p, locale);
  const name = local.text;
  const latin = anonymous ? name : primaryName(p);
  const others = p.names.filter((n) => !n.primary);
  return (
    <Layout title={name} description={`${name}: ${t(`status.${d.status.current}`)}`}>
      <article className="person">
        <h1 lang={local.lang !== locale ? local.lang : undefined}>{name}</h1>
        {name !== latin ? <p className="muted latin-name">{latin}</p> : null}
        {anonymous ? <p className="notice">{t("person.withheld")}</p> : null}
        {asOf ? <p className="notice">{t("cite.asOfNote", { date: date(asOf) })}</p> : null}
        <section aria-labelledby="status" className="status-box">
          <h2 id="status">{t("person.status")}</h2>
          <p>
            <StatusBadge status={d.status.current} gender={d.person.gender} />
            {d.status.since
              ? ` · ${t(d.status.sinceBound ? "person.sinceBefore" : "person.since", { date: after(d.status.since) })}`
              : ""}
            <Cite citations={d.status.citations} notes={notes} />
          </p>
          {d.status.lastReported ? (
            <p className="reported">
              {t("person.lastReported", { date: date(d.status.lastReported.date) })}
              <Cite citations={d.status.lastReported.citations} notes={notes} />
            </p>
          ) : (
            <p>{t("person.noStatus")}</p>
          )}
          {d.status.expectedEnd ? (
            <p className="computed">
              <span className="computed-mark">{t("person.computedMark")}</span>:{" "}
              {t(`person.expected.${d.status.expectedEnd.basis}`, {
                date: value({ date: d.status.expectedEnd.date, end: d.status.expectedEnd.end }),
                term: d.status.expectedEnd.months
                  ? t("person.months", { count: d.status.expectedEnd.months })
                  : t("person.hours", { count: 72 }),
              })}
            </p>
          ) : null}
          {/* Always: a page kept from the day before says which day its status is as of. */}
          <p className="muted">{t("person.asOf", { date: date(d.status.asOf) })}</p>
          <ul className="inline">
            {d.lists.map((l) => (
              <li key={l}>
                <a href={href("/persons", { list: l })}>{t(`lists.${l}`)}</a>
              </li>
            ))}
          </ul>
          {d.status.history.length > 0 ? (
            <>
              <h3>{t("person.history")}</h3>
              <ol className="history">
                {d.status.history.map((h, i) => (
                  <li key={i}>
                    <time dateTime={h.from}>
                      {h.fromBound ? t("persons.by", { date: after(h.from) }) : date(h.from)}
                    </time>
                    : {t(`status.${h.status}`)}
                    <Cite citations={h.citations} notes={notes} />
                    {h.lastReported.date !== h.from ? (
                      <>
                        {" "}
                        · {t("person.lastReported", { date: date(h.lastReported.date) })}
                        <Cite citations={h.lastReported.citations} notes={notes} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>

        {p.pace.length > 0 ? (
          <section aria-labelledby="why">
            <h2 id="why">{d.politicalPrisoner ? t("person.why") : t("person.whyPersecuted")}</h2>
            <p>{t("person.pace")}:</p>
            <ul>
              {p.pace.map((c) => (
                <li key={c.criterion}>
                  <strong>{t(`pace.${c.criterion}`)}</strong>. <L text={c.reasoning} />
                  <Cite citations={c.citations} notes={notes} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <PersonHelp help={p.help} notes={notes} />

        <section aria-labelledby="about">
          <h2 id="about">{t("person.about")}</h2>
          {p.summary ? (
            <p>
              <L text={p.summary} />
            </p>
          ) : null}
          {others.length > 0 ? (
            <>
              <h3>{t("person.names")}</h3>
              <ul className="names">
                {others.map((n, i) => (
                  <li key={i} lang={n.script === "latin" ? "en" : n.script === "cyrillic-ru" ? "ru" : "kk"}>
                    {n.text} <span className="muted">({t(`script.${n.script}`)})</span>
                    <Cite citations={n.citations} notes={notes} />
                    {n.attestation?.kind === "media" && n.attestation.url ? (
                      <>
                        {" "}
                        <a className="muted" href={n.attestation.url} rel="nofollow noopener">
                          {t("person.spellingFrom", {
                            publisher: n.attestation.publisher ?? new URL(n.attestation.url).hostname,
                          })}
                        </a>
                      </>
                    ) : n.attestation?.kind === "transliterated" ? (
                      <span className="muted"> · {t("person.transliterated")}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <dl className="facts">
            {p.ages.map((a, i) => (
              <div key={`a${i}`}>
                <dt>{t("person.age", { age: a.age, date: date(a.asOf) })}</dt>
                <dd>
                  <Cite citations={a.citations} notes={notes} />
                </dd>
              </div>
            ))}
            {p.places.length ? (
              <div>
                <dt>{t("person.places")}</dt>
                <dd>
                  {p.places.map((pl, i) => (
                    <span key={i}>
                      {i ? "; " : ""}
                      <L text={pl.name} />
                      {pl.region ? ` (${t(`region.${pl.region}`)})` : ""}
                      <Cite citations={pl.citations} notes={notes} />
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
            {p.occupations.length ? (
              <div>
                <dt>{t("person.occupation")}</dt>
                <dd>
                  {p.occupations.map((o, i) => (
                    <span key={i}>
                      {i ? "; " : ""}
                      <L text={o.label} />
                      <Cite citations={o.citations} notes={notes} />
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
            {p.affiliations.length ? (
              <div>
                <dt>{t("person.affiliations")}</dt>
                <dd>
                  {p.affiliations.map((a, i) => (
                    <span key={i}>
                      {i ? "; " : ""}
                      {orgName.has(a.organisation) ? (
                        <L text={orgName.get(a.organisation) as { en: string }} />
                      ) : (
                        a.organisation.replace(/^org-/, "").toUpperCase()
                      )}
                      {a.role ? (
                        <>
                          , <L text={a.role} />
                        </>
                      ) : null}{" "}
                      {a.alleged ? t("person.alleged") : ""}
                      <Cite citations={a.citations} notes={notes} />
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
            {p.vulnerabilities.length ? (
              <div>
                <dt>{t("person.vulnerabilities")}</dt>
                <dd>
                  {p.vulnerabilities.map((v, i) => (
                    <span key={i}>
                      {i ? "; " : ""}
                      {v.kind}
                      {v.note ? (
                        <>
                          {" "}
                          (<L text={v.note} />)
                        </>
                      ) : null}
                      <Cite citations={v.citations} notes={notes} />
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>

        <PersonCases d={d} notes={notes} />

        {d.events.length > 0 ? (
          <section aria-labelledby="timeline">
            <h2 id="timeline">{t("person.timeline")}</h2>
            <ol className="timeline">
              {d.events.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.date.date}>{value(e.date)}</time> <strong>{t(`event.${e.type}`)}</strong>
                  {e.place ? ` · ${text(e.place.name)}` : ""}. <L text={e.description} />
                  <Cite citations={e.citations} notes={notes} />
                </li>
              ))}
            </ol>
          </section>
        ) : null}

        {d.officials.length > 0 ? (
          <section aria-labelledby="officials">
            <h2 id="officials">{t("person.officials")}</h2>
            <ul>
              {d.officials.map((o) => (
                <li key={o.id}>
                  <a href={href(`/officials/${o.slug}`)} lang={nameOf(o).lang}>
                    {nameOf(o).text}
                  </a>{" "}
                  ({[t(`role.${o.role}`), ...(o.body ? [text(o.body)] : [])].join(", ")})
                  {o.actions.map((a, k) => (
                    <span key={k}>
                      {k ? " " : ": "}
                      <L text={a} />
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {d.recognitions.length > 0 ? (
          <section aria-labelledby="recognition">
            <h2 id="recognition">{t("person.recognition")}</h2>
            <ul>
              {d.recognitions.map((r) => (
                <li key={r.id}>
                  <L text={r.instrument} />
                  {r.reference ? `, ${r.reference}` : ""} · {value(r.date)}
                  {r.summary ? (
                    <>
                      : <L text={r.summary} />
                    </>
                  ) : null}
                  <Cite citations={r.citations} notes={notes} />
                  <FollowUpText recognition={r} notes={notes} brief lead=" · " />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {d.massEvents.length > 0 ? (
          <section aria-labelledby="mass">
            <h2 id="mass">{t("person.massEvents")}</h2>
            <ul>
              {d.massEvents.map((m) => (
                <li key={m.id}>
                  <a href={href(`/events/${m.slug}`)}>
                    <L text={m.name} />
                  </a>{" "}
                  ({date(m.date)})
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {d.coDefendants.length > 0 ? (
          <section aria-labelledby="co">
            <h2 id="co">{t("person.coDefendants")}</h2>
            <ul className="inline">
              {d.coDefendants.map((c) => (
                <li key={c.id}>
                  <a href={href(`/persons/${c.slug}`)} lang={nameOf(c).lang}>
                    {nameOf(c).text}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {p.notes.length > 0 ? (
          <section aria-labelledby="notes">
            <h2 id="notes">{t("person.notes")}</h2>
            <ul>
              {p.notes.map((n, i) => (
                <li key={i}>
                  <L text={n.text} />
                  <Cite citations={n.citations} notes={notes} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <CiteRecord name={name} slug={p.slug} day={asOf ?? today} version={version} />

        <section aria-labelledby="sources">
          <h2 id="sources">{t("person.sources")}</h2>
          <FootnoteList notes={notes} sources={d.sources} />
        </section>
        <p className="muted">{t("person.lastChanged", { date: date(d.updatedAt.slice(0, 10)) })}</p>
        {/* The readers' form (ADR 021) needs the server: a static mirror has no link to it. */}
        {staticExport ? null : (
          <p>
            <a href={href("/submit", { person: p.slug })}>{t("submit.link")}</a>
          </p>
        )}
      </article>
    </Layout>
  );
}
