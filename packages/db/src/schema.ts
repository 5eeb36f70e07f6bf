import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Every aggregate of the domain is one row: its public fields in `data`, its private fields in `private`,
 * and the columns the database manages. The domain owns the shape of `data`; the index tables below are
 * derived from it on every write (ADR 004).
 */
function aggregate<N extends string>(name: N) {
  return pgTable(
    name,
    {
      id: text("id").primaryKey(),
      slug: text("slug"),
      publicationState: text("publication_state").notNull().default("draft"),
      deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "string" }),
      version: integer("version").notNull().default(1),
      createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
      updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
      data: jsonb("data").notNull(),
      private: jsonb("private")
        .notNull()
        .default(sql`'{}'::jsonb`),
    },
    (t) => [
      uniqueIndex(`${name}_slug_idx`).on(t.slug),
      index(`${name}_state_idx`).on(t.publicationState, t.deletedAt),
    ],
  );
}

export const persons = aggregate("persons");
export const cases = aggregate("cases");
export const events = aggregate("events");
export const officials = aggregate("officials");
export const organisations = aggregate("organisations");
export const sources = aggregate("sources");
export const recognitions = aggregate("recognitions");
export const massEvents = aggregate("mass_events");

export const AGGREGATE_TABLES = {
  person: persons,
  case: cases,
  event: events,
  official: officials,
  organisation: organisations,
  source: sources,
  recognition: recognitions,
  "mass-event": massEvents,
} as const;
export type EntityKind = keyof typeof AGGREGATE_TABLES;
/** All aggregate tables have the same columns; this gives any of them one static type for generic code. */
export type AggregateTable = typeof persons;
export function tableOf(kind: EntityKind): AggregateTable {
  return AGGREGATE_TABLES[kind] as unknown as AggregateTable;
}

/** Columns a person list is filtered and sorted on; `search_text` holds the folded public names. */
export const personIndex = pgTable(
  "person_index",
  {
    personId: text("person_id").primaryKey(),
    sortName: text("sort_name").notNull(),
    searchText: text("search_text").notNull(),
    gender: text("gender").notNull(),
    region: text("region"),
    firstDay: text("first_day"),
    hasPace: boolean("has_pace").notNull(),
    /** The day of the first source that assessed the person against the PACE criteria (a snapshot of an
     * earlier day does not count the assessment). */
    paceDay: text("pace_day"),
    killed: boolean("killed").notNull(),
    defender: boolean("defender").notNull(),
    /** The person's article facets ("criminal:405,…"), sorted, for list rows without a lookup per row. */
    articles: text("articles").notNull().default(""),
  },
  (t) => [
    index("person_index_sort_idx").on(t.sortName, t.personId),
    index("person_index_region_idx").on(t.region),
    // The name search intersects the persons having each typed word (search.ts): GIN does it inside the index.
    index("person_index_words_idx").using("gin", sql`string_to_array(${t.searchText}, ' ')`),
  ],
);

export const personNameKeys = pgTable(
  "person_name_keys",
  { personId: text("person_id").notNull(), key: text("key").notNull() },
  (t) => [primaryKey({ columns: [t.personId, t.key] }), index("person_name_keys_key_idx").on(t.key)],
);

/**
 * The distinct words of all names (a few thousand even at 10^5 persons): a misspelled word is matched against
 * this dictionary by trigram similarity, and the words found are then looked up like exact ones.
 */
export const nameTokens = pgTable("name_tokens", { token: text("token").primaryKey() }, (t) => [
  index("name_tokens_trgm_idx").using("gin", t.token.op("gin_trgm_ops")),
]);

/** Derived status periods; a period holds from `from_day` (inclusive) to `to_day` (exclusive, null = open). */
export const personStatus = pgTable(
  "person_status",
  {
    personId: text("person_id").notNull(),
    seq: integer("seq").notNull(),
    status: text("status").notNull(),
    /** The partial date the period starts on, as precise as the fact behind it. */
    since: text("since").notNull(),
    /** "before": known only to have begun by `since`. */
    sinceBound: text("since_bound"),
    fromDay: text("from_day").notNull(),
    toDay: text("to_day"),
    /** The newest date a fact or a status report confirmed this status, as known from `from_day` on. */
    lastReported: text("last_reported").notNull(),
    /** A detention is not counted after this day unless a report confirms it (`unconfirmedAfter`). */
    unconfirmedAfter: text("unconfirmed_after"),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.seq] }),
    index("person_status_lookup_idx").on(t.status, t.fromDay),
  ],
);

/** Filter values of a person: article ("criminal:405"), year ("2019"), organisation, sentence kind. */
export const personFacets = pgTable(
  "person_facets",
  { personId: text("person_id").notNull(), kind: text("kind").notNull(), value: text("value").notNull() },
  (t) => [
    primaryKey({ columns: [t.kind, t.value, t.personId] }),
    index("person_facets_person_idx").on(t.personId),
  ],
);

/** Which persons a case, event, official, mass event or recognition refers to. */
export const personLinks = pgTable(
  "person_links",
  {
    kind: text("kind").notNull(),
    entityId: text("entity_id").notNull(),
    personId: text("person_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.entityId, t.personId] }),
    index("person_links_person_idx").on(t.personId, t.kind),
  ],
);

/** Append-only, hash-chained record of every change (ADR 005). */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entityKind: text("entity_kind").notNull(),
    entityId: text("entity_id").notNull(),
    version: integer("version").notNull(),
    changes: jsonb("changes").$type<{ field: string; before?: unknown; after?: unknown }[]>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_entity_idx").on(t.entityKind, t.entityId, t.seq)],
);

/** One row that every audit append locks, so the chain never forks under concurrent writers. */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: integer("seq").notNull(),
  hash: text("hash").notNull(),
});

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role").notNull(),
  passwordHash: text("password_hash").notNull(),
  totpSecret: text("totp_secret"),
  totpLastStep: integer("totp_last_step"),
  recoveryCodes: jsonb("recovery_codes")
    .notNull()
    .default(sql`'[]'::jsonb`),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "string" }).notNull(),
    secondFactor: boolean("second_factor").notNull().default(false),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A change to a published record that an editor made (an edit, an import row, a revert): kept apart and invisible
 * to the public until a reviewer approves it (it is then applied through the write pipeline) or returns it with a
 * comment. `data`/`private` hold the whole proposed record, split as in the aggregate tables.
 */
export const revisions = pgTable(
  "revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entityKind: text("entity_kind").notNull(),
    entityId: text("entity_id").notNull(),
    /** The version the editor changed: approving a revision of an older version is a conflict. */
    baseVersion: integer("base_version").notNull(),
    action: text("action").notNull(),
    data: jsonb("data").notNull(),
    private: jsonb("private")
      .notNull()
      .default(sql`'{}'::jsonb`),
    author: text("author").notNull(),
    /** pending → approved | returned | withdrawn */
    state: text("state").notNull().default("pending"),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    index("revisions_state_idx").on(t.state, t.createdAt),
    index("revisions_entity_idx").on(t.entityKind, t.entityId),
    index("revisions_author_idx").on(t.author, t.state),
  ],
);

/**
 * Attempt counters for logins, second-factor codes and password changes, one row per key (`acct:<email>`,
 * `ip:<address>`, ...). An attempt is counted here before the password or code is checked, in one atomic
 * statement, so parallel requests cannot all pass a check that reads the count first; and the counts outlive a
 * restart and are shared by every server on the database.
 */
export const authAttempts = pgTable(
  "auth_attempts",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    resetAt: timestamp("reset_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("auth_attempts_reset_idx").on(t.resetAt)],
);

/**
 * The text of a source a curator pasted or uploaded (the report-import assistant, ADR 017), so that its line
 * citations can be shown and checked later. Written only with the source's `create` through the write pipeline;
 * the source record's `copy` pins it (`sha256`, `lineCount`). Never public: the registry publishes facts in its
 * own words, not the reports' text. The five curated reports' copies live in the dataset package instead.
 */
export const sourceTexts = pgTable("source_texts", {
  sourceId: text("source_id").primaryKey(),
  text: text("text").notNull(),
  sha256: text("sha256").notNull(),
  lineCount: integer("line_count").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull(),
});

/**
 * What readers send with the public form (ADR 021): corrections and new cases. Private data: never read by a
 * public query; curators triage it in the admin inbox. Written with an audit entry that names the fields only.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull(),
    /** correction | new-case */
    kind: text("kind").notNull(),
    personSlug: text("person_slug"),
    text: text("text").notNull(),
    source: text("source"),
    contact: text("contact"),
    language: text("language").notNull(),
    /** new → accepted | replied | discarded */
    status: text("status").notNull().default("new"),
    triageNote: text("triage_note"),
    triagedBy: text("triaged_by"),
    triagedAt: timestamp("triaged_at", { withTimezone: true, mode: "string" }),
    /** The record the submission was accepted into (a person). */
    recordId: text("record_id"),
    /** The nonce of the form's token: a form is received once (a second post of it stores nothing). */
    formNonce: text("form_nonce"),
  },
  (t) => [
    index("submissions_status_idx").on(t.status, t.createdAt),
    uniqueIndex("submissions_form_nonce_idx").on(t.formNonce),
  ],
);
