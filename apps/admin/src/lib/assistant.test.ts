import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  errorsByProposal,
  factDate,
  lineMap,
  linesOf,
  primaryIndex,
  withDate,
  type Fact,
} from "./assistant.ts";

describe("the assistant screen's helpers", () => {
  it("edits a fact's date under its kind's field, keeping it partial, and removes it when emptied", () => {
    const measure: Fact = { kind: "measure", measure: "pre-trial-detention", lines: [5, 5] };
    const dated = withDate(measure, "2024-02");
    expect(dated).toEqual({ ...measure, from: { date: "2024-02" } });
    expect(factDate(dated)).toEqual({ date: "2024-02" });
    const approx: Fact = { kind: "release", date: { date: "2024", approx: true }, lines: [1, 1] };
    expect(withDate(approx, "2024-03")).toEqual({ ...approx, date: { date: "2024-03", approx: true } });
    expect(withDate(approx, " ")).toEqual({ kind: "release", lines: [1, 1] });
  });

  it("takes the first Latin name as primary, as the server does", () => {
    const names = [
      { text: "Асет Абишев", script: "cyrillic-ru" as const, lines: [[1, 1] as [number, number]] },
      { text: "Aset Abishev", script: "latin" as const, lines: [[2, 2] as [number, number]] },
    ];
    expect(primaryIndex({ names, facts: [] })).toBe(1);
    expect(primaryIndex({ names: names.slice(0, 1), facts: [] })).toBe(0);
  });

  it("shows cited lines with their numbers, from the passages and the pasted text", () => {
    const map = lineMap([{ cited: [{ lines: [3, 4], text: "third\nfourth" }] }] as never, "one\ntwo");
    expect(linesOf(map, [2, 4])).toEqual([
      { n: 2, text: "two" },
      { n: 3, text: "third" },
      { n: 4, text: "fourth" },
    ]);
  });

  it("puts the server's messages at the proposals it names by their place in the accepted list", () => {
    const error = new TRPCClientError("Aigerim is already in the registry", {
      result: {
        error: {
          code: -32009,
          message: "Aigerim is already in the registry",
          data: {
            code: "CONFLICT",
            httpStatus: 409,
            fieldErrors: { formErrors: [], fieldErrors: { "proposals.1": ["already in the registry"] } },
          },
        },
      },
    });
    const r = errorsByProposal(error, ["nurlan", "aigerim"]);
    expect(r).toEqual({ byKey: { aigerim: ["already in the registry"] }, rest: false });
    expect(errorsByProposal(new Error("network"), ["nurlan"]).rest).toBe(true);
    expect(errorsByProposal(null, ["nurlan"])).toEqual({ byKey: {}, rest: false });
  });
});
