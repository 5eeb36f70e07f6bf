import { PUBLICATION_STATES, missingLanguages, primaryName } from "@registry/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Kind } from "../trpc.ts";
import { ErrorNote, Loading, StateBadge, fmtDateTime } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { download, spreadsheetCsv } from "../lib/csv.ts";
import { infoOf, titleOf } from "../lib/kinds.ts";
import { loadAll } from "../lib/load-all.ts";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import type { ListSearch } from "../lib/list-search.ts";
import { listQuery, type AnyStored } from "../lib/records.ts";

const PAGE = 100;

/** A list of one kind with the publication-state filter, name search (persons), paging and export. */
export function RecordList({ kind }: { kind: Kind }) {
  const { t, lang, e } = useI18n();
  const info = infoOf(kind);
  const search = useSearch({ from: "/$kind" });
  const { state, missing } = search;
  const includeDeleted = search.deleted === true;
  const q = search.q ?? "";
  const [text, setText] = useState(q);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const filter = {
    ...(state ? { state } : {}),
    ...(includeDeleted ? { includeDeleted } : {}),
    ...(missing ? { missing } : {}),
    ...(q ? { q } : {}),
  };
  const list = useInfiniteQuery(listQuery(kind, { ...filter, limit: PAGE }));
  const pages = list.data?.pages.flatMap((p): AnyStored[] => p.items) ?? [];

  const navigate = useNavigate({ from: "/$kind" });
  const setQuery = (patch: ListSearch) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

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
        <Link to="/$kind/$id" params={{ kind: info.route, id: "new" }} className="button">
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
            onChange={(e) => setQuery({ state: PUBLICATION_STATES.find((s) => s === e.target.value) })}
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
            onChange={(e) => setQuery({ missing: (["ru", "kk"] as const).find((l) => l === e.target.value) })}
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
            onChange={(e) => setQuery({ deleted: e.target.checked || undefined })}
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
      {list.error ? <ErrorNote error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      {!list.isPending && !list.error && pages.length === 0 ? (
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
                    <Link to="/$kind/$id" params={{ kind: info.route, id: v.id }}>
                      {titleOf(kind, value, e) || v.id}
                    </Link>
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
      {list.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t("more")}
        </button>
      ) : null}
    </section>
  );
}
