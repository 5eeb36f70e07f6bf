import { canTransition, type PublicationState } from "./common.ts";

/** Curators' roles, lowest first; "system" is the seed of the curated dataset and maintenance scripts. */
export const CURATOR_ROLES = ["editor", "reviewer", "admin"] as const;
export type CuratorRole = (typeof CURATOR_ROLES)[number];
export type ActorRole = CuratorRole | "system";

export const ROLE_RANK: Record<ActorRole, number> = { editor: 1, reviewer: 2, admin: 3, system: 4 };

export function hasRole(role: ActorRole, min: ActorRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/** Every kind of write the pipeline knows. */
export const WRITE_OPS = [
  "create",
  "update",
  "revert",
  "import",
  "merge",
  "transition",
  "delete",
  "restore",
  "review",
] as const;
export type WriteOp = (typeof WRITE_OPS)[number];

/**
 * "apply": written now. "propose": kept as a pending revision that the public does not see until a reviewer
 * approves it. Otherwise the reason it is refused.
 */
export type Verdict =
  | { allow: "apply" }
  | { allow: "propose" }
  | { deny: string; code: "FORBIDDEN" | "NOT_FOUND" | "INVALID_TRANSITION" };

const EDITS: ReadonlySet<WriteOp> = new Set(["update", "revert", "import"]);

/**
 * Who may do what to a record in which state: the one table every write consults (ADR 011). `state` is null
 * for a record that does not exist yet; `to` is the target of a transition.
 *
 * - Anyone may create or import a new record, as a draft (the seed may publish what was reviewed in the
 *   repository).
 * - Editors change drafts, records in review and archived ones; a change to a *published* record by an editor
 *   becomes a proposal that a reviewer approves or returns: nothing an editor does reaches the public unreviewed.
 * - Editors submit drafts for review and withdraw them; every other transition, deletion, restoration, merge and
 *   review of a proposal is a reviewer's.
 * - A deleted record is only restored.
 */
export function canChange(
  role: ActorRole,
  state: PublicationState | null,
  deleted: boolean,
  op: WriteOp,
  to?: PublicationState,
): Verdict {
  const reviewer = hasRole(role, "reviewer");
  const apply = { allow: "apply" } as const;
  if (role === "system") return apply;
  if (state === null) {
    if (op === "create" || op === "import") return apply;
    return { deny: "There is no such record", code: "NOT_FOUND" };
  }
  if (op === "create") return { deny: "A record with this id exists", code: "FORBIDDEN" };
  if (deleted) {
    if (op === "restore")
      return reviewer ? apply : { deny: "Only a reviewer restores a record", code: "FORBIDDEN" };
    return { deny: "The record is deleted; a reviewer must restore it first", code: "NOT_FOUND" };
  }
  if (op === "restore") return { deny: "The record is not deleted", code: "INVALID_TRANSITION" };
  if (EDITS.has(op)) {
    if (state === "published" && !reviewer) return { allow: "propose" };
    return apply;
  }
  if (op === "transition") {
    if (!to || !canTransition(state, to))
      return { deny: `A record cannot go from ${state} to ${to ?? "nothing"}`, code: "INVALID_TRANSITION" };
    if (reviewer) return apply;
    const editorMoves =
      (state === "draft" && to === "in-review") || (state === "in-review" && to === "draft");
    return editorMoves
      ? apply
      : { deny: "Only a reviewer publishes, archives or returns a record", code: "FORBIDDEN" };
  }
  // merge, delete, review of a proposal
  return reviewer ? apply : { deny: `Only a reviewer may ${op} a record`, code: "FORBIDDEN" };
}
