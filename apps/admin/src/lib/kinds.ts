import {
  CaseSchema,
  EventSchema,
  MassEventSchema,
  OfficialSchema,
  OrganisationSchema,
  PersonSchema,
  RecognitionSchema,
  SourceSchema,
  primaryName,
  today,
} from "@registry/domain";
import type { z } from "zod";
import type { Kind, KindTypes } from "../trpc.ts";
import type { MessageKey } from "../i18n/en.ts";
import { humanize } from "../i18n/enums.ts";
import { newId } from "./ids.ts";

export interface KindInfo<K extends Kind> {
  route: string;
  nav: MessageKey;
  schema: z.ZodType<KindTypes[K], unknown>;
  /** A record's title; `label` names an enum value in the curator's language (default: the value in words). */
  title: (v: KindTypes[K], label?: (code: string) => string) => string;
  /** A new, empty record with a fresh id (and whatever the schema needs to start from). */
  blank: () => unknown;
}

const year = () => today().slice(0, 4);

export const KIND_INFO: { [K in Kind]: KindInfo<K> } = {
  persons: {
    route: "persons",
    nav: "nav.persons",
    schema: PersonSchema,
    title: (v) => primaryName(v),
    blank: () => ({
      id: newId("p"),
      slug: "",
      names: [{ text: "", script: "latin", primary: true, citations: [] }],
      gender: "unknown",
      ages: [],
      places: [],
      occupations: [],
      roles: [],
      affiliations: [],
      vulnerabilities: [],
      citizenship: [],
      pace: [],
      notes: [],
      visibility: "public",
      private: { relatives: [], contacts: [], consent: "public-source" },
    }),
  },
  cases: {
    route: "cases",
    nav: "nav.cases",
    schema: CaseSchema,
    title: (v) => v.title.en,
    blank: () => ({
      id: newId("c"),
      slug: "",
      title: { en: "" },
      kind: "criminal",
      defendants: [],
      charges: [],
      measures: [],
      sentences: [],
      citations: [],
      notes: [],
      private: {},
    }),
  },
  events: {
    route: "events",
    nav: "nav.events",
    schema: EventSchema,
    title: (v, label = humanize) =>
      `${label(v.type)} · ${v.date.date}${v.description.en ? ` · ${v.description.en.slice(0, 60)}` : ""}`,
    blank: () => ({
      id: newId("e"),
      type: "detained",
      date: { date: today() },
      persons: [],
      description: { en: "" },
      citations: [],
      notes: [],
      private: {},
    }),
  },
  officials: {
    route: "officials",
    nav: "nav.officials",
    schema: OfficialSchema,
    title: (v) => `${v.name}${v.position ? ` (${v.position.en})` : ""}`,
    blank: () => ({
      id: newId("off"),
      slug: "",
      name: "",
      nameVariants: [],
      role: "judge",
      involvements: [],
      citations: [],
      notes: [],
      private: {},
    }),
  },
  organisations: {
    route: "organisations",
    nav: "nav.organisations",
    schema: OrganisationSchema,
    title: (v) => v.name.en,
    blank: () => ({
      id: newId("org"),
      slug: "",
      name: { en: "" },
      nameVariants: [],
      kind: "civic-movement",
      bans: [],
      citations: [],
      notes: [],
    }),
  },
  sources: {
    route: "sources",
    nav: "nav.sources",
    schema: SourceSchema,
    title: (v) => `${v.publisher} (${v.published}): ${v.title}`,
    blank: () => ({
      id: newId("src"),
      slug: "",
      kind: "ngo-report",
      publisher: "",
      title: "",
      published: year(),
      language: "en",
    }),
  },
  massEvents: {
    route: "mass-events",
    nav: "nav.massEvents",
    schema: MassEventSchema,
    title: (v) => `${v.name.en} (${v.date.date})`,
    blank: () => ({
      id: newId("m"),
      slug: "",
      name: { en: "" },
      kind: "rally",
      date: { date: today() },
      places: [],
      detaineeCounts: [],
      detainees: [],
      organisers: [],
      description: { en: "" },
      citations: [],
      notes: [],
    }),
  },
  recognitions: {
    route: "recognitions",
    nav: "nav.recognitions",
    schema: RecognitionSchema,
    title: (v, label = humanize) => `${label(v.body)} · ${v.instrument.en} (${v.date.date})`,
    blank: () => ({
      id: newId("r"),
      body: "european-parliament",
      instrument: { en: "" },
      date: { date: today() },
      kind: "named-political-prisoner",
      persons: [],
      citations: [],
    }),
  },
};

export function infoOf<K extends Kind>(kind: K): KindInfo<K> {
  return KIND_INFO[kind];
}

export function kindOfRoute(route: string): Kind | undefined {
  return (Object.keys(KIND_INFO) as Kind[]).find((k) => KIND_INFO[k].route === route);
}

/** The dashboard names kinds as the database does ("person", "mass-event"); map either form. */
export function kindOfName(name: string): Kind | undefined {
  const plural = name.endsWith("s") ? name : `${name}s`;
  return kindOfRoute(plural) ?? (Object.keys(KIND_INFO) as Kind[]).find((k) => k === name || k === plural);
}

/** Any record's title, when the kind is only known at run time. */
export function titleOf(kind: Kind, value: unknown, label?: (code: string) => string): string {
  try {
    return (KIND_INFO[kind].title as (v: unknown, l?: (code: string) => string) => string)(value, label);
  } catch {
    return (value as { id?: string }).id ?? "?";
  }
}
