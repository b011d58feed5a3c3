// First-seen origin of every order id, per platform, across all order files of a run.
// Order files can hold tens of millions of rows, so nothing here is a JS object per id:
// the ids' UTF-8 bytes go into an arena of fixed-size chunks, each entry has a packed
// origin (file, line) and a hash. The entry number of an id is also how the collector
// refers to it (`idAt`), so ids are stored once.
//
// Two ways to find duplicates. At once: an open-addressing table of entry numbers answers
// each claim (what a reader that hands rows on one by one needs). Deferred: claims only
// record, and `resolveDuplicates` finds every later copy at the end by sorting the hashes —
// a few sequential passes instead of a cache miss per row in a table that outgrows the
// caches (for the audit, whose collector can drop rows after reading).

const ARENA_CHUNK = 1 << 24; // bytes per arena chunk (16 MiB); an id never straddles two
/** Int32 fields per entry: arena offset (unsigned), length | platform << 16, file, line (unsigned). */
const REC = 4;

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

/** Ids of consecutive rows as a reader batch holds them (read/fast/orders.ts OrderBatch). */
export interface IdBatch {
  /** Rows 0..used-1; id k is idBytes[idEnd[k-1] (0 for k = 0), idEnd[k]). */
  used: number;
  idBytes: Uint8Array;
  idEnd: Int32Array;
  /** hashId of each id. */
  idHash: Uint32Array;
  /** Line of each row, before `lineOffset`. */
  line: Float64Array;
}

export interface Duplicates {
  /** Entries that repeat an earlier entry's id on the same platform, ascending. */
  later: Int32Array;
  /** For each, the first entry with that id on that platform. */
  first: Int32Array;
  /** By entry: 1 for a later copy. */
  mask: Uint8Array;
}

export class OrderIdIndex {
  /** True when claims only record and duplicates are found by resolveDuplicates. */
  readonly deferred: boolean;
  constructor(opts: { deferred?: boolean } = {}) {
    this.deferred = opts.deferred ?? false;
  }
  /** Deferred: the table hash of each entry. */
  private hashes = new Uint32Array(0);

  private readonly platforms = new Map<string, number>();
  private n = 0;
  /**
   * Entries, REC int32s each, in one array: a claim writes one place, not five (measured:
   * separate arrays per field made a claim about 1.7 times as slow). Shared memory, so that
   * rule threads can read ids (SharedIds).
   */
  private rec = new Int32Array(new SharedArrayBuffer(REC * 4 * 1024));
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
      if (p > 0xffff) throw new RangeError('more than 65536 platforms');
      this.platforms.set(platform, p);
    }
    return p;
  }

  /**
   * Records the id at (file, line) unless the platform already has it; returns the earlier
   * origin in that case (and records nothing).
   */
  claim(platform: string, orderId: string, file: number, line: number): { file: number; line: number } | undefined {
    // (Deferred: always undefined; resolveDuplicates answers at the end.)
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
    const at = this.place(b, start, end);
    this.room(1);
    return this.claimAt(at, end - start, platformId, hash, file, line);
  }

  /**
   * claimBytes for every row of a batch, in row order: out[k] is row k's new entry or
   * -(earlier entry) - 1. `platformIds[k]` is row k's platform number; lines are the
   * batch's plus lineOffset. The batch's id bytes are copied once, as a block.
   */
  claimBatch(b: IdBatch, platformIds: Int32Array, file: number, lineOffset: number, out: Int32Array): void {
    const n = b.used;
    if (n === 0) return;
    const base = this.place(b.idBytes, 0, b.idEnd[n - 1]);
    this.room(n);
    const idEnd = b.idEnd;
    const idHash = b.idHash;
    const line = b.line;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const e = idEnd[k];
      const pid = platformIds[k];
      out[k] = this.claimAt(base + s, e - s, pid, keyHash(idHash[k], pid), file, line[k] + lineOffset);
      s = e;
    }
  }

  /** Copies bytes into the arena; returns their global offset there. */
  private place(b: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (this.sealed) throw new Error('OrderIdIndex: claim after seal');
    if (this.arenaUsed + len > ARENA_CHUNK) {
      if ((this.arena.length + 1) * ARENA_CHUNK > 0xffffffff) throw new RangeError('order ids take more than 4 GiB');
      if (len > ARENA_CHUNK) throw new RangeError('order ids of one batch take more than 16 MiB');
      this.arena.push(Buffer.from(new SharedArrayBuffer(ARENA_CHUNK)));
      this.arenaUsed = 0;
    }
    const at = this.arenaUsed;
    this.arena[this.arena.length - 1].set(b.subarray(start, end), at);
    this.arenaUsed = at + len;
    return (this.arena.length - 1) * ARENA_CHUNK + at;
  }

  /** Makes room for k more entries (records and table). */
  private room(k: number): void {
    if ((this.n + k) * REC > this.rec.length) this.growRecords((this.n + k) * REC * 2);
    this.reserve(this.n + k);
  }

  private growRecords(size: number): void {
    const r = new Int32Array(new SharedArrayBuffer(size * 4));
    r.set(this.rec.subarray(0, this.n * REC));
    this.rec = r;
  }

  /** The claim proper, for bytes already in the arena at global offset `at`. */
  private claimAt(at: number, len: number, platformId: number, hash: number, file: number, line: number): number {
    if (len > 0xffff) throw new RangeError('order id longer than 65535 bytes');
    if (file > 0xffff || line > 0xffffffff) throw new RangeError('more than 65536 files, or a line past 2^32');
    if (this.deferred) {
      const e = this.n++;
      const r = e * REC;
      const rec = this.rec;
      rec[r] = at;
      rec[r + 1] = len | (platformId << 16);
      rec[r + 2] = file;
      rec[r + 3] = line;
      this.hashes[e] = hash;
      this.lastClaim = e;
      return e;
    }
    const table = this.table;
    const rec = this.rec;
    const mask = (table.length >> 1) - 1;
    const h = hash | 0;
    const lp = len | (platformId << 16);
    let slot = hash & mask;
    for (;;) {
      const t = table[slot << 1];
      if (t === 0) break;
      if (table[(slot << 1) + 1] === h) {
        const e = t - 1;
        if (rec[e * REC + 1] === lp && this.sameBytes(rec[e * REC] >>> 0, at, len)) return -e - 1;
      }
      slot = (slot + 1) & mask;
    }
    const e = this.n++;
    const r = e * REC;
    rec[r] = at;
    rec[r + 1] = lp;
    rec[r + 2] = file;
    rec[r + 3] = line;
    table[slot << 1] = e + 1;
    table[(slot << 1) + 1] = h;
    this.lastClaim = e;
    return e;
  }

  /** Makes room for at least n ids in all without the table or the records growing on the way. */
  reserve(n: number): void {
    if (n * REC > this.rec.length) this.growRecords(n * REC);
    if (this.deferred) {
      if (n > this.hashes.length) {
        const h = new Uint32Array(Math.max(n, this.hashes.length * 2));
        h.set(this.hashes.subarray(0, this.n));
        this.hashes = h;
      }
      return;
    }
    let size = this.table.length >> 1;
    while (n * 10 > size * 7) size *= 2;
    if (size > this.table.length >> 1) this.resize(size);
  }

  private sameBytes(a: number, b: number, len: number): boolean {
    const x = this.arena[Math.floor(a / ARENA_CHUNK)];
    const y = this.arena[Math.floor(b / ARENA_CHUNK)];
    const xo = a % ARENA_CHUNK;
    const yo = b % ARENA_CHUNK;
    for (let k = 0; k < len; k++) if (x[xo + k] !== y[yo + k]) return false;
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
   * Deferred: every entry whose id its platform had before, with that first entry. One
   * stable pass spreads the entries over 2048 buckets by the top bits of their hash (so
   * each bucket keeps claim order, which is file order); each bucket then goes through a
   * small hash table that stays in cache, first copies in, later ones found against them.
   */
  resolveDuplicates(): Duplicates {
    this.sealed = true; // no claim may come after the answer
    const n = this.n;
    const mask = new Uint8Array(n);
    const laterList: number[] = [];
    const firstList: number[] = [];
    if (n > 1) {
      const BITS = 11;
      const hashes = this.hashes;
      const starts = new Int32Array((1 << BITS) + 1);
      for (let e = 0; e < n; e++) starts[(hashes[e] >>> (32 - BITS)) + 1]++;
      for (let k = 0; k < 1 << BITS; k++) starts[k + 1] += starts[k];
      // Keys travel with the entries: the pass reads in order and only writes at random.
      const keys = new Uint32Array(n);
      const entries = new Int32Array(n);
      {
        const pos = starts.slice(0, 1 << BITS);
        for (let e = 0; e < n; e++) {
          const h = hashes[e];
          const at = pos[h >>> (32 - BITS)]++;
          keys[at] = h;
          entries[at] = e;
        }
      }
      this.hashes = new Uint32Array(0); // the keys hold them now (memory: the peak of a run is near here)
      const rec = this.rec;
      let table = new Int32Array(1024);
      for (let k = 0; k < 1 << BITS; k++) {
        const s = starts[k];
        const e = starts[k + 1];
        if (e - s < 2) continue;
        let size = 4;
        while (size < 2 * (e - s)) size *= 2;
        if (table.length < size) table = new Int32Array(size);
        table.fill(0, 0, size);
        const m = size - 1;
        for (let i = s; i < e; i++) {
          const h = keys[i];
          const entry = entries[i];
          let slot = h & m;
          let first = -1;
          for (;;) {
            const t = table[slot];
            if (t === 0) break;
            if (keys[t - 1] === h) {
              const f = entries[t - 1];
              if (rec[f * REC + 1] === rec[entry * REC + 1] && this.sameBytes(rec[f * REC] >>> 0, rec[entry * REC] >>> 0, rec[entry * REC + 1] & 0xffff)) {
                first = f;
                break;
              }
            }
            slot = (slot + 1) & m;
          }
          if (first < 0) table[slot] = i + 1;
          else {
            mask[entry] = 1;
            laterList.push(entry);
            firstList.push(first);
          }
        }
      }
    }
    const idx = laterList.map((_, i) => i).sort((x, y) => laterList[x] - laterList[y]);
    return { later: Int32Array.from(idx, (i) => laterList[i]), first: Int32Array.from(idx, (i) => firstList[i]), mask };
  }

  /**
   * Reading is over: drops what only claims need (the table), keeping the ids for idAt.
   * Claims after this throw.
   */
  seal(): void {
    this.table = new Int32Array(0);
    this.hashes = new Uint32Array(0);
    this.sealed = true;
  }
  private sealed = false;

  originOf(e: number): { file: number; line: number } {
    return { file: this.rec[e * REC + 2], line: this.rec[e * REC + 3] >>> 0 };
  }

  /** The ids' memory, for threads that read ids (SharedIds); valid once sealed. */
  shared(): SharedIdMemory {
    return { arena: this.arena.map((b) => b.buffer as SharedArrayBuffer), rec: this.rec.buffer as SharedArrayBuffer };
  }

  /** The id of an entry, as a string. */
  idAt(e: number): string {
    return idOf(this.arena, this.rec, e);
  }
}

function idOf(arena: Buffer[], rec: Int32Array, e: number): string {
  const off = rec[e * REC] >>> 0;
  const a = arena[Math.floor(off / ARENA_CHUNK)];
  const o = off % ARENA_CHUNK;
  return (a as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(o, o + (rec[e * REC + 1] & 0xffff));
}

export interface SharedIdMemory {
  arena: SharedArrayBuffer[];
  rec: SharedArrayBuffer;
}

/** The ids of a sealed OrderIdIndex, read from another thread. */
export class SharedIds {
  private readonly arena: Buffer[];
  private readonly rec: Int32Array;
  constructor(m: SharedIdMemory) {
    this.arena = m.arena.map((b) => Buffer.from(b));
    this.rec = new Int32Array(m.rec);
  }
  idAt(e: number): string {
    return idOf(this.arena, this.rec, e);
  }
}
