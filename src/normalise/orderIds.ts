// First-seen origin of every order id, per platform, across all order files of a run.
// Order files can hold tens of millions of rows, so nothing here is a JS object per id:
// the ids' UTF-8 bytes go into an arena of fixed-size chunks, each entry has a packed
// origin (file, line) and a hash, and an open-addressing table of entry numbers finds
// them. About 30 bytes per id, against ~80 for a Map of strings. The entry number of an
// id is also how the collector refers to it (`idAt`), so ids are stored once.

const CHUNK_BITS = 16; // entries per chunk: 65 536
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;
const ARENA_CHUNK = 1 << 22; // bytes per arena chunk (4 MiB); an id never straddles two

const encoder = new TextEncoder();

/** FNV-1a over an id's bytes, as an unsigned 32-bit integer (computed where the bytes are). */
export function hashId(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

/** The table hash of an id on a platform: hashId mixed with the platform's number. */
export function keyHash(idHash: number, platformId: number): number {
  let h = (idHash ^ Math.imul(platformId + 1, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class OrderIdIndex {
  private readonly platforms = new Map<string, number>();
  private n = 0;
  // per entry, chunked: arena offset, length, platform, origin (file, line)
  private readonly offs: Uint32Array[] = [];
  private readonly lens: Uint16Array[] = [];
  private readonly plats: Uint16Array[] = [];
  private readonly files: Uint16Array[] = [];
  private readonly lines: Uint32Array[] = [];
  // id bytes
  private readonly arena: Buffer[] = [];
  private arenaUsed = ARENA_CHUNK; // forces a first chunk
  // open addressing over pairs [entry + 1 (0 = free), hash]: a probe reads one cache line
  private table = new Int32Array(2 << 12);
  private scratch = new Uint8Array(256);
  /** Entry number of the last successful claim (for the collector). */
  lastClaim = -1;

  /** Number of distinct ids recorded (all platforms). */
  get size(): number {
    return this.n;
  }

  platformId(platform: string): number {
    let p = this.platforms.get(platform);
    if (p === undefined) {
      p = this.platforms.size;
      this.platforms.set(platform, p);
    }
    return p;
  }

  /**
   * Records the id at (file, line) unless the platform already has it; returns the earlier
   * origin in that case (and records nothing).
   */
  claim(platform: string, orderId: string, file: number, line: number): { file: number; line: number } | undefined {
    let b = this.scratch;
    if (orderId.length * 3 > b.length) b = this.scratch = new Uint8Array(orderId.length * 3 + 16);
    const len = encoder.encodeInto(orderId, b).written;
    const pid = this.platformId(platform);
    const e = this.claimBytes(pid, b, 0, len, keyHash(hashId(b, 0, len), pid), file, line);
    if (e >= 0) return undefined;
    return this.originOf(-e - 1);
  }

  /**
   * The byte form of claim: returns the new entry number (≥ 0), or -(earlier entry) - 1
   * when the platform already has the id. `hash` is keyHash(hashId(b, start, end), platformId).
   */
  claimBytes(platformId: number, b: Uint8Array, start: number, end: number, hash: number, file: number, line: number): number {
    if (this.sealed) throw new Error('OrderIdIndex: claim after seal');
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const h = hash | 0;
    let slot = hash & mask;
    const len = end - start;
    for (;;) {
      const t = table[slot << 1];
      if (t === 0) break;
      if (table[(slot << 1) + 1] === h) {
        const e = t - 1;
        const c = e >>> CHUNK_BITS;
        const i = e & MASK;
        if (this.plats[c][i] === platformId && this.lens[c][i] === len && this.sameBytes(e, b, start, len)) return -e - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (len > 0xffff) throw new RangeError('order id longer than 65535 bytes');
    if (platformId > 0xffff || file > 0xffff || line > 0xffffffff) throw new RangeError('more than 65535 platforms or files, or a line past 2^32');
    const e = this.n++;
    const c = e >>> CHUNK_BITS;
    const i = e & MASK;
    if (i === 0) {
      this.offs.push(new Uint32Array(new SharedArrayBuffer(CHUNK * 4)));
      this.lens.push(new Uint16Array(new SharedArrayBuffer(CHUNK * 2)));
      this.plats.push(new Uint16Array(CHUNK));
      this.files.push(new Uint16Array(CHUNK));
      this.lines.push(new Uint32Array(CHUNK));
    }
    // arena
    if (this.arenaUsed + len > ARENA_CHUNK) {
      if ((this.arena.length + 1) * ARENA_CHUNK > 0xffffffff) throw new RangeError('order ids take more than 4 GiB');
      this.arena.push(Buffer.from(new SharedArrayBuffer(Math.max(ARENA_CHUNK, len))));
      this.arenaUsed = 0;
    }
    const a = this.arena[this.arena.length - 1];
    let o = this.arenaUsed;
    for (let k = start; k < end; k++) a[o++] = b[k];
    this.offs[c][i] = (this.arena.length - 1) * ARENA_CHUNK + this.arenaUsed;
    this.arenaUsed = o;
    this.lens[c][i] = len;
    this.plats[c][i] = platformId;
    this.files[c][i] = file;
    this.lines[c][i] = line;
    table[slot << 1] = e + 1;
    table[(slot << 1) + 1] = h;
    if (this.n * 10 > (table.length >> 1) * 7) this.resize((table.length >> 1) * 2);
    this.lastClaim = e;
    return e;
  }

  /** Makes room for at least n ids in all without the table growing on the way. */
  reserve(n: number): void {
    let size = this.table.length >> 1;
    while (n * 10 > size * 7) size *= 2;
    if (size > this.table.length >> 1) this.resize(size);
  }

  private sameBytes(e: number, b: Uint8Array, start: number, len: number): boolean {
    const off = this.offs[e >>> CHUNK_BITS][e & MASK];
    const a = this.arena[Math.floor(off / ARENA_CHUNK)];
    const o = off % ARENA_CHUNK;
    for (let k = 0; k < len; k++) if (a[o + k] !== b[start + k]) return false;
    return true;
  }

  private resize(size: number): void {
    const mask = size - 1;
    const t = new Int32Array(size * 2);
    const old = this.table;
    for (let k = 0; k < old.length; k += 2) {
      const v = old[k];
      if (v === 0) continue;
      const h = old[k + 1];
      let slot = h & mask;
      while (t[slot << 1] !== 0) slot = (slot + 1) & mask;
      t[slot << 1] = v;
      t[(slot << 1) + 1] = h;
    }
    this.table = t;
  }

  /**
   * Reading is over: drops what only claims need (the table, origins, platforms),
   * keeping the ids for idAt. Claims after this throw.
   */
  seal(): void {
    this.table = new Int32Array(0);
    this.files.length = 0;
    this.lines.length = 0;
    this.plats.length = 0;
    this.sealed = true;
  }
  private sealed = false;

  originOf(e: number): { file: number; line: number } {
    return { file: this.files[e >>> CHUNK_BITS][e & MASK], line: this.lines[e >>> CHUNK_BITS][e & MASK] };
  }

  /** The ids' memory, for threads that read ids (SharedIds); valid once sealed. */
  shared(): SharedIdMemory {
    return {
      arena: this.arena.map((b) => b.buffer as SharedArrayBuffer),
      offs: this.offs.map((a) => a.buffer as SharedArrayBuffer),
      lens: this.lens.map((a) => a.buffer as SharedArrayBuffer),
    };
  }

  /** The id of an entry, as a string. */
  idAt(e: number): string {
    const c = e >>> CHUNK_BITS;
    const i = e & MASK;
    const off = this.offs[c][i];
    const a = this.arena[Math.floor(off / ARENA_CHUNK)];
    const o = off % ARENA_CHUNK;
    return (a as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(o, o + this.lens[c][i]);
  }
}

export interface SharedIdMemory {
  arena: SharedArrayBuffer[];
  offs: SharedArrayBuffer[];
  lens: SharedArrayBuffer[];
}

/** The ids of a sealed OrderIdIndex, read from another thread. */
export class SharedIds {
  private readonly arena: Buffer[];
  private readonly offs: Uint32Array[];
  private readonly lens: Uint16Array[];
  constructor(m: SharedIdMemory) {
    this.arena = m.arena.map((b) => Buffer.from(b));
    this.offs = m.offs.map((b) => new Uint32Array(b));
    this.lens = m.lens.map((b) => new Uint16Array(b));
  }
  idAt(e: number): string {
    const off = this.offs[e >>> CHUNK_BITS][e & MASK];
    const a = this.arena[Math.floor(off / ARENA_CHUNK)];
    const o = off % ARENA_CHUNK;
    return (a as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(o, o + this.lens[e >>> CHUNK_BITS][e & MASK]);
  }
}
