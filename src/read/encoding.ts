// Which text encoding a file is in. Chinese Excel writes GB18030/GBK ("CSV (逗号分隔)") or
// UTF-8 with a BOM ("CSV UTF-8"); platform back-ends write plain UTF-8. Valid UTF-8 is
// practically never valid-looking GBK text and vice versa, so a validity check on the
// first 64 KiB decides.

import { isUtf8 } from 'node:buffer';
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
  const body = complete ? sample : sample.subarray(0, utf8CompleteLength(sample));
  return { encoding: isUtf8(body) ? 'utf-8' : 'gb18030', bomLength: 0, sniffed: true };
}

/**
 * Checks the rest of a sniffed UTF-8 file chunk by chunk. A file that is ASCII for its
 * first 64 KiB and GBK later would otherwise decode to U+FFFD silently.
 */
export class Utf8Guard {
  private carry: Buffer | undefined;
  /** Bytes checked so far (for the error message). */
  checked = 0;

  check(chunk: Buffer): boolean {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const n = utf8CompleteLength(buf);
    if (!isUtf8(buf.subarray(0, n))) return false;
    this.checked += n;
    this.carry = n < buf.length ? Buffer.from(buf.subarray(n)) : undefined;
    return true;
  }

  /** At end of file a cut character is an error after all. */
  finish(): boolean {
    return this.carry === undefined;
  }
}
