// Interning by raw bytes: the few distinct values of a column (platforms, regions, business
// lines, worker ids) are decoded and cleaned once, then every later row with the same bytes
// gets the cached answer from a hash lookup, without making a string.

const MISS = -0x7fffffff;
export const INTERN_MISS = MISS;

/** Above this many distinct values the interner stops caching (answers are still right). */
const MAX_ENTRIES = 1 << 22;

export class ByteInterner {
  private table = new Int32Array(1 << 10); // entry + 1, 0 = free
  private keys = new Uint8Array(1 << 12);
  private keyUsed = 0;
  private keyStart = new Int32Array(1 << 9);
  private keyLen = new Int32Array(1 << 9);
  private hashes = new Uint32Array(1 << 9);
  private values = new Int32Array(1 << 9);
  private n = 0;
  /** Hash of the last lookup (for insert). */
  private lastHash = 0;

  /** The entry of the last hit: rows often repeat the previous row's value (a platform, a status). */
  private last = -1;

  /** The cached value for these bytes, or INTERN_MISS. */
  get(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const last = this.last;
    if (last >= 0 && this.keyLen[last] === len) {
      const o = this.keyStart[last];
      const keys = this.keys;
      let i = len - 1;
      while (i >= 0 && keys[o + i] === b[s + i]) i--;
      if (i < 0) return this.values[last];
    }
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    h = (h ^ (h >>> 15)) >>> 0;
    this.lastHash = h;
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const t = this.table[slot];
      if (t === 0) return MISS;
      const k = t - 1;
      if (this.hashes[k] === h && this.keyLen[k] === len) {
        const o = this.keyStart[k];
        const keys = this.keys;
        let same = true;
        for (let i = 0; i < len; i++) {
          if (keys[o + i] !== b[s + i]) {
            same = false;
            break;
          }
        }
        if (same) {
          this.last = k;
          return this.values[k];
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Caches a value for the bytes of the last (missed) get. */
  put(b: Uint8Array, s: number, e: number, value: number): void {
    if (this.n >= MAX_ENTRIES) return;
    const len = e - s;
    const k = this.n++;
    if (k === this.keyStart.length) {
      const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T) => {
        const x = make(a.length * 2);
        x.set(a);
        return x;
      };
      this.keyStart = grow(this.keyStart, (n) => new Int32Array(n));
      this.keyLen = grow(this.keyLen, (n) => new Int32Array(n));
      this.hashes = grow(this.hashes, (n) => new Uint32Array(n));
      this.values = grow(this.values, (n) => new Int32Array(n));
    }
    if (this.keyUsed + len > this.keys.length) {
      let size = this.keys.length * 2;
      while (size < this.keyUsed + len) size *= 2;
      const x = new Uint8Array(size);
      x.set(this.keys.subarray(0, this.keyUsed));
      this.keys = x;
    }
    this.keys.set(b.subarray(s, e), this.keyUsed);
    this.keyStart[k] = this.keyUsed;
    this.keyLen[k] = len;
    this.keyUsed += len;
    this.hashes[k] = this.lastHash;
    this.values[k] = value;
    if (this.n * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(k, this.table);
  }

  private place(k: number, table: Int32Array): void {
    const mask = table.length - 1;
    let slot = this.hashes[k] & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = k + 1;
  }

  private rehash(size: number): void {
    const t = new Int32Array(size);
    for (let k = 0; k < this.n; k++) this.place(k, t);
    this.table = t;
  }
}
