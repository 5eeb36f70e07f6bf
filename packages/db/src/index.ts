// @registry/db: drizzle schema, migrations and repositories; createDb() = PGlite by default, Postgres by URL.
export { createDb, DataDirLockedError, type Database, type Db, type DbConfig } from "./client.ts";
export { ENTITY_KINDS, type EntityTypes } from "./entities.ts";
export type { EntityKind } from "./schema.ts";
export {
  createRecord,
  updateRecord,
  deleteRecord,
  restoreRecord,
  transitionRecord,
  getRecord,
  listRecords,
  refreshPersons,
  isDatabaseEmpty,
  type Stored,
  type AdminListOptions,
} from "./repo.ts";
export { importRecords, type ImportItem, type ImportResult } from "./import.ts";
export {
  verifyAudit,
  auditHistory,
  canonicalJson,
  REDACTED,
  type VerifyResult,
  type FieldChange,
} from "./audit.ts";
export {
  listPublicPersons,
  getPublicDossier,
  publicDossiers,
  publicStatistics,
  listPublicOfficials,
  getPublicOfficial,
  listPublicMassEvents,
  getPublicMassEvent,
  listPublicSources,
  listPublicOrganisations,
  publicPersonRefs,
  publicPersonChanges,
  SORTS,
  type PersonFilters,
  type Sort,
} from "./public-queries.ts";
export { backupDatabase, restoreDatabase, tableChecksums, type BackupSummary } from "./backup.ts";
