import { parseCsv, PERSON_CSV_COLUMNS, toCsv, type CsvRow } from "@registry/domain";
import { useState } from "react";
import { client, type RouterOutputs } from "../trpc.ts";

type ImportResult = RouterOutputs["admin"]["import"]["persons"];
type ImportRow = ImportResult["rows"][number];
import { ErrorNote, Notice } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { chunkCsv, download } from "../lib/csv.ts";

const CHUNK = 500;

const counts = ({ created, updated, unchanged, errors }: ImportResult) => ({
  created,
  updated,
  unchanged,
  errors,
});

/**
 * CSV import of persons: a dry run first (every row's outcome and problems), then the import. Large files go
 * in chunks of 500 rows, each with the header, with progress shown.
 */
export function ImportScreen() {
  const { t, m } = useI18n();
  const [csvRows, setCsvRows] = useState<CsvRow[] | null>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!csvRows) return;
    const chunks = chunkCsv(csvRows, CHUNK);
    const total = csvRows.length - 1;
    const acc: ImportResult = {
      rows: [],
      created: 0,
      updated: 0,
      unchanged: 0,
      proposed: 0,
      errors: 0,
      fileErrors: [],
    };
    let sent = 0;
    setBusy(true);
    setError(null);
    if (dryRun) setDone(null);
    setProgress({ done: 0, total });
    try {
      for (const chunk of chunks) {
        const r = await client.admin.import.persons.mutate({ csv: chunk.csv, dryRun });
        // Each chunk numbers its lines from its own header; map them back to lines of the whole file.
        acc.rows.push(...r.rows.map((row) => ({ ...row, line: chunk.lineOf(row.line) })));
        for (const f of r.fileErrors ?? []) if (!acc.fileErrors?.includes(f)) acc.fileErrors?.push(f);
        acc.created += r.created;
        acc.updated += r.updated;
        acc.unchanged += r.unchanged;
        acc.proposed += r.proposed;
        acc.errors += r.errors;
        sent += chunk.rows;
        setProgress({ done: sent, total });
      }
      if (dryRun) setPreview(acc);
      else {
        setDone(acc);
        setPreview(null);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    setPreview(null);
    setDone(null);
    setError(null);
    if (!file) return setCsvRows(null);
    setFileName(file.name);
    setCsvRows(parseCsv(await file.text()));
  };

  const shown = done ?? preview;
  const rows: ImportRow[] = shown
    ? [...shown.rows].sort(
        (a, b) => (a.status === "error" ? 0 : 1) - (b.status === "error" ? 0 : 1) || a.line - b.line,
      )
    : [];
  const valid = preview ? preview.rows.filter((r) => r.status !== "error").length : 0;

  return (
    <section className="import">
      <h1>{t("import.title")}</h1>
      <p>{t("import.help")}</p>
      <p>
        <button
          type="button"
          className="link"
          onClick={() =>
            download(
              "persons-template.csv",
              toCsv([
                [...PERSON_CSV_COLUMNS],
                [
                  "p-example-1",
                  "Aset Abishev",
                  "Асет Абишев | Әсет Әбішев",
                  "male",
                  "1980",
                  "almaty",
                  "Almaty",
                  "engineer",
                  "Short summary in our own words",
                  "hrw-2021",
                  "42-42",
                ],
              ]),
              "text/csv;charset=utf-8",
            )
          }
        >
          {t("import.template")}
        </button>
      </p>
      <div className="field">
        <label htmlFor="import-file">{t("import.file")}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(ev) => void onFile(ev.target.files?.[0])}
        />
      </div>
      {csvRows && csvRows.length < 2 ? <Notice kind="warning">{t("import.noRows")}</Notice> : null}
      <div className="buttons">
        <button
          type="button"
          className="secondary"
          disabled={!csvRows || csvRows.length < 2 || busy}
          onClick={() => void run(true)}
        >
          {t("import.preview")}
        </button>
        <button type="button" disabled={!preview || valid === 0 || busy} onClick={() => void run(false)}>
          {t("import.run", { n: valid })}
        </button>
      </div>
      {progress && (busy || progress.done < progress.total) ? (
        <div className="progress">
          <progress max={progress.total} value={progress.done} aria-label={fileName} />
          <span>{t("import.progress", progress)}</span>
        </div>
      ) : null}
      <ErrorNote error={error} />
      {done ? (
        <Notice kind="success">
          <span data-testid="import-done">{t("import.done", counts(done))}</span>
        </Notice>
      ) : null}
      {shown?.fileErrors?.length ? (
        <div className="notice error" role="alert">
          {shown.fileErrors.map((f) => (
            <p key={f}>{m(f)}</p>
          ))}
        </div>
      ) : null}
      {preview ? (
        <p className="notice info" data-testid="import-summary">
          {t("import.summary", counts(preview))}
        </p>
      ) : null}
      {rows.length ? (
        <table className="import-rows" data-testid="import-rows">
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("edit.id")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("import.status")}</th>
              <th scope="col">{t("import.errors")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.line}-${r.id}`} className={`row-${r.status}`} data-line={r.line}>
                <td>{r.line}</td>
                <td>
                  <code>{r.id}</code>
                </td>
                <td>{r.name}</td>
                <td>
                  <span className={`badge import-${r.status}`}>{t(`import.status.${r.status}`)}</span>
                </td>
                <td>
                  {r.errors.length ? (
                    <ul className="field-errors">
                      {r.errors.map((x, i) => (
                        <li key={i}>{m(x)}</li>
                      ))}
                    </ul>
                  ) : null}
                  {r.changes?.length ? (
                    <p className="muted">{t("import.changes", { fields: r.changes.join(", ") })}</p>
                  ) : null}
                  {r.duplicates?.length ? (
                    <p className="notice warning">
                      {t("import.duplicates", {
                        names: r.duplicates.map((d) => `${d.name} (${d.id})`).join(", "),
                      })}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
