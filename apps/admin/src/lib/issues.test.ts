import { PersonSchema } from "@registry/domain";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { ru, ruDomainMessages } from "../i18n/ru.ts";
import type { T } from "../i18n/index.tsx";
import { issueText, issuesOf } from "./issues.ts";

const tOf =
  (cat: Record<string, string>): T =>
  (key, vars) =>
    (cat[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? ""));

describe("schema issues in the curator's language", () => {
  const r = PersonSchema.safeParse({
    id: "p-1",
    slug: "p-1",
    names: [{ text: "", script: "cyrillic-ru", citations: [] }],
  });
  if (r.success) throw new Error("expected issues");
  const issues = issuesOf(r.error);

  it("keys issues by their dotted path", () => {
    expect(Object.keys(issues)).toEqual(expect.arrayContaining(["names.0.text", "names"]));
  });

  it("says them in English and in Russian", () => {
    const text = issues["names.0.text"]?.[0];
    const names = issues.names?.[0];
    if (!text || typeof text === "string" || !names || typeof names === "string")
      throw new Error("expected zod issues");
    expect(issueText(text, tOf(en), (m) => m)).toBe("Required");
    expect(issueText(text, tOf(ru), (m) => ruDomainMessages[m] ?? m)).toBe("Обязательное поле");
    expect(issueText(names, tOf(ru), (m) => ruDomainMessages[m] ?? m)).toBe(
      "Отметьте ровно одно имя как основное",
    );
  });
});
