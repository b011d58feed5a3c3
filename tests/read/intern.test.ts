// ByteInterner (src/read/fast/intern.ts): exact answers by bytes whatever the keys' lengths
// (inline in a slot or not, shorter than a word or not), the buffers they come from and
// the table's growth.
import { describe, expect, it } from 'vitest';
import { ByteInterner, INTERN_MISS } from '../../src/read/fast/intern.js';

describe('ByteInterner', () => {
  it('gives each byte string its value, and misses the others', () => {
    const t = new ByteInterner();
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const len = i % 41;
      let k = '';
      for (let j = 0; j < len; j++) k += String.fromCharCode(97 + ((i * 7 + j * 13 + (i >> 3)) % 26));
      keys.push(k); // duplicates are fine: the first value stays
    }
    const want = new Map<string, number>();
    keys.forEach((k, i) => {
      // Each key in a buffer of its own at some offset (a Buffer or a plain Uint8Array).
      const pad = i % 5;
      const bytes = Buffer.from('#'.repeat(pad) + k + '#'.repeat(i % 3));
      const b = i % 2 ? bytes : new Uint8Array(bytes);
      const s = pad;
      const e = pad + Buffer.byteLength(k);
      const v = t.get(b, s, e);
      if (want.has(k)) expect(v, k).toBe(want.get(k));
      else {
        expect(v, k).toBe(INTERN_MISS);
        t.put(b, s, e, i);
        want.set(k, i);
      }
    });
    // Again, all from one buffer, in another order.
    const all = [...want.keys()].reverse();
    const buf = Buffer.from(all.join('|'));
    let at = 0;
    for (const k of all) {
      const e = at + Buffer.byteLength(k);
      expect(t.get(buf, at, e), k).toBe(want.get(k));
      // A key one byte shorter or longer is another key (or absent).
      if (e > at) {
        const shorter = k.slice(0, -1);
        expect(t.get(buf, at, e - 1)).toBe(want.has(shorter) ? want.get(shorter) : INTERN_MISS);
      }
      at = e + 1;
    }
    expect(t.get(Buffer.from('not there at all, longer than a slot'), 0, 36)).toBe(INTERN_MISS);
  });

  it('tells apart keys that differ in one byte anywhere, UTF-8 included', () => {
    const t = new ByteInterner();
    const base = Buffer.from('永川区速达配送有限公司');
    for (let i = 0; i <= base.length; i++) {
      const b = Buffer.from(base.subarray(0, i));
      expect(t.get(b, 0, i)).toBe(INTERN_MISS);
      t.put(b, 0, i, i);
    }
    for (let i = 0; i < base.length; i++) {
      const b = Buffer.from(base);
      b[i] ^= 1;
      expect(t.get(b, 0, b.length)).toBe(INTERN_MISS);
      expect(t.get(base, 0, i + 1)).toBe(i + 1);
    }
  });
});
