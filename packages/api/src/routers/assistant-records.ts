import type { AcceptedProposal } from "@registry/assistant";
import type { Change } from "@registry/db";
import { slugify, type Citation, type Person } from "@registry/domain";

/** A fact the domain cannot hold without a date (a measure, a sentence, an event): left for the curator. */
export interface Skipped {
  person: string;
  fact: string;
  lines: [number, number];
  reason: string;
}

type Fact = AcceptedProposal["facts"][number];
type Names = Person["names"];

const cite = (source: string, lines: [number, number]): Citation => ({ source, lines });

/** A Latin form of a Cyrillic name for the required primary name, marked as our transliteration. */
function latinOf(text: string): string {
  return slugify(text)
    .split("-")
    .map((w) => (w ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(" ");
}

/** The proposal's names as the domain's names, each cited; the first Latin one is primary. */
export function namesOf(p: AcceptedProposal, source: string): Names {
  const names: Names = p.names.map((n) => ({
    text: n.text,
    script: n.script,
    citations: n.lines.map((l) => cite(source, l)),
  }));
  const latin = names.findIndex((n) => n.script === "latin");
  if (latin >= 0) names[latin] = { ...(names[latin] as Names[number]), primary: true };
  else {
    const first = names[0] as Names[number];
    names.unshift({
      text: latinOf(first.text),
      script: "latin",
      primary: true,
      citations: first.citations,
      attestation: { kind: "transliterated" },
    });
  }
  return names;
}

/** Spellings and citations of the proposal added to a known person's names (nothing else of the record changes). */
export function withNames(current: Person, p: AcceptedProposal, source: string): Person {
  const names = current.names.map((n) => ({ ...n, citations: [...n.citations] }));
  for (const n of p.names) {
    const citations = n.lines.map((l) => cite(source, l));
    const same = names.find((x) => x.text === n.text && x.script === n.script);
    if (same) {
      for (const c of citations)
        if (
          !same.citations.some(
            (x) => x.source === c.source && x.lines?.[0] === c.lines?.[0] && x.lines?.[1] === c.lines?.[1],
          )
        )
          same.citations.push(c);
    } else names.push({ text: n.text, script: n.script, citations });
  }
  return { ...current, names };
}

/**
 * The drafts for one accepted proposal's facts: one case (charges, dated measures and sentences) and one event per
 * dated detention or release. What the domain cannot hold without a date is returned in `skipped`, never given a
 * default date.
 */
export function factRecords(
  p: AcceptedProposal,
  personId: string,
  personName: string,
  source: { id: string; title: string },
  newId: (prefix: string) => string,
): { changes: Change[]; skipped: Skipped[] } {
  const changes: Change[] = [];
  const skipped: Skipped[] = [];
  const skip = (f: Fact, reason: string) =>
    skipped.push({ person: personName, fact: f.kind, lines: f.lines, reason });
  const c = (f: Fact) => [cite(source.id, f.lines)];
  const charges = [];
  const measures = [];
  const sentences = [];
  for (const f of p.facts) {
    if (f.kind === "charge")
      charges.push({
        person: personId,
        code: f.code,
        article: f.article,
        ...(f.part ? { part: f.part } : {}),
        ...(f.date ? { date: f.date } : {}),
        citations: c(f),
      });
    else if (f.kind === "measure") {
      if (!f.from) skip(f, "A measure needs the date it began");
      else
        measures.push({
          person: personId,
          kind: f.measure,
          from: f.from,
          ...(f.place ? { place: { en: f.place } } : {}),
          citations: c(f),
        });
    } else if (f.kind === "sentence") {
      if (!f.imposed) skip(f, "A sentence needs the date it was imposed");
      else
        sentences.push({
          person: personId,
          kind: f.sentence,
          imposed: f.imposed,
          ...(f.termMonths ? { termMonths: f.termMonths } : {}),
          ...(f.days ? { days: f.days } : {}),
          ...(f.hours ? { hours: f.hours } : {}),
          citations: c(f),
        });
    }
  }
  let caseId: string | undefined;
  if (charges.length + measures.length + sentences.length > 0) {
    caseId = newId("c");
    const all = [...charges, ...measures, ...sentences].flatMap((x) => x.citations);
    const administrative = charges.length > 0 && charges.every((x) => x.code === "administrative");
    changes.push({
      op: "create",
      kind: "case",
      value: {
        id: caseId,
        slug: caseId,
        title: { en: `${personName}: case as ${source.title} reports it (imported draft)` },
        kind: administrative ? "administrative" : "criminal",
        defendants: [personId],
        charges,
        measures,
        sentences,
        citations: all.slice(0, 50),
      },
    });
  }
  for (const f of p.facts) {
    if (f.kind !== "detention" && f.kind !== "release") continue;
    if (!f.date) {
      skip(f, "An event needs its date");
      continue;
    }
    const id = newId("e");
    changes.push({
      op: "create",
      kind: "event",
      value: {
        id,
        type: f.kind === "detention" ? "detained" : "released",
        date: f.date,
        persons: [personId],
        ...(caseId ? { case: caseId } : {}),
        ...(f.place ? { place: { name: { en: f.place } } } : {}),
        description: {
          en:
            f.kind === "detention"
              ? `Detained, as ${source.title} reports.`
              : `Released, as ${source.title} reports.`,
        },
        citations: c(f),
      },
    });
  }
  return { changes, skipped };
}
