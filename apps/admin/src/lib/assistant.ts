import { errorInfo } from "./errors.ts";
import type { RouterInputs, RouterOutputs } from "../trpc.ts";

/** The assistant's answers and inputs, as the server's router types them (ADR 017, 018). */
export type Proposed = RouterOutputs["admin"]["assistant"]["propose"];
export type Proposal = Proposed["proposals"][number];
export type AcceptInput = RouterInputs["admin"]["assistant"]["accept"];
export type Accepted = AcceptInput["proposals"][number];
export type Fact = NonNullable<Accepted["facts"]>[number];
export type AcceptResult = RouterOutputs["admin"]["assistant"]["accept"];

/** What the curator decided about one proposal, and the proposal as they edited it. */
export interface Choice {
  status: "open" | "accepted" | "rejected";
  value: Accepted;
}

/** A proposal as the accept procedure takes it, before any edit. */
export function acceptedOf(p: Proposal): Accepted {
  return { names: p.names, ...(p.match ? { match: p.match } : {}), facts: p.facts };
}

/** The name the server makes primary: the first Latin one, else the first (transliterated by the server). */
export const primaryIndex = (a: Accepted): number =>
  Math.max(
    0,
    a.names.findIndex((n) => n.script === "latin"),
  );

/** The date a fact carries, under its kind's field name. */
export const dateKey = (f: Fact): "date" | "from" | "imposed" =>
  f.kind === "measure" ? "from" : f.kind === "sentence" ? "imposed" : "date";

export function factDate(
  f: Fact,
): { date: string; approx?: boolean; qualifier?: "before" | "after" } | undefined {
  const k = dateKey(f);
  return (f as Partial<Record<typeof k, { date: string; approx?: boolean; qualifier?: "before" | "after" }>>)[
    k
  ];
}

/** A fact with its date set to a partial date as written ("2021", "2021-05", "2021-05-14"), or removed when empty. */
export function withDate(f: Fact, text: string): Fact {
  const k = dateKey(f);
  const old = factDate(f);
  const copy: Record<string, unknown> = { ...f };
  if (text.trim() === "") delete copy[k];
  else copy[k] = { ...old, date: text.trim() };
  return copy as Fact;
}

/** Every line of the text the curator can see beside a proposal: the cited passages, and a pasted text. */
export function lineMap(proposals: readonly Proposal[], text?: string): Map<number, string> {
  const map = new Map<number, string>();
  if (text) text.split(/\r\n|\r|\n/).forEach((l, i) => map.set(i + 1, l));
  for (const p of proposals)
    for (const c of p.cited)
      c.text.split("\n").forEach((l, i) => {
        if (!map.has(c.lines[0] + i)) map.set(c.lines[0] + i, l);
      });
  return map;
}

/** Lines `from`–`to` with their numbers (a line the map lacks shows as empty text). */
export function linesOf(map: Map<number, string>, [from, to]: readonly [number, number]) {
  const out: { n: number; text: string }[] = [];
  for (let n = from; n <= Math.min(to, from + 30); n++) out.push({ n, text: map.get(n) ?? "" });
  return out;
}

/**
 * An accept error's messages by proposal key: the server names a proposal by its place in the accepted list
 * (`proposals.3...`); anything else is the whole request's.
 */
export function errorsByProposal(
  error: unknown,
  sentKeys: readonly string[],
): { byKey: Record<string, string[]>; rest: boolean } {
  const byKey: Record<string, string[]> = {};
  if (!error) return { byKey, rest: false };
  let rest = false;
  const info = errorInfo(error);
  for (const [path, msgs] of Object.entries(info.fields)) {
    const m = /^proposals\.(\d+)/.exec(path);
    const key = m ? sentKeys[Number(m[1])] : undefined;
    if (key) (byKey[key] ??= []).push(...msgs);
    else rest = true;
  }
  if (Object.keys(info.fields).length === 0) rest = true;
  return { byKey, rest };
}
