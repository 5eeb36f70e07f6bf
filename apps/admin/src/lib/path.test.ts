import { describe, expect, it } from "vitest";
import { canonical, getAt, setAt } from "./path.ts";

describe("paths", () => {
  it("sets a nested value without touching the original, and removes a key set to undefined", () => {
    const a = { names: [{ text: "A", citations: [] }], birthYear: 1980 };
    const b = setAt(a, ["names", 0, "text"], "B");
    expect(getAt(b, ["names", 0, "text"])).toBe("B");
    expect(a.names[0]?.text).toBe("A");
    expect("birthYear" in setAt(a, ["birthYear"], undefined)).toBe(false);
  });

  it("compares values regardless of key order and undefined members", () => {
    expect(canonical({ b: 1, a: [1, { d: undefined, c: 2 }] })).toBe(canonical({ a: [1, { c: 2 }], b: 1 }));
  });
});
