import type { z } from "zod";
import type { T } from "../i18n/index.tsx";

/** A schema issue (translated when shown, so a language switch applies to it) or a server message. */
export type IssueMsg = z.core.$ZodIssue | string;
export type Issues = Record<string, IssueMsg[]>;

/**
 * A zod issue in the curator's language: by its code where the message is zod's own, by the domain's message
 * (translated by `m`) where a schema gave one, else the message as it is.
 */
export function issueText(issue: z.core.$ZodIssue, t: T, m: (s: string) => string): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? t("zod.required")
        : issue.expected === "int"
          ? t("zod.notInteger")
          : t("zod.invalidType");
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? t("zod.required")
          : t("zod.tooShort", { n: Number(issue.minimum) });
      if (issue.origin === "array") return t("zod.tooFewItems", { n: Number(issue.minimum) });
      return t("zod.tooSmall", { n: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("zod.tooLong", { n: Number(issue.maximum) });
      if (issue.origin === "array") return t("zod.tooManyItems", { n: Number(issue.maximum) });
      return t("zod.tooBig", { n: Number(issue.maximum) });
    case "invalid_value":
      return t("zod.invalidChoice");
    case "unrecognized_keys":
      return t("zod.unknownKeys", { keys: issue.keys.join(", ") });
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? t("zod.invalidFormat") : m(issue.message);
    default:
      return m(issue.message);
  }
}

export function issuesOf(error: z.ZodError): Issues {
  const out: Issues = {};
  for (const issue of error.issues) (out[issue.path.join(".")] ??= []).push(issue);
  return out;
}

export const msgText = (msg: IssueMsg, t: T, m: (s: string) => string) =>
  typeof msg === "string" ? m(msg) : issueText(msg, t, m);

export const issueCount = (issues: Issues) => Object.values(issues).reduce((n, v) => n + v.length, 0);
