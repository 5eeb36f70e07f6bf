import { useI18n } from "../i18n/index.tsx";
import { msgText, type IssueMsg } from "../lib/issues.ts";
import { SourceIdentityFields } from "./kind-forms.tsx";

/** A pasted report named as a new source: the source editor's identifying fields (kind-forms.tsx) and the text. */
export function NewSourceFields({
  text,
  onText,
  textErrors,
}: {
  text: string;
  onText: (t: string) => void;
  textErrors: readonly IssueMsg[];
}) {
  const { t, m } = useI18n();
  return (
    <>
      <SourceIdentityFields />
      <div className={`field${textErrors.length ? " invalid" : ""}`}>
        <label htmlFor="as-text">{t("assistant.text")}</label>
        <textarea
          id="as-text"
          rows={10}
          value={text}
          onChange={(ev) => onText(ev.target.value)}
          {...(textErrors.length ? { "aria-invalid": true, "aria-describedby": "as-text-err" } : {})}
        />
        <small className="hint">{t("assistant.textHelp")}</small>
        {textErrors.length ? (
          <ul className="field-errors" id="as-text-err">
            {textErrors.map((x, i) => (
              <li key={i}>{msgText(x, t, m)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
