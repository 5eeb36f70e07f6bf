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
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { dataVersion, type Database } from "@registry/db";
import type { Request, Response } from "express";
import { writeOpenData } from "./open-data.ts";

export type OpenDataFormat = "json" | "csv";
const FORMATS: readonly OpenDataFormat[] = ["json", "csv"];

/**
 * The open-data downloads (ADR 009). Building 10^5 dossiers takes the server about 45 s, and the data changes far
 * less often than it is downloaded; so the files are built once per data version and day (both formats in one
 * pass), gzipped into a directory, and later downloads stream them (or, for a client that does not take gzip,
 * inflate them on the way). A download that finds no file for the current version starts a build in the
 * background and is itself streamed from the database as before, so nobody waits.
 *
 * Only a file whose version is the current one is ever served: a file built while the data changed is named
 * after the version it started from, which is no longer current, and is discarded, so a record unpublished a
 * moment ago is never in a served file.
 */
export class OpenDataFiles {
  private readonly building = new Map<string, Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly dir: string,
    private readonly log: (line: string) => void,
  ) {}

  private name(format: OpenDataFormat, version: number, day: string): string {
    return `persons-${version}-${day}.${format}.gz`;
  }

  /** The key of one build: both formats of one data version and day. */
  private key(version: number, day: string): string {
    return `${version}-${day}`;
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
    if (!head) await writeOpenData(this.database, day, { [format]: res });
    res.end();
  }

  /** Builds the files for this version and day unless a build is already running; never throws. */
  build(version: number, day: string): Promise<void> {
    const key = this.key(version, day);
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
    const names = FORMATS.map((f) => this.name(f, version, day));
    const tmps = names.map((n) => join(this.dir, `${n}.${process.pid}.tmp`));
    try {
      const gzips = FORMATS.map(() => createGzip({ level: 6 }));
      const done = gzips.map((g, i) => pipeline(g, createWriteStream(tmps[i] as string)));
      await writeOpenData(this.database, day, { json: gzips[0], csv: gzips[1] });
      for (const g of gzips) g.end();
      await Promise.all(done);
      // Written while the data changed: it may mix two versions, and its name is already out of date.
      if ((await dataVersion(this.database.db)) !== version) return;
      names.forEach((n, i) => renameSync(tmps[i] as string, join(this.dir, n)));
      for (const old of readdirSync(this.dir))
        if (!names.includes(old) && old.startsWith("persons-") && old.endsWith(".gz"))
          rmSync(join(this.dir, old), { force: true });
    } finally {
      for (const t of tmps) rmSync(t, { force: true });
    }
  }
}
