import { PACE_CRITERIA, PERSON_ROLES, REGIONS, SCRIPTS, STATUSES, VULNERABILITIES } from "@registry/domain";
import type { ReactNode } from "react";
import { ReferenceField } from "../components/pickers.tsx";
import {
  CheckField,
  FieldErrors,
  ListField,
  NumberField,
  SelectField,
  TextField,
  useField,
} from "../components/form.tsx";
import {
  CitationsField,
  LocalizedTextField,
  NotesField,
  PartialDateField,
} from "../components/rich-fields.tsx";
import { useI18n } from "../i18n/index.tsx";
import { HelpField } from "./person-help-form.tsx";
import type { Path } from "../lib/path.ts";

const c = (p: Path) => [...p, "citations"];

/** Exactly one Latin name is primary: a radio group across the names. */
function PrimaryRadio({ path, index }: { path: Path; index: number }) {
  const { t } = useI18n();
  const names = useField(["names"]);
  const list = Array.isArray(names.value) ? (names.value as { primary?: boolean }[]) : [];
  const checked = list[index]?.primary === true;
  return (
    <div className="field check">
      <input
        type="radio"
        id={`primary-${index}`}
        name="primary-name"
        checked={checked}
        onChange={() => names.set(list.map((n, i) => ({ ...n, primary: i === index ? true : undefined })))}
      />
      <label htmlFor={`primary-${index}`}>{t("person.primary")}</label>
      <FieldErrors path={[...path, "primary"]} />
    </div>
  );
}

function CitizenshipField() {
  const { t } = useI18n();
  const f = useField(["citizenship"]);
  const v = Array.isArray(f.value) ? (f.value as string[]).join(", ") : "";
  return (
    <div className={`field${f.errors.length ? " invalid" : ""}`}>
      <label htmlFor={f.id}>{t("person.citizenship")}</label>
      <input
        id={f.id}
        type="text"
        defaultValue={v}
        onBlur={(e) =>
          f.set(
            e.target.value
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((s) => s.toUpperCase()),
          )
        }
      />
      <FieldErrors path={["citizenship"]} />
      {[0, 1, 2, 3, 4].map((i) => (
        <FieldErrors key={i} path={["citizenship", i]} />
      ))}
    </div>
  );
}

/** Every field of the person schema; the private part last, in its own clearly marked box. */
export function PersonForm({ names }: { names: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <ListField
        path={["names"]}
        label={t("person.names")}
        addLabel={t("person.addName")}
        newItem={() => ({ text: "", script: "cyrillic-ru", citations: [] })}
        className="names-list"
        render={(p, i) => (
          <div className="grid name-row">
            <TextField path={[...p, "text"]} label={t("person.name")} className="wide" />
            <SelectField
              path={[...p, "script"]}
              label={t("person.script")}
              options={SCRIPTS}
              allowEmpty={false}
            />
            <PrimaryRadio path={p} index={i} />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      {names}

      <div className="grid">
        <TextField path={["slug"]} label={t("edit.slug")} />
        <SelectField
          path={["gender"]}
          label={t("person.gender")}
          options={["unknown", "female", "male"]}
          allowEmpty={false}
        />
        <NumberField path={["birthYear"]} label={t("person.birthYear")} min={1900} max={2100} />
        <SelectField
          path={["visibility"]}
          label={t("person.visibility")}
          options={["public", "anonymous"]}
          allowEmpty={false}
        />
      </div>

      <LocalizedTextField path={["summary"]} label={t("edit.summary")} />

      <ListField
        path={["places"]}
        label={t("person.places")}
        addLabel={t("add")}
        newItem={() => ({ name: "", kind: "residence", citations: [] })}
        render={(p) => (
          <div className="grid">
            <LocalizedTextField path={[...p, "name"]} label={t("person.placeName")} single />
            <SelectField path={[...p, "region"]} label={t("person.region")} options={REGIONS} />
            <TextField path={[...p, "country"]} label={t("person.country")} />
            <SelectField
              path={[...p, "kind"]}
              label={t("person.placeKind")}
              options={["residence", "origin", "detention", "exile"]}
              allowEmpty={false}
            />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <ListField
        path={["ages"]}
        label={t("person.ages")}
        addLabel={t("add")}
        newItem={() => ({ citations: [] })}
        render={(p) => (
          <div className="grid">
            <NumberField path={[...p, "age"]} label={t("person.age")} min={0} max={120} />
            <PartialDateField path={[...p, "asOf"]} label={t("person.asOf")} />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <ListField
        path={["occupations"]}
        label={t("person.occupations")}
        addLabel={t("add")}
        newItem={() => ({ citations: [] })}
        render={(p) => (
          <>
            <LocalizedTextField path={[...p, "label"]} label={t("person.occupation")} single />
            <CitationsField path={c(p)} />
          </>
        )}
      />
      <ListField
        path={["roles"]}
        label={t("person.roles")}
        addLabel={t("add")}
        newItem={() => ({ kind: "civic-activist", citations: [] })}
        render={(p) => (
          <>
            <SelectField
              path={[...p, "kind"]}
              label={t("person.role")}
              options={PERSON_ROLES}
              allowEmpty={false}
            />
            <CitationsField path={c(p)} />
          </>
        )}
      />
      <ListField
        path={["affiliations"]}
        label={t("person.affiliations")}
        addLabel={t("add")}
        newItem={() => ({ citations: [] })}
        render={(p) => (
          <div className="grid">
            <ReferenceField
              kind="organisations"
              label={t("person.organisation")}
              path={[...p, "organisation"]}
            />
            <LocalizedTextField path={[...p, "role"]} label={t("person.affRole")} single />
            <CheckField path={[...p, "alleged"]} label={t("person.alleged")} />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <ListField
        path={["vulnerabilities"]}
        label={t("person.vulnerabilities")}
        addLabel={t("add")}
        newItem={() => ({ kind: "illness", citations: [] })}
        render={(p) => (
          <div className="grid">
            <SelectField
              path={[...p, "kind"]}
              label={t("person.vulnerability")}
              options={VULNERABILITIES}
              allowEmpty={false}
            />
            <LocalizedTextField path={[...p, "note"]} label={t("person.note")} single />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <CitizenshipField />
      <ListField
        path={["pace"]}
        label={t("person.pace")}
        addLabel={t("add")}
        newItem={() => ({ criterion: "fundamental-freedoms", citations: [] })}
        render={(p) => (
          <>
            <SelectField
              path={[...p, "criterion"]}
              label={t("person.criterion")}
              options={PACE_CRITERIA}
              allowEmpty={false}
            />
            <LocalizedTextField path={[...p, "reasoning"]} label={t("person.reasoning")} rows={3} />
            <CitationsField path={c(p)} />
          </>
        )}
      />
      <ListField
        path={["statusReports"]}
        label={t("person.statusReports")}
        addLabel={t("add")}
        newItem={() => ({ status: "imprisoned", citations: [] })}
        render={(p) => (
          <div className="grid">
            <SelectField
              path={[...p, "status"]}
              label={t("person.reportedStatus")}
              options={STATUSES.filter((s) => s !== "unknown")}
              allowEmpty={false}
            />
            <PartialDateField path={[...p, "asOf"]} label={t("person.reportedAsOf")} />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
      <p className="muted">{t("person.statusReportsHelp")}</p>
      <HelpField />
      <NotesField path={["notes"]} />

      <section className="private" aria-labelledby="private-h" data-testid="private-section">
        <h2 id="private-h">{t("person.private")}</h2>
        <p className="muted">{t("person.privateHelp")}</p>
        <SelectField
          path={["private", "consent"]}
          label={t("person.consent")}
          options={["public-source", "consent-given", "consent-refused", "unknown"]}
          allowEmpty={false}
        />
        <ListField
          path={["private", "relatives"]}
          label={t("person.relatives")}
          addLabel={t("add")}
          newItem={() => ({ citations: [] })}
          render={(p) => (
            <div className="grid">
              <TextField path={[...p, "relation"]} label={t("person.relation")} />
              <TextField path={[...p, "name"]} label={t("person.relName")} />
              <TextField path={[...p, "details"]} label={t("person.details")} multiline className="wide" />
              <CitationsField path={c(p)} />
            </div>
          )}
        />
        <ListField
          path={["private", "contacts"]}
          label={t("person.contacts")}
          addLabel={t("add")}
          newItem={() => ({ kind: "phone" })}
          render={(p) => (
            <div className="grid">
              <SelectField
                path={[...p, "kind"]}
                label={t("person.contactKind")}
                options={["phone", "email", "address", "messenger", "lawyer", "other"]}
                allowEmpty={false}
              />
              <TextField path={[...p, "value"]} label={t("person.contactValue")} />
              <TextField path={[...p, "note"]} label={t("person.note")} />
            </div>
          )}
        />
        <TextField path={["private", "internalNotes"]} label={t("person.internalNotes")} multiline rows={4} />
      </section>
    </>
  );
}
