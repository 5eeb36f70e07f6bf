import { SourceSchema } from "@registry/domain";
import { SelectField, TextField } from "../components/form.tsx";
import { PartialDateField } from "../components/rich-fields.tsx";
import { useI18n } from "../i18n/index.tsx";
import { msgText, type IssueMsg } from "../lib/issues.ts";

/** A pasted report named as a new source: the source form's fields (the domain schema's) and the text. */
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
      <div className="grid">
        <TextField path={["title"]} label={t("case.title")} className="wide" />
        <TextField path={["publisher"]} label={t("f.publisher")} />
        <TextField path={["slug"]} label={t("edit.slug")} />
        <SelectField
          path={["kind"]}
          label={t("case.kind")}
          options={SourceSchema.shape.kind.options}
          allowEmpty={false}
        />
        <SelectField
          path={["language"]}
          label={t("language")}
          options={SourceSchema.shape.language.options}
          labelOf={(l) => t(l === "en" ? "edit.summaryEn" : l === "ru" ? "edit.summaryRu" : "edit.summaryKk")}
          allowEmpty={false}
        />
        <PartialDateField path={["published"]} label={t("f.published")} />
        <TextField path={["url"]} label={t("f.url")} className="wide" />
      </div>
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
