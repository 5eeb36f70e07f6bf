import { submissionsEn } from "./submissions.ts";
import { helpEn } from "./help.ts";
import { recognitionEn } from "./recognition.ts";
import { commonEn } from "./common.ts";
import { editingEn } from "./editing.ts";
import { personsEn } from "./persons.ts";
import { casesEn } from "./cases.ts";
import { assistantEn } from "./assistant.ts";
import { importEn } from "./import.ts";
import { revisionsEn } from "./revisions.ts";
import { authEn } from "./auth.ts";
/**
 * English UI strings, merged from one module per screen or area (each holds its en, ru and kk strings together).
 * Every other catalog has exactly these keys (the type checks it, and catalogs.test.ts).
 */
export const en = {
  ...commonEn,
  ...editingEn,
  ...personsEn,
  ...casesEn,
  ...assistantEn,
  ...importEn,
  ...revisionsEn,
  ...authEn,
  ...submissionsEn,
  ...helpEn,
  ...recognitionEn,
} as const;

export type MessageKey = keyof typeof en;
