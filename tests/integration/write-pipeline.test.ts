import type { Database } from "@registry/db";
import { canChange, type PublicationState, type WriteOp } from "@registry/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { caller, EDITOR, person, REVIEWER, seedFixture, CANARY } from "../support/fixtures.ts";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

type State = PublicationState | "deleted";
type Path = "update" | "revert" | "import" | "submit" | "delete" | "restore";
const STATES: State[] = ["draft", "in-review", "published", "archived", "deleted"];
const PATHS: Path[] = ["update", "revert", "import", "submit", "delete", "restore"];
const OP: Record<Path, WriteOp> = {
  update: "update",
  revert: "revert",
  import: "import",
  submit: "transition",
  delete: "delete",
  restore: "restore",
};

const errorCode = (e: unknown) => (e as { code?: string }).code ?? "?";

describe.each(BACKENDS)("the write pipeline, every path × role × state, on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await seedFixture(database);
  }, 120_000);
  afterAll(() => database.close());

  /** A fresh person in a state, with a second version (so a revert has somewhere to go). */
  async function personIn(state: State, n: string) {
    const id = `p-cell-${n}`;
    const ed = caller(database, EDITOR).admin.persons;
    const rv = caller(database, REVIEWER).admin.persons;
    let s = await ed.create({ record: person(id, [[`Cell ${n}`, "latin"]]) as never });
    s = await ed.update({
      id,
      version: s.meta.version,
      record: { ...(s.value as object), gender: "male" } as never,
    });
    if (state === "deleted") return rv.delete({ id, version: s.meta.version });
    if (state === "draft") return s;
    s = await ed.submit({ id, version: s.meta.version });
    if (state === "in-review") return s;
    s = await rv.transition({ id, version: s.meta.version, to: "published" });
    if (state === "published") return s;
    return rv.transition({ id, version: s.meta.version, to: "archived" });
  }

  for (const role of ["editor", "reviewer"] as const) {
    it(`does for a ${role} exactly what canChange says, by every path`, async () => {
      const user = role === "editor" ? EDITOR : REVIEWER;
      const api = caller(database, user).admin;
      const got: string[] = [];
      const want: string[] = [];
      let n = 0;
      for (const state of STATES) {
        for (const path of PATHS) {
          const before = await personIn(state, `${role}-${n++}`);
          const id = (before.value as { id: string }).id;
          const deleted = state === "deleted";
          const pubState = before.meta.publicationState;
          const v = canChange(role, pubState, deleted, OP[path], path === "submit" ? "in-review" : undefined);
          want.push(`${state}/${path}: ${"allow" in v ? v.allow : "refused"}`);
          let outcome: string;
          try {
            if (path === "import") {
              const r = await api.import.persons({
                csv: `id,name,gender,source,lines\n${id},Cell Renamed,female,src-1,1-2\n`,
                dryRun: false,
              });
              const row = r.rows[0];
              outcome =
                row?.status === "error"
                  ? "refused"
                  : row?.status === "proposed"
                    ? "propose"
                    : row?.status === "update"
                      ? "apply"
                      : `?${row?.status}`;
            } else {
              const version = before.meta.version;
              const r =
                path === "update"
                  ? await api.persons.update({
                      id,
                      version,
                      record: { ...(before.value as object), gender: "female" } as never,
                    })
                  : path === "revert"
                    ? await api.persons.restoreVersion({ id, version, toVersion: 1 })
                    : path === "submit"
                      ? await api.persons.submit({ id, version })
                      : path === "delete"
                        ? await api.persons.delete({ id, version })
                        : await api.persons.restore({ id, version });
              outcome =
                "proposed" in r && r.proposed ? "propose" : r.meta.version === version + 1 ? "apply" : "?";
            }
          } catch (e) {
            outcome = ["FORBIDDEN", "NOT_FOUND", "PRECONDITION_FAILED"].includes(errorCode(e))
              ? "refused"
              : `?${errorCode(e)}`;
          }
          got.push(`${state}/${path}: ${outcome}`);
          // Whatever happened, a proposal is not visible: the stored record is what it was.
          if (outcome === "propose") {
            const after = await api.persons.get({ id });
            expect(after.meta.version).toBe(before.meta.version);
          }
        }
      }
      expect(got).toEqual(want);
    }, 120_000);
  }

  it("refuses a reference to a record that does not exist, naming the field, and writes nothing", async () => {
    const api = caller(database, EDITOR).admin;
    const bad = person("p-badref", [["Bad Ref", "latin"]], {
      affiliations: [{ organisation: "org-missing", citations: [{ source: "src-1", lines: [1, 1] }] }],
    });
    const e = await api.persons.create({ record: bad as never }).catch((x: unknown) => x);
    expect(errorCode(e)).toBe("BAD_REQUEST");
    expect(JSON.stringify(e)).toContain("org-missing");
    await expect(api.persons.get({ id: "p-badref" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("through HTTP: an editor's import or revert of a published record waits for a reviewer", () => {
  let database: Database;
  let app: HttpApp;
  let editor = "";
  let reviewer = "";
  beforeAll(async () => {
    database = await (BACKENDS[0] as (typeof BACKENDS)[number]).open();
    await seedFixture(database);
    app = await startHttpApp(database);
    editor = await loginOverHttp(app, database, "ed@example.org", "editor");
    reviewer = await loginOverHttp(app, database, "rv@example.org", "reviewer");
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const page = async () => (await fetch(`${app.url}/persons/p-abishev`)).text();
  const query = async (path: string, input: unknown, cookie: string) => {
    const r = await fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { cookie },
    });
    return (await r.json()) as { result?: { data: unknown } };
  };

  it("leaves the public page unchanged until a reviewer approves, and keeps the private data", async () => {
    const before = await page();
    expect(before).toContain("Aset Abishev");
    const imported = await trpc(
      app.url,
      "admin.import.persons",
      { csv: "id,name,source,lines\np-abishev,Asset Abishev,src-1,3-4\n", dryRun: false },
      editor,
    );
    const rows = (imported.body.result as { data: { rows: { status: string }[] } }).data.rows;
    expect(rows[0]?.status).toBe("proposed");
    // A revert of the published record by the editor is a proposal too.
    const got = await query("admin.persons.get", { id: "p-abishev" }, editor);
    const version = (got.result?.data as { meta: { version: number } }).meta.version;
    const revert = await trpc(
      app.url,
      "admin.persons.restoreVersion",
      { id: "p-abishev", version, toVersion: 1 },
      editor,
    );
    expect((revert.body.result as { data: { proposed?: number } }).data.proposed).toBeGreaterThan(0);
    expect(await page()).toBe(before);

    // The reviewer's queue has both; approving the import changes the public page.
    const queue = (await query("admin.revisions.list", { view: "queue" }, reviewer)).result?.data as {
      id: number;
      action: string;
      changes: { field: string }[];
    }[];
    const importRevision = queue.find((r) => r.action === "import");
    expect(importRevision?.changes.map((c) => c.field)).toContain("names");
    // An editor cannot approve.
    const refused = await trpc(app.url, "admin.revisions.approve", { id: importRevision?.id }, editor);
    expect(refused.status).toBe(403);
    const approved = await trpc(app.url, "admin.revisions.approve", { id: importRevision?.id }, reviewer);
    expect(approved.status).toBe(200);
    const after = await page();
    expect(after).toContain("Asset Abishev");
    // The private relatives and contacts are still there (an import row never erases them).
    const stored = (await query("admin.persons.get", { id: "p-abishev" }, reviewer)).result?.data as {
      value: { private: { relatives: { name: string }[]; contacts: { value: string }[] } };
    };
    expect(stored.value.private.relatives[0]?.name).toContain(CANARY);
    expect(stored.value.private.contacts[0]?.value).toContain(CANARY);
    // The revert was proposed on the version before the approval: approving it now is a conflict, not an overwrite.
    const stale = queue.find((r) => r.action === "revert");
    const conflict = await trpc(app.url, "admin.revisions.approve", { id: stale?.id }, reviewer);
    expect(conflict.status).toBe(409);
    expect(await page()).toBe(after);
    // The editor sees the outcome in their inbox.
    const mine = (await query("admin.revisions.list", { view: "mine" }, editor)).result?.data as {
      state: string;
    }[];
    expect(mine.map((r) => r.state).sort()).toEqual(["approved", "pending"]);
  });
});
