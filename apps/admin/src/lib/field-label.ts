import type { MessageKey } from "../i18n/en.ts";
import type { T } from "../i18n/index.tsx";

const LABELS: Record<string, MessageKey> = {
  id: "edit.id",
  slug: "edit.slug",
  names: "person.names",
  gender: "person.gender",
  birthYear: "person.birthYear",
  ages: "person.ages",
  places: "person.places",
  occupations: "person.occupations",
  roles: "person.roles",
  affiliations: "person.affiliations",
  vulnerabilities: "person.vulnerabilities",
  citizenship: "person.citizenship",
  pace: "person.pace",
  visibility: "person.visibility",
  summary: "edit.summary",
  notes: "edit.notes",
  citations: "edit.citations",
  private: "person.private",
  "private.relatives": "person.relatives",
  "private.contacts": "person.contacts",
  "private.internalNotes": "person.internalNotes",
  "private.consent": "person.consent",
  title: "case.title",
  kind: "case.kind",
  defendants: "case.defendants",
  charges: "case.charges",
  measures: "case.measures",
  sentences: "case.sentences",
  investigatingBody: "case.investigatingBody",
  opened: "case.opened",
  publicationState: "list.state",
  comment: "wf.comment",
};

/** A record field's name in the curator's language (the key itself when we have no label for it). */
export const fieldLabel = (key: string, t: T) => (LABELS[key] ? t(LABELS[key]) : key);
