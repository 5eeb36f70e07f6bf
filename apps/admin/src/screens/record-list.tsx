import { PUBLICATION_STATES, missingLanguages, primaryName, type PublicationState } from "@registry/domain";
import { useEffect, useState } from "react";
import { records, type Kind, type Stored } from "../api.ts";
import { ErrorNote, Loading, StateBadge, fmtDateTime } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { download, spreadsheetCsv } from "../lib/csv.ts";
import { infoOf, titleOf } from "../lib/kinds.ts";
import { loadAll } from "../lib/load-all.ts";
import { Link, navigate, useLocation } from "../lib/router.tsx";
import { useAsync } from "../lib/use-async.ts";

const PAGE = 100;

/** A list of one kind with the publication-state filter, name search (persons), paging and export. */
export function RecordList({ kind }: { kind: Kind }) {
  const { t, lang } = useI18n();
  const info = infoOf(kind);
  const { query } = useLocation();
  const state = (PUBLICATION_STATES as readonly string[]).includes(query.get("state") ?? "")
    ? (query.get("state") as PublicationState)
    : undefined;
  const includeDeleted = query.get("deleted") === "1";
  const missing = (["ru", "kk"] as const).find((l) => l === query.get("missing"));
  const q = kind === "persons" ? (query.get("q") ?? "").trim() : "";
  const [text, setText] = useState(q);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const filter = {
    ...(state ? { state } : {}),
    ...(includeDeleted ? { includeDeleted } : {}),
    ...(missing ? { missing } : {}),
    ...(q ? { q } : {}),
  };
  const [pages, setPages] = useState<Stored<unknown>[]>([]);
  const first = useAsync(
    () => records(kind).list.query({ ...filter, limit: PAGE }),
    [kind, state, includeDeleted, missing, q],
  );
  const [next, setNext] = useState<string | null>(null);
  useEffect(() => {
    if (first.data) {
      setPages(first.data.items);
      setNext(first.data.next);
    }
  }, [first.data]);

  const setQuery = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams(query);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    const s = p.toString();
    navigate(`/${info.route}${s ? `?${s}` : ""}`, { replace: true });
  };

  const more = async () => {
    if (!next) return;
    const r = await records(kind).list.query({ ...filter, limit: PAGE, after: next });
    setPages((x) => [...x, ...r.items]);
    setNext(r.next);
  };

  /** Everything that matches the filter, not just the loaded pages; private fields stay out of exports. */
  const exportAs = async (format: "csv" | "json") => {
    setExporting(true);
    setExportError(null);
    try {
      const all = await loadAll(kind, filter);
      const rows = all.map(({ meta, value }) => {
        const { private: _p, ...pub } = value as Record<string, unknown>;
        return { meta, value: pub };
      });
      const stamp = new Date().toISOString().slice(0, 10);
      const name = `${info.route}${state ? `-${state}` : ""}-${stamp}`;
      if (format === "json") download(`${name}.json`, JSON.stringify(rows, null, 2), "application/json");
      else
        download(
          `${name}.csv`,
          spreadsheetCsv(
            [
              "id",
              "title",
              "state",
              "version",
              "updated_at",
              "deleted_at",
              ...(kind === "persons" ? ["names", "gender", "birth_year"] : []),
              "record",
            ],
            rows.map(({ meta, value }) => [
              value.id,
              titleOf(kind, value),
              meta.publicationState,
              meta.version,
              meta.updatedAt,
              meta.deletedAt ?? "",
              ...(kind === "persons"
                ? [
                    (value.names as { text: string }[]).map((n) => n.text).join(" | "),
                    value.gender,
                    value.birthYear ?? "",
                  ]
                : []),
              JSON.stringify(value),
            ]),
          ),
          "text/csv;charset=utf-8",
        );
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="list-screen">
      <div className="list-head">
        <h1>{t(info.nav)}</h1>
        <Link to={`/${info.route}/new`} className="button">
          + {t("list.new")}
        </Link>
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: text.trim() || undefined });
        }}
      >
        {kind === "persons" ? (
          <div className="field">
            <label htmlFor="list-q">{t("list.searchNames")}</label>
            <div className="inline">
              <input id="list-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
              <button type="submit">{t("search")}</button>
            </div>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="list-state">{t("list.state")}</label>
          <select
            id="list-state"
            value={state ?? ""}
            onChange={(e) => setQuery({ state: e.target.value || undefined })}
          >
            <option value="">{t("all")}</option>
            {PUBLICATION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="list-missing">{t("lang.filter")}</label>
          <select
            id="list-missing"
            value={missing ?? ""}
            onChange={(e) => setQuery({ missing: e.target.value || undefined })}
          >
            <option value="">{t("lang.filterAll")}</option>
            <option value="ru">{t("lang.missingRu")}</option>
            <option value="kk">{t("lang.missingKk")}</option>
          </select>
        </div>
        <div className="field check">
          <input
            id="list-deleted"
            type="checkbox"
            checked={includeDeleted}
            onChange={(e) => setQuery({ deleted: e.target.checked ? "1" : undefined })}
          />
          <label htmlFor="list-deleted">{t("list.includeDeleted")}</label>
        </div>
        <div className="buttons export">
          <button
            type="button"
            className="secondary"
            disabled={exporting}
            onClick={() => void exportAs("csv")}
          >
            {exporting ? t("list.exporting") : t("list.exportCsv")}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={exporting}
            onClick={() => void exportAs("json")}
          >
            {t("list.exportJson")}
          </button>
        </div>
      </form>
      <ErrorNote error={exportError} />
      {first.error ? <ErrorNote error={first.error} onRetry={first.reload} /> : null}
      {first.loading ? <Loading /> : null}
      {!first.loading && !first.error && pages.length === 0 ? (
        <p className="muted">{t("list.empty")}</p>
      ) : null}
      {pages.length ? (
        <table className="records">
          <thead>
            <tr>
              <th scope="col">{t("list.title")}</th>
              <th scope="col">{t("list.state")}</th>
              <th scope="col">{t("list.updated")}</th>
              <th scope="col">{t("edit.id")}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map(({ meta, value }) => {
              const v = value as { id: string; names?: { text: string }[] };
              return (
                <tr key={v.id} className={meta.deletedAt ? "deleted" : undefined}>
                  <th scope="row">
                    <Link to={`/${info.route}/${v.id}`}>{titleOf(kind, value) || v.id}</Link>
                    {missingLanguages(value).map((l) => (
                      <span key={l} className="badge missing-lang">
                        {t(l === "ru" ? "lang.missingRu" : "lang.missingKk")}
                      </span>
                    ))}
                    {kind === "persons" && v.names && v.names.length > 1 ? (
                      <div className="muted small">
                        {v.names
                          .filter((n) => n.text !== primaryName(v as { names: { text: string }[] }))
                          .map((n) => n.text)
                          .slice(0, 3)
                          .join(" · ")}
                      </div>
                    ) : null}
                  </th>
                  <td>
                    <StateBadge state={meta.publicationState} deleted={!!meta.deletedAt} />
                  </td>
                  <td>{fmtDateTime(meta.updatedAt, lang)}</td>
                  <td>
                    <code>{v.id}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <p className="muted">{t("list.count", { n: pages.length })}</p>
      {next ? (
        <button type="button" className="secondary" onClick={() => void more()}>
          {t("more")}
        </button>
      ) : null}
    </section>
  );
}
