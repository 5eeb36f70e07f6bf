import { randomBytes, createHash } from "node:crypto";
import {
  AcceptedProposalSchema,
  matchProposals,
  propose,
  proposalKeys,
  type AcceptedProposal,
} from "@registry/assistant";
import { readSourceCopy } from "@registry/dataset";
import {
  applyChanges,
  getRecord,
  personsByNameKeys,
  sourceText,
  textLines,
  uniqueSlugs,
  type Change,
  type Database,
} from "@registry/db";
import { DomainError, IdSchema, SourceSchema, slugify, type Person, type Source } from "@registry/domain";
import { z } from "zod";
import { editorProcedure, router } from "../trpc.ts";
import { factRecords, namesOf, withNames, type Skipped } from "./assistant-records.ts";

/** A report's text: a 100-page report is 150–400 kB; the /trpc body limit (1 MB) bounds it first. */
const TextSchema = z
  .string()
  .min(1, "Paste the report's text")
  .max(1_000_000, "A text of at most 1,000,000 characters")
  .refine((t) => textLines(t).length <= 50_000, "A text of at most 50,000 lines");

/** A new source's fields: the `copy` is made from the text. */
const NewSourceSchema = SourceSchema.omit({ copy: true });

const ProposeInput = z.union([
  z.strictObject({ sourceId: IdSchema }),
  z.strictObject({ text: TextSchema, source: NewSourceSchema.partial().optional() }),
]);

const AcceptInput = z.union([
  z.strictObject({
    sourceId: IdSchema,
    proposals: z.array(AcceptedProposalSchema).min(1).max(500),
  }),
  z.strictObject({
    source: NewSourceSchema,
    text: TextSchema,
    proposals: z.array(AcceptedProposalSchema).min(1).max(500),
  }),
]);

const notFound = (id: string) => new DomainError("NOT_FOUND", `No source ${id}`);

/**
 * A stored source's lines: the pasted text kept with it, or the curated report's working copy in the dataset
 * package (the five reports, ADR 017).
 */
async function linesOf(database: Database, sourceId: string): Promise<{ lines: string[]; source: Source }> {
  const stored = await getRecord(database.db, "source", sourceId);
  if (!stored || stored.meta.deletedAt) throw notFound(sourceId);
  const source = stored.value;
  const pasted = await sourceText(database.db, sourceId);
  if (pasted) return { lines: textLines(pasted.text), source };
  const copy = source.copy ? readSourceCopy(source.copy.file) : undefined;
  if (copy && copy.sha256 === source.copy?.sha256) return { lines: copy.lines, source };
  throw new DomainError(
    "VALIDATION",
    `Source ${sourceId} has no text in the registry: paste its text instead`,
  );
}

const citedText = (lines: readonly string[], l: readonly [number, number]) =>
  lines.slice(l[0] - 1, l[1]).join("\n");

/** Every cited line must be a line of the text. */
function checkLines(proposals: readonly AcceptedProposal[], lineCount: number): void {
  for (const [i, p] of proposals.entries()) {
    const ranges = [...p.names.flatMap((n) => n.lines), ...p.facts.map((f) => f.lines)];
    const bad = ranges.find((l) => l[1] > lineCount);
    if (bad)
      throw new DomainError(
        "VALIDATION",
        `Proposal ${i + 1} cites lines ${bad[0]}–${bad[1]}; the text has ${lineCount} lines`,
        {
          fields: {
            formErrors: [],
            fieldErrors: { [`proposals.${i}`]: [`The text has ${lineCount} lines`] },
          },
        },
      );
  }
}

/**
 * A new person whose name the registry already has (by name key) is refused unless the curator marked them a
 * namesake: a proposal accepted twice, or accepted after someone else created the person, makes no duplicate.
 */
async function checkDuplicates(database: Database, proposals: readonly AcceptedProposal[]): Promise<void> {
  const fresh = proposals.map((p, i) => ({ p, i })).filter(({ p }) => !p.match && !p.namesake);
  const known = await personsByNameKeys(
    database.db,
    fresh.flatMap(({ p }) => proposalKeys(p)),
  );
  const fieldErrors: Record<string, string[]> = {};
  const seen = new Map<string, number>();
  for (const { p, i } of fresh) {
    const keys = new Set(proposalKeys(p));
    const twin = [...keys].map((k) => seen.get(k)).find((j) => j !== undefined);
    if (twin !== undefined)
      fieldErrors[`proposals.${i}`] = [
        `${p.names[0]?.text ?? ""} is also proposal ${twin + 1}: accept one, or mark a namesake`,
      ];
    for (const k of keys) if (!seen.has(k)) seen.set(k, i);
    const same = known.filter((k) => k.keys.some((key) => keys.has(key)));
    if (same.length)
      fieldErrors[`proposals.${i}`] = [
        `${p.names[0]?.text ?? ""} is already in the registry as ${same.map((k) => `${k.names[0] ?? k.id} (${k.id})`).join(", ")}: add to that person, or mark a namesake`,
      ];
  }
  const first = Object.values(fieldErrors)[0];
  if (first)
    throw new DomainError("CONFLICT", first[0] ?? "Already in the registry", {
      fields: { formErrors: [], fieldErrors },
    });
}

const newId = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;

export const assistantRouter = router({
  /**
   * Reads a stored source's text, or a pasted one, and proposes persons and facts with their cited lines, matched
   * against the registry's persons by name key. Writes nothing (a mutation only because a pasted report is too
   * long for a GET).
   */
  propose: editorProcedure.input(ProposeInput).mutation(async ({ ctx, input }) => {
    const lines =
      "sourceId" in input ? (await linesOf(ctx.database, input.sourceId)).lines : textLines(input.text);
    const found = propose(lines);
    const known = await personsByNameKeys(ctx.database.db, found.flatMap(proposalKeys));
    const proposals = matchProposals(found, known).map((p) => ({
      ...p,
      cited: p.mentions.map((l) => ({ lines: l, text: citedText(lines, l) })),
    }));
    return { lineCount: lines.length, proposals };
  }),

  /**
   * Turns accepted (possibly edited) proposals into drafts through the write pipeline, in one transaction: the
   * source if it is new (with its text), a new person or the known person's added spellings (a revision for a
   * reviewer when that person is published), a case with the charges, measures and sentences, and the dated
   * detentions and releases as events. Nothing is published.
   */
  accept: editorProcedure.input(AcceptInput).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const changes: Change[] = [];
    let source: { id: string; title: string };
    let lineCount: number;
    if ("sourceId" in input) {
      const { lines, source: s } = await linesOf(ctx.database, input.sourceId);
      source = { id: s.id, title: s.title };
      lineCount = lines.length;
    } else {
      lineCount = textLines(input.text).length;
      const sha256 = createHash("sha256").update(input.text).digest("hex");
      source = { id: input.source.id, title: input.source.title };
      changes.push({
        op: "create",
        kind: "source",
        value: { ...input.source, copy: { file: `${input.source.id}.txt`, lineCount, sha256 } },
        text: input.text,
      });
    }
    checkLines(input.proposals, lineCount);
    await checkDuplicates(ctx.database, input.proposals);
    const skipped: Skipped[] = [];
    const fresh = input.proposals.map((p) => (p.match ? null : { p, id: newId("p") }));
    const slugs = await uniqueSlugs(
      db,
      "person",
      fresh.flatMap((f) =>
        f ? [{ id: f.id, base: slugify(namesOf(f.p, source.id).find((n) => n.primary)?.text ?? f.id) }] : [],
      ),
    );
    const updates = new Map<string, Change & { op: "update" }>();
    for (const [i, p] of input.proposals.entries()) {
      let personId: string;
      let name: string;
      if (p.match) {
        personId = p.match.id;
        // Two proposals for one known person are one update of that person.
        let update = updates.get(personId);
        if (!update) {
          const current = await getRecord(db, "person", personId);
          if (!current || current.meta.deletedAt) throw new DomainError("NOT_FOUND", `No person ${personId}`);
          update = {
            op: "update",
            kind: "person",
            id: personId,
            version: current.meta.version,
            value: current.value,
          };
          updates.set(personId, update);
          changes.push(update);
        }
        update.value = withNames(update.value as Person, p, source.id);
        name = (update.value as Person).names.find((n) => n.primary)?.text ?? personId;
      } else {
        const f = fresh[i] as { p: AcceptedProposal; id: string };
        personId = f.id;
        const names = namesOf(p, source.id);
        name = names.find((n) => n.primary)?.text ?? personId;
        const person: Partial<Person> = { id: personId, slug: slugs.get(personId) ?? personId, names };
        changes.push({ op: "create", kind: "person", value: person });
      }
      const facts = factRecords(p, personId, name, source, newId);
      changes.push(...facts.changes);
      skipped.push(...facts.skipped);
    }
    const outcomes = await applyChanges(db, { id: ctx.user.id, role: ctx.user.role }, changes);
    return {
      source: source.id,
      written: outcomes.map((o) => ({
        kind: o.kind,
        id: o.id,
        result: o.result,
        ...(o.revision ? { revision: o.revision } : {}),
      })),
      skipped,
    };
  }),
});
