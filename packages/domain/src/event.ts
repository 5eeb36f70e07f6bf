import { z } from "zod";
import {
  CitationsSchema,
  CuratorNoteSchema,
  IdSchema,
  LocalizedTextSchema,
  LongText,
  PlaceSchema,
} from "./common.ts";
import { DateValueSchema } from "./partial-date.ts";

export const EVENT_TYPES = [
  "detained",
  "administrative-arrest",
  "fined",
  "warned",
  "interrogated",
  "searched",
  "threatened",
  "surveilled",
  "ill-treated",
  "tortured",
  "case-opened",
  "suspect-notified",
  "charged",
  "measure-changed",
  "trial-started",
  "sentenced",
  "appeal",
  "sentence-changed",
  "acquitted",
  "charges-dropped",
  "case-closed",
  "parole-denied",
  "paroled",
  "pardoned",
  "amnesty",
  "released",
  "fled",
  "asylum-granted",
  "extradition-request",
  "extradition-arrest",
  "extradited",
  "returned",
  "attacked",
  "hunger-strike",
  "self-harm",
  "died",
  "killed",
  "dismissed-from-work",
  "registration-refused",
  "sued",
  "blocked-accounts",
  "other",
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

const eventFields = {
  id: IdSchema,
  type: EventTypeSchema,
  date: DateValueSchema,
  persons: z.array(IdSchema).min(1).max(500),
  case: IdSchema.optional(),
  massEvent: IdSchema.optional(),
  place: PlaceSchema.optional(),
  description: LocalizedTextSchema,
  citations: CitationsSchema,
  notes: z.array(CuratorNoteSchema).max(50).default([]),
};

export const EventSchema = z.strictObject({
  ...eventFields,
  private: z.strictObject({ internalNotes: LongText.optional() }).default({}),
});
export type Event = z.infer<typeof EventSchema>;
export type EventInput = z.input<typeof EventSchema>;

export const PublicEventSchema = z.object(eventFields).meta({ id: "PublicEvent" });
export type PublicEvent = z.infer<typeof PublicEventSchema>;
