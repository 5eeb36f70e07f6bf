import { ARTICLES, LEGAL_CODES, MEASURE_KINDS, SENTENCE_KINDS, slugify, type Case } from "@registry/domain";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import {
  CheckField,
  FieldErrors,
  ListField,
  NumberField,
  SelectField,
  TextField,
  useField,
} from "../components/form.tsx";
import { RecordEditor, type EditorState } from "../components/record-editor.tsx";
import {
  CitationsField,
  DateValueField,
  LocalizedTextField,
  NotesField,
  PartialDateField,
} from "../components/rich-fields.tsx";
import { ErrorNote } from "../components/ui.tsx";
import { articleLang, useI18n } from "../i18n/index.tsx";
import type { Path } from "../lib/path.ts";
import { personLabel } from "../lib/person-search.ts";
import { useSearch } from "@tanstack/react-router";
import { recordQuery } from "../lib/records.ts";
import { trpc } from "../trpc.ts";
import { infoOf } from "../lib/kinds.ts";

const c = (p: Path) => [...p, "citations"];

export function CaseEditor({ id }: { id: string | undefined }) {
  const { defendant } = useSearch({ from: "/$kind/$id" });
  const initial = () => {
    const blank = infoOf("cases").blank() as Case;
    return defendant ? { ...blank, defendants: [defendant] } : blank;
  };
  return (
    <RecordEditor kind="cases" id={id} initial={initial}>
      {(s) => <CaseForm state={s} />}
    </RecordEditor>
  );
}

/** Names of the defendants, for labels and the per-fact person pickers. */
function useDefendantNames(ids: string[]) {
  const found = useQueries({ queries: ids.map((id) => recordQuery("persons", id)) });
  const names: Record<string, string> = {};
  for (const p of found) if (p.data) names[p.data.value.id] = personLabel(p.data.value);
  return names;
}

function DefendantsField({ names }: { names: Record<string, string> }) {
  const { t } = useI18n();
  const f = useField(["defendants"]);
  const ids = Array.isArray(f.value) ? (f.value as string[]) : [];
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(h);
  }, [q]);
  const found = useQuery({
    ...trpc.admin.persons.list.queryOptions({ q: debounced, limit: 20 }),
    enabled: debounced.length >= 2,
    select: (r) => r.items,
  });
  return (
    <fieldset className={`list defendants${f.errors.length ? " invalid" : ""}`} id={f.id}>
      <legend>{t("case.defendants")}</legend>
      <FieldErrors path={["defendants"]} />
      <ul className="chips">
        {ids.map((id) => (
          <li key={id}>
            {names[id] ?? id}{" "}
            <button
              type="button"
              className="link danger"
              aria-label={`${t("remove")} ${names[id] ?? id}`}
              onClick={() => f.set(ids.filter((x) => x !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="find-person">{t("case.findPerson")}</label>
        <input
          id="find-person"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
        />
      </div>
      {found.error ? <ErrorNote error={found.error} /> : null}
      {found.data?.length ? (
        <ul className="search-results">
          {found.data
            .filter((p) => !ids.includes(p.value.id))
            .map((p) => (
              <li key={p.value.id}>
                <button type="button" className="secondary small" onClick={() => f.set([...ids, p.value.id])}>
                  + {personLabel(p.value)}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function PersonSelect({ path, ids, names }: { path: Path; ids: string[]; names: Record<string, string> }) {
  const { t } = useI18n();
  return <SelectField path={path} label={t("case.person")} options={ids} labelOf={(id) => names[id] ?? id} />;
}

/** The article picker: the articles already used in the registry for the chosen code, or another number. */
function ArticleField({ path }: { path: Path }) {
  const { t, lang } = useI18n();
  const code = useField([...path, "code"]).value as string;
  const f = useField([...path, "article"]);
  const article = typeof f.value === "string" ? f.value : "";
  const options = ARTICLES.filter((a) => a.code === code);
  const known = options.some((a) => a.article === article);
  const [other, setOther] = useState(article !== "" && !known);
  return (
    <div className={`field article${f.errors.length ? " invalid" : ""}`}>
      <label htmlFor={f.id}>{t("case.article")}</label>
      <select
        id={f.id}
        value={other ? "__other" : article}
        onChange={(e) => {
          const v = e.target.value;
          setOther(v === "__other");
          f.set(v === "__other" || v === "" ? undefined : v);
        }}
      >
        <option value="">{t("case.pickArticle")}</option>
        {options.map((a) => (
          <option key={a.article} value={a.article}>
            {a.article} — {a.label[articleLang(lang)]}
          </option>
        ))}
        <option value="__other">…</option>
      </select>
      {other ? (
        <input
          type="text"
          aria-label={t("case.article")}
          value={article}
          onChange={(e) => f.set(e.target.value || undefined)}
          placeholder="405, 272.1"
        />
      ) : null}
      <FieldErrors path={[...path, "article"]} />
    </div>
  );
}

function FineField({ path }: { path: Path }) {
  const { t } = useI18n();
  const f = useField(path);
  const v = (f.value ?? {}) as { amount?: number; currency?: string };
  const update = (patch: { amount?: number | undefined; currency?: string | undefined }) => {
    const next = { ...v, ...patch };
    f.set(next.amount === undefined && !next.currency ? undefined : next);
  };
  return (
    <div className="field fine">
      <label htmlFor={f.id}>{t("case.fine")}</label>
      <div className="inline">
        <input
          id={f.id}
          type="number"
          min={0}
          value={v.amount ?? ""}
          onChange={(e) => update({ amount: e.target.value === "" ? undefined : Number(e.target.value) })}
        />
        <input
          type="text"
          aria-label={t("case.currency")}
          className="currency"
          value={v.currency ?? ""}
          placeholder="KZT"
          onChange={(e) => update({ currency: e.target.value.toUpperCase() || undefined })}
        />
      </div>
      <FieldErrors path={path} />
      <FieldErrors path={[...path, "amount"]} />
      <FieldErrors path={[...path, "currency"]} />
    </div>
  );
}

function CaseForm({ state }: { state: EditorState<"cases"> }) {
  const { t } = useI18n();
  const ids = state.value.defendants;
  const names = useDefendantNames(ids);
  const first = ids[0] ?? "";
  const auto = useRef(state.value.slug);
  const { isNew, value, set } = state;
  useEffect(() => {
    if (!isNew || (value.slug !== auto.current && value.slug !== "")) return;
    const title = value.title?.en?.trim() ?? "";
    const next = title ? `c-${slugify(title)}`.slice(0, 90).replace(/-+$/, "") : "";
    if (next !== value.slug) {
      auto.current = next;
      set(["slug"], next || undefined);
    }
  }, [isNew, value.title, value.slug, set]);

  return (
    <>
      <div className="grid">
        <LocalizedTextField path={["title"]} label={t("case.title")} single />
        <TextField path={["slug"]} label={t("edit.slug")} />
        <SelectField
          path={["kind"]}
          label={t("case.kind")}
          options={["criminal", "administrative", "civil", "extradition"]}
          allowEmpty={false}
        />
        <LocalizedTextField path={["investigatingBody"]} label={t("case.investigatingBody")} single />
        <DateValueField path={["opened"]} label={t("case.opened")} />
      </div>
      <DefendantsField names={names} />
      <ListField
        path={["charges"]}
        label={t("case.charges")}
        addLabel={t("case.addCharge")}
        newItem={() => ({ person: first, code: "criminal", outcome: "pending", citations: [] })}
        render={(p) => (
          <div className="grid">
            <PersonSelect path={[...p, "person"]} ids={ids} names={names} />
            <SelectField
              path={[...p, "code"]}
              label={t("case.code")}
              options={LEGAL_CODES}
              allowEmpty={false}
            />
            <ArticleField path={p} />
            <TextField path={[...p, "part"]} label={t("case.part")} />
            <LocalizedTextField path={[...p, "label"]} label={t("case.label")} single />
            <DateValueField path={[...p, "date"]} label={t("edit.date")} withEnd={false} />
            <SelectField
              path={[...p, "outcome"]}
              label={t("case.outcome")}
              options={["pending", "convicted", "acquitted", "dropped", "requalified", "closed"]}
              allowEmpty={false}
            />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <ListField
        path={["measures"]}
        label={t("case.measures")}
        addLabel={t("case.addMeasure")}
        newItem={() => ({ person: first, kind: "pre-trial-detention", citations: [] })}
        render={(p) => (
          <div className="grid">
            <PersonSelect path={[...p, "person"]} ids={ids} names={names} />
            <SelectField
              path={[...p, "kind"]}
              label={t("case.measureKind")}
              options={MEASURE_KINDS}
              allowEmpty={false}
            />
            <DateValueField path={[...p, "from"]} label={t("case.from")} withEnd={false} />
            <PartialDateField path={[...p, "to"]} label={t("case.to")} />
            <LocalizedTextField path={[...p, "place"]} label={t("case.place")} single />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <ListField
        path={["sentences"]}
        label={t("case.sentences")}
        addLabel={t("case.addSentence")}
        newItem={() => ({ person: first, kind: "imprisonment", stage: "first-instance", citations: [] })}
        render={(p) => (
          <div className="grid">
            <PersonSelect path={[...p, "person"]} ids={ids} names={names} />
            <SelectField
              path={[...p, "kind"]}
              label={t("case.sentenceKind")}
              options={SENTENCE_KINDS}
              allowEmpty={false}
            />
            <DateValueField path={[...p, "imposed"]} label={t("case.imposed")} withEnd={false} />
            <SelectField
              path={[...p, "stage"]}
              label={t("case.stage")}
              options={[
                "first-instance",
                "appeal",
                "cassation",
                "supreme-court",
                "conversion",
                "administrative",
              ]}
              allowEmpty={false}
            />
            <LocalizedTextField path={[...p, "court"]} label={t("case.court")} single />
            <NumberField path={[...p, "termMonths"]} label={t("case.termMonths")} step={0.5} min={0} />
            <NumberField path={[...p, "days"]} label={t("case.days")} min={1} />
            <NumberField path={[...p, "hours"]} label={t("case.hours")} min={1} />
            <FineField path={[...p, "fine"]} />
            <LocalizedTextField path={[...p, "scope"]} label={t("case.scope")} single />
            <PartialDateField path={[...p, "endsOn"]} label={t("case.endsOn")} />
            <CheckField path={[...p, "inAbsentia"]} label={t("case.inAbsentia")} />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <LocalizedTextField path={["summary"]} label={t("edit.summary")} />
      <CitationsField path={["citations"]} />
      <NotesField path={["notes"]} />
      <section className="private" aria-labelledby="case-private-h" data-testid="private-section">
        <h2 id="case-private-h">{t("case.private")}</h2>
        <p className="muted">{t("person.privateHelp")}</p>
        <TextField path={["private", "internalNotes"]} label={t("person.internalNotes")} multiline rows={4} />
      </section>
    </>
  );
}
