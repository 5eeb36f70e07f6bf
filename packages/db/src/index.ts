// @registry/db: drizzle schema, migrations and repositories; createDb() = PGlite by default, Postgres by URL.
export { createDb, DataDirLockedError, type Database, type Db, type DbConfig } from "./client.ts";
export { ENTITY_KINDS, type EntityTypes } from "./entities.ts";
export type { EntityKind } from "./schema.ts";
export { existingIds, getRecord, isDatabaseEmpty, type Stored } from "./repo.ts";
// The one way in for every write (ADR 011): nothing else in this package that writes a record is exported.
export {
  applyChanges,
  importChanges,
  summarise,
  type Actor,
  type ApplyOptions,
  type Change,
  type Outcome,
  type Result,
} from "./pipeline.ts";
export { listRevisions, type RevisionRow } from "./revisions.ts";
export type { ImportItem, ImportResult } from "./import.ts";
export { nextSlug, takenSlugs, uniqueSlugs } from "./slugs.ts";
export {
  verifyAudit,
  auditHistory,
  canonicalJson,
  REDACTED,
  type VerifyResult,
  type FieldChange,
} from "./audit.ts";
export { listPublicPersons, SORTS, type PersonFilters, type Sort } from "./public-person-list.ts";
export {
  listPublicOfficials,
  getPublicOfficial,
  listPublicMassEvents,
  getPublicMassEvent,
  listPublicSources,
  listPublicOrganisations,
  publicPersonRefs,
  publicPersonChanges,
  publicPersonChangesBySlug,
} from "./public-queries.ts";
export { publicStatistics } from "./public-statistics.ts";
export { listPublicRecognitions, monthStarts, publicTimeline } from "./public-overview.ts";
export { userStore, sessionStore, attemptStore, type UserRow, type SessionRow } from "./auth.ts";
export { backupDatabase, restoreDatabase, tableChecksums, type BackupSummary } from "./backup.ts";
export { mergePersons, combinePersons } from "./merge.ts";
export {
  findDuplicates,
  dashboard,
  searchPersonIds,
  listRecords,
  type AdminListOptions,
  type DuplicateCandidate,
} from "./admin-queries.ts";
export { getPublicDossier, publicDossiers, publicDossiersBySlug } from "./public-dossiers.ts";
export { listPublicCases, listPublicEvents, listPublicRecognitionRecords } from "./public-lists.ts";
export { refreshPersons } from "./person-index.ts";
export { dataVersion, onDataChanged } from "./version.ts";
export { publicChangesSince, recentCuratorChanges } from "./public-changes.ts";
export { sourceText, personsByNameKeys, type KnownPersonRow } from "./assistant-queries.ts";
export { textLines } from "./pipeline.ts";
// Readers' submissions (ADR 021): private, outside the registry's records, validated and audited on their own.
export {
  receiveSubmission,
  listSubmissions,
  getSubmission,
  triageSubmission,
  isOpen as submissionIsOpen,
  personIdBySlug,
  type SubmissionRow,
} from "./submissions.ts";
