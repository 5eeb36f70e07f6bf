import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server.ts";

/** The Nu HTML Checker (vnu-jar from npm) needs Java; without it this suite is skipped, and says so. */
function hasJava(): boolean {
  try {
    execFileSync("java", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const java = hasJava();
if (!java)
  console.warn(
    "html-validity: skipped, no `java` on PATH (the Nu HTML Checker needs Java 11+: apt-get install default-jre-headless)",
  );

describe.skipIf(!java)("the Nu HTML Checker finds no errors in the public pages", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-vnu-"));
  const pagesDir = mkdtempSync(join(tmpdir(), "registry-vnu-pages-"));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir });
  }, 120_000);
  afterAll(async () => {
    server.signal("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(pagesDir, { recursive: true, force: true });
  });

  it("checks home, lists, person, statistics, about, help, recognition and the readers' form in three languages", async () => {
    const paths = [
      "/",
      "/persons",
      "/persons?list=political-prisoners&asOf=2021-09-01",
      "/persons?page=2",
      "/persons/askar-kayyrbek",
      "/persons/aset-abishev",
      "/officials",
      "/events",
      "/statistics",
      "/about",
      "/help",
      // A person page with a "How to help" section (ADR 020).
      "/persons/almat-zhumagulov",
      "/recognition",
      "/sources",
      "/data",
      // The readers' form (ADR 021), general and for a person, and its confirmation.
      "/submit",
      "/submit?person=askar-kayyrbek",
      "/submit/sent",
    ];
    const files: string[] = [];
    const names = new Map<string, string>();
    for (const prefix of ["", "/ru", "/kk"])
      for (const path of paths) {
        const url = `${prefix}${path === "/" && prefix ? "" : path}`;
        const r = await fetch(server.url + url);
        expect([url, r.status]).toEqual([url, 200]);
        const file = join(pagesDir, `page-${files.length}.html`);
        writeFileSync(file, await r.text());
        files.push(file);
        names.set(`page-${files.length - 1}.html`, url);
      }
    const jar = createRequire(import.meta.url)("vnu-jar") as string;
    // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
    const { stderr } = await promisify(execFile)(
      "java",
      ["-jar", jar, "--errors-only", "--format", "json", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((e: { stderr: string }) => ({ stderr: e.stderr }));
    const report = JSON.parse(stderr) as { messages: { url: string; message: string; type: string }[] };
    const errors = report.messages
      .filter((m) => m.type === "error")
      .map((m) => `${names.get(m.url.split("/").pop() ?? "") ?? m.url}: ${m.message}`);
    expect(errors).toEqual([]);
  }, 240_000);
});
