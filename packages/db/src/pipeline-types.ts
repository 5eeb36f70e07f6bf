import type { ActorRole, EntityTypes, PublicationState, WriteOp } from "@registry/domain";
import type { Db } from "./db.ts";
import type { Stored } from "./repo.ts";
import type { EntityKind, revisions } from "./schema.ts";

// The vocabulary of the write pipeline (pipeline.ts): who writes, the changes, their outcomes.

/** Who writes: a curator with a role, or the system (the seed of the curated dataset). */
export interface Actor {
  id: string;
  role: ActorRole;
}

/** Every write there is. */
export type Change =
  /**
   * `text`: a source's pasted or uploaded text (ADR 017), kept in `source_texts`; the source's `copy` must pin it
   * (its sha256 and line count).
   */
  | { op: "create"; kind: EntityKind; value: unknown; text?: string }
  | { op: "update" | "merge"; kind: EntityKind; id: string; version: number; value: unknown }
  /** Back to the public fields of an earlier version (private fields stay as they are). */
  | { op: "revert"; kind: EntityKind; id: string; version: number; toVersion: number }
  /**
   * Create or update by id, without a version (imports are idempotent). `build` makes the record from the stored
   * one (null when new): a CSV row changes only the columns it has and keeps everything else, private data too.
   */
  | {
      op: "import";
      kind: EntityKind;
      id: string;
      build: (current: unknown) => unknown;
      /** Already the output of the kind's schema (a CSV import validates each row once). */
      validated?: boolean;
    }
  | {
      op: "transition";
      kind: EntityKind;
      id: string;
      version: number;
      to: PublicationState;
      comment?: string;
    }
  | { op: "delete" | "restore"; kind: EntityKind; id: string; version: number }
  /** A reviewer's decision on an editor's proposed change to a published record. */
  | { op: "approve"; revision: number; comment?: string }
  | { op: "return"; revision: number; comment: string };

export type Result =
  | "created"
  | "updated"
  | "unchanged"
  | "proposed"
  | "transitioned"
  | "deleted"
  | "restored"
  | "approved"
  | "returned";

export interface Outcome {
  kind: EntityKind;
  id: string;
  result: Result;
  /** The record as stored after the change (single-record changes). */
  stored?: Stored<unknown>;
  /** The pending revision a proposal created. */
  revision?: number;
}

export interface ApplyOptions {
  /** Do everything, then roll back: the outcome is exactly what would happen. */
  dryRun?: boolean;
  /** The state of records an import creates (the seed publishes what was reviewed in the repository). */
  importState?: PublicationState;
  /**
   * Work that must commit or fail with these changes, run in their transaction after they are written (a reader's
   * submission marked accepted together with the draft it became). What it throws undoes the changes too.
   */
  alongside?: (tx: Db, outcomes: readonly Outcome[]) => Promise<void>;
}

/** A change's record, validated, before it is written or proposed. */
export interface Planned {
  change: Change;
  kind: EntityKind;
  id: string;
  op: WriteOp;
  current: Stored<EntityTypes[EntityKind]> | null;
  value?: EntityTypes[EntityKind] & { id: string };
  verdict: "apply" | "propose";
  revision?: typeof revisions.$inferSelect;
  /** Nothing to write (an import row equal to the record or to a pending proposal). */
  unchanged?: true;
}
