import { describe, expect, it } from "vitest";
import { prettyJson } from "./pretty-json.ts";

describe("prettyJson", () => {
  it("keeps short structures on one line and round-trips exactly, whatever the strings hold", () => {
    const v = {
      id: "x",
      s: 'a,"b":1, c',
      lines: [1, 2],
      nested: { deep: [{ a: 1, b: "q" }], long: "x".repeat(120) },
      e: {},
      arr: [],
    };
    const out = prettyJson(v);
    expect(out).toContain('"lines": [1, 2]');
    expect(JSON.parse(out)).toEqual(v);
  });
});
