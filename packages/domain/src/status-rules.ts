import type { MeasureKind, SentenceKind } from "./case.ts";
import type { EventType } from "./event.ts";
import type { Status } from "./status-report.ts";

// The tables of the status rules (ADR 010; the rules themselves are written out in status.ts): what each measure,
// sentence and event does to a status, which state is gravest, and the order of facts of the same day.

/** Deprivation of liberty, as ODF's list counts it: prison, pre-trial detention, psychiatric hospital. */
export const DETENTION_STATUSES: readonly Status[] = [
  "imprisoned",
  "pre-trial-detention",
  "psychiatric-detention",
];

// When several states are open at once, the gravest is the person's status.
export const PRECEDENCE: readonly Status[] = [
  "imprisoned",
  "psychiatric-detention",
  "pre-trial-detention",
  "house-arrest",
  "restriction-of-liberty",
  "in-exile",
  "suspended-sentence",
  "under-investigation",
  "fined-or-warned",
];
export const gravity = (s: Status) => {
  const i = PRECEDENCE.indexOf(s);
  return i < 0 ? PRECEDENCE.length : i;
};

export const MEASURE_STATUS: Partial<Record<MeasureKind, Status>> = {
  "pre-trial-detention": "pre-trial-detention",
  "temporary-detention": "pre-trial-detention",
  "house-arrest": "house-arrest",
  "psychiatric-detention": "psychiatric-detention",
  "travel-ban": "under-investigation",
  "city-ban": "under-investigation",
  bail: "under-investigation",
};

/**
 * The legal maximum of custody during an investigation (Criminal Procedure Code of Kazakhstan, art. 151: 18
 * months; temporary detention 72 hours). It gives a computed date by which the measure should have ended,
 * shown as such; it never changes a status.
 */
export const CUSTODY_LIMIT: Partial<Record<MeasureKind, { months?: number; days?: number }>> = {
  "pre-trial-detention": { months: 18 },
  "house-arrest": { months: 18 },
  "temporary-detention": { days: 3 },
};

export const SENTENCE_STATUS: Partial<Record<SentenceKind, Status>> = {
  imprisonment: "imprisoned",
  "life-imprisonment": "imprisoned",
  "restriction-of-liberty": "restriction-of-liberty",
  suspended: "suspended-sentence",
  probation: "suspended-sentence",
  postponed: "suspended-sentence",
  "criminal-fine": "fined-or-warned",
  "compulsory-labour": "fined-or-warned",
  "administrative-arrest": "fined-or-warned",
  "administrative-fine": "fined-or-warned",
  "administrative-warning": "fined-or-warned",
};

/** Sentences of these kinds end the investigation and any earlier sentence in the case, but set no state. */
export const FINAL_SENTENCES: ReadonlySet<SentenceKind> = new Set([
  "psychiatric-treatment",
  "deportation",
  "other",
]);

export type EventEffect =
  | { open: Status; key: "investigation" | "exile" | "admin" }
  | { close: "all" | "case" | "exile" }
  | { deceased: true }
  | { confirms: Status };

/** Events not listed here (a search, a threat, a trial starting…) say nothing about the status. */
export const EVENT_EFFECT: Partial<Record<EventType, EventEffect>> = {
  "case-opened": { open: "under-investigation", key: "investigation" },
  "suspect-notified": { open: "under-investigation", key: "investigation" },
  charged: { open: "under-investigation", key: "investigation" },
  "administrative-arrest": { open: "fined-or-warned", key: "admin" },
  fined: { open: "fined-or-warned", key: "admin" },
  warned: { open: "fined-or-warned", key: "admin" },
  fled: { open: "in-exile", key: "exile" },
  "asylum-granted": { open: "in-exile", key: "exile" },
  extradited: { close: "exile" },
  // Came back to Kazakhstan of their own accord: the exile is over.
  returned: { close: "exile" },
  released: { close: "all" },
  paroled: { close: "all" },
  pardoned: { close: "all" },
  amnesty: { close: "all" },
  acquitted: { close: "case" },
  "charges-dropped": { close: "case" },
  "case-closed": { close: "case" },
  died: { deceased: true },
  killed: { deceased: true },
  // A refused parole is a report that the person is still serving the term.
  "parole-denied": { confirms: "imprisoned" },
};

/** Same-day order: a case is opened before a measure, a verdict before the release, a report sums up the day. */
export const RANK = {
  investigation: 0,
  measure: 1,
  sentence: 2,
  admin: 2,
  exile: 3,
  confirm: 4,
  close: 5,
  report: 6,
  deceased: 7,
} as const;

/** The key of the state a status report opens (it replaces the states of the same key). */
export const OBSERVED_KEY: Partial<Record<Status, string>> = {
  imprisoned: "sentence:observed",
  "restriction-of-liberty": "sentence:observed",
  "suspended-sentence": "sentence:observed",
  "pre-trial-detention": "measure:observed",
  "house-arrest": "measure:observed",
  "psychiatric-detention": "measure:observed",
  "under-investigation": "investigation:observed",
  "fined-or-warned": "admin",
  "in-exile": "exile",
};
