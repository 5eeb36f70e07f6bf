import { createCaller, createContextInner, type User } from "@registry/api";
import type { Database } from "@registry/db";

export const EDITOR: User = { id: "u-editor", name: "Editor", role: "editor" };
export const REVIEWER: User = { id: "u-reviewer", name: "Reviewer", role: "reviewer" };
export const ADMIN: User = { id: "u-admin", name: "Admin", role: "admin" };
export const TODAY = "2021-09-01";

export const caller = (database: Database, user: User | null = null) =>
  createCaller(createContextInner({ database, user, today: () => TODAY }));

export const cite = (a: number, b = a) => [{ source: "src-1", lines: [a, b] as [number, number] }];
export const CANARY = "CANARY-7f1c-private";

export function person(
  id: string,
  names: [string, "latin" | "cyrillic-ru" | "cyrillic-kk"][],
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    slug: id,
    names: names.map(([text, script], i) => ({
      text,
      script,
      ...(i === 0 ? { primary: true } : {}),
      citations: cite(1),
    })),
    private: {
      relatives: [{ relation: "wife", name: `${CANARY}-relative-${id}`, citations: cite(2) }],
      contacts: [{ kind: "phone", value: `${CANARY}-phone-${id}` }],
      internalNotes: `${CANARY}-note-${id}`,
    },
    ...extra,
  };
}

/** Creates, submits and publishes a record as a curator would. */
export async function publish(
  database: Database,
  kind: "persons" | "cases" | "events" | "sources" | "organisations",
  record: { id: string; [k: string]: unknown },
) {
  const editor = caller(database, EDITOR).admin[kind];
  const reviewer = caller(database, REVIEWER).admin[kind];
  const created = await editor.create({ record } as never);
  const submitted = await editor.submit({ id: record.id, version: created.meta.version });
  return reviewer.transition({ id: record.id, version: submitted.meta.version, to: "published" });
}

/**
 * A small registry: five people with Latin and Cyrillic spellings, an imprisoned political prisoner, a person
 * under house arrest, one released, one draft and one deleted, each with canary strings in private fields.
 */
export async function seedFixture(database: Database) {
  await publish(database, "sources", {
    id: "src-1",
    slug: "src-1",
    kind: "ngo-report",
    publisher: "Test publisher",
    title: "Test report",
    published: "2021-08",
    language: "en",
  });
  await publish(database, "organisations", {
    id: "org-dck",
    slug: "dck",
    name: { en: "DCK" },
    kind: "banned-movement",
    citations: cite(3),
  });
  const pace = [
    { criterion: "fundamental-freedoms", reasoning: { en: "Jailed for posts." }, citations: cite(4) },
  ];
  await publish(
    database,
    "persons",
    person(
      "p-abishev",
      [
        ["Aset Abishev", "latin"],
        ["Абишев Асет", "cyrillic-ru"],
      ],
      {
        gender: "male",
        pace,
        places: [{ name: { en: "Almaty" }, region: "almaty", citations: cite(5) }],
        affiliations: [{ organisation: "org-dck", alleged: true, citations: cite(5) }],
      },
    ),
  );
  await publish(
    database,
    "persons",
    person(
      "p-kayyrbek",
      [
        ["Askar Kayyrbek", "latin"],
        ["Асқар Қайырбек", "cyrillic-kk"],
      ],
      {
        gender: "male",
        pace,
        places: [{ name: { en: "Shymkent" }, region: "shymkent", citations: cite(6) }],
      },
    ),
  );
  await publish(
    database,
    "persons",
    person("p-zhakupova", [["Aliya Zhakupova", "latin"]], {
      gender: "female",
      places: [{ name: { en: "Nur-Sultan" }, region: "astana", citations: cite(7) }],
    }),
  );
  await publish(
    database,
    "persons",
    person("p-semenova", [["Elena Semenova", "latin"]], {
      gender: "female",
      // A term does not end a status by itself: the source reports that she has served it.
      statusReports: [{ status: "released", asOf: "2020-07", citations: cite(14) }],
    }),
  );
  await publish(database, "persons", person("p-deleted", [["Deleted Person", "latin"]]));
  await caller(database, EDITOR).admin.persons.create({
    record: person("p-draft", [["Draft Person", "latin"]]) as never,
  });

  const c = (id: string, defendant: string, extra: Record<string, unknown>) => ({
    id,
    slug: id,
    title: { en: `Case ${id}` },
    defendants: [defendant],
    charges: [
      {
        person: defendant,
        code: "criminal",
        article: "405",
        part: "2",
        date: { date: "2019-05-10" },
        citations: cite(8),
      },
    ],
    citations: cite(8),
    private: { internalNotes: `${CANARY}-case-${id}` },
    ...extra,
  });
  await publish(
    database,
    "cases",
    c("c-abishev", "p-abishev", {
      sentences: [
        {
          person: "p-abishev",
          kind: "imprisonment",
          imposed: { date: "2018-11-30" },
          termMonths: 48,
          citations: cite(9),
        },
      ],
    }),
  );
  await publish(
    database,
    "cases",
    c("c-kayyrbek", "p-kayyrbek", {
      measures: [
        { person: "p-kayyrbek", kind: "pre-trial-detention", from: { date: "2020-12" }, citations: cite(10) },
      ],
    }),
  );
  await publish(
    database,
    "cases",
    c("c-zhakupova", "p-zhakupova", {
      measures: [
        { person: "p-zhakupova", kind: "house-arrest", from: { date: "2021-03" }, citations: cite(11) },
      ],
    }),
  );
  await publish(
    database,
    "cases",
    c("c-semenova", "p-semenova", {
      sentences: [
        {
          person: "p-semenova",
          kind: "restriction-of-liberty",
          imposed: { date: "2019-06" },
          termMonths: 12,
          citations: cite(12),
        },
      ],
    }),
  );
  await publish(database, "events", {
    id: "e-semenova-fined",
    type: "fined",
    date: { date: "2018-05-10" },
    persons: ["p-semenova"],
    description: { en: "Fined after a rally." },
    citations: cite(13),
    private: { internalNotes: `${CANARY}-event` },
  });
  const reviewer = caller(database, REVIEWER).admin.persons;
  const del = await reviewer.get({ id: "p-deleted" });
  await reviewer.delete({ id: "p-deleted", version: del.meta.version });
}
