// Interning by raw bytes: the few distinct values of a column (platforms, regions, business
// lines, worker ids) are decoded and cleaned once, then every later row with the same bytes
// gets the cached answer from a hash lookup, without making a string.

const MISS = -0x7fffffff;
export const INTERN_MISS = MISS;

/** Above this many distinct values the interner stops caching (answers are still right). */
const MAX_ENTRIES = 1 << 22;

/**
 * Hash of b[s, e) (v: a DataView of b): every byte counts, four at a time (the last four
 * bytes as one word, overlapping the one before when the length is not a multiple of 4).
 */
function hashOf(v: DataView, b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  let h = Math.imul(len, 0x9e3779b1);
  if (len >= 4) {
    const last = e - 4;
    for (let i = s; i < last; i += 4) h = Math.imul(h ^ v.getInt32(i, true), 0x85ebca6b) ^ (h >>> 15);
    h = Math.imul(h ^ v.getInt32(last, true), 0x85ebca6b);
  } else if (len > 0) {
    h = Math.imul(h ^ (b[s] | (b[e - 1] << 8) | (b[s + (len >> 1)] << 16)), 0x85ebca6b);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Slots of the open-addressing table, SLOT int32s (16 bytes) each: [hash, key length + 1
// (0 = free), value, then the key's bytes when they fit in INLINE bytes, else its start in
// `keys`]. A lookup touches the slot's cache line and the key's; a column of 10 000 worker
// ids in random order takes 256 KiB of slots and its keys 70 KiB, where separate arrays per
// field missed the cache several times per row. (32-byte slots with longer keys inline
// measured slower: twice the memory for the same ids.)
const SLOT = 4;
const SLOT_BYTES = SLOT * 4;
const KEY_AT = 12; // byte offset of the key in a slot
const INLINE = SLOT_BYTES - KEY_AT;

export class ByteInterner {
  private slots = 64;
  private table = new Int32Array(64 * SLOT);
  private bytes: Uint8Array = new Uint8Array(this.table.buffer);
  private tableView: DataView<ArrayBufferLike> = new DataView(this.table.buffer);
  /** Keys longer than INLINE bytes. */
  private keys = new Uint8Array(1 << 10);
  private keyView: DataView<ArrayBufferLike> = new DataView(this.keys.buffer);
  private keyUsed = 0;
  private n = 0;
  /** Hash of the last lookup (for insert). */
  private lastHash = 0;

  /** The slot of the last hit: rows often repeat the previous row's value (a platform, a status). */
  private last = -1;
  /** The slot of the hit before (another value than the last one's). */
  private prev = -1;

  /** The buffer of the last lookup and a DataView of it (a new one when the buffer changes). */
  private buf: Uint8Array | undefined;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  /** Whether the key of the (used) slot at int offset t is b[s, e), comparing four bytes at a time. */
  private same(t: number, b: Uint8Array, v: DataView, s: number, e: number): boolean {
    const len = e - s;
    if (this.table[t + 1] !== len + 1) return false;
    let kv: DataView;
    let kb: Uint8Array;
    let o: number;
    if (len <= INLINE) {
      kv = this.tableView;
      kb = this.bytes;
      o = t * 4 + KEY_AT;
    } else {
      kv = this.keyView;
      kb = this.keys;
      o = this.table[t + 3];
    }
    if (len >= 4) {
      const last = e - 4;
      let i = s;
      for (; i < last; i += 4, o += 4) if (kv.getInt32(o, true) !== v.getInt32(i, true)) return false;
      return kv.getInt32(o + (last - i), true) === v.getInt32(last, true);
    }
    for (let i = s; i < e; i++, o++) if (kb[o] !== b[i]) return false;
    return true;
  }

  /** The cached value for these bytes, or INTERN_MISS. */
  get(b: Uint8Array, s: number, e: number): number {
    if (b !== this.buf) {
      this.buf = b;
      this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    }
    const v = this.view;
    const last = this.last;
    if (last >= 0 && this.same(last, b, v, s, e)) return this.table[last + 2];
    // A column of a few values alternates between them: the hit before the last one.
    const prev = this.prev;
    if (prev >= 0 && this.same(prev, b, v, s, e)) {
      this.prev = last;
      this.last = prev;
      return this.table[prev + 2];
    }
    const h = hashOf(v, b, s, e);
    this.lastHash = h;
    const table = this.table;
    const mask = this.slots - 1;
    let slot = h & mask;
    for (;;) {
      const t = slot * SLOT;
      if (table[t + 1] === 0) return MISS;
      if (table[t] === h && this.same(t, b, v, s, e)) {
        this.prev = this.last;
        this.last = t;
        return table[t + 2];
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Caches a value for the bytes of the last (missed) get. */
  put(b: Uint8Array, s: number, e: number, value: number): void {
    if (this.n >= MAX_ENTRIES) return;
    if ((this.n + 1) * 4 > this.slots * 3) this.rehash(this.slots * 2);
    this.n++;
    const len = e - s;
    const table = this.table;
    const mask = this.slots - 1;
    const h = this.lastHash;
    let slot = h & mask;
    while (table[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
    const t = slot * SLOT;
    table[t] = h;
    table[t + 1] = len + 1;
    table[t + 2] = value;
    if (len <= INLINE) {
      this.bytes.set(b.subarray(s, e), t * 4 + KEY_AT);
      return;
    }
    if (this.keyUsed + len > this.keys.length) {
      let size = this.keys.length * 2;
      while (size < this.keyUsed + len) size *= 2;
      const x = new Uint8Array(size);
      x.set(this.keys.subarray(0, this.keyUsed));
      this.keys = x;
      this.keyView = new DataView(x.buffer);
    }
    this.keys.set(b.subarray(s, e), this.keyUsed);
    table[t + 3] = this.keyUsed;
    this.keyUsed += len;
  }

  private rehash(slots: number): void {
    const old = this.table;
    const table = new Int32Array(slots * SLOT);
    const mask = slots - 1;
    for (let t = 0; t < old.length; t += SLOT) {
      if (old[t + 1] === 0) continue;
      let slot = old[t] & mask;
      while (table[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      table.set(old.subarray(t, t + SLOT), slot * SLOT);
    }
    this.slots = slots;
    this.table = table;
    this.bytes = new Uint8Array(table.buffer);
    this.tableView = new DataView(table.buffer);
    this.last = -1;
    this.prev = -1;
  }
}
