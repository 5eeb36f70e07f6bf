import { primaryName, slugify, type Person } from "@registry/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { can, useSession } from "../auth/session.tsx";
import { RecordEditor, type EditorState } from "../components/record-editor.tsx";
import { ErrorNote, Notice, StateBadge } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import { RECORD_OPS, afterWrite } from "../lib/records.ts";
import { client, trpc, type RouterOutputs } from "../trpc.ts";
import { Link } from "@tanstack/react-router";
import { PersonForm } from "./person-form.tsx";
import { PersonPreview } from "./person-preview.tsx";

export function PersonEditor({ id }: { id: string | undefined }) {
  return (
    <RecordEditor
      kind="persons"
      id={id}
      preview={(s) => <PreviewTab person={s.value} />}
      aside={(s) => (s.stored ? <PersonCases id={s.value.id} /> : null)}
    >
      {(s) => (
        <>
          <SlugFromName state={s} />
          <PersonForm names={<Duplicates state={s} />} />
        </>
      )}
    </RecordEditor>
  );
}

/** A new person's slug follows the primary name until the curator edits it. */
function SlugFromName({ state }: { state: EditorState<"persons"> }) {
  const auto = useRef(state.value.slug);
  const name = primaryName(state.value);
  const { isNew, value, set } = state;
  useEffect(() => {
    if (!isNew || value.visibility === "anonymous") return;
    if (value.slug !== auto.current && value.slug !== "") return;
    const next = name.trim() ? slugify(name) : "";
    if (next !== value.slug) {
      auto.current = next;
      set(["slug"], next || undefined);
    }
  }, [isNew, name, value.slug, value.visibility, set]);
  return null;
}

/** Likely duplicates of the names being typed (same name keys or similar), with a merge for saved records. */
function Duplicates({ state }: { state: EditorState<"persons"> }) {
  const { t } = useI18n();
  const { user } = useSession();
  const names = state.value.names.map((n) => n.text?.trim() ?? "").filter((n) => n.length >= 3);
  const key = JSON.stringify(names);
  const [debounced, setDebounced] = useState(key);
  const [mergeError, setMergeError] = useState<unknown>(null);
  const [merged, setMerged] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => setDebounced(key), 400);
    return () => clearTimeout(h);
  }, [key]);
  const selfId = state.value.id;
  const debouncedNames = JSON.parse(debounced) as string[];
  const dups = useQuery({
    ...trpc.admin.persons.duplicates.queryOptions({
      names: debouncedNames,
      ...(state.stored ? { excludeId: selfId } : {}),
    }),
    enabled: debouncedNames.length > 0,
  });

  const merge = async (d: RouterOutputs["admin"]["persons"]["duplicates"][number]) => {
    if (!state.stored || !window.confirm(t("person.mergeConfirm", { name: d.name }))) return;
    setMergeError(null);
    try {
      const other = await RECORD_OPS.persons.get(d.id);
      const r = await client.admin.persons.merge.mutate({
        keepId: selfId,
        keepVersion: state.stored.meta.version,
        mergeId: d.id,
        mergeVersion: other.meta.version,
      });
      state.accept(r);
      setMerged(true);
      await afterWrite("persons", selfId);
      await dups.refetch();
    } catch (err) {
      setMergeError(err);
    }
  };

  if (names.length === 0) return null;
  const list = (dups.data ?? []).filter((d) => d.id !== selfId);
  return (
    <section className="duplicates" aria-live="polite" aria-labelledby="dup-h" data-testid="duplicates">
      <h3 id="dup-h">{t("person.duplicates")}</h3>
      {dups.error ? <ErrorNote error={dups.error} /> : null}
      {merged ? <Notice kind="success">{t("person.merged")}</Notice> : null}
      <ErrorNote error={mergeError} />
      {names.length > 0 && !dups.isFetching && list.length === 0 ? (
        <p className="muted">{t("person.noDuplicates")}</p>
      ) : null}
      {list.length ? (
        <ul>
          {list.map((d) => (
            <li key={d.id}>
              <a href={`${import.meta.env.BASE_URL}persons/${d.id}`} target="_blank" rel="noopener">
                {d.name}
              </a>{" "}
              <StateBadge state={d.publicationState} />{" "}
              <span className="muted">({t(`person.reason.${d.reason}`)})</span>{" "}
              {state.stored && !state.dirty && can(user, "reviewer") ? (
                <button type="button" className="secondary small" onClick={() => void merge(d)}>
                  {t("person.merge")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The cases this person is a defendant in, and a shortcut to add one. */
function PersonCases({ id }: { id: string }) {
  const { t } = useI18n();
  // Only this person's cases, found by the server (never every case).
  const cases = useQuery(trpc.admin.cases.list.queryOptions({ refersTo: id, limit: 100 }));
  const mine = (cases.data?.items ?? []).filter((c) => c.value.defendants.includes(id));
  return (
    <section className="panel" aria-labelledby="pc-h">
      <h2 id="pc-h">{t("person.cases")}</h2>
      {cases.error ? <ErrorNote error={cases.error} /> : null}
      {!cases.isPending && mine.length === 0 ? <p className="muted">{t("person.noCases")}</p> : null}
      <ul className="plain">
        {mine.map((c) => (
          <li key={c.value.id}>
            <Link to="/$kind/$id" params={{ kind: "cases", id: c.value.id }}>
              {c.value.title.en}
            </Link>{" "}
            <StateBadge state={c.meta.publicationState} />
          </li>
        ))}
      </ul>
      <Link
        to="/$kind/$id"
        params={{ kind: "cases", id: "new" }}
        search={{ defendant: id }}
        className="button secondary small"
      >
        + {t("person.addCase")}
      </Link>
    </section>
  );
}

function PreviewTab({ person }: { person: Person }) {
  const cases = useQuery(trpc.admin.cases.list.queryOptions({ refersTo: person.id, limit: 500 }));
  const events = useQuery(trpc.admin.events.list.queryOptions({ refersTo: person.id, limit: 500 }));
  const error = cases.error ?? events.error;
  if (error) return <ErrorNote error={error} onRetry={() => void (cases.refetch(), events.refetch())} />;
  if (!cases.data || !events.data) return <p className="muted">…</p>;
  return <PersonPreview person={person} cases={cases.data.items} events={events.data.items} />;
}
