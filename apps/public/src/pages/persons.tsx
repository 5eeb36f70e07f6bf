/** @jsxRuntime automatic */
/** @jsxImportSource react */
import {
  PERSON_LISTS,
  REGIONS,
  STATUSES,
  formatArticleKey,
  sourceDay,
  type Organisation,
  type PersonListItem,
  type Source,
} from "@registry/domain";
import { Layout, StatusBadge, L } from "../components.tsx";
import { queryString, useDates, usePage, type Query, useName, useText } from "../ctx.tsx";

/** Rows on one page of the persons list. */
export const PAGE_SIZE = 50;

/** The page numbers shown: the first, the last, and two either side of the current one; null is a gap. */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - current) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export interface ListFilters {
  q?: string | undefined;
  status?: string | undefined;
  list?: string | undefined;
  article?: string | undefined;
  region?: string | undefined;
  year?: number | undefined;
  organisation?: string | undefined;
  gender?: string | undefined;
  sentence?: string | undefined;
  recorded?: boolean | undefined;
  /** A numbered page (1 is the first). */
  page?: number | undefined;
  sort?: string | undefined;
  cursor?: string | undefined;
  asOf?: string | undefined;
}

interface Props {
  filters: ListFilters;
  items: PersonListItem[];
  total: number;
  next: string | null;
  articles: string[];
  years: string[];
  organisations: Organisation[];
  sources: Source[];
  /** Why the list could not be shown (a malformed or future as-of day). */
  error?: string;
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
  const { t, href, staticExport, today, locale } = usePage();
  const { date, after } = useDates();
  const nameOf = useName();
  const text = useText();
  const f = p.filters;
  const base = p.exportTitle ?? (f.list ? t(`lists.${f.list}`) : t("persons.title"));
  const title = f.asOf ? t("persons.asOfTitle", { title: base, date: date(f.asOf) }) : base;
  const query: Query = { ...f, cursor: undefined, page: undefined, recorded: f.recorded ? 1 : undefined };
  const reportDays = p.sources
    .flatMap((s) => {
      const day = sourceDay(s);
      return day ? [{ s, day }] : [];
    })
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  // The open-data files can be cut to a list or a status: offer them when that is all the filters ask.
  const downloadable = Object.entries(f).every(
    ([k, v]) => v === undefined || ["list", "status", "asOf"].includes(k),
  );
  const dataQuery = queryString({ asOf: f.asOf, list: f.list, status: f.status });
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      {p.error ? (
        <p className="error" role="alert">
          {p.error}
        </p>
      ) : null}
      {f.asOf && !p.error ? <p>{t("persons.asOfNote", { date: date(f.asOf) })}</p> : null}
      {f.recorded ? <p>{t("charts.recordedNote")}</p> : null}
      {reportDays
        .filter(({ day }) => day === f.asOf)
        .flatMap(({ s }) => s.notes.map((n, i) => ({ s, n, i })))
        .map(({ s, n, i }) => (
          <p key={`${s.id}-${i}`} className="notice">
            <L text={n.text} />{" "}
            <span className="muted">
              ({s.id}
              {n.citations.length
                ? `: ${n.citations.map((c) => (c.lines ? c.lines.join("–") : (c.locator ?? ""))).join(", ")}`
                : ""}
              )
            </span>
          </p>
        ))}
      {staticExport ? null : (
        <p className="snapshots">
          {t("persons.reportDates")}:{" "}
          {reportDays.map(({ s, day }, i) => (
            <span key={s.id}>
              {i > 0 ? " · " : ""}
              <a
                href={href("/persons", { ...query, asOf: day })}
                aria-current={f.asOf === day ? "page" : undefined}
              >
                {date(day)}
              </a>{" "}
              <span className="muted">({s.id})</span>
            </span>
          ))}
          {" · "}
          <a href={href("/persons", { ...query, asOf: undefined })}>{t("persons.asOfToday")}</a>
        </p>
      )}
      {staticExport ? null : (
        <form method="get" action={href("/persons")} className="filters" role="search">
          <fieldset>
            <legend>{t("filter.legend")}</legend>
            {/* Filters a chart links to that the form has no field for are kept when it is sent again. */}
            {f.recorded ? <input type="hidden" name="recorded" value="1" /> : null}
            {f.sentence ? <input type="hidden" name="sentence" value={f.sentence} /> : null}
            <div className="field">
              <label htmlFor="f-asOf">{t("persons.asOfField")}</label>
              <input
                id="f-asOf"
                type="date"
                name="asOf"
                defaultValue={f.asOf ?? ""}
                max={today}
                min="1991-12-16"
              />
            </div>
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
              options={p.articles.map((a) => [a, formatArticleKey(a, locale)])}
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
              options={p.organisations.map((o) => [o.id, text(o.name)])}
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
      {staticExport || p.error ? null : (
        <p className="permalink">
          <a href={href("/persons", { ...query, asOf: f.asOf ?? today })}>{t("persons.permalink")}</a>
          {downloadable ? (
            <>
              {" · "}
              {t("persons.download")} <a href={`/data/persons.json${dataQuery}`}>JSON</a>,{" "}
              <a href={`/data/persons.csv${dataQuery}`}>CSV</a>
            </>
          ) : null}
        </p>
      )}
      {p.items.length === 0 ? (
        <p>{t("persons.none")}</p>
      ) : (
        <table className="persons stack">
          <thead>
            <tr>
              <th scope="col">{t("persons.name")}</th>
              <th scope="col">{t("persons.status")}</th>
              <th scope="col">{t("persons.articles")}</th>
              <th scope="col">{t("persons.region")}</th>
              <th scope="col">{t("persons.since")}</th>
              <th scope="col">{t("persons.lastReported")}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <a href={href(`/persons/${i.slug}`)} lang={nameOf(i).lang}>
                    {nameOf(i).text}
                  </a>
                </th>
                <td data-label={t("persons.status")}>
                  <StatusBadge status={i.status} gender={i.gender} />
                </td>
                <td data-label={t("persons.articles")}>
                  {i.articles.map((a) => formatArticleKey(a, locale)).join(", ")}
                </td>
                <td data-label={t("persons.region")}>{i.region ? t(`region.${i.region}`) : ""}</td>
                <td data-label={t("persons.since")}>
                  {i.since ? (i.sinceBound ? t("persons.by", { date: after(i.since) }) : date(i.since)) : ""}
                </td>
                <td data-label={t("persons.lastReported")}>{i.lastReported ? date(i.lastReported) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        staticExport={staticExport}
        exportNext={p.exportNext}
        filters={f}
        query={query}
        total={p.total}
        next={p.next}
      />
    </Layout>
  );
}

function Pager({
  staticExport,
  exportNext,
  filters: f,
  query,
  total,
  next,
}: {
  staticExport: boolean;
  exportNext?: string | null | undefined;
  filters: ListFilters;
  query: Query;
  total: number;
  next: string | null;
}) {
  const { t, href } = usePage();
  if (staticExport)
    return (
      <nav aria-label={t("pager.label")} className="pager">
        {exportNext ? <a href={exportNext}>{t("persons.next")}</a> : null}
      </nav>
    );
  // An older link's cursor: no page number is known, only the way on and back to the start.
  if (f.cursor)
    return (
      <nav aria-label={t("pager.label")} className="pager">
        <a href={href("/persons", query)}>{t("persons.first")}</a>
        {next ? (
          <a rel="next" href={href("/persons", { ...query, cursor: next })}>
            {t("pager.next")}
          </a>
        ) : null}
      </nav>
    );
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(f.page ?? 1, pages);
  const link = (n: number) => href("/persons", { ...query, page: n > 1 ? n : undefined });
  return (
    <nav aria-label={t("pager.label")} className="pager">
      <p>
        {t("pager.position", { page: current, pages })} · {t("persons.count", { count: total })}
      </p>
      <ul>
        {current > 1 ? (
          <li>
            <a rel="prev" href={link(current - 1)}>
              {t("pager.previous")}
            </a>
          </li>
        ) : null}
        {pages > 1
          ? pageWindow(current, pages).map((n, i) =>
              n === null ? (
                <li key={`gap-${i}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === current ? (
                    <span aria-current="page">{n}</span>
                  ) : (
                    <a href={link(n)} aria-label={t("pager.page", { n })}>
                      {n}
                    </a>
                  )}
                </li>
              ),
            )
          : null}
        {current < pages ? (
          <li>
            <a rel="next" href={link(current + 1)}>
              {t("pager.next")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
