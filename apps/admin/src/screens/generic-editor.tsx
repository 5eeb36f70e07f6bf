import { useEffect, useState } from "react";
import type { Kind } from "../trpc.ts";
import { useForm } from "../components/form.tsx";
import { RecordEditor, type EditorState } from "../components/record-editor.tsx";
import { useI18n } from "../i18n/index.tsx";
import { msgText } from "../lib/issues.ts";
import { prettyJson } from "../lib/pretty-json.ts";

/**
 * Events, officials, organisations, sources, recognitions and mass events: the record as JSON, validated by
 * the same domain schema, with every problem listed by its field path.
 */
export function GenericEditor({ kind, id }: { kind: Kind; id: string | undefined }) {
  return (
    <RecordEditor kind={kind} id={id}>
      {(s) => <JsonForm state={s} />}
    </RecordEditor>
  );
}

function JsonForm<K extends Kind>({ state }: { state: EditorState<K> }) {
  const { t, m } = useI18n();
  const { issues } = useForm();
  const pretty = () => prettyJson(state.value);
  const [text, setText] = useState(pretty);
  const [parseError, setParseError] = useState("");
  const version = state.stored?.meta.version;
  useEffect(() => {
    setText(pretty());
    setParseError("");
    // Reset the text only when a new version arrives from the server.
  }, [version]);
  const paths = Object.entries(issues);
  return (
    <div className="json-editor">
      <label htmlFor="record-json">{t("edit.json")}</label>
      <textarea
        id="record-json"
        spellCheck={false}
        rows={Math.min(40, Math.max(12, text.split("\n").length + 1))}
        value={text}
        aria-invalid={paths.length > 0 || parseError !== "" || undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            state.replace(JSON.parse(e.target.value) as EditorState<K>["value"]);
            setParseError("");
          } catch (err) {
            setParseError(err instanceof Error ? err.message : String(err));
          }
        }}
      />
      {parseError ? <p className="field-errors">{t("edit.jsonInvalid", { m: parseError })}</p> : null}
      {paths.length ? (
        <ul className="field-errors issue-list">
          {paths.map(([p, msgs]) => (
            <li key={p}>
              <code>{p || "(record)"}</code>: {msgs.map((x) => msgText(x, t, m)).join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
