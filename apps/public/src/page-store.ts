import { closeSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import { page, type StoredPage } from "./page.ts";

/** Where a slot's bodies are: in a memory chunk (its id, ≥ 0), in the spill file, or nowhere (a free slot). */
const IN_FILE = -1;
const FREE = -2;
/** An ETag is `"` + 27 characters of a hash + `"`; a slot keeps up to this many of its bytes. */
const ETAG_BYTES = 32;

/** A block of memory that pages' bodies are appended to; never written again, dropped whole. */
interface Chunk {
  id: number;
  buf: Buffer;
  used: number;
  /** The slots placed here, with where (a slot freed and used again elsewhere no longer points here). */
  slots: number[];
  ats: number[];
}

/**
 * The public pages rendered for the current data version, by address. Writes drop what they touched (the
 * pages of the persons a change names, every list and total), so what is here is always current; the site fills
 * it when it renders a page and a background pass fills it ahead of the first reader.
 *
 * At 10^5 persons the store holds 300,000 pages, and the JavaScript heap must not hold 300,000 objects for
 * them: V8's full collections then pause the server for 50–70 ms (ADR 013, "The page store's memory"). So a
 * page's head is a slot in typed arrays, its bodies are bytes in a few large chunks of memory (or in the spill
 * file), and the heap keeps one string per page, its address. `get` makes a small page object on each read.
 *
 * Up to `maxBytes` of chunks are kept, and past it the oldest chunk goes: its persons' pages move to the spill
 * file when there is one (about 60 bytes a page stay in memory) and are dropped otherwise; the shared pages
 * (home, lists, totals: about a hundred, read by most readers) are copied to the newest chunk. The spill file is
 * the server's scratch space (mode 0600), emptied when the store is cleared and rewritten when mostly garbage.
 */
export class PageStore {
  private readonly index = new Map<string, number>();
  private urls: (string | undefined)[] = [];
  private free: number[] = [];
  private capacity = 0;
  private status = new Uint16Array(0);
  private length = new Uint32Array(0);
  private gz = new Uint32Array(0);
  private br = new Uint32Array(0);
  private where = new Int32Array(0);
  private at = new Float64Array(0);
  private day = new Uint16Array(0);
  private slug = new Int32Array(0);
  private etag = new Uint8Array(0);
  private readonly days: string[] = [];
  private readonly dayIds = new Map<string, number>();
  private slugs: string[] = [];
  private slugIds = new Map<string, number>();
  private chunks: Chunk[] = [];
  private nextChunk = 0;
  private readonly chunkSize: number;
  private used = 0;
  private fd: number | undefined;
  private end = 0;
  private live = 0;
  /** Counts removals: a background save of the store gives up when it changes. */
  generation = 0;
  constructor(
    readonly maxBytes: number = 256 * 1024 * 1024,
    readonly spillFile?: string,
  ) {
    this.chunkSize = Math.max(1, Math.min(16 << 20, Math.floor(maxBytes / 16)));
  }

  /** Whether pages past the memory budget are kept on disk rather than dropped. */
  get spills(): boolean {
    return this.spillFile !== undefined;
  }
  /** Bytes of memory taken by pages' bodies (whole chunks, with what was dropped from them). */
  get bytes(): number {
    return this.used;
  }
  /** Bytes of live pages in the spill file. */
  get spilledBytes(): number {
    return this.live;
  }
  get size(): number {
    return this.index.size;
  }
  /** Whether a page is kept in memory (not only in the spill file). */
  inMemory(url: string): boolean {
    const s = this.index.get(url);
    return s !== undefined && (this.where[s] ?? FREE) >= 0;
  }
  get(url: string): StoredPage | undefined {
    const s = this.index.get(url);
    return s === undefined ? undefined : this.read(s);
  }
  /** The day a page was rendered for, without reading it. */
  dayOf(url: string): string | undefined {
    const s = this.index.get(url);
    return s === undefined ? undefined : this.days[this.day[s] as number];
  }
  has(url: string): boolean {
    return this.index.has(url);
  }
  set(url: string, p: StoredPage): void {
    this.delete(url);
    const s = this.slot();
    this.urls[s] = url;
    this.status[s] = p.status;
    this.length[s] = p.length;
    this.gz[s] = p.gzip.length;
    this.br[s] = p.br.length;
    this.day[s] = intern(this.days, this.dayIds, p.day);
    this.slug[s] = p.slug ? intern(this.slugs, this.slugIds, p.slug) : -1;
    const tag = Buffer.from(p.etag, "latin1");
    if (tag.length >= ETAG_BYTES) throw new Error(`ETag too long: ${p.etag}`);
    this.etag[s * ETAG_BYTES] = tag.length;
    this.etag.set(tag, s * ETAG_BYTES + 1);
    this.index.set(url, s);
    this.place(s, p.gzip, p.br);
  }
  delete(url: string): void {
    const s = this.index.get(url);
    if (s === undefined) return;
    if (this.where[s] === IN_FILE) this.live -= (this.gz[s] as number) + (this.br[s] as number);
    this.index.delete(url);
    this.urls[s] = undefined;
    this.where[s] = FREE;
    this.free.push(s);
    this.generation++;
  }
  /** Drops the pages of these persons and every page that is not one person's. */
  invalidate(slugs: ReadonlySet<string>): void {
    const ids = new Set<number>();
    for (const slug of slugs) {
      const id = this.slugIds.get(slug);
      if (id !== undefined) ids.add(id);
    }
    for (const [url, s] of this.index) {
      const id = this.slug[s] as number;
      if (id < 0 || ids.has(id)) this.delete(url);
    }
  }
  /** Every page kept (those in the spill file read from it one by one). */
  *entries(): IterableIterator<[string, StoredPage]> {
    for (const [url, s] of [...this.index]) {
      if (this.index.get(url) !== s) continue;
      yield [url, this.read(s)];
    }
  }
  clear(): void {
    this.generation++;
    this.index.clear();
    this.urls = [];
    this.free = [];
    this.capacity = 0;
    this.grow(0);
    this.slugs = [];
    this.slugIds = new Map();
    this.chunks = [];
    this.used = 0;
    this.live = 0;
    this.end = 0;
    this.closeFile();
  }

  /** A slot's bodies (gzip, then brotli): a view of its chunk's bytes, or read from the spill file. */
  private bodies(s: number): Buffer {
    const n = (this.gz[s] as number) + (this.br[s] as number);
    const w = this.where[s] as number;
    const at = this.at[s] as number;
    if (w >= 0) {
      // The chunks' ids are consecutive, oldest first.
      const chunk = this.chunks[w - (this.chunks[0] as Chunk).id] as Chunk;
      return chunk.buf.subarray(at, at + n);
    }
    const bytes = Buffer.allocUnsafe(n);
    readSync(this.fd as number, bytes, 0, n, at);
    return bytes;
  }
  /** A page object for a slot, its bodies as `bodies` gives them. */
  private read(s: number): StoredPage {
    const gz = this.gz[s] as number;
    const bodies = this.bodies(s);
    const e = s * ETAG_BYTES;
    const slug = this.slug[s] as number;
    return page(
      {
        status: this.status[s] as number,
        etag: Buffer.from(this.etag.buffer, this.etag.byteOffset + e + 1, this.etag[e]).toString("latin1"),
        day: this.days[this.day[s] as number] as string,
        length: this.length[s] as number,
        slug: slug < 0 ? undefined : this.slugs[slug],
      },
      bodies.subarray(0, gz),
      bodies.subarray(gz),
    );
  }
  private slot(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const s = this.urls.length;
    if (s >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    this.urls.push(undefined);
    return s;
  }
  private grow(capacity: number): void {
    this.status = resized(this.status, capacity);
    this.length = resized(this.length, capacity);
    this.gz = resized(this.gz, capacity);
    this.br = resized(this.br, capacity);
    this.where = resized(this.where, capacity);
    this.at = resized(this.at, capacity);
    this.day = resized(this.day, capacity);
    this.slug = resized(this.slug, capacity);
    this.etag = resized(this.etag, capacity * ETAG_BYTES);
    this.capacity = capacity;
  }
  /** Copies a slot's bodies into the newest chunk, making room by dropping the oldest chunks first. */
  private place(s: number, gzip: Buffer, br: Buffer): void {
    const n = gzip.length + br.length;
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk && chunk.used + n <= chunk.buf.length) return this.put(chunk, s, gzip, br);
    // The shared pages of the dropped chunks go to the new one with this page (they are few, and stay in memory
    // even past the budget rather than be lost).
    const rescued: [number, Buffer][] = [];
    let pending = 0;
    while (this.chunks.length > 0 && this.used + Math.max(this.chunkSize, n + pending) > this.maxBytes)
      pending += this.evict(this.chunks.shift() as Chunk, rescued);
    const size = Math.max(this.chunkSize, n + pending);
    chunk = { id: this.nextChunk++, buf: Buffer.allocUnsafeSlow(size), used: 0, slots: [], ats: [] };
    this.chunks.push(chunk);
    this.used += size;
    this.put(chunk, s, gzip, br);
    for (const [r, bytes] of rescued) {
      const gz = this.gz[r] as number;
      this.put(chunk, r, bytes.subarray(0, gz), bytes.subarray(gz));
    }
  }
  private put(chunk: Chunk, s: number, gzip: Buffer, br: Buffer): void {
    const at = chunk.used;
    gzip.copy(chunk.buf, at);
    br.copy(chunk.buf, at + gzip.length);
    chunk.used += gzip.length + br.length;
    chunk.slots.push(s);
    chunk.ats.push(at);
    this.where[s] = chunk.id;
    this.at[s] = at;
  }
  /** Drops a chunk: its persons' pages to the spill file (or away), its shared pages to be placed again (their
   * bytes are returned). */
  private evict(chunk: Chunk, rescued: [number, Buffer][]): number {
    this.used -= chunk.buf.length;
    let kept = 0;
    chunk.slots.forEach((s, i) => {
      const at = chunk.ats[i] as number;
      if (this.where[s] !== chunk.id || this.at[s] !== at) return;
      const bytes = chunk.buf.subarray(at, at + (this.gz[s] as number) + (this.br[s] as number));
      if ((this.slug[s] as number) < 0) {
        rescued.push([s, bytes]);
        kept += bytes.length;
      } else if (this.spillFile) this.spill(s, bytes);
      else this.delete(this.urls[s] as string);
    });
    return kept;
  }
  private spill(s: number, bytes: Buffer): void {
    if (this.fd === undefined) {
      this.fd = openSync(this.spillFile as string, "w+", 0o600);
      this.end = 0;
    }
    // Mostly garbage (pages replaced or dropped since): start the file again with the live pages.
    if (this.end > 64 * 1024 * 1024 && this.live < this.end / 3) this.compact();
    writeSync(this.fd, bytes, 0, bytes.length, this.end);
    this.where[s] = IN_FILE;
    this.at[s] = this.end;
    this.end += bytes.length;
    this.live += bytes.length;
  }
  /** Copies the live pages of the spill file to a new file, which takes its place. */
  private compact(): void {
    const file = this.spillFile as string;
    const next = openSync(`${file}.compact`, "w+", 0o600);
    let end = 0;
    for (const s of this.index.values()) {
      if (this.where[s] !== IN_FILE) continue;
      const bytes = this.bodies(s);
      writeSync(next, bytes, 0, bytes.length, end);
      this.at[s] = end;
      end += bytes.length;
    }
    this.closeFile();
    renameSync(`${file}.compact`, file);
    this.fd = next;
    this.end = end;
  }
  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The number of a string in a table of them (days, slugs: each kept once, not once per page). */
function intern(table: string[], ids: Map<string, number>, value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = table.length;
    table.push(value);
    ids.set(value, id);
  }
  return id;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
/** A copy of a typed array with room for `n` items (the first `n` of the old one). */
function resized<T extends Typed>(old: T, n: number): T {
  const next = new (old.constructor as new (n: number) => T)(n);
  next.set(old.subarray(0, Math.min(old.length, n)));
  return next;
}
