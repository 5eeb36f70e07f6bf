import { FieldErrors, ListField, useField } from "../components/form.tsx";
import { CitationsField, LocalizedTextField, PartialDateField } from "../components/rich-fields.tsx";
import { useI18n } from "../i18n/index.tsx";
import type { Path } from "../lib/path.ts";

/** Letter languages as language codes separated by commas ("kk, ru"); errors shown at the field. */
function LanguagesField({ path }: { path: Path }) {
  const { t } = useI18n();
  const f = useField([...path, "letterLanguages"]);
  const v = Array.isArray(f.value) ? (f.value as string[]).join(", ") : "";
  return (
    <div className={`field${f.errors.length ? " invalid" : ""}`}>
      <label htmlFor={f.id}>{t("help.languages")}</label>
      <input
        id={f.id}
        type="text"
        defaultValue={v}
        onBlur={(e) => {
          const codes = e.target.value
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((s) => s.toLowerCase());
          f.set(codes.length ? codes : undefined);
        }}
      />
      <FieldErrors path={[...path, "letterLanguages"]} />
      {Array.from({ length: 10 }, (_, i) => (
        <FieldErrors key={i} path={[...path, "letterLanguages", i]} />
      ))}
    </div>
  );
}

/**
 * The person's "How to help" entries (ADR 020): where the person is held and how to write, each cited and dated.
 * Saved with the rest of the person, through the one write pipeline; public only where the consent allows.
 */
export function HelpField() {
  const { t } = useI18n();
  return (
    <>
      <ListField
        path={["help"]}
        label={t("help.entries")}
        addLabel={t("add")}
        newItem={() => ({ citations: [] })}
        render={(p) => (
          <div className="grid">
            <LocalizedTextField path={[...p, "institution"]} label={t("help.institution")} single />
            <LocalizedTextField path={[...p, "address"]} label={t("help.address")} rows={2} />
            <LocalizedTextField path={[...p, "mayBeSent"]} label={t("help.mayBeSent")} rows={2} />
            <LanguagesField path={p} />
            <PartialDateField path={[...p, "checkedOn"]} label={t("help.checkedOn")} />
            <CitationsField path={[...p, "citations"]} />
          </div>
        )}
      />
      <p className="muted">{t("help.intro")}</p>
    </>
  );
}
