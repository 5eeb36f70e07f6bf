import { execFileSync } from "node:child_process";
import { arch, cpus, platform, release, totalmem, type as osType } from "node:os";

export interface Row {
  metric: string;
  value: string;
  limit: string;
  ratio: string;
  /** true / false against a target; null when the figure has no target (information only). */
  met: boolean | null;
}

export interface Machine {
  os: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  commit: string | null;
}

/** The commit measured (git's answer, so that a worktree or a packed ref is read right); null outside a clone. */
function commitOf(root: string): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

export function machine(root: string): Machine {
  return {
    os: `${osType()} ${release()} (${platform()})`,
    arch: arch(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    commit: commitOf(root),
  };
}

const metText = (m: boolean | null) => (m === null ? "–" : m ? "yes" : "NO");

export function textTable(rows: readonly Row[]): string {
  const head = ["metric", "value", "limit", "ratio / target", "met"];
  const cells = rows.map((r) => [r.metric, r.value, r.limit, r.ratio, metText(r.met)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function markdownTable(rows: readonly Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    "| metric | value | limit | ratio / target | met |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${[r.metric, r.value, r.limit, r.ratio, metText(r.met)].map(esc).join(" | ")} |`),
  ].join("\n");
}

export const fmt = {
  ms: (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`),
  int: (v: number) => Math.round(v).toLocaleString("en-US"),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
  mb: (v: number) => `${Math.round(v)} MB`,
  pct: (v: number) => `${Math.round(v * 100)}%`,
  x: (v: number) => `${v.toFixed(v >= 10 ? 0 : 1)}×`,
  size: (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n)),
};
