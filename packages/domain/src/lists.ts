import { z } from "zod";
import type { Citation } from "./common.ts";
import type { Event } from "./event.ts";
import type { PaceCriterion, PERSON_ROLES } from "./person.ts";
import { DETENTION_STATUSES, type Status } from "./status.ts";

/** The public lists a person can be on, derived from their status today and their record. */
export const PERSON_LISTS = [
  "political-prisoners",
  "persecuted",
  "restriction-of-liberty",
  "killed",
  "in-exile",
  "human-rights-defenders",
] as const;
export const PersonListSchema = z.enum(PERSON_LISTS);
export type PersonList = z.infer<typeof PersonListSchema>;

export interface Classification {
  politicalPrisoner: boolean;
  lists: PersonList[];
}

/**
 * A political prisoner is someone deprived of liberty now (prison, pre-trial detention, psychiatric
 * detention) whose detention meets at least one PACE Resolution 1900 (2012) criterion. Everyone else in the
 * registry is on the list of the politically persecuted.
 */
export function classify(
  status: Status,
  person: {
    pace: readonly { criterion: PaceCriterion; citations?: readonly Citation[] }[];
    roles: readonly { kind: (typeof PERSON_ROLES)[number] }[];
  },
  events: readonly Pick<Event, "type">[],
  /**
   * The day classified: only assessments a source made by then count (a source's day from `sourceDay`; without
   * `sourceDays`, every assessment counts), and a detention counts only up to `unconfirmedAfter`.
   */
  asOf?: {
    day: string;
    sourceDays?: ReadonlyMap<string, string>;
    unconfirmedAfter?: string | null | undefined;
  },
): Classification {
  const sourceDays = asOf?.sourceDays;
  const pace = sourceDays
    ? person.pace.filter((a) =>
        (a.citations ?? []).some((c) => {
          const d = sourceDays.get(c.source);
          return d !== undefined && d <= (asOf?.day ?? d);
        }),
      )
    : person.pace;
  const stale = asOf?.unconfirmedAfter ? asOf.unconfirmedAfter < asOf.day : false;
  const politicalPrisoner = DETENTION_STATUSES.includes(status) && pace.length > 0 && !stale;
  const lists: PersonList[] = [politicalPrisoner ? "political-prisoners" : "persecuted"];
  if (status === "restriction-of-liberty") lists.push("restriction-of-liberty");
  if (events.some((e) => e.type === "killed")) lists.push("killed");
  if (status === "in-exile") lists.push("in-exile");
  if (person.roles.some((r) => r.kind === "human-rights-defender")) lists.push("human-rights-defenders");
  return { politicalPrisoner, lists };
}
