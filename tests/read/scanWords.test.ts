// The byte scanner skips ordinary bytes a 32-bit word at a time. These cases put fields
// whose special bytes fall at every position of a word, with the input at every alignment
// of its memory and cut into pieces of every small size, and check the fields against the
// values the file was written from (well-formed CSV: the expected fields are known), and the
// lines against the line endings written (CRLF, LF, lone CR, and all three mixed).
import { describe, expect, it } from 'vitest';
import { CsvScanner, ScanStatus, recordFields } from '../../src/read/fast/scan.js';

// Bytes on both sides of every threshold the word tests use (", CR, LF, and the delimiters).
const ALPHABET = ['a', 'Z', '0', '9', ' ', '!', '#', '-', '+', ':', '.', '\x7f', 'é', '速', '🚀', '\t', ';', ',', '|', '"', '\n', '\r\n', '\r'];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `eol` 'mixed': each row ends at a CRLF, an LF or a lone CR, picked at random. */
function makeFile(seed: number, delim: string, eol: string) {
  const r = rng(seed);
  const rows: string[][] = [];
  const text: string[] = [];
  const width = 1 + Math.floor(r() * 5);
  for (let i = 0; i < 40; i++) {
    const fields: string[] = [];
    const cells: string[] = [];
    for (let k = 0; k < width; k++) {
      let v = '';
      const n = Math.floor(r() * (r() < 0.2 ? 60 : 14));
      for (let j = 0; j < n; j++) v += ALPHABET[Math.floor(r() * ALPHABET.length)];
      const needs = v.includes(delim) || v.includes('"') || v.includes('\n') || v.includes('\r');
      if (needs || r() < 0.3) cells.push(`"${v.replace(/"/g, '""')}"`);
      else cells.push(v);
      fields.push(v);
    }
    // An empty single field would be an empty line (skipped): keep rows non-empty.
    if (width === 1 && fields[0] === '') {
      fields[0] = 'x';
      cells[0] = 'x';
    }
    rows.push(fields);
    text.push(cells.join(delim));
  }
  const end = () => (eol === 'mixed' ? ['\n', '\r\n', '\r'][Math.floor(r() * 3)] : eol);
  const body = text.map((t) => t + end()).join('');
  // Line of each row: 1 + the line endings before it (CRLF, LF, lone CR: one each).
  const lines: number[] = [];
  let line = 1;
  for (const t of text) {
    lines.push(line);
    line += 1 + (t.match(/\r\n|\r|\n/g) ?? []).length;
  }
  return { rows, lines, bytes: Buffer.from(body) };
}

function scanAll(bytes: Uint8Array, delim: string, piece: number): { rows: string[][]; lines: number[] } {
  const s = new CsvScanner(delim.charCodeAt(0));
  const out: string[][] = [];
  const lines: number[] = [];
  let from = 0;
  let end = 0;
  for (;;) {
    end = Math.min(bytes.length, end + piece);
    const final = end === bytes.length;
    const st = s.scan(bytes, from, end, final, (rec, line) => void (out.push(recordFields(rec)), lines.push(line)));
    expect(st === ScanStatus.More || st === ScanStatus.Done).toBe(true);
    from = s.pos;
    if (st === ScanStatus.Done) return { rows: out, lines };
  }
}

describe('byte scanner: word-at-a-time skipping', () => {
  it('gives the written fields at every alignment and piece size', () => {
    for (let seed = 1; seed <= 24; seed++) {
      for (const delim of [',', '\t', ';', '|']) {
        const eol = ['\n', '\r\n', '\r', 'mixed'][seed % 4];
        const { rows, lines, bytes } = makeFile(seed, delim, eol);
        for (let offset = 0; offset < 4; offset++) {
          // The same bytes at another offset of a larger ArrayBuffer (and a Uint8Array, not a Buffer).
          const mem = new Uint8Array(bytes.length + 8);
          mem.set(bytes, offset);
          const view = offset % 2 ? mem.subarray(offset, offset + bytes.length) : Buffer.from(mem.buffer, offset, bytes.length);
          for (const piece of [bytes.length, 1, 7]) {
            expect(scanAll(view, delim, piece), `seed ${seed} delim ${JSON.stringify(delim)} offset ${offset} piece ${piece}`).toEqual({ rows, lines });
          }
        }
      }
    }
  });
});
