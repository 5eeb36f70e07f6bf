import { useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import type { Path } from "../lib/path.ts";
import { SourceLines } from "./pickers.tsx";
import { useSources } from "./sources.tsx";
import { FieldErrors, ListField, TextField, fieldId, useField } from "./form.tsx";

interface DateValue {
  date?: string;
  end?: string;
  approx?: boolean;
}

/** A possibly partial date ("2018", "2018-03", "2018-03-14"), a range end and "approximately". */
export function DateValueField({
  path,
  label,
  withEnd = true,
}: {
  path: Path;
  label: string;
  withEnd?: boolean;
}) {
  const { t } = useI18n();
  const { id, value, set, errors, readOnly } = useField(path);
  const v = (value ?? {}) as DateValue;
  const update = (patch: Partial<DateValue>) => {
    const next: DateValue = { ...v, ...patch };
    for (const k of Object.keys(next) as (keyof DateValue)[])
      if (next[k] === undefined || next[k] === "") delete next[k];
    set(next.date === undefined && next.end === undefined && !next.approx ? undefined : next);
  };
  const dateErr = useField([...path, "date"]).errors;
  const endErr = useField([...path, "end"]).errors;
  const invalid = errors.length + dateErr.length + endErr.length > 0;
  return (
    <div className={`field date-value${invalid ? " invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <div className="inline">
        <input
          id={id}
          type="text"
          className="date"
          value={v.date ?? ""}
          readOnly={readOnly}
          placeholder={t("edit.datePlaceholder")}
          onChange={(e) => update({ date: e.target.value.trim() })}
          aria-invalid={dateErr.length + errors.length > 0 || undefined}
        />
        {withEnd ? (
          <>
            <span>{t("edit.dateEnd")}</span>
            <input
              type="text"
              className="date"
              aria-label={`${label}: ${t("edit.dateEnd")}`}
              value={v.end ?? ""}
              readOnly={readOnly}
              placeholder={t("optional")}
              onChange={(e) => update({ end: e.target.value.trim() })}
              aria-invalid={endErr.length > 0 || undefined}
            />
          </>
        ) : null}
        <label className="check-inline">
          <input
            type="checkbox"
            checked={v.approx === true}
            disabled={readOnly}
            onChange={(e) => update({ approx: e.target.checked || undefined })}
          />{" "}
          {t("edit.approx")}
        </label>
      </div>
      <FieldErrors path={path} />
      <FieldErrors path={[...path, "date"]} />
      <FieldErrors path={[...path, "end"]} />
    </div>
  );
}

/** A bare partial date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function PartialDateField({ path, label }: { path: Path; label: string }) {
  const { t } = useI18n();
  return <TextField path={path} label={label} placeholder={t("edit.datePlaceholder")} className="date" />;
}

type Localized = {
  en?: string;
  ru?: string;
  kk?: string;
  provenance?: { ru?: "translated" | "reviewed"; kk?: "translated" | "reviewed" };
};

/**
 * English is required once anything is written; all three empty means no text at all. Writing or changing a
 * Russian or Kazakh text marks it "translated"; a second person who has checked it against the English ticks
 * "checked" (provenance "reviewed"), which any later change of that text undoes.
 */
export function LocalizedTextField({
  path,
  label,
  rows = 4,
  single = false,
}: {
  path: Path;
  label: string;
  rows?: number;
  /** A one-line text (a title, a label, a place): inputs instead of text areas. */
  single?: boolean;
}) {
  const { t } = useI18n();
  const { value, set } = useField(path);
  const v = (value ?? {}) as Localized;
  const f = useField([...path, "en"]);
  const put = (next: Localized) => {
    const provenance = Object.fromEntries(
      Object.entries(next.provenance ?? {}).filter(([l, s]) => s && next[l as "ru" | "kk"] !== undefined),
    );
    const clean: Localized = { ...next };
    if (Object.keys(provenance).length) clean.provenance = provenance;
    else delete clean.provenance;
    const empty = clean.en === undefined && clean.ru === undefined && clean.kk === undefined;
    set(empty ? undefined : clean);
  };
  const missing = v.en === undefined ? [] : (["ru", "kk"] as const).filter((l) => v[l] === undefined);
  return (
    <fieldset className={`localized${single ? " single" : ""}`} id={fieldId(path)}>
      <legend>
        {label}
        {missing.map((l) => (
          <span key={l} className="badge missing-lang">
            {t(l === "ru" ? "lang.missingRu" : "lang.missingKk")}
          </span>
        ))}
      </legend>
      <FieldErrors path={path} />
      <div className="langs">
        {(["en", "ru", "kk"] as const).map((l) => {
          const props = {
            id: fieldId([...path, l]),
            lang: l,
            value: v[l] ?? "",
            onChange: (e: { target: { value: string } }) => {
              const text = e.target.value === "" ? undefined : e.target.value;
              const provenance = { ...v.provenance };
              if (l !== "en") {
                if (text === undefined) delete provenance[l];
                else provenance[l] = "translated";
              }
              put({ ...v, [l]: text, provenance });
            },
          };
          return (
            <div className={`field${l === "en" && f.errors.length ? " invalid" : ""}`} key={l}>
              <label htmlFor={fieldId([...path, l])}>
                {t(l === "en" ? "edit.summaryEn" : l === "ru" ? "edit.summaryRu" : "edit.summaryKk")}
              </label>
              {single ? <input type="text" {...props} /> : <textarea rows={rows} {...props} />}
              {l !== "en" && v[l] !== undefined ? (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={v.provenance?.[l] === "reviewed"}
                    onChange={(e) =>
                      put({
                        ...v,
                        provenance: { ...v.provenance, [l]: e.target.checked ? "reviewed" : "translated" },
                      })
                    }
                  />{" "}
                  {t("edit.translationChecked")}
                </label>
              ) : null}
              <FieldErrors path={[...path, l]} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function CitationRow({ path }: { path: Path }) {
  const { t } = useI18n();
  const sources = useSources();
  const source = useField([...path, "source"]);
  const lines = useField([...path, "lines"]);
  const [from, to] = Array.isArray(lines.value) ? (lines.value as (number | undefined)[]) : [];
  const setLines = (a: number | undefined, b: number | undefined) =>
    lines.set(a === undefined && b === undefined ? undefined : [a, b ?? a]);
  const num = (s: string) => (s === "" ? undefined : Number(s));
  const [showText, setShowText] = useState(false);
  return (
    <div className="citation">
      <div className={`field source${source.errors.length ? " invalid" : ""}`}>
        <label htmlFor={source.id}>{t("edit.source")}</label>
        <select
          id={source.id}
          value={typeof source.value === "string" ? source.value : ""}
          onChange={(e) => source.set(e.target.value || undefined)}
        >
          <option value="">{t("edit.pickSource")}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.publisher} {s.published.slice(0, 4)}: {s.title}
            </option>
          ))}
          {typeof source.value === "string" && !sources.some((s) => s.id === source.value) ? (
            <option value={source.value}>{source.value}</option>
          ) : null}
        </select>
        <FieldErrors path={[...path, "source"]} />
      </div>
      <div className={`field lines${lines.errors.length ? " invalid" : ""}`}>
        <label htmlFor={lines.id}>{t("edit.linesFrom")}</label>
        <div className="inline">
          <input
            id={lines.id}
            type="number"
            min={1}
            value={from ?? ""}
            onChange={(e) => setLines(num(e.target.value), to === from ? num(e.target.value) : to)}
          />
          <span>{t("edit.linesTo")}</span>
          <input
            type="number"
            min={1}
            aria-label={t("edit.linesTo")}
            value={to ?? ""}
            onChange={(e) => setLines(from, num(e.target.value))}
          />
        </div>
        <FieldErrors path={[...path, "lines"]} />
        <FieldErrors path={[...path, "lines", 0]} />
        <FieldErrors path={[...path, "lines", 1]} />
      </div>
      <TextField path={[...path, "locator"]} label={t("edit.locator")} className="locator" />
      {typeof source.value === "string" && source.value ? (
        <div className="wide">
          <button
            type="button"
            className="secondary small"
            aria-expanded={showText}
            onClick={() => setShowText((x) => !x)}
          >
            {t(showText ? "pick.hideText" : "pick.showText")}
          </button>
          {showText ? (
            <SourceLines
              source={source.value}
              lines={from !== undefined ? [from, to ?? from] : undefined}
              onChange={([a, b]) => lines.set([a, b])}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The citations of one fact: a source and where in it. */
export function CitationsField({ path }: { path: Path }) {
  const { t } = useI18n();
  return (
    <ListField
      path={path}
      label={t("edit.citations")}
      addLabel={t("edit.addCitation")}
      className="citations"
      newItem={() => ({})}
      render={(p) => <CitationRow path={p} />}
    />
  );
}

export function NotesField({ path }: { path: Path }) {
  const { t } = useI18n();
  return (
    <ListField
      path={path}
      label={t("edit.notes")}
      addLabel={t("add")}
      newItem={() => ({ kind: "context", citations: [] })}
      render={(p) => (
        <>
          <KindSelect path={[...p, "kind"]} />
          <LocalizedTextField path={[...p, "text"]} label={t("edit.noteText")} rows={3} />
          <CitationsField path={[...p, "citations"]} />
        </>
      )}
    />
  );
}

function KindSelect({ path }: { path: Path }) {
  const { t, e } = useI18n();
  const f = useField(path);
  return (
    <div className="field">
      <label htmlFor={f.id}>{t("edit.noteKind")}</label>
      <select
        id={f.id}
        value={typeof f.value === "string" ? f.value : "context"}
        onChange={(ev) => f.set(ev.target.value)}
      >
        {["identity", "conflict", "correction", "context"].map((k) => (
          <option key={k} value={k}>
            {e(k)}
          </option>
        ))}
      </select>
    </div>
  );
}
