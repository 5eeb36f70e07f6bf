import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { RECORD_OPS, afterWrite, recordQuery } from "../lib/records.ts";
import type { Kind, KindTypes, Stored } from "../trpc.ts";
import { useI18n } from "../i18n/index.tsx";
import { errorInfo } from "../lib/errors.ts";
import { setFlash, takeFlash } from "../lib/flash.ts";
import { infoOf } from "../lib/kinds.ts";
import { issueCount, issuesOf, type Issues } from "../lib/issues.ts";
import { sameValue, setAt, type Path } from "../lib/path.ts";
import { useBlocker, useNavigate } from "@tanstack/react-router";
import { ConflictView } from "./conflict.tsx";
import { FormProvider } from "./form.tsx";
import { HistoryView } from "./history.tsx";
import { ErrorNote, Loading, Notice, StateBadge } from "./ui.tsx";
import { Workflow } from "./workflow.tsx";

export interface EditorState<K extends Kind> {
  kind: K;
  isNew: boolean;
  stored: Stored<KindTypes[K]> | null;
  value: KindTypes[K];
  set: (path: Path, v: unknown) => void;
  replace: (v: KindTypes[K]) => void;
  /** Takes a record the server returned (after a merge, say) as the new saved state. */
  accept: (s: Stored<KindTypes[K]>) => void;
  dirty: boolean;
}

type Tab = "form" | "history" | "preview";

/**
 * Loading, validating (with the domain schema the API uses), saving, conflicts, workflow and history for one
 * record of any kind. `children` draws the form; `preview` an optional public preview.
 */
export function RecordEditor<K extends Kind>({
  kind,
  id,
  initial,
  children,
  preview,
  aside,
}: {
  kind: K;
  id: string | undefined;
  /** For a new record: a starting value (else the kind's blank record). */
  initial?: () => unknown;
  children: (s: EditorState<K>) => ReactNode;
  preview?: (s: EditorState<K>) => ReactNode;
  aside?: (s: EditorState<K>) => ReactNode;
}) {
  const { t, e } = useI18n();
  const navigate = useNavigate();
  const info = infoOf(kind);
  const ops = RECORD_OPS[kind];
  const loaded = useQuery({ ...recordQuery(kind, id ?? ""), enabled: !!id, staleTime: 0 });
  const [stored, setStored] = useState<Stored<KindTypes[K]> | null>(null);
  const [value, setValue] = useState<KindTypes[K] | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Stored<KindTypes[K]> | null>(null);
  const [flash, setFlashMsg] = useState<string | null>(() => takeFlash());
  const [busy, setBusy] = useState(false);
  const blank = useRef<KindTypes[K] | null>(null);
  const [tab, setTab] = useState<Tab>("form");
  // After a refused save, problems are re-checked on every change, so each message goes once it is fixed.
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!live || !value) return;
    const r = info.schema.safeParse(value);
    setIssues(r.success ? {} : issuesOf(r.error));
  }, [live, value, info.schema]);

  useEffect(() => {
    if (loaded.data) {
      setStored(loaded.data);
      setValue(loaded.data.value);
    } else if (!id && !value) {
      blank.current = (initial ?? info.blank)() as KindTypes[K];
      setValue(blank.current);
    }
  }, [loaded.data]);

  const set = useCallback((path: Path, v: unknown) => {
    setValue((cur) => (cur === null ? cur : setAt(cur, path, v)));
    setFlashMsg(null);
  }, []);

  const accept = (s: Stored<KindTypes[K]>) => {
    setStored(s);
    setValue(s.value);
    setConflict(null);
    setIssues({});
  };

  /** Validates with the domain schema, then creates or updates against `version`. */
  const save = async (record: KindTypes[K], version: number | null) => {
    const parsed = info.schema.safeParse(record);
    if (!parsed.success) {
      setIssues(issuesOf(parsed.error));
      setLive(true);
      setError(null);
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(".invalid input, .invalid select, .invalid textarea, .field-errors")
          ?.scrollIntoView({ block: "center" }),
      );
      return;
    }
    setIssues({});
    setError(null);
    setBusy(true);
    try {
      if (version === null) {
        const created = await ops.create(parsed.data);
        await afterWrite(kind);
        setFlash(t("edit.created"));
        void navigate({
          to: "/$kind/$id",
          params: { kind: info.route, id: created.value.id },
          replace: true,
          ignoreBlocker: true,
        });
        return;
      }
      const saved = await ops.update(record.id, version, parsed.data);
      await afterWrite(kind, record.id);
      accept(saved);
      setFlashMsg(saved.proposed ? t("edit.proposed", { n: saved.proposed }) : t("saved"));
    } catch (e) {
      const ei = errorInfo(e);
      if (ei.code === "CONFLICT" && ei.current) {
        setValue(record);
        setConflict(ei.current as Stored<KindTypes[K]>);
      } else {
        const fields: Issues = {};
        for (const [k, v] of Object.entries(ei.fields)) fields[k] = v;
        setIssues(fields);
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const dirty = value !== null && !sameValue(value, stored ? stored.value : blank.current);
  // Closing the tab, reloading or going to another screen with unsaved changes asks first.
  useBlocker({
    shouldBlockFn: () => !window.confirm(t("edit.leave")),
    enableBeforeUnload: dirty,
    disabled: !dirty,
  });

  if (loaded.isPending && id) return <Loading />;
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!value) return <Loading />;

  const state: EditorState<K> = {
    kind,
    isNew: !stored,
    stored,
    value,
    set,
    replace: (v) => setValue(v),
    accept,
    dirty,
  };
  const title =
    info.title(value, e) ||
    t(kind === "persons" ? "edit.newPerson" : kind === "cases" ? "edit.newCase" : "edit.newRecord");
  const n = issueCount(issues);
  const deleted = !!stored?.meta.deletedAt;

  return (
    <div className="editor">
      <div className="editor-head">
        <h1>{title}</h1>
        {stored ? (
          <p className="meta">
            <StateBadge state={stored.meta.publicationState} deleted={deleted} />{" "}
            <span className="muted">{t("edit.version", { v: stored.meta.version })}</span>{" "}
            <code className="muted">{stored.value.id}</code>
          </p>
        ) : null}
      </div>

      {conflict ? (
        <ConflictView
          base={stored?.value}
          mine={value}
          theirs={conflict}
          busy={busy}
          onCancel={() => setConflict(null)}
          onSave={(merged) => {
            setStored(conflict);
            void save(merged as KindTypes[K], conflict.meta.version);
          }}
        />
      ) : null}

      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === "form"} onClick={() => setTab("form")}>
          {t("edit.form")}
        </button>
        {preview ? (
          <button
            type="button"
            role="tab"
            aria-selected={tab === "preview"}
            onClick={() => setTab("preview")}
          >
            {t("edit.preview")}
          </button>
        ) : null}
        {stored ? (
          <button
            type="button"
            role="tab"
            aria-selected={tab === "history"}
            onClick={() => setTab("history")}
          >
            {t("edit.history")}
          </button>
        ) : null}
      </div>

      {flash ? <Notice kind="success">{flash}</Notice> : null}
      {n > 0 ? (
        <div className="notice error" role="alert" data-testid="form-invalid">
          {t("edit.invalid", { n })}
        </div>
      ) : null}
      <ErrorNote error={error} />

      <div className={`editor-body${stored || aside ? "" : " single"}`}>
        <div className="editor-main">
          {tab === "form" ? (
            <FormProvider form={{ value, set, issues, readOnly: deleted }}>
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  void save(value, stored ? stored.meta.version : null);
                }}
              >
                {children(state)}
                <div className="actions sticky">
                  <button type="submit" disabled={busy || deleted || (!!stored && !state.dirty)}>
                    {busy ? t("saving") : t("save")}
                  </button>
                  {state.dirty && stored ? <span className="muted">{t("edit.unsaved")}</span> : null}
                </div>
              </form>
            </FormProvider>
          ) : null}
          {tab === "preview" && preview ? preview(state) : null}
          {tab === "history" && stored ? (
            <HistoryView kind={kind} stored={stored} onRestored={accept} />
          ) : null}
        </div>
        {stored ? (
          <aside className="editor-side">
            <Workflow kind={kind} stored={stored} dirty={state.dirty} onChange={accept} />
            {aside ? aside(state) : null}
          </aside>
        ) : aside ? (
          <aside className="editor-side">{aside(state)}</aside>
        ) : null}
      </div>
    </div>
  );
}
