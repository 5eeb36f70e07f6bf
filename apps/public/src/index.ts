// @registry/public: the public site. It depends on the public API's type only, never on the database.
export { createPublicSite, notFoundHtml, type PublicSite, type PublicSiteOptions } from "./site.tsx";
export { compressedPage, storedPage, type StoredPage } from "./page.ts";
export { PageStore } from "./page-store.ts";
export { servePage } from "./page-serve.ts";
export { loadSnapshot, saveSnapshot, saveSnapshotInBackground } from "./page-snapshot.ts";
export { exportStaticSite } from "./export.tsx";
export type { PublicApi } from "./api.ts";
export type { IntakeResult, SubmissionIntake, SubmissionPost } from "./submit-routes.tsx";
export type { SubmitError } from "./pages/submit.tsx";
