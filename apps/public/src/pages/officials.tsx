/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { PublicOfficial } from "@registry/domain";
import { Cite, FootnoteList, Footnotes, Layout, L } from "../components.tsx";
import { useDates, usePage, useName, useText } from "../ctx.tsx";
import type { Source } from "@registry/domain";

export function OfficialsPage({ officials }: { officials: PublicOfficial[] }) {
  const { t, href, locale } = usePage();
  const nameOf = useName();
  const sorted = officials
    .map((o) => ({ o, name: nameOf(o) }))
    .sort((a, b) => a.name.text.localeCompare(b.name.text, locale));
  return (
    <Layout title={t("officials.title")}>
      <h1>{t("officials.title")}</h1>
      <p>{t("officials.intro")}</p>
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">{t("persons.name")}</th>
            <th scope="col">{t("officials.role")}</th>
            <th scope="col">{t("officials.body")}</th>
            <th scope="col" className="num">
              {t("officials.actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map(({ o, name }) => (
            <tr key={o.id}>
              <th scope="row">
                <a href={href(`/officials/${o.slug}`)} lang={name.lang}>
                  {name.text}
                </a>
              </th>
              <td data-label={t("officials.role")}>{t(`role.${o.role}`)}</td>
              <td data-label={t("officials.body")}>{o.body ? <L text={o.body} /> : null}</td>
              <td className="num" data-label={t("officials.actions")}>
                {o.involvements.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function OfficialPage({
  official: o,
  persons,
  sources,
}: {
  official: PublicOfficial;
  persons: { id: string; slug: string; name: string }[];
  sources: Source[];
}) {
  const { t, href } = usePage();
  const nameOf = useName();
  const text = useText();
  const { value } = useDates();
  const notes = new Footnotes();
  const byId = new Map(persons.map((p) => [p.id, p]));
  const name = nameOf(o);
  return (
    <Layout title={name.text}>
      <article>
        <h1 lang={name.lang}>
          {name.text}
          <Cite citations={o.citations} notes={notes} />
        </h1>
        <p>
          {[
            t(`role.${o.role}`),
            ...(o.position ? [text(o.position)] : []),
            ...(o.body ? [text(o.body)] : []),
          ].join(", ")}
        </p>
        {o.nameVariants.length || name.lang ? (
          <p className="muted">{[...(name.lang ? [o.name] : []), ...o.nameVariants].join(" · ")}</p>
        ) : null}
        {o.localNames?.attestation.kind === "transliterated" && name.lang ? (
          <p className="muted">
            <small>{t("person.transliterated")}</small>
          </p>
        ) : null}
        <h2>{t("officials.actions")}</h2>
        <ul>
          {o.involvements.map((i, n) => (
            <li key={n}>
              {i.date ? <time dateTime={i.date.date}>{value(i.date)}: </time> : null}
              <L text={i.description} />
              {i.quote ? (
                <>
                  {" "}
                  <q>{i.quote}</q>
                </>
              ) : null}
              {i.persons.length ? " — " : ""}
              {i.persons
                .map((id) => byId.get(id))
                .filter((p) => p !== undefined)
                .map((p, k) => (
                  <span key={p.id}>
                    {k ? ", " : ""}
                    <a href={href(`/persons/${p.slug}`)} lang={nameOf(p).lang}>
                      {nameOf(p).text}
                    </a>
                  </span>
                ))}
              <Cite citations={i.citations} notes={notes} />
            </li>
          ))}
        </ul>
        {o.notes.length ? (
          <ul>
            {o.notes.map((n, k) => (
              <li key={k}>
                <L text={n.text} />
                <Cite citations={n.citations} notes={notes} />
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
