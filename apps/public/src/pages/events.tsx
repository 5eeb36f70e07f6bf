/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { MassEvent, Source } from "@registry/domain";
import { Cite, FootnoteList, Footnotes, Layout, L } from "../components.tsx";
import { useDates, usePage, useName, useText } from "../ctx.tsx";

export function EventsPage({ events }: { events: MassEvent[] }) {
  const { t, href } = usePage();
  const { value } = useDates();
  const sorted = [...events].sort((a, b) => (a.date.date < b.date.date ? 1 : -1));
  return (
    <Layout title={t("events.title")}>
      <h1>{t("events.title")}</h1>
      <p>{t("events.intro")}</p>
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">{t("events.date")}</th>
            <th scope="col">{t("persons.name")}</th>
            <th scope="col" className="num">
              {t("events.detainees")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((e) => (
            <tr key={e.id}>
              <td data-label={t("events.date")}>
                <time dateTime={e.date.date}>{value(e.date)}</time>
              </td>
              <th scope="row">
                <a href={href(`/events/${e.slug}`)}>
                  <L text={e.name} />
                </a>
              </th>
              <td className="num" data-label={t("events.detainees")}>
                {e.detainees.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function EventPage({
  event: e,
  detainees,
  sources,
}: {
  event: MassEvent;
  detainees: { id: string; slug: string; name: string }[];
  sources: Source[];
}) {
  const { t, href } = usePage();
  const nameOf = useName();
  const text = useText();
  const { value } = useDates();
  const notes = new Footnotes();
  return (
    <Layout title={text(e.name)}>
      <article>
        <h1>
          <L text={e.name} />
          <Cite citations={e.citations} notes={notes} />
        </h1>
        <p>
          <time dateTime={e.date.date}>{value(e.date)}</time>
          {e.places.length ? ` · ${e.places.map((p) => text(p.name)).join(", ")}` : ""}
        </p>
        <p>
          <L text={e.description} />
        </p>
        {e.detaineeCounts.length ? (
          <>
            <h2>{t("events.counts")}</h2>
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">{t("events.city")}</th>
                  <th scope="col" className="num">
                    {t("events.count")}
                  </th>
                  <th scope="col">{t("events.countedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {e.detaineeCounts.map((c, i) => (
                  <tr key={i}>
                    <th scope="row">
                      <L text={c.place.name} />
                    </th>
                    <td className="num" data-label={t("events.count")}>
                      {c.approx ? `${t("misc.approx")} ` : ""}
                      {c.count}
                    </td>
                    <td data-label={t("events.countedBy")}>
                      {c.countedBy ? <L text={c.countedBy} /> : null}
                      <Cite citations={c.citations} notes={notes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <h2>{t("events.detainees")}</h2>
        <ul className="columns">
          {detainees.map((p) => (
            <li key={p.id}>
              <a href={href(`/persons/${p.slug}`)} lang={nameOf(p).lang}>
                {nameOf(p).text}
              </a>
            </li>
          ))}
        </ul>
        {e.notes.length ? (
          <ul>
            {e.notes.map((n, i) => (
              <li key={i}>
                <L text={n.text} />
              </li>
            ))}
          </ul>
        ) : null}
        <h2>{t("person.sources")}</h2>
        <FootnoteList notes={notes} sources={sources} />
      </article>
    </Layout>
  );
}
