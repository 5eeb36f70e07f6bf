import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { get } from "./http.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface PageWeight {
  template: string;
  path: string;
  status: number;
  /** Bytes on the wire with `Accept-Encoding: gzip` (the server's own compression). */
  htmlGzip: number;
  htmlRaw: number;
  /** The page plus its stylesheet (what a first visit downloads), compressed. */
  totalGzip: number;
  /** `<script` elements in the page: the public site needs none. */
  scripts: number;
}

export interface AdminWeight {
  status: "built" | "not built";
  files?: { file: string; gzip: number }[];
  /** The entry script and the modules it preloads, gzip -9. */
  initialJsGzip?: number;
}

/** Every public page template, fetched compressed as a browser would, at the size loaded. */
export async function pageWeights(base: string, personSlug: string): Promise<PageWeight[]> {
  const templates: [string, string][] = [
    ["home", "/"],
    ["persons", "/persons"],
    ["person", `/persons/${personSlug}`],
    ["officials", "/officials"],
    ["events", "/events"],
    ["statistics", "/statistics"],
    ["sources", "/sources"],
    ["data", "/data"],
  ];
  const css = await get(`${base}/assets/site.css`, { "accept-encoding": "gzip" });
  const out: PageWeight[] = [];
  for (const [template, path] of templates) {
    const gz = await get(`${base}${path}`, { "accept-encoding": "gzip" });
    const raw = await get(`${base}${path}`);
    const html = raw.body.toString("utf8");
    out.push({
      template,
      path,
      status: gz.status,
      htmlGzip: gz.body.length,
      htmlRaw: raw.body.length,
      totalGzip: gz.body.length + css.body.length,
      scripts: (html.match(/<script\b/gi) ?? []).length,
    });
  }
  return out;
}

/** The admin app's initial JavaScript: the module scripts and modulepreloads of apps/admin/dist/index.html. */
export function adminWeight(): AdminWeight {
  const dist = join(ROOT, "apps/admin/dist");
  const index = join(dist, "index.html");
  if (!existsSync(index)) return { status: "not built" };
  const html = readFileSync(index, "utf8");
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))
    if (m[1]) refs.add(m[1]);
  const files = [...refs].map((ref) => {
    const rel = ref.replace(/^(?:\/admin)?\//, "").replace(/^\.\//, "");
    const path = join(dist, rel);
    return { file: rel, gzip: existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : 0 };
  });
  return { status: "built", files, initialJsGzip: files.reduce((s, f) => s + f.gzip, 0) };
}
