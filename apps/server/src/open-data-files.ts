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
import { writePersonsCsv, writePersonsJson } from "./open-data.ts";

export type OpenDataFormat = "json" | "csv";

const WRITERS = { json: writePersonsJson, csv: writePersonsCsv } as const;

/**
 * The open-data downloads (ADR 009). Building 10^5 dossiers takes the server about 45 s, and the data changes far
 * less often than it is downloaded; so each file is built once per data version and day, gzipped into a
 * directory, and later downloads stream that file (or, for a client that does not take gzip, inflate it on
 * the way). A download that finds no file for the current version starts a build in the background and is
 * itself streamed from the database as before, so nobody waits.
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
    if (existsSync(file)) {
      res.setHeader("X-Open-Data", "file");
      res.setHeader("Vary", "Accept-Encoding");
      if (req.acceptsEncodings("gzip") === "gzip") {
        // Already compressed: the compression middleware leaves an encoded response alone.
        res.setHeader("Content-Encoding", "gzip");
        await pipeline(createReadStream(file), res);
      } else await pipeline(createReadStream(file), createGunzip(), res);
      return;
    }
    void this.build(format, version, day);
    res.setHeader("X-Open-Data", "live");
    await WRITERS[format](this.database, day, res);
    res.end();
  }

  /** Builds the file for this version and day unless a build is already running; never throws. */
  build(format: OpenDataFormat, version: number, day: string): Promise<void> {
    const name = this.name(format, version, day);
    const running = this.building.get(name);
    if (running) return running;
    const task = this.write(format, version, day, name)
      .catch((e: unknown) => this.log(`open data: building ${name} failed: ${(e as Error).message}`))
      .finally(() => this.building.delete(name));
    this.building.set(name, task);
    return task;
  }

  private async write(format: OpenDataFormat, version: number, day: string, name: string): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `${name}.${process.pid}.tmp`);
    try {
      const gzip = createGzip({ level: 6 });
      const done = pipeline(gzip, createWriteStream(tmp));
      await WRITERS[format](this.database, day, gzip);
      gzip.end();
      await done;
      // Written while the data changed: it mixes two versions, and its name is already out of date.
      if ((await dataVersion(this.database.db)) !== version) return;
      renameSync(tmp, join(this.dir, name));
      for (const old of readdirSync(this.dir))
        if (old !== name && old.startsWith("persons-") && old.endsWith(`.${format}.gz`))
          rmSync(join(this.dir, old), { force: true });
    } finally {
      rmSync(tmp, { force: true });
    }
  }
}
