import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import { infoOf, titleOf } from "../lib/kinds.ts";
import type { Path } from "../lib/path.ts";
import { recordQuery, searchQuery } from "../lib/records.ts";
import { trpc, type Kind } from "../trpc.ts";
import { FieldErrors, useField } from "./form.tsx";

/** Kinds a reference can point to. */
export type RefKind =
  "persons" | "officials" | "organisations" | "events" | "sources" | "cases" | "massEvents";

/** What one record is, in a line: its title and, for persons, the other spellings of the name. */
function describe(kind: Kind, value: unknown, label: (code: string) => string): string {
  const title = titleOf(kind, value, label);
  if (kind === "persons" && value && typeof value === "object" && "names" in value) {
    const names = (value as { names: { text: string }[] }).names
      .map((n) => n.text)
      .filter((n) => n !== title);
    return names.length ? `${title} · ${names.slice(0, 2).join(" · ")}` : title;
  }
  return title;
}

function useDebounced(text: string, ms = 250) {
  const [v, setV] = useState(text);
  useEffect(() => {
    const h = setTimeout(() => setV(text.trim()), ms);
    return () => clearTimeout(h);
  }, [text, ms]);
  return v;
}

/** The title of a referenced record, fetched (and cached) by id; the id itself while it loads or if missing. */
export function RefLabel({ kind, id }: { kind: RefKind; id: string }) {
  const { e } = useI18n();
  const q = useQuery({ ...recordQuery(kind, id), retry: false });
  return <>{q.data ? describe(kind, q.data.value, e) : id}</>;
}

/**
 * Search-as-you-type over one kind (persons by any spelling of the name, other kinds by any text of the record):
 * the results are buttons, so the keyboard reaches them with Tab and picks with Enter.
 */
function Search({
  kind,
  label,
  exclude,
  onPick,
}: {
  kind: RefKind;
  label: string;
  exclude: readonly string[];
  onPick: (id: string) => void;
}) {
  const { t, e } = useI18n();
  const id = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text);
  const found = useQuery({ ...searchQuery(kind, q), enabled: q.length >= 2 });
  const items = (found.data?.items ?? []).filter((r) => !exclude.includes(r.value.id));
  return (
    <div className="picker-search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        placeholder={t("pick.typeToSearch")}
        onChange={(e) => setText(e.target.value)}
      />
      <div aria-live="polite" className="picker-results">
        {q.length >= 2 && found.data && items.length === 0 ? (
          <p className="muted small">{t("pick.nothingFound")}</p>
        ) : null}
        {items.length ? (
          <ul className="plain">
            {items.map((r) => (
              <li key={r.value.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    onPick(r.value.id);
                    setText("");
                  }}
                >
                  {describe(kind, r.value, e)}
                </button>{" "}
                <code className="muted small">{r.value.id}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/** One reference (an id) chosen by searching; shows who or what it is. */
export function ReferenceField({ path, kind, label }: { path: Path; kind: RefKind; label: string }) {
  const { t } = useI18n();
  const f = useField(path);
  const current = typeof f.value === "string" ? f.value : undefined;
  return (
    <fieldset className={`field reference${f.errors.length ? " invalid" : ""}`} id={f.id}>
      <legend>{label}</legend>
      {current ? (
        <p className="chosen" data-testid={`ref-${f.id}`}>
          <RefLabel kind={kind} id={current} />{" "}
          {f.readOnly ? null : (
            <button
              type="button"
              className="link danger"
              aria-label={`${t("remove")}: ${label}`}
              onClick={() => f.set(undefined)}
            >
              ×
            </button>
          )}
        </p>
      ) : null}
      {f.readOnly ? null : (
        <Search
          kind={kind}
          label={current ? t("pick.change", { what: label }) : t("pick.find", { what: label })}
          exclude={current ? [current] : []}
          onPick={(id) => f.set(id)}
        />
      )}
      <FieldErrors path={path} />
    </fieldset>
  );
}

/** A list of references (persons of an event, detainees…): chips with remove, and a search to add. */
export function ReferenceListField({ path, kind, label }: { path: Path; kind: RefKind; label: string }) {
  const { t } = useI18n();
  const f = useField(path);
  const ids = Array.isArray(f.value) ? f.value.filter((x): x is string => typeof x === "string") : [];
  return (
    <fieldset className={`list references${f.errors.length ? " invalid" : ""}`} id={f.id}>
      <legend>{label}</legend>
      <FieldErrors path={path} />
      <ul className="chips" data-testid={`refs-${f.id}`}>
        {ids.map((id) => (
          <li key={id}>
            <RefLabel kind={kind} id={id} />{" "}
            {f.readOnly ? null : (
              <button
                type="button"
                className="link danger"
                aria-label={`${t("remove")}: ${id}`}
                onClick={() => f.set(ids.filter((x) => x !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {f.readOnly ? null : (
        <Search
          kind={kind}
          label={t("pick.add", { what: t(infoOf(kind).nav) })}
          exclude={ids}
          onPick={(id) => f.set([...ids, id])}
        />
      )}
    </fieldset>
  );
}

/**
 * The source's working copy with line numbers: the curator picks the first and the last line of the passage
 * (one click each; a third click starts again). Each line is a button, so it works from the keyboard.
 */
export function SourceLines({
  source,
  lines,
  onChange,
}: {
  source: string;
  lines: readonly [number, number] | undefined;
  onChange: (l: [number, number]) => void;
}) {
  const { t } = useI18n();
  const copy = useQuery(trpc.admin.sources.copy.queryOptions({ id: source }, { staleTime: Infinity }));
  const [anchor, setAnchor] = useState<number | null>(null);
  const [filter, setFilter] = useState("");
  const filterId = useId();
  if (copy.isPending) return <p className="muted">{t("loading")}</p>;
  if (!copy.data) return <p className="muted">{t("pick.noCopy")}</p>;
  const [from, to] = lines ?? [0, 0];
  const needle = filter.trim().toLowerCase();
  const shown = copy.data.lines
    .map((text, i) => ({ n: i + 1, text }))
    .filter((l) => (needle ? l.text.toLowerCase().includes(needle) : true) || (l.n >= from && l.n <= to));
  const pick = (n: number) => {
    if (anchor === null) {
      setAnchor(n);
      onChange([n, n]);
    } else {
      onChange([Math.min(anchor, n), Math.max(anchor, n)]);
      setAnchor(null);
    }
  };
  return (
    <div className="source-lines">
      <div className="field">
        <label htmlFor={filterId}>{t("pick.findInSource")}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <p className="muted small">{t(anchor === null ? "pick.linesHelp" : "pick.linesEnd")}</p>
      <ol className="lines" data-testid="source-lines">
        {shown.slice(0, 400).map((l) => (
          <li key={l.n}>
            <button
              type="button"
              className={`line${l.n >= from && l.n <= to ? " chosen" : ""}`}
              aria-pressed={l.n >= from && l.n <= to}
              data-line={l.n}
              onClick={() => pick(l.n)}
            >
              <span className="n">{l.n}</span> <span className="text">{l.text || " "}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
