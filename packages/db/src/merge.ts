import { DomainError, nameIn, primaryName, type Person } from "@registry/domain";
import { eq } from "drizzle-orm";
import type { Db } from "./db.ts";
import { applyChanges, type Actor, type Change } from "./pipeline.ts";
import { getRecord, type Stored } from "./repo.ts";
import { personLinks, type EntityKind } from "./schema.ts";

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = key(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
const json = (v: unknown) => JSON.stringify(v);

/** One person's record from two: every name, fact and private detail of both, the kept record's primary name. */
export function combinePersons(keep: Person, other: Person): Person {
  const names = uniqueBy(
    [...keep.names, ...other.names.map(({ primary: _p, ...n }) => n)],
    (n) => `${n.script}\u0000${n.text}`,
  );
  const internal = [keep.private.internalNotes, other.private.internalNotes].filter(Boolean).join("\n\n");
  return {
    ...keep,
    names,
    gender: keep.gender !== "unknown" ? keep.gender : other.gender,
    ...((keep.birthYear ?? other.birthYear) ? { birthYear: keep.birthYear ?? other.birthYear } : {}),
    ages: uniqueBy([...keep.ages, ...other.ages], json),
    places: uniqueBy([...keep.places, ...other.places], json),
    occupations: uniqueBy([...keep.occupations, ...other.occupations], json),
    roles: uniqueBy([...keep.roles, ...other.roles], json),
    affiliations: uniqueBy([...keep.affiliations, ...other.affiliations], json),
    vulnerabilities: uniqueBy([...keep.vulnerabilities, ...other.vulnerabilities], json),
    citizenship: [...new Set([...keep.citizenship, ...other.citizenship])],
    pace: uniqueBy([...keep.pace, ...other.pace], (p) => p.criterion),
    statusReports: uniqueBy([...keep.statusReports, ...other.statusReports], json),
    help: uniqueBy([...keep.help, ...other.help], json),
    notes: [
      ...keep.notes,
      ...other.notes,
      {
        kind: "identity",
        text: {
          en: `Merged with the record of ${primaryName(other)} (${other.id}): the same person.`,
          ru: `Объединено с записью «${nameIn(other, "ru").text}» (${other.id}): это один и тот же человек.`,
          kk: `«${nameIn(other, "kk").text}» (${other.id}) жазбасымен біріктірілді: бұл бір адам.`,
          provenance: { ru: "translated", kk: "translated" },
        },
        citations: [],
      },
    ],
    private: {
      ...keep.private,
      // The more careful consent wins: a refusal by either record stands.
      consent:
        keep.private.consent === "consent-refused" || other.private.consent === "consent-refused"
          ? "consent-refused"
          : keep.private.consent,
      relatives: uniqueBy([...keep.private.relatives, ...other.private.relatives], json),
      contacts: uniqueBy([...keep.private.contacts, ...other.private.contacts], json),
      ...(internal ? { internalNotes: internal } : {}),
    },
  };
}

/** Replaces one person id by another everywhere in a record, without duplicates in id lists. */
function repoint(value: unknown, from: string, to: string): unknown {
  const replaced = JSON.parse(JSON.stringify(value).split(`"${from}"`).join(`"${to}"`)) as Record<
    string,
    unknown
  >;
  for (const key of ["defendants", "persons", "detainees"]) {
    if (Array.isArray(replaced[key])) replaced[key] = [...new Set(replaced[key] as string[])];
  }
  return replaced;
}

/**
 * Merges two person records in one pipeline call (one transaction): the kept record receives everything of the
 * other, every case, event, official, mass event and recognition pointing at the other is repointed, and the
 * other is deleted. Each change is a normal, permitted, versioned and audited write.
 */
export async function mergePersons(
  db: Db,
  actor: Actor,
  keepId: string,
  keepVersion: number,
  mergeId: string,
  mergeVersion: number,
): Promise<Stored<Person>> {
  if (keepId === mergeId) throw new DomainError("VALIDATION", "Choose two different persons");
  const keep = await getRecord(db, "person", keepId);
  const other = await getRecord(db, "person", mergeId);
  if (!keep || !other || keep.meta.deletedAt || other.meta.deletedAt)
    throw new DomainError("NOT_FOUND", "Both persons must exist");
  if (keep.meta.version !== keepVersion || other.meta.version !== mergeVersion) {
    throw new DomainError("CONFLICT", "One of the records changed; reload both", {
      current: keep.meta.version !== keepVersion ? keep : other,
    });
  }
  const links = await db.select().from(personLinks).where(eq(personLinks.personId, mergeId));
  const changes: Change[] = [];
  for (const link of links) {
    const kind = link.kind as EntityKind;
    const rec = await getRecord(db, kind, link.entityId);
    if (!rec || rec.meta.deletedAt) continue;
    changes.push({
      op: "merge",
      kind,
      id: link.entityId,
      version: rec.meta.version,
      value: repoint(rec.value, mergeId, keepId),
    });
  }
  changes.push({
    op: "merge",
    kind: "person",
    id: keepId,
    version: keepVersion,
    value: combinePersons(keep.value, other.value),
  });
  changes.push({ op: "delete", kind: "person", id: mergeId, version: mergeVersion });
  const outcomes = await applyChanges(db, actor, changes);
  const merged = outcomes.find((o) => o.kind === "person" && o.id === keepId);
  return merged?.stored as Stored<Person>;
}
