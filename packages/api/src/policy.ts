/**
 * Who may call each procedure: the access matrix. A test calls every procedure of the router as each of these
 * and compares; a procedure missing here fails that test, so nothing ships without a decision.
 * "pending" means: logged in with the password, second factor not yet given (the login flow's own steps).
 */
export type Caller = "anonymous" | "pending" | "editor" | "reviewer" | "admin";

const EVERYONE: readonly Caller[] = ["anonymous", "pending", "editor", "reviewer", "admin"];
const SESSION: readonly Caller[] = ["pending", "editor", "reviewer", "admin"];
const EDITOR: readonly Caller[] = ["editor", "reviewer", "admin"];
const REVIEWER: readonly Caller[] = ["reviewer", "admin"];
const ADMIN: readonly Caller[] = ["admin"];

const ENTITY_ROUTERS = [
  "persons",
  "cases",
  "events",
  "officials",
  "organisations",
  "sources",
  "recognitions",
  "massEvents",
];
const entity = (name: string): Record<string, readonly Caller[]> => ({
  [`admin.${name}.list`]: EDITOR,
  [`admin.${name}.get`]: EDITOR,
  [`admin.${name}.create`]: EDITOR,
  [`admin.${name}.update`]: EDITOR,
  [`admin.${name}.submit`]: EDITOR,
  [`admin.${name}.history`]: EDITOR,
  [`admin.${name}.restoreVersion`]: EDITOR,
  [`admin.${name}.transition`]: REVIEWER,
  [`admin.${name}.delete`]: REVIEWER,
  [`admin.${name}.restore`]: REVIEWER,
});

export const POLICY: Record<string, readonly Caller[]> = {
  "public.persons": EVERYONE,
  "public.person": EVERYONE,
  "public.personChanges": EVERYONE,
  "public.personPages": EVERYONE,
  "public.statistics": EVERYONE,
  "public.timeline": EVERYONE,
  "public.recognitions": EVERYONE,
  "public.version": EVERYONE,
  "public.changes": EVERYONE,
  "public.recentChanges": EVERYONE,
  "public.officials": EVERYONE,
  "public.official": EVERYONE,
  "public.massEvents": EVERYONE,
  "public.massEvent": EVERYONE,
  "public.sources": EVERYONE,
  "public.organisations": EVERYONE,
  "auth.me": EVERYONE,
  "auth.login": EVERYONE,
  "auth.logout": EVERYONE,
  "auth.enrolStart": SESSION,
  "auth.enrolFinish": SESSION,
  "auth.verify": SESSION,
  "auth.recover": SESSION,
  "auth.changePassword": EDITOR,
  "auth.sessions": EDITOR,
  "auth.endSession": EDITOR,
  "users.list": ADMIN,
  "users.create": ADMIN,
  "users.setRole": ADMIN,
  "users.setDisabled": ADMIN,
  "users.resetSecondFactor": ADMIN,
  "admin.dashboard": EDITOR,
  "admin.revisions.list": EDITOR,
  "admin.revisions.approve": REVIEWER,
  "admin.revisions.return": REVIEWER,
  "admin.import.persons": EDITOR,
  "admin.persons.duplicates": EDITOR,
  // The report-import assistant (ADR 017): curators who may create drafts.
  "admin.assistant.propose": EDITOR,
  "admin.assistant.accept": EDITOR,
  // Readers' submissions (ADR 021): curators read, reply and accept as a draft; reviewers discard.
  "admin.submissions.list": EDITOR,
  "admin.submissions.get": EDITOR,
  "admin.submissions.reply": EDITOR,
  "admin.submissions.accept": EDITOR,
  "admin.submissions.discard": REVIEWER,
  "admin.persons.merge": REVIEWER,
  "admin.sources.copy": EDITOR,
  "admin.audit.verify": ADMIN,
  ...(Object.assign({}, ...ENTITY_ROUTERS.map(entity)) as Record<string, readonly Caller[]>),
};
