import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
} from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { PersonDossier } from "@registry/domain";
import {
  dataVersion,
  publicChangesSince,
  publicDossiers,
  publicDossiersBySlug,
  type Database,
} from "@registry/db";
import type { Request, Response } from "express";
import { CSV_HEAD, csvRow, JSON_TAIL, jsonHead, write, writeOpenData } from "./open-data.ts";

export type OpenDataFormat = "json" | "csv";

/** How the last build was made, for the benchmark and the log. */
export interface BuildReport {
  version: number;
  day: string;
  mode: "full" | "incremental";
  /** Dossiers computed from the database (all of them for a full build). */
  computed: number;
  persons: number;
  seconds: number;
}

/**
 * The open-data downloads (ADR 009, ADR 013). Building 10^5 dossiers takes the server about 45 s and the data
 * changes far less often than it is downloaded: the files are built once per data version and day (both formats
 * in one pass), gzipped into a directory, and later downloads stream them (or, for a client that does not take
 * gzip, inflate them on the way).
 *
 * A write starts the next build at once (the server calls `changed()` on the write pipeline's change signal), and
 * that build is incremental: it asks `publicChangesSince` which persons the writes since the last build touched,
 * computes only their dossiers, and copies every other person's part from the last build's list of parts. A whole
 * rebuild happens for a new day, a change that can touch every page (a source, an organisation) and the first
 * build of a process. A download that finds no file for the current version is streamed from the database while
 * the build runs, so nobody waits for it and nobody gets an older version.
 *
 * Only a file whose version is the current one is ever served: a file built while the data changed is named
 * after the version it started from, which is no longer current, and is discarded, so a record unpublished a
 * moment ago is never in a served file.
 */
export class OpenDataFiles {
  private readonly building = new Map<string, Promise<void>>();
  /** The newest build of this process (the parts of an earlier process may come from another database). */
  private base: { version: number; day: string } | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  last: BuildReport | undefined;

  constructor(
    private readonly database: Database,
    private readonly dir: string,
    private readonly log: (line: string) => void,
    private readonly today: () => string,
  ) {}

  private name(format: OpenDataFormat | "parts", version: number, day: string): string {
    return `persons-${version}-${day}.${format}.gz`;
  }

  /** Answers a download: from the built file when there is one for the current data, otherwise live. */
  async send(format: OpenDataFormat, day: string, req: Request, res: Response): Promise<void> {
    const version = await dataVersion(this.database.db);
    const name = this.name(format, version, day);
    const file = join(this.dir, name);
    const etag = `"${version}-${day}-${format}"`;
    res.setHeader("ETag", etag);
    res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
    if (req.headers["if-none-match"] === etag) {
      res.status(304).end();
      return;
    }
    const head = req.method === "HEAD";
    if (existsSync(file)) {
      res.setHeader("X-Open-Data", "file");
      res.setHeader("Vary", "Accept-Encoding");
      if (head) {
        res.end();
        return;
      }
      if (req.acceptsEncodings("gzip") === "gzip") {
        // Already compressed: the compression middleware leaves an encoded response alone.
        res.setHeader("Content-Encoding", "gzip");
        await pipeline(createReadStream(file), res);
      } else await pipeline(createReadStream(file), createGunzip(), res);
      return;
    }
    void this.build(version, day);
    res.setHeader("X-Open-Data", "live");
    if (!head) await writeOpenData(this.database, day, { [format]: res }, {});
    res.end();
  }

  /** The data changed: build the files of the new version soon (writes in quick succession make one build). */
  changed(delayMs = 100): void {
    if (this.closed || this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.current();
    }, delayMs);
    this.pending.unref();
  }

  /** Builds the files of the current data version and day (the server does so at start and after writes). */
  async current(): Promise<void> {
    if (this.closed) return;
    try {
      await this.build(await dataVersion(this.database.db), this.today());
    } catch (e) {
      this.log(`open data: ${(e as Error).message}`);
    }
  }

  /** Resolves when no build is running. */
  async settled(): Promise<void> {
    while (this.building.size > 0 || this.pending) {
      await Promise.all(this.building.values());
      if (this.pending) await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.closed = true;
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
  }

  /** Builds the files for this version and day unless a build is already running; never throws. */
  build(version: number, day: string): Promise<void> {
    const key = `${version}-${day}`;
    if (this.base?.version === version && this.base.day === day) return Promise.resolve();
    const running = this.building.get(key);
    if (running) return running;
    const task = this.write(version, day)
      .catch((e: unknown) => this.log(`open data: building ${key} failed: ${(e as Error).message}`))
      .finally(() => this.building.delete(key));
    this.building.set(key, task);
    return task;
  }

  private async write(version: number, day: string): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const started = performance.now();
    const kinds = ["json", "csv", "parts"] as const;
    const names = kinds.map((f) => this.name(f, version, day));
    const tmps = names.map((n) => join(this.dir, `${n}.${process.pid}.tmp`));
    try {
      const [json, csv, parts] = [
        createGzip({ level: 6 }),
        createGzip({ level: 6 }),
        createGzip({ level: 1 }),
      ];
      const gzips = [json, csv, parts];
      const done = gzips.map((g, i) => pipeline(g, createWriteStream(tmps[i] as string)));
      await write(json, jsonHead(version, day));
      await write(csv, CSV_HEAD);
      // Each person is also one line of the build's list of parts, `id \t slug \t csv row (a JSON string) \t
      // dossier` (JSON escapes line breaks and tabs): the next build copies the lines of the persons no write
      // touched and computes only the others.
      let first = true;
      const add = async (id: string, slug: string, row: string, dossier: string) => {
        await write(json, (first ? "" : ",\n") + dossier);
        await write(csv, row);
        await write(parts, `${id}\t${slug}\t${JSON.stringify(row)}\t${dossier}\n`);
        first = false;
      };
      const counts = await this.fill(version, day, add);
      await write(json, JSON_TAIL);
      for (const g of gzips) g.end();
      await Promise.all(done);
      // Written while the data changed: it may mix two versions, and its name is already out of date.
      if ((await dataVersion(this.database.db)) !== version) return;
      names.forEach((n, i) => renameSync(tmps[i] as string, join(this.dir, n)));
      this.base = { version, day };
      for (const old of readdirSync(this.dir))
        if (!names.includes(old) && old.startsWith("persons-") && old.endsWith(".gz"))
          rmSync(join(this.dir, old), { force: true });
      this.last = { version, day, ...counts, seconds: (performance.now() - started) / 1000 };
      if (counts.persons >= 1000)
        this.log(
          `open data: version ${version} built (${counts.mode}, ${counts.computed} of ${counts.persons} dossiers computed) in ${this.last.seconds.toFixed(1)} s`,
        );
    } finally {
      for (const t of tmps) rmSync(t, { force: true });
    }
  }

  /** Writes every person's part: copied from the last build where nothing changed, else computed. */
  private async fill(
    version: number,
    day: string,
    add: (id: string, slug: string, row: string, dossier: string) => Promise<void>,
  ): Promise<{ mode: "full" | "incremental"; computed: number; persons: number }> {
    const base = this.base;
    const baseFile = base && join(this.dir, this.name("parts", base.version, base.day));
    const changes =
      base && baseFile && base.day === day && base.version < version && existsSync(baseFile)
        ? await publicChangesSince(this.database.db, base.version)
        : undefined;
    if (!changes || changes.all || changes.version !== version || !baseFile) {
      let persons = 0;
      for await (const batch of publicDossiers(this.database.db, day))
        for (const d of batch) {
          await add(d.person.id, d.person.slug, csvRow(d), JSON.stringify(d));
          persons++;
        }
      return { mode: "full", computed: persons, persons };
    }
    const touched = new Set(changes.slugs);
    const fresh = new Map<string, PersonDossier>();
    for (const d of await publicDossiersBySlug(this.database.db, [...touched], day))
      fresh.set(d.person.id, d);
    let persons = 0;
    const lines = createInterface({
      input: createReadStream(baseFile).pipe(createGunzip()),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      const [id = "", slug = "", row = "", ...rest] = line.split("\t");
      const now = fresh.get(id);
      if (now) {
        fresh.delete(id);
        await add(now.person.id, now.person.slug, csvRow(now), JSON.stringify(now));
      } else if (!touched.has(slug)) await add(id, slug, JSON.parse(row) as string, rest.join("\t"));
      else continue; // touched and no longer public (unpublished, deleted, merged away)
      persons++;
    }
    // Persons published since the last build.
    for (const d of fresh.values()) {
      await add(d.person.id, d.person.slug, csvRow(d), JSON.stringify(d));
      persons++;
    }
    return { mode: "incremental", computed: touched.size, persons };
  }
}
