import { applyChanges, existingIds, findDuplicates, summarise, uniqueSlugs, type Change } from "@registry/db";
import {
  parseCsv,
  PersonSchema,
  RegionSchema,
  slugify,
  type Person,
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
  /** "proposed": the record is published; the row waits for a reviewer as a revision. */
  status: "create" | "update" | "unchanged" | "proposed" | "error";
  errors: string[];
  /** The fields this row changes in the stored record (a dry run shows them before anything is written). */
  changes: string[];
  /** Existing persons whose names share a search key with this new row's names. */
  duplicates: { id: string; name: string }[];
}

/**
 * A row changes only what it has: an empty cell changes nothing, a name is added to the names (and becomes the
 * primary one), a place, an occupation or a variant spelling is added if new, and everything else of the stored
 * record (other facts, status reports, private relatives and contacts) is kept.
 */
export function mergeRow(current: Person, row: Person, has: (c: PersonCsvColumn) => boolean): Person {
  const same = (a: { text: string; script: string }, b: { text: string; script: string }) =>
    a.text === b.text && a.script === b.script;
  const rowPrimary = row.names.find((n) => n.primary);
  const primaryChanges = rowPrimary && !current.names.some((n) => n.primary && same(n, rowPrimary));
  const names = [
    ...current.names.map((n) =>
      primaryChanges ? { ...n, primary: rowPrimary && same(n, rowPrimary) ? true : undefined } : n,
    ),
    ...row.names.filter((n) => !current.names.some((c) => same(c, n))),
  ].map(({ primary, ...n }) => (primary ? { ...n, primary } : n));
  const union = <T>(a: readonly T[], b: readonly T[], key: (t: T) => string) => [
    ...a,
    ...b.filter((x) => !a.some((y) => key(y) === key(x))),
  ];
  return {
    ...current,
    names,
    ...(has("gender") && row.gender !== "unknown" ? { gender: row.gender } : {}),
    ...(has("birth_year") && row.birthYear !== undefined ? { birthYear: row.birthYear } : {}),
    places: union(current.places, row.places, (p) => `${p.name.en}\u0000${p.region ?? ""}`),
    occupations: union(current.occupations, row.occupations, (o) => o.label.en),
    ...(row.summary ? { summary: { ...current.summary, en: row.summary.en } } : {}),
  };
}

/** The top-level fields that differ between two records. */
function changedFields(a: object | null, b: object): string[] {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b)]);
  return [...keys]
    .filter(
      (k) =>
        JSON.stringify((a as Record<string, unknown> | null)?.[k]) !==
        JSON.stringify((b as Record<string, unknown>)[k]),
    )
    .sort();
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
            {
              name: { en: get("place") || region },
              ...(region ? { region: region as "almaty" } : {}),
              citations,
            },
          ],
        }
      : {}),
    ...(get("occupation") ? { occupations: [{ label: { en: get("occupation") }, citations }] } : {}),
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
      const empty = { rows: [], created: 0, updated: 0, unchanged: 0, proposed: 0, errors: 1 };
      const missing = ["id", "name", "source", "lines"].filter((c) => !columns.includes(c));
      if (missing.length) return { ...empty, fileErrors: [`Missing columns: ${missing.join(", ")}`] };
      const has = (c: PersonCsvColumn) => columns.includes(c);
      const results: RowResult[] = [];
      const good: { value: Person; result: RowResult }[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const get = (c: string) => (row.cells[columns.indexOf(c)] ?? "").trim();
        const { record, errors } = rowToPerson(get);
        if (record && seen.has(record.id)) errors.push(`id: ${record.id} appears twice in the file`);
        const result: RowResult = {
          line: row.line,
          id: get("id"),
          name: get("name"),
          status: errors.length ? "error" : "unchanged",
          errors,
          changes: [],
          duplicates: [],
        };
        results.push(result);
        if (record && errors.length === 0) {
          seen.add(record.id);
          good.push({ value: record as Person, result });
        }
      }
      // Every row's problems at once, before anything is written: a source that does not exist is one of them.
      const sources = await existingIds(
        ctx.database.db,
        "source",
        good.flatMap((g) => g.value.names.flatMap((n) => n.citations.map((c) => c.source))),
      );
      const ok = good.filter((g) => {
        const unknown = [...new Set(g.value.names.flatMap((n) => n.citations.map((c) => c.source)))].filter(
          (id) => !sources.has(id),
        );
        for (const id of unknown) g.result.errors.push(`source: no source with the id "${id}"`);
        if (unknown.length) g.result.status = "error";
        return unknown.length === 0;
      });
      // Namesakes, in the file or in the database, get name-2, name-3, …; a record already stored keeps its slug.
      const slugs = await uniqueSlugs(
        ctx.database.db,
        "person",
        ok.map((g) => ({ id: g.value.id, base: g.value.slug })),
      );
      for (const g of ok) g.value.slug = slugs.get(g.value.id) ?? g.value.slug;
      const changes: Change[] = ok.map((g) => ({
        op: "import",
        kind: "person",
        id: g.value.id,
        validated: true,
        build: (current) => {
          const next = current ? mergeRow(current as Person, g.value, has) : g.value;
          g.result.changes = changedFields(current as object | null, next);
          return current ? PersonSchema.parse(next) : next;
        },
      }));
      const outcomes = changes.length
        ? await applyChanges(ctx.database.db, { id: ctx.user.id, role: ctx.user.role }, changes, {
            dryRun: input.dryRun,
          })
        : [];
      const byId = new Map(outcomes.map((o) => [o.id, o.result]));
      for (const g of ok) {
        const r = byId.get(g.value.id) ?? "unchanged";
        g.result.status =
          r === "created"
            ? "create"
            : r === "updated"
              ? "update"
              : r === "proposed"
                ? "proposed"
                : "unchanged";
        if (g.result.status === "unchanged") g.result.changes = [];
      }
      // Likely duplicates of the persons a dry run would create (the curator decides before importing).
      if (input.dryRun) {
        const creating = ok.filter((g) => g.result.status === "create").slice(0, 500);
        for (const g of creating)
          g.result.duplicates = (
            await findDuplicates(
              ctx.database.db,
              g.value.names.map((n) => n.text),
              g.value.id,
            )
          ).map((d) => ({ id: d.id, name: d.name }));
      }
      const counts = summarise(outcomes);
      return {
        rows: results,
        created: counts.created,
        updated: counts.updated,
        unchanged:
          counts.unchanged + results.filter((r) => r.status === "unchanged" && !byId.has(r.id)).length,
        proposed: counts.proposed,
        errors: results.filter((r) => r.status === "error").length,
        fileErrors: [] as string[],
      };
    }),
});
