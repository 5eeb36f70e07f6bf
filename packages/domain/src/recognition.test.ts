import { describe, expect, it } from "vitest";
import { RecognitionSchema, latestFollowUp } from "./recognition.ts";

const base = {
  id: "r-test",
  body: "un-wgad",
  instrument: { en: "Opinion No. 1/2020" },
  date: { date: "2020-05" },
  kind: "arbitrary-detention",
  persons: ["p-one"],
  citations: [{ source: "s-one", lines: [1, 1] }],
};
const cite = [{ source: "s-two", lines: [5, 6] }];

describe("recognition follow-up", () => {
  it("defaults to no follow-up: unknown", () => {
    const r = RecognitionSchema.parse(base);
    expect(r.followUp).toEqual([]);
    expect(latestFollowUp(r)).toBeUndefined();
  });

  it("needs a citation for every outcome", () => {
    const bad = RecognitionSchema.safeParse({
      ...base,
      followUp: [{ outcome: "followed", asOf: { date: "2021-09-01" }, citations: [] }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/citation/);
  });

  it("rejects an outcome outside the three", () => {
    const bad = RecognitionSchema.safeParse({
      ...base,
      followUp: [{ outcome: "ignored", asOf: { date: "2021" }, citations: cite }],
    });
    expect(bad.success).toBe(false);
  });

  it("keeps partial dates partial and picks the latest report", () => {
    const r = RecognitionSchema.parse({
      ...base,
      followUp: [
        { outcome: "not-followed", asOf: { date: "2023-02" }, citations: cite },
        { outcome: "not-followed", asOf: { date: "2019-08" }, citations: cite },
        { outcome: "partly-followed", asOf: { date: "2021-09-01" }, citations: cite },
      ],
    });
    expect(r.followUp[0]?.asOf).toEqual({ date: "2023-02" });
    expect(latestFollowUp(r)?.asOf.date).toBe("2023-02");
    expect(latestFollowUp({ followUp: r.followUp.slice(1) })?.outcome).toBe("partly-followed");
  });
});
