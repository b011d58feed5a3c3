// Which text encoding a file is in. Chinese Excel writes GB18030/GBK ("CSV (逗号分隔)") or
// UTF-8 with a BOM ("CSV UTF-8"); platform back-ends write plain UTF-8. Valid UTF-8 is
// practically never valid-looking GBK text and vice versa, so a validity check on the
// first 64 KiB decides. ASCII reads the same in both: a file whose first 64 KiB are ASCII is
// decided the same way on the 64 KiB from its first non-ASCII byte (csvStream.ts).

import { isAscii, isUtf8 } from 'node:buffer';
import { UsageError } from '../errors.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const NAMES: Record<string, Encoding> = {
  utf8: 'utf-8',
  gb18030: 'gb18030',
  // GBK and GB2312 are subsets of GB18030, and WHATWG decodes all three with one decoder.
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  utf16le: 'utf-16le',
  utf16: 'utf-16le',
  ucs2: 'utf-16le',
  utf16be: 'utf-16be',
};

/** Maps an --encoding value to a supported encoding; unknown names are a usage error. */
export function encodingFromName(name: string): Encoding {
  const e = NAMES[name.toLowerCase().replace(/[-_\s]/g, '')];
  if (e === undefined) {
    throw new UsageError(`unknown encoding "${name}" (use utf-8, gb18030, gbk or utf-16le)`);
  }
  return e;
}

const BOMS: [Encoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(sample: Uint8Array): { encoding: Encoding; length: number } | undefined {
  for (const [encoding, bytes] of BOMS) {
    if (sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b)) return { encoding, length: bytes.length };
  }
  return undefined;
}

/**
 * Length of the buffer without a UTF-8 sequence cut off at its end, so that a sample or
 * chunk boundary falling inside a character does not look like invalid UTF-8.
 */
export function utf8CompleteLength(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const c = b[n - k];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

export interface DetectedEncoding {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** True when chosen by sniffing rather than --encoding (then later bytes are checked too). */
  sniffed: boolean;
}

/**
 * Chooses the encoding from the first bytes of a file. `complete` says the sample is the
 * whole file (so a truncated last character is an error, not a cut).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean, override?: Encoding): DetectedEncoding {
  const bom = bomOf(sample);
  if (override !== undefined) {
    return { encoding: override, bomLength: bom && bom.encoding === override ? bom.length : 0, sniffed: false };
  }
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, sniffed: true };
  const wide = utf16WithoutBom(sample);
  if (wide) return { encoding: wide, bomLength: 0, sniffed: true };
  return { encoding: utf8OrGb18030(sample, complete), bomLength: 0, sniffed: true };
}

/**
 * UTF-8 or GB18030, from bytes with no byte-order mark: valid UTF-8 (up to a character cut
 * off at the end, unless `complete`) is UTF-8. So is a damaged UTF-8 file: a few bad bytes
 * among plenty of well-formed UTF-8 Chinese (its rows with the bad bytes are rejected), which
 * decoded as GBK would garble every row without a trace. Anything else is GB18030.
 */
export function utf8OrGb18030(sample: Uint8Array, complete: boolean): 'utf-8' | 'gb18030' {
  const body = complete ? sample : sample.subarray(0, utf8CompleteLength(sample));
  if (isUtf8(body)) return 'utf-8';
  const ev = utf8Evidence(body);
  return damagedUtf8(ev.multibyte, ev.invalid) ? 'utf-8' : 'gb18030';
}

/** Index of the first byte of `b` that is not ASCII, or -1. */
export function firstNonAscii(b: Uint8Array): number {
  if (isAscii(b)) return -1;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return i;
  return -1;
}

/**
 * Counts, in bytes that may not all be UTF-8, the well-formed multi-byte sequences and the
 * places where UTF-8 decoding fails. A sequence cut off by the end of the buffer counts as neither.
 */
export function utf8Evidence(b: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n) break;
    // Second-byte ranges that exclude overlong forms, surrogates and code points past U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    let ok = b[i + 1] >= lo && b[i + 1] <= hi;
    for (let k = 2; ok && k <= need; k++) ok = b[i + k] >= 0x80 && b[i + k] <= 0xbf;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** Plenty of well-formed multi-byte UTF-8 and few failures: UTF-8 with damage, not another encoding. */
export function damagedUtf8(multibyte: number, invalid: number): boolean {
  return multibyte >= 4 && multibyte >= 4 * invalid;
}

/**
 * UTF-16 without a byte-order mark: CSV text is mostly ASCII (digits, dates, delimiters),
 * which UTF-16 writes with a zero byte on one side of every pair.
 */
function utf16WithoutBom(sample: Uint8Array): Encoding | undefined {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < pairs; k++) {
    if (sample[2 * k] === 0) even++;
    if (sample[2 * k + 1] === 0) odd++;
  }
  if (odd >= pairs * 0.1 && even <= odd * 0.05) return 'utf-16le';
  if (even >= pairs * 0.1 && odd <= even * 0.05) return 'utf-16be';
  return undefined;
}

/** Multi-byte sequences seen after which the text is surely UTF-8 (no need to count further). */
const SURE_UTF8 = 64;

/**
 * Checks the rest of a sniffed UTF-8 file chunk by chunk. A file that is UTF-8 Chinese for
 * a while and GBK later would otherwise decode to U+FFFD silently. Bad bytes in a file
 * that is plainly UTF-8 (damagedUtf8) pass: the decoder marks them U+FFFD and the rows that
 * hold them are rejected, line by line, instead of failing the whole file.
 */
export class Utf8Guard {
  private carry: Buffer | undefined;
  private multibyte = 0;
  private invalid = 0;
  /** Bytes checked so far (for the error message). */
  checked = 0;

  check(chunk: Buffer): boolean {
    // The character cut at the last chunk's end is completed by the first bytes of this one,
    // checked as a piece of its own: joining the carry to the whole chunk copied every chunk
    // of a Chinese export once (a sixth of the main thread's time while workers parse).
    // UTF-8 validity and the evidence counts are per character, so the sums are the same.
    let head: Buffer | undefined;
    let buf = chunk;
    if (this.carry) {
      const c = this.carry[0];
      const rest = (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) - this.carry.length;
      let ok = rest > 0 && chunk.length >= rest;
      for (let k = 0; ok && k < rest; k++) ok = (chunk[k] & 0xc0) === 0x80;
      if (ok) {
        head = Buffer.concat([this.carry, chunk.subarray(0, rest)]);
        if (!isUtf8(head)) head = undefined;
      }
      if (head) buf = chunk.subarray(head.length - this.carry.length);
      else buf = Buffer.concat([this.carry, chunk]); // damaged: the joined bytes, as they are
    }
    const n = utf8CompleteLength(buf);
    const part = buf.subarray(0, n);
    if (isUtf8(part)) {
      if (this.multibyte < SURE_UTF8 && (head || !isAscii(part))) this.multibyte += (head ? 1 : 0) + utf8Evidence(part).multibyte;
    } else {
      const ev = utf8Evidence(part);
      this.multibyte += (head ? 1 : 0) + ev.multibyte;
      this.invalid += ev.invalid;
      if (!damagedUtf8(this.multibyte, this.invalid)) return false;
    }
    this.checked += (head?.length ?? 0) + n;
    this.carry = n < buf.length ? Buffer.from(buf.subarray(n)) : undefined;
    return true;
  }

  /** At end of file a cut character is an error after all, unless the file is plainly UTF-8 (then its last row is rejected). */
  finish(): boolean {
    return this.carry === undefined || damagedUtf8(this.multibyte, this.invalid + 1);
  }
}
