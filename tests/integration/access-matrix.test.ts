import { appRouter, createCaller, createContextInner, POLICY, type Caller } from "@registry/api";
import { userStore, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
  // Real users behind the synthetic sessions, so the login steps reach their handlers.
  for (const [id, role] of [
    ["u-p", "editor"],
    ["u-e", "editor"],
    ["u-r", "reviewer"],
    ["u-a", "admin"],
  ] as const) {
    await userStore.create(database.db, {
      id,
      email: `${id}@example.org`,
      name: id,
      role,
      passwordHash: "x",
    });
  }
});
afterAll(() => database.close());

const USERS: Record<
  Exclude<Caller, "anonymous" | "pending">,
  { id: string; name: string; role: "editor" | "reviewer" | "admin" }
> = {
  editor: { id: "u-e", name: "E", role: "editor" },
  reviewer: { id: "u-r", name: "R", role: "reviewer" },
  admin: { id: "u-a", name: "A", role: "admin" },
};

function callerAs(who: Caller) {
  const session =
    who === "anonymous"
      ? null
      : {
          tokenHash: "x".repeat(64),
          userId: who === "pending" ? "u-p" : USERS[who].id,
          secondFactor: who !== "pending",
        };
  const user = who === "anonymous" || who === "pending" ? null : USERS[who];
  return createCaller(createContextInner({ database, user, session }));
}

/** Calls a procedure by its dotted path with an empty input; refused means UNAUTHORIZED or FORBIDDEN. */
async function refused(who: Caller, path: string): Promise<boolean> {
  let fn: unknown = callerAs(who);
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  try {
    await (fn as (input: unknown) => Promise<unknown>)({});
    return false;
  } catch (e) {
    if (e instanceof TRPCError) return e.code === "UNAUTHORIZED" || e.code === "FORBIDDEN";
    return false;
  }
}

const procedures = Object.keys(appRouter._def.procedures).sort();
const CALLERS: Caller[] = ["anonymous", "pending", "editor", "reviewer", "admin"];

describe("access matrix (security.md B3)", () => {
  it("declares a policy for every procedure, and no policy for a procedure that does not exist", () => {
    expect(procedures.filter((p) => !(p in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  it.each(procedures)("%s answers each caller as the policy says", async (path) => {
    const allowed = POLICY[path] ?? [];
    const actual: Caller[] = [];
    for (const who of CALLERS) if (!(await refused(who, path))) actual.push(who);
    expect(actual).toEqual(allowed);
  });
});
