import type { z } from "zod";
import { CaseSchema, type Case } from "./case.ts";
import { EventSchema, type Event } from "./event.ts";
import { MassEventSchema, type MassEvent } from "./mass-event.ts";
import { OfficialSchema, type Official } from "./official.ts";
import { OrganisationSchema, type Organisation } from "./organisation.ts";
import { PersonSchema, type Person } from "./person.ts";
import { RecognitionSchema, type Recognition } from "./recognition.ts";
import { SourceSchema, type Source } from "./source.ts";

/** The aggregates of the model, each stored and imported as one record. */
export interface EntityTypes {
  person: Person;
  case: Case;
  event: Event;
  official: Official;
  organisation: Organisation;
  source: Source;
  recognition: Recognition;
  "mass-event": MassEvent;
}
export type EntityKind = keyof EntityTypes;

/** The schema of each entity kind: the one list of the kinds (the database and the dataset use it). */
export const ENTITY_SCHEMAS = {
  person: PersonSchema,
  case: CaseSchema,
  event: EventSchema,
  official: OfficialSchema,
  organisation: OrganisationSchema,
  source: SourceSchema,
  recognition: RecognitionSchema,
  "mass-event": MassEventSchema,
} as const satisfies { [K in EntityKind]: z.ZodType<EntityTypes[K]> };

export const ENTITY_KINDS = Object.keys(ENTITY_SCHEMAS) as EntityKind[];
