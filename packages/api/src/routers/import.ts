import { importRecords, uniqueSlugs } from "@registry/db";
import {
  parseCsv,
  PersonSchema,
  RegionSchema,
  slugify,
  type PersonCsvColumn,
  type PersonInput,
} from "@registry/domain";
import { z } from "zod";
import { editorProcedure, router } from "../trpc.ts";

function script(text: string): "latin" | "cyrillic-ru" | "cyrillic-kk" {
  if (/[әғқңөұүһі]/i.test(text)) return "cyrillic-kk";
  return /[а-яё]/i.test(text) ? "cyrillic-ru" : "latin";
}

interface RowResult {
  line: number;
  id: string;
  name: string;
  status: "create" | "update" | "unchanged" | "error";
  errors: string[];
}

/** One CSV row as a person record: every fact cites the row's source and lines. */
function rowToPerson(get: (c: PersonCsvColumn) => string): {
  record?: PersonInput;
  errors: string[];
} {
  const errors: string[] = [];
  const lines = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(get("lines"));
  if (!get("source")) errors.push("source: a source id is required");
  if (!lines) errors.push("lines: write the line range as 12-14");
  const citations = lines
    ? [{ source: get("source"), lines: [Number(lines[1]), Number(lines[2] ?? lines[1])] as [number, number] }]
    : [];
  const region = get("region");
  if (region && !RegionSchema.safeParse(region).success)
    errors.push(`region: "${region}" is not one of ${RegionSchema.options.join(", ")}`);
  const birth = get("birth_year");
  if (birth && !/^\d{4}$/.test(birth)) errors.push("birth_year: write a four-digit year");
  if (errors.length) return { errors };
  const name = get("name");
  const variants = get("variants")
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);
  const record: PersonInput = {
    id: get("id"),
    slug: slugify(name),
    names: [
      { text: name, script: "latin", primary: true, citations },
      ...variants.map((v) => ({ text: v, script: script(v), citations })),
    ],
    ...(get("gender") ? { gender: get("gender") as "female" } : {}),
    ...(birth ? { birthYear: Number(birth) } : {}),
    ...(get("place") || region
      ? {
          places: [
            { name: get("place") || region, ...(region ? { region: region as "almaty" } : {}), citations },
          ],
        }
      : {}),
    ...(get("occupation") ? { occupations: [{ label: get("occupation"), citations }] } : {}),
    ...(get("summary") ? { summary: { en: get("summary") } } : {}),
  };
  const r = PersonSchema.safeParse(record);
  if (!r.success) return { errors: r.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`) };
  return { record: r.data, errors: [] };
}

export const importRouter = router({
  /**
   * Persons from CSV, as drafts. The first row names the columns. `dryRun` shows what would happen without
   * writing. The id column is the external id: importing the same file again changes nothing, and a changed
   * row updates its record instead of creating another.
   */
  persons: editorProcedure
    .input(z.strictObject({ csv: z.string().max(5_000_000), dryRun: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const [header, ...rows] = parseCsv(input.csv);
      const columns = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
      const missing = ["id", "name", "source", "lines"].filter((c) => !columns.includes(c));
      if (missing.length)
        return {
          rows: [],
          created: 0,
          updated: 0,
          unchanged: 0,
          errors: 1,
          fileErrors: [`Missing columns: ${missing.join(", ")}`],
        };
      const results: RowResult[] = [];
      const good: { kind: "person"; value: PersonInput }[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const get = (c: string) => (row.cells[columns.indexOf(c)] ?? "").trim();
        const { record, errors } = rowToPerson(get);
        if (record && seen.has(record.id)) errors.push(`id: ${record.id} appears twice in the file`);
        if (record && errors.length === 0) {
          seen.add(record.id);
          good.push({ kind: "person", value: record });
        }
        results.push({
          line: row.line,
          id: get("id"),
          name: get("name"),
          status: errors.length ? "error" : "unchanged",
          errors,
        });
      }
      // Namesakes, in the file or in the database, get name-2, name-3, …; a record already stored keeps its slug.
      const slugs = await uniqueSlugs(
        ctx.database.db,
        "person",
        good.map((g) => ({ id: g.value.id, base: g.value.slug })),
      );
      for (const g of good) g.value.slug = slugs.get(g.value.id) ?? g.value.slug;
      const outcome = good.length
        ? await importRecords(ctx.database.db, good, {
            actor: ctx.user.id,
            publicationState: "draft",
            dryRun: input.dryRun,
            validated: true,
          })
        : null;
      for (const r of results) if (r.status !== "error") r.status = outcome?.outcome[r.id] ?? "unchanged";
      return {
        rows: results,
        created: outcome?.created ?? 0,
        updated: outcome?.updated ?? 0,
        unchanged: outcome?.unchanged ?? 0,
        errors: results.filter((r) => r.status === "error").length,
        fileErrors: [] as string[],
      };
    }),
});
