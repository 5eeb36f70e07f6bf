/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { PublicOfficial } from "@registry/domain";
import { Cite, FootnoteList, Footnotes, Layout } from "../components.tsx";
import { useDates, usePage, useName } from "../ctx.tsx";
import type { Source } from "@registry/domain";

export function OfficialsPage({ officials }: { officials: PublicOfficial[] }) {
  const { t, href } = usePage();
  const sorted = [...officials].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Layout title={t("officials.title")}>
      <h1>{t("officials.title")}</h1>
      <p>{t("officials.intro")}</p>
      <table>
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
          {sorted.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <a href={href(`/officials/${o.slug}`)}>{o.name}</a>
              </th>
              <td>{t(`role.${o.role}`)}</td>
              <td>{o.body ?? ""}</td>
              <td className="num">{o.involvements.length}</td>
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
  const { value } = useDates();
  const notes = new Footnotes();
  const byId = new Map(persons.map((p) => [p.id, p]));
  return (
    <Layout title={o.name}>
      <article>
        <h1>
          {o.name}
          <Cite citations={o.citations} notes={notes} />
        </h1>
        <p>
          {t(`role.${o.role}`)}
          {o.position ? `, ${o.position}` : ""}
          {o.body ? `, ${o.body}` : ""}
        </p>
        {o.nameVariants.length ? <p className="muted">{o.nameVariants.join(" · ")}</p> : null}
        <h2>{t("officials.actions")}</h2>
        <ul>
          {o.involvements.map((i, n) => (
            <li key={n}>
              {i.date ? <time dateTime={i.date.date}>{value(i.date)}: </time> : null}
              {i.description}
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
        <h2>{t("person.sources")}</h2>
        <FootnoteList notes={notes} sources={sources} />
      </article>
    </Layout>
  );
}
