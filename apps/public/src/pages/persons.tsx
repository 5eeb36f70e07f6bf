/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { PERSON_LISTS, REGIONS, STATUSES, type Organisation, type PersonListItem } from "@registry/domain";
import { Layout, StatusBadge } from "../components.tsx";
import { useDates, usePage, type Query } from "../ctx.tsx";

export interface ListFilters {
  q?: string | undefined;
  status?: string | undefined;
  list?: string | undefined;
  article?: string | undefined;
  region?: string | undefined;
  year?: number | undefined;
  organisation?: string | undefined;
  gender?: string | undefined;
  sort?: string | undefined;
  cursor?: string | undefined;
}

interface Props {
  filters: ListFilters;
  items: PersonListItem[];
  total: number;
  next: string | null;
  articles: string[];
  years: string[];
  organisations: Organisation[];
  /** In a static export, the title of this pre-rendered list and links to the next file. */
  exportTitle?: string;
  exportNext?: string | null;
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
}) {
  const { t } = usePage();
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("filter.any")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PersonsPage(p: Props) {
  const { t, href, staticExport } = usePage();
  const { date } = useDates();
  const f = p.filters;
  const title = p.exportTitle ?? (f.list ? t(`lists.${f.list}`) : t("persons.title"));
  const query: Query = { ...f, cursor: undefined };
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      {staticExport ? null : (
        <form method="get" action={href("/persons")} className="filters" role="search">
          <fieldset>
            <legend>{t("filter.legend")}</legend>
            <div className="field wide">
              <label htmlFor="f-q">{t("filter.q")}</label>
              <input id="f-q" type="search" name="q" defaultValue={f.q ?? ""} maxLength={200} />
            </div>
            <Select
              name="list"
              label={t("filter.list")}
              value={f.list}
              options={PERSON_LISTS.map((l) => [l, t(`lists.${l}`)])}
            />
            <Select
              name="status"
              label={t("filter.status")}
              value={f.status}
              options={STATUSES.map((s) => [s, t(`status.${s}`)])}
            />
            <Select
              name="article"
              label={t("filter.article")}
              value={f.article}
              options={p.articles.map((a) => [
                a,
                `${a.startsWith("administrative:") ? "AC" : a.startsWith("civil:") ? "Civ.C" : "CC"} ${a.split(":")[1] ?? a}`,
              ])}
            />
            <Select
              name="region"
              label={t("filter.region")}
              value={f.region}
              options={REGIONS.map((r) => [r, t(`region.${r}`)])}
            />
            <Select
              name="year"
              label={t("filter.year")}
              value={f.year ? String(f.year) : undefined}
              options={p.years.map((y) => [y, y])}
            />
            <Select
              name="organisation"
              label={t("filter.organisation")}
              value={f.organisation}
              options={p.organisations.map((o) => [o.id, o.name])}
            />
            <Select
              name="gender"
              label={t("filter.gender")}
              value={f.gender}
              options={(["female", "male", "unknown"] as const).map((g) => [g, t(`gender.${g}`)])}
            />
            <Select
              name="sort"
              label={t("filter.sort")}
              value={f.sort}
              options={(["name", "recent", "since"] as const).map((s) => [s, t(`sort.${s}`)])}
            />
            <div className="actions">
              <button type="submit">{t("filter.apply")}</button>{" "}
              <a href={href("/persons")}>{t("filter.reset")}</a>
            </div>
          </fieldset>
        </form>
      )}
      <p aria-live="polite">{t("persons.count", { count: p.total })}</p>
      {p.items.length === 0 ? (
        <p>{t("persons.none")}</p>
      ) : (
        <table className="persons">
          <thead>
            <tr>
              <th scope="col">{t("persons.name")}</th>
              <th scope="col">{t("persons.status")}</th>
              <th scope="col">{t("persons.articles")}</th>
              <th scope="col">{t("persons.region")}</th>
              <th scope="col">{t("persons.since")}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <a href={href(`/persons/${i.slug}`)}>{i.name}</a>
                </th>
                <td>
                  <StatusBadge status={i.status} />
                </td>
                <td>
                  {i.articles
                    .map((a) =>
                      a
                        .replace(/^criminal:/, "CC ")
                        .replace(/^administrative:/, "AC ")
                        .replace(/^civil:/, "Civ.C "),
                    )
                    .join(", ")}
                </td>
                <td>{i.region ? t(`region.${i.region}`) : ""}</td>
                <td>{i.since ? date(i.since) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t("persons.title")} className="pager">
        {staticExport ? (
          p.exportNext ? (
            <a href={p.exportNext}>{t("persons.next")}</a>
          ) : null
        ) : (
          <>
            {f.cursor ? <a href={href("/persons", query)}>{t("persons.first")}</a> : null}
            {p.next ? (
              <a rel="next" href={href("/persons", { ...query, cursor: p.next })}>
                {t("persons.next")}
              </a>
            ) : null}
          </>
        )}
      </nav>
    </Layout>
  );
}
