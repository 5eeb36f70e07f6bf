import {
  EventSchema,
  FOLLOW_UP_OUTCOMES,
  MassEventSchema,
  OfficialSchema,
  OrganisationSchema,
  REGIONS,
  RecognitionSchema,
  SourceSchema,
  type FollowUpOutcome,
  type Source,
} from "@registry/domain";
import { CheckField, ListField, NumberField, SelectField, TextField } from "../components/form.tsx";
import { ReferenceField, ReferenceListField } from "../components/pickers.tsx";
import {
  CitationsField,
  DateValueField,
  LocalizedTextField,
  NotesField,
  PartialDateField,
} from "../components/rich-fields.tsx";
import { useI18n } from "../i18n/index.tsx";
import type { Path } from "../lib/path.ts";

/*
 * The forms of events, officials, organisations, sources, mass events and recognitions. Every enumeration is a
 * select whose options come from the domain schema and whose labels come from the catalogues; references are
 * pickers; the schema's messages appear at their fields (FormProvider in the record editor).
 */

const c = (p: Path): Path => [...p, "citations"];

function Private() {
  const { t } = useI18n();
  return (
    <section className="private" aria-labelledby="priv-h">
      <h2 id="priv-h">{t("person.private")}</h2>
      <p className="muted">{t("person.privateHelp")}</p>
      <TextField path={["private", "internalNotes"]} label={t("person.internalNotes")} multiline />
    </section>
  );
}

function PlaceFields({ path }: { path: Path }) {
  const { t } = useI18n();
  return (
    <div className="grid">
      <LocalizedTextField path={[...path, "name"]} label={t("person.placeName")} single />
      <SelectField path={[...path, "region"]} label={t("person.region")} options={REGIONS} />
      <TextField path={[...path, "country"]} label={t("person.country")} />
    </div>
  );
}

/** Other spellings of a name: one text per item. */
function VariantsField({ path }: { path: Path }) {
  const { t } = useI18n();
  return (
    <ListField
      path={path}
      label={t("f.nameVariants")}
      addLabel={t("f.addVariant")}
      newItem={() => ""}
      render={(p, i) => <TextField path={p} label={`${t("f.variant")} ${i + 1}`} />}
    />
  );
}

/** A select that must have a value: the options are the domain schema's enumeration. */
function RequiredSelect({ path, label, options }: { path: Path; label: string; options: readonly string[] }) {
  return <SelectField path={path} label={label} options={options} allowEmpty={false} />;
}

/** The record's kind (its schema's `kind` enumeration). */
function KindField({ options }: { options: readonly string[] }) {
  const { t } = useI18n();
  return <RequiredSelect path={["kind"]} label={t("case.kind")} options={options} />;
}

function SlugField() {
  const { t } = useI18n();
  return <TextField path={["slug"]} label={t("edit.slug")} />;
}

/** The end of most forms: the record's citations, its notes and (where the kind has them) its private fields. */
function Sourcing({ notes = true, privateFields = false }: { notes?: boolean; privateFields?: boolean }) {
  return (
    <>
      <CitationsField path={["citations"]} />
      {notes ? <NotesField path={["notes"]} /> : null}
      {privateFields ? <Private /> : null}
    </>
  );
}

export function EventForm() {
  const { t } = useI18n();
  return (
    <>
      <div className="grid">
        <RequiredSelect path={["type"]} label={t("f.type")} options={EventSchema.shape.type.options} />
        <DateValueField path={["date"]} label={t("edit.date")} />
      </div>
      <ReferenceListField path={["persons"]} kind="persons" label={t("f.persons")} />
      <div className="grid">
        <ReferenceField path={["case"]} kind="cases" label={t("f.case")} />
        <ReferenceField path={["massEvent"]} kind="massEvents" label={t("f.massEvent")} />
      </div>
      <fieldset className="place">
        <legend>{t("case.place")}</legend>
        <PlaceFields path={["place"]} />
      </fieldset>
      <LocalizedTextField path={["description"]} label={t("f.description")} />
      <Sourcing privateFields />
    </>
  );
}

export function OfficialForm() {
  const { t } = useI18n();
  return (
    <>
      <div className="grid">
        <TextField path={["name"]} label={t("f.name")} className="wide" />
        <SlugField />
        <RequiredSelect
          path={["role"]}
          label={t("person.role")}
          options={OfficialSchema.shape.role.options}
        />
      </div>
      <fieldset className="local-names">
        <legend>{t("f.localNames")}</legend>
        <div className="grid">
          <TextField path={["localNames", "ru"]} label={t("edit.summaryRu")} />
          <TextField path={["localNames", "kk"]} label={t("edit.summaryKk")} />
          <SelectField
            path={["localNames", "attestation", "kind"]}
            label={t("f.attestation")}
            options={["media", "transliterated"]}
          />
          <TextField path={["localNames", "attestation", "url"]} label={t("f.url")} />
        </div>
      </fieldset>
      <VariantsField path={["nameVariants"]} />
      <LocalizedTextField path={["position"]} label={t("f.position")} single />
      <LocalizedTextField path={["body"]} label={t("f.body")} single />
      <ListField
        path={["involvements"]}
        label={t("f.involvements")}
        addLabel={t("f.addInvolvement")}
        newItem={() => ({ action: "tried", persons: [], description: { en: "" }, citations: [] })}
        render={(p) => (
          <>
            <div className="grid">
              <RequiredSelect
                path={[...p, "action"]}
                label={t("f.action")}
                options={OfficialSchema.shape.involvements.unwrap().element.shape.action.options}
              />
              <DateValueField path={[...p, "date"]} label={t("edit.date")} />
            </div>
            <ReferenceListField path={[...p, "persons"]} kind="persons" label={t("f.persons")} />
            <div className="grid">
              <ReferenceField path={[...p, "case"]} kind="cases" label={t("f.case")} />
              <ReferenceField path={[...p, "event"]} kind="events" label={t("f.event")} />
            </div>
            <LocalizedTextField path={[...p, "description"]} label={t("f.description")} rows={3} />
            <TextField path={[...p, "quote"]} label={t("f.quote")} multiline rows={2} />
            <CitationsField path={c(p)} />
          </>
        )}
      />
      <Sourcing privateFields />
    </>
  );
}

export function OrganisationForm() {
  const { t } = useI18n();
  return (
    <>
      <LocalizedTextField path={["name"]} label={t("f.name")} single />
      <div className="grid">
        <SlugField />
        <KindField options={OrganisationSchema.shape.kind.options} />
        <TextField path={["url"]} label={t("f.url")} />
      </div>
      <VariantsField path={["nameVariants"]} />
      <LocalizedTextField path={["description"]} label={t("f.description")} />
      <ListField
        path={["bans"]}
        label={t("f.bans")}
        addLabel={t("f.addBan")}
        newItem={() => ({ date: {}, citations: [] })}
        render={(p) => (
          <>
            <DateValueField path={[...p, "date"]} label={t("edit.date")} />
            <LocalizedTextField path={[...p, "court"]} label={t("case.court")} single />
            <LocalizedTextField path={[...p, "label"]} label={t("f.banLabel")} single />
            <CitationsField path={c(p)} />
          </>
        )}
      />
      <Sourcing />
    </>
  );
}

/**
 * What identifies a source: title, publisher, slug, kind, language, dates, address. The source editor and the
 * assistant's new source (a pasted report) share them.
 */
export function SourceIdentityFields() {
  const { t } = useI18n();
  return (
    <div className="grid">
      <TextField path={["title"]} label={t("case.title")} className="wide" />
      <TextField path={["publisher"]} label={t("f.publisher")} />
      <SlugField />
      <KindField options={SourceSchema.shape.kind.options} />
      <SelectField
        path={["language"]}
        label={t("language")}
        options={SourceSchema.shape.language.options}
        labelOf={(l) => t(l === "en" ? "edit.summaryEn" : l === "ru" ? "edit.summaryRu" : "edit.summaryKk")}
        allowEmpty={false}
      />
      <PartialDateField path={["published"]} label={t("f.published")} />
      <PartialDateField path={["asOf"]} label={t("f.asOf")} />
      <TextField path={["url"]} label={t("f.url")} className="wide" />
    </div>
  );
}

export function SourceForm({ value }: { value: Source }) {
  const { t } = useI18n();
  return (
    <>
      <SourceIdentityFields />
      <p className="muted" data-testid="source-copy">
        {value.copy ? t("f.copy", { file: value.copy.file, n: value.copy.lineCount }) : t("f.noCopy")}
      </p>
      <LocalizedTextField path={["description"]} label={t("f.description")} />
      <NotesField path={["notes"]} />
    </>
  );
}

export function MassEventForm() {
  const { t } = useI18n();
  return (
    <>
      <LocalizedTextField path={["name"]} label={t("f.name")} single />
      <div className="grid">
        <SlugField />
        <KindField options={MassEventSchema.shape.kind.unwrap().options} />
        <DateValueField path={["date"]} label={t("edit.date")} />
      </div>
      <ListField
        path={["places"]}
        label={t("person.places")}
        addLabel={t("add")}
        newItem={() => ({ name: { en: "" } })}
        render={(p) => <PlaceFields path={p} />}
      />
      <ListField
        path={["detaineeCounts"]}
        label={t("f.detaineeCounts")}
        addLabel={t("add")}
        newItem={() => ({ place: { name: { en: "" } }, count: 0, citations: [] })}
        render={(p) => (
          <>
            <PlaceFields path={[...p, "place"]} />
            <div className="grid">
              <NumberField path={[...p, "count"]} label={t("f.count")} min={0} />
              <CheckField path={[...p, "approx"]} label={t("edit.approx")} />
            </div>
            <LocalizedTextField path={[...p, "countedBy"]} label={t("f.countedBy")} single />
            <CitationsField path={c(p)} />
          </>
        )}
      />
      <ReferenceListField path={["detainees"]} kind="persons" label={t("f.detainees")} />
      <ReferenceListField path={["organisers"]} kind="organisations" label={t("f.organisers")} />
      <LocalizedTextField path={["description"]} label={t("f.description")} />
      <Sourcing />
    </>
  );
}

export function RecognitionForm() {
  const { t } = useI18n();
  return (
    <>
      <div className="grid">
        <RequiredSelect
          path={["body"]}
          label={t("f.recBody")}
          options={RecognitionSchema.shape.body.options}
        />
        <KindField options={RecognitionSchema.shape.kind.options} />
        <DateValueField path={["date"]} label={t("edit.date")} />
      </div>
      <LocalizedTextField path={["instrument"]} label={t("f.instrument")} single />
      <div className="grid">
        <TextField path={["reference"]} label={t("f.reference")} />
        <TextField path={["url"]} label={t("f.url")} className="wide" />
      </div>
      <ReferenceListField path={["persons"]} kind="persons" label={t("f.persons")} />
      <LocalizedTextField path={["summary"]} label={t("edit.summary")} />
      <Sourcing notes={false} />
      <ListField
        path={["followUp"]}
        label={t("recognition.followUp")}
        addLabel={t("recognition.addFollowUp")}
        newItem={() => ({ outcome: "not-followed", citations: [] })}
        render={(p) => (
          <div className="grid">
            <SelectField
              path={[...p, "outcome"]}
              label={t("recognition.outcome")}
              options={FOLLOW_UP_OUTCOMES}
              labelOf={(o) => t(`recognition.outcome.${o as FollowUpOutcome}`)}
              allowEmpty={false}
            />
            <DateValueField path={[...p, "asOf"]} label={t("recognition.asOf")} />
            <LocalizedTextField path={[...p, "note"]} label={t("recognition.note")} />
            <CitationsField path={c(p)} />
          </div>
        )}
      />
    </>
  );
}
