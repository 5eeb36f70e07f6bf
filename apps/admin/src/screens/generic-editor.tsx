import { RecordEditor, type EditorState } from "../components/record-editor.tsx";
import { useI18n } from "../i18n/index.tsx";
import { prettyJson } from "../lib/pretty-json.ts";
import type { Kind } from "../trpc.ts";
import {
  EventForm,
  MassEventForm,
  OfficialForm,
  OrganisationForm,
  RecognitionForm,
  SourceForm,
} from "./kind-forms.tsx";

type OtherKind = Exclude<Kind, "persons" | "cases">;

/** Events, officials, organisations, sources, recognitions and mass events: a form each, and the record as JSON to read. */
export function GenericEditor({ kind, id }: { kind: OtherKind; id: string | undefined }) {
  return (
    <RecordEditor kind={kind} id={id}>
      {(s) => (
        <>
          <KindForm state={s} />
          <JsonView value={s.value} />
        </>
      )}
    </RecordEditor>
  );
}

function KindForm({ state }: { state: EditorState<OtherKind> }) {
  switch (state.kind) {
    case "events":
      return <EventForm />;
    case "officials":
      return <OfficialForm />;
    case "organisations":
      return <OrganisationForm />;
    case "sources":
      return "publisher" in state.value ? <SourceForm value={state.value} /> : null;
    case "massEvents":
      return <MassEventForm />;
    case "recognitions":
      return <RecognitionForm />;
  }
}

/** For experts: the record exactly as it will be stored, read only. */
function JsonView({ value }: { value: unknown }) {
  const { t } = useI18n();
  return (
    <details className="json-view">
      <summary>{t("edit.jsonView")}</summary>
      <pre tabIndex={0} aria-label={t("edit.jsonView")}>
        {prettyJson(value)}
      </pre>
    </details>
  );
}
