import { describe, expect, it } from "vitest";
import { canChange, type ActorRole, type WriteOp } from "./permissions.ts";
import type { PublicationState } from "./common.ts";

/**
 * The whole table, one cell per role × state × operation: A = applied, P = proposed (a pending revision),
 * - = refused. States: new (no record yet), D draft, R in review, P published, X archived, del (deleted).
 */
const TABLE: Record<WriteOp, Record<Exclude<ActorRole, "system">, string>> = {
  //              new D R P X del
  create: { editor: "A - - - - -", reviewer: "A - - - - -", admin: "A - - - - -" },
  update: { editor: "- A A P A -", reviewer: "- A A A A -", admin: "- A A A A -" },
  revert: { editor: "- A A P A -", reviewer: "- A A A A -", admin: "- A A A A -" },
  import: { editor: "A A A P A -", reviewer: "A A A A A -", admin: "A A A A A -" },
  merge: { editor: "- - - - - -", reviewer: "- A A A A -", admin: "- A A A A -" },
  delete: { editor: "- - - - - -", reviewer: "- A A A A -", admin: "- A A A A -" },
  restore: { editor: "- - - - - -", reviewer: "- - - - - A", admin: "- - - - - A" },
  review: { editor: "- - - - - -", reviewer: "- A A A A -", admin: "- A A A A -" },
  transition: { editor: "", reviewer: "", admin: "" },
};
const STATES: [PublicationState | null, boolean][] = [
  [null, false],
  ["draft", false],
  ["in-review", false],
  ["published", false],
  ["archived", false],
  ["published", true],
];
const code = (v: ReturnType<typeof canChange>) => ("allow" in v ? (v.allow === "apply" ? "A" : "P") : "-");

describe("canChange", () => {
  for (const [op, row] of Object.entries(TABLE) as [WriteOp, Record<string, string>][]) {
    if (op === "transition") continue;
    for (const [role, cells] of Object.entries(row) as [Exclude<ActorRole, "system">, string][]) {
      it(`${role} × ${op}: ${cells}`, () => {
        const got = STATES.map(([state, deleted]) => code(canChange(role, state, deleted, op))).join(" ");
        expect(got).toBe(cells);
      });
    }
  }

  it("lets an editor submit and withdraw, and a reviewer make every allowed transition", () => {
    const moves: [PublicationState, PublicationState, string, string][] = [
      // from, to, editor, reviewer
      ["draft", "in-review", "A", "A"],
      ["in-review", "draft", "A", "A"],
      ["in-review", "published", "-", "A"],
      ["published", "draft", "-", "A"],
      ["published", "archived", "-", "A"],
      ["archived", "draft", "-", "A"],
      ["draft", "published", "-", "-"],
      ["archived", "published", "-", "-"],
    ];
    for (const [from, to, editor, reviewer] of moves) {
      expect(code(canChange("editor", from, false, "transition", to)), `editor ${from}→${to}`).toBe(editor);
      expect(code(canChange("reviewer", from, false, "transition", to)), `reviewer ${from}→${to}`).toBe(
        reviewer,
      );
      expect(code(canChange("admin", from, false, "transition", to)), `admin ${from}→${to}`).toBe(reviewer);
    }
    expect(code(canChange("reviewer", "draft", true, "transition", "in-review"))).toBe("-");
  });

  it("lets the seed (system) write anything, and says why a refusal happened", () => {
    expect(canChange("system", "published", false, "update")).toEqual({ allow: "apply" });
    expect(canChange("editor", "published", true, "update")).toMatchObject({ code: "NOT_FOUND" });
    expect(canChange("editor", "draft", false, "delete")).toMatchObject({ code: "FORBIDDEN" });
    expect(canChange("reviewer", "draft", false, "transition", "published")).toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });
});
