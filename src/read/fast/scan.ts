// A quote-aware CSV byte scanner for large files: the same records, fields and line numbers
// as csv-parse with the options csvStream.ts uses (delimiter, `"` quote and escape,
// relax_quotes, relax_column_count, skip_empty_lines, record_delimiter CRLF, LF and CR),
// several times faster because it works on the bytes in place and hands out field
// boundaries instead of strings.
//
// Record delimiters. Outside quotes every line ending ends a record, whatever the file's
// other lines use: CRLF, LF, and a CR not followed by LF (csv-parse's record_delimiter
// ['\r\n', '\n', '\r'], tried in that order, so a CR followed by LF is one delimiter).
// A file that mixes them (a CRLF export edited on Linux, two exports pasted together, an old
// Mac file) is read as a text editor shows it.
//
// It does not try to cover every corner of csv-parse. Where it meets something it does not
// handle, it stops at the start of the record concerned and says so (`bail`); the caller
// hands the rest of the input to csv-parse from there, so the result is csv-parse's. It
// bails on: a closing quote followed by anything but a delimiter, a line ending or the end
// (csv-parse's relax_quotes repair); a quote that never closes; a record longer than
// MAX_FAST_RECORD bytes.
//
// Lines are physical lines, as a text editor counts them: a record starts on 1 + the number
// of line endings (CRLF, LF, lone CR, each one) before it, those that end records and empty
// lines as well as those inside quoted fields. (csv-parse counts a CRLF inside a quoted
// field twice; csvStream.ts's LineTracker corrects that.) The differential tests
// (tests/read/differential.test.ts) hold the two to the same answers.

import { isUtf8 } from 'node:buffer';
import { cleanCell } from '../../normalise/text.js';
import { utf8CompleteLength } from '../encoding.js';

const FFFD = Buffer.from('\uFFFD');

/**
 * Whether a buffer is "clean" (ScanRecord.clean): valid UTF-8 up to a character cut off at
 * its end (unless it is the end of the input), no NUL byte, no U+FFFD.
 */
export function cleanBytes(buf: Buffer, final: boolean): boolean {
  const n = final ? buf.length : utf8CompleteLength(buf);
  return isUtf8(n === buf.length ? buf : buf.subarray(0, n)) && buf.indexOf(0) < 0 && buf.indexOf(FFFD) < 0;
}

export const QUOTE = 0x22;
export const CR = 0x0d;
export const LF = 0x0a;

/** Records longer than this (raw bytes) go to csv-parse (which enforces MAX_RECORD_CHARS). */
export const MAX_FAST_RECORD = 1 << 20;

/** Field flag: the field's bytes are in `scratch` (escaped quotes were removed), not in the input. */
export const F_SCRATCH = 1;
/** Field flag: the field was quoted. */
export const F_QUOTED = 2;

const ENDED = 1;
const AT_EOF = 2;
const EMPTY_LINE = -10;
const EMPTY_LINE_AT_EOF = -11;
const NEED_MORE = -1;
const BAIL = -2;

export const enum ScanStatus {
  /** Every complete record in the buffer was handled; `pos` is where the next one starts. */
  More = 0,
  /** The consumer asked to pause after the record just handled; `pos` is after it. */
  Paused = 1,
  /** Something the scanner does not handle starts at `pos` (a record start): use csv-parse from there. */
  Bail = 2,
  /** The input ended and everything was handled. */
  Done = 3,
  /** A line starts at or after `stopAt`: scanning stopped there (`pos`). */
  Stopped = 4,
}

/** The current record as the consumer sees it; valid only during the callback. */
export interface ScanRecord {
  /** The input buffer the fields point into (unless flagged F_SCRATCH). */
  readonly buf: Uint8Array;
  readonly scratch: Uint8Array;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  /** Line breaks inside the record's fields. */
  readonly breaks: number;
  /**
   * True when the buffer holds valid UTF-8 with no NUL byte and no U+FFFD: then no field of
   * the record has a character the row checks (normalise/hygiene.ts) look for, apart from
   * line breaks (`breaks`).
   */
  readonly clean: boolean;
}

/** Called once per record with the line it starts on; return true to pause after it. */
export type OnRecord = (rec: ScanRecord, line: number) => boolean | void;

const decoder = new TextDecoder('utf-8');
const hasBufferSlice = typeof (Buffer.prototype as unknown as { utf8Slice?: unknown }).utf8Slice === 'function';

/** Field i of a record as a string, decoded as csv-parse decodes it (UTF-8, U+FFFD for bad bytes). */
export function fieldText(rec: ScanRecord, i: number): string {
  const s = rec.starts[i];
  const e = rec.ends[i];
  if (s === e) return '';
  const b = rec.flags[i] & F_SCRATCH ? rec.scratch : rec.buf;
  if (hasBufferSlice && Buffer.isBuffer(b)) return (b as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(s, e);
  return decoder.decode(b.subarray(s, e));
}

/** All fields of a record as strings. */
export function recordFields(rec: ScanRecord): string[] {
  const out = new Array<string>(rec.count);
  for (let i = 0; i < rec.count; i++) out[i] = fieldText(rec, i);
  return out;
}

/**
 * True when every field is empty once cleaned (csvStream's isBlank, without making strings
 * in the common case): a byte that is neither ASCII white space nor `=`/`"` decides at once.
 */
export function isBlankRaw(rec: ScanRecord): boolean {
  for (let i = 0; i < rec.count; i++) {
    const b = rec.flags[i] & F_SCRATCH ? rec.scratch : rec.buf;
    const e = rec.ends[i];
    let plain = true;
    for (let p = rec.starts[i]; p < e; p++) {
      const c = b[p];
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      if (c < 0x80 && c !== 61 && c !== 34) return false;
      plain = false;
      break;
    }
    if (!plain && cleanCell(fieldText(rec, i)) !== '') return false;
  }
  return true;
}

/** Line breaks inside a record's fields (LF, lone CR, CRLF each count one). */
export function breaksIn(rec: ScanRecord): number {
  let breaks = 0;
  for (let i = 0; i < rec.count; i++) {
    const b = rec.flags[i] & F_SCRATCH ? rec.scratch : rec.buf;
    const e = rec.ends[i];
    for (let p = rec.starts[i]; p < e; p++) {
      const c = b[p];
      if (c === LF) breaks++;
      else if (c === CR && !(p + 1 < e && b[p + 1] === LF)) breaks++;
    }
  }
  return breaks;
}

/**
 * The first word at or after wi (below wend) with a byte below the byte of `lim` (all four
 * bytes of lim alike, at most 0x80): (x - lim) & ~x & 0x80808080 is non-zero exactly then.
 */
function wordsAbove(w32: Int32Array, wi: number, wend: number, lim: number): number {
  while (wi < wend) {
    const x = w32[wi];
    if ((((x - lim) | 0) & ~x & 0x80808080) !== 0) break;
    wi++;
  }
  return wi;
}

export class CsvScanner implements ScanRecord {
  buf: Uint8Array = new Uint8Array(0);
  scratch = new Uint8Array(256);
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  flags = new Uint8Array(32);
  breaks = 0;
  clean = false;
  private scratchLen = 0;

  /** The largest of the delimiter, CR and LF: a byte above it ends no unquoted field. */
  private readonly hi: number;

  /** Line the next record starts on (see the header comment). */
  line: number;
  /** Empty lines skipped so far (csv-parse's info.empty_lines). */
  emptyLines = 0;

  constructor(
    readonly delimiter: number,
    opts: { line?: number } = {},
  ) {
    this.hi = Math.max(delimiter, CR, LF);
    this.line = opts.line ?? 1;
  }

  private scratchPut(src: Uint8Array, from: number, to: number): void {
    const need = this.scratchLen + (to - from);
    if (need > this.scratch.length) {
      let size = this.scratch.length * 2;
      while (size < need) size *= 2;
      const s = new Uint8Array(size);
      s.set(this.scratch.subarray(0, this.scratchLen));
      this.scratch = s;
    }
    this.scratch.set(src.subarray(from, to), this.scratchLen);
    this.scratchLen = need;
  }

  /** Position after the last status, for the caller. */
  pos = 0;

  /**
   * Scans buf[from, len). Complete records go to onRecord; a record that runs past `len` is
   * left for the next call unless `final` (end of input). Returns the status; `this.pos` is
   * where scanning stopped (a record start, or len).
   */
  scan(buf: Uint8Array, from: number, len: number, final: boolean, onRecord: OnRecord, stopAt = Infinity): ScanStatus {
    this.buf = buf;
    if (this.w32.buffer !== buf.buffer || this.w32Offset !== buf.byteOffset) this.setWords(buf);
    let p = from;
    for (;;) {
      if (p >= stopAt) {
        this.pos = p;
        return ScanStatus.Stopped;
      }
      if (p >= len) {
        this.pos = p;
        return final ? ScanStatus.Done : ScanStatus.More;
      }
      const r = this.record(buf, p, len, final);
      if (r === EMPTY_LINE) {
        // skipped; `next` holds where the following line starts
        p = this.next;
        continue;
      }
      if (r < 0) {
        this.pos = r === EMPTY_LINE_AT_EOF ? this.next : p;
        return r === NEED_MORE ? ScanStatus.More : r === EMPTY_LINE_AT_EOF ? ScanStatus.Done : ScanStatus.Bail;
      }
      const line = this.line;
      this.line += this.breaks + (r === ENDED ? 1 : 0);
      p = this.next;
      this.pos = p;
      if (onRecord(this, line)) return ScanStatus.Paused;
      if (r !== ENDED) return ScanStatus.Done;
    }
  }

  /**
   * The bytes of `buf`'s memory as aligned 32-bit words, for skipping runs of ordinary bytes
   * four at a time: byte i of buf is byte (i + a0) & 3 of word (i + a0) >> 2. The tests
   * "some byte below n" ((x - n*0x01010101) & ~x & 0x80808080, exact for n <= 0x80) do not
   * depend on byte order; a word that fails one is looked at byte by byte.
   */
  private w32: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private w32Offset = -1;
  private a0 = 0;

  private setWords(buf: Uint8Array): void {
    const a0 = buf.byteOffset & 3;
    this.a0 = a0;
    this.w32Offset = buf.byteOffset;
    this.w32 = new Int32Array(buf.buffer, buf.byteOffset - a0, (buf.buffer.byteLength - buf.byteOffset + a0) >> 2);
  }

  /** End of the record just parsed (where the next line starts). */
  private next = 0;

  /**
   * Parses the record at p into count/starts/ends/flags and `breaks`. Returns ENDED (a record
   * delimiter ended it), AT_EOF (the input did), EMPTY_LINE, NEED_MORE or BAIL; sets `next`.
   */
  private record(buf: Uint8Array, p: number, len: number, final: boolean): number {
    const delim = this.delimiter;
    const hi = this.hi;
    // Word-at-a-time skipping (see setWords): words w32[wi] for wi < wend lie inside buf[0, len).
    const a0 = this.a0;
    const w32 = this.w32;
    const wend = (len + a0) >> 2;
    // "Some byte of x is below hi + 1" (x - hiw) & ~x & 0x80808080 needs hi + 1 <= 0x80.
    const wendU = hi < 0x80 ? wend : 0;
    const hiw = Math.imul(hi + 1, 0x01010101);
    const recStart = p;
    let starts = this.starts;
    let ends = this.ends;
    let flags = this.flags;
    let n = 0;
    let breaks = 0;
    this.scratchLen = 0;
    for (;;) {
      if (n === starts.length) {
        this.count = n;
        this.growFields();
        starts = this.starts;
        ends = this.ends;
        flags = this.flags;
      }
      if (p >= len) {
        if (!final) return NEED_MORE;
        // End of input right after a delimiter: a last, empty field (csv-parse's end handling).
        starts[n] = p;
        ends[n] = p;
        flags[n++] = 0;
        this.count = n;
        this.breaks = breaks;
        this.next = p;
        return AT_EOF;
      }
      if (p - recStart > MAX_FAST_RECORD) return BAIL;
      let c = buf[p];
      if (c === QUOTE) {
        // Opening quote (the field is empty so far).
        const q0 = p + 1;
        let q = q0;
        let segStart = q0;
        let escaped = false;
        let close: number;
        for (;;) {
          // Up to the next quote, counting line breaks.
          while (q < len) {
            if (((q + a0) & 3) === 0) {
              // Four bytes at a time while none of them is below 0x23 (", CR, LF).
              q = (wordsAbove(w32, (q + a0) >> 2, wend, 0x23232323) << 2) - a0;
              if (q >= len) break;
            }
            c = buf[q];
            // Most bytes (text, digits, UTF-8) sort above the three that matter here.
            if (c > QUOTE) {
              q++;
              continue;
            }
            if (c === QUOTE) break;
            if (c === LF) breaks++;
            else if (c === CR) {
              if (q + 1 >= len) break; // cannot tell yet (or a quote never closed)
              if (buf[q + 1] !== LF) breaks++;
            }
            q++;
          }
          if (q >= len || buf[q] !== QUOTE) return final ? BAIL : NEED_MORE; // never closed: csv-parse reports it
          // buf[q] is a quote: an escaped quote ("") or the closing one.
          if (q + 1 >= len) {
            if (!final) return NEED_MORE;
            close = q; // closing quote at the very end of the input
            break;
          }
          if (buf[q + 1] === QUOTE) {
            // "" → one quote: keep the bytes up to and including the first quote.
            if (!escaped) {
              escaped = true;
              this.fieldScratchStart = this.scratchLen;
            }
            this.scratchPut(buf, segStart, q + 1);
            q += 2;
            segStart = q;
            continue;
          }
          close = q;
          break;
        }
        if (escaped) {
          this.scratchPut(buf, segStart, close);
          starts[n] = this.fieldScratchStart;
          ends[n] = this.scratchLen;
          flags[n++] = F_QUOTED | F_SCRATCH;
        } else {
          starts[n] = q0;
          ends[n] = close;
          flags[n++] = F_QUOTED;
        }
        // After the closing quote: a delimiter, a record delimiter or the end of input.
        p = close + 1;
        if (p >= len) {
          this.count = n;
          this.breaks = breaks;
          this.next = p;
          return AT_EOF; // final is true here (checked above)
        }
        c = buf[p];
        if (c === delim) {
          p++;
          continue;
        }
        const rdLen = eolAt(buf, p, len, final);
        if (rdLen > 0) {
          this.count = n;
          this.breaks = breaks;
          this.next = p + rdLen;
          return ENDED;
        }
        // -1: cannot tell yet; 0: csv-parse's relax_quotes repair, not here.
        return rdLen === -1 ? NEED_MORE : BAIL;
      }
      // Unquoted field: up to a delimiter or a line ending. Quotes inside are literal.
      const fs = p;
      while (p < len) {
        if (((p + a0) & 3) === 0) {
          // Four bytes at a time while none of them is at or below `hi`.
          p = (wordsAbove(w32, (p + a0) >> 2, wendU, hiw) << 2) - a0;
          if (p >= len) break;
        }
        c = buf[p];
        // One compare for most bytes: those above the delimiter, CR and LF are none of them.
        if (c > hi) {
          p++;
          continue;
        }
        if (c === delim || c === LF || c === CR) break;
        p++;
      }
      if (p < len && c !== delim) {
        // A line ending (LF, CRLF or a lone CR) ends the record.
        let rdLen = 1;
        if (c === CR) {
          if (p + 1 < len) {
            if (buf[p + 1] === LF) rdLen = 2;
          } else if (!final) return NEED_MORE; // a CR at the end of what is read so far: CRLF or not?
        }
        if (p === fs && n === 0) {
          // An empty line: skipped, but counted.
          this.emptyLines++;
          this.line++;
          this.next = p + rdLen;
          return EMPTY_LINE;
        }
        starts[n] = fs;
        ends[n] = p;
        flags[n++] = 0;
        this.count = n;
        this.breaks = breaks;
        this.next = p + rdLen;
        return ENDED;
      }
      if (p >= len) {
        if (!final) return NEED_MORE;
        // Last field of the input. csv-parse emits the record unless nothing at all is pending.
        if (p === fs && n === 0) {
          this.next = p;
          return EMPTY_LINE_AT_EOF;
        }
        starts[n] = fs;
        ends[n] = p;
        flags[n++] = 0;
        this.count = n;
        this.breaks = breaks;
        this.next = p;
        return AT_EOF;
      }
      // delimiter
      starts[n] = fs;
      ends[n] = p;
      flags[n++] = 0;
      p++;
    }
  }

  private growFields(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, (k) => new Int32Array(k));
    this.ends = grow(this.ends, (k) => new Int32Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
  }

  private fieldScratchStart = 0;
  private scratchStartField(): void {
    this.fieldScratchStart = this.scratchLen;
  }
}

/**
 * Length of the line ending at buf[p] that ends a record: 1 for LF or a lone CR, 2 for CRLF;
 * 0 when the byte there is no line ending; -1 when a CR is the last byte read so far (and not
 * the end of the input), so that whether an LF follows is not known yet.
 */
function eolAt(buf: Uint8Array, p: number, len: number, final: boolean): number {
  const c = buf[p];
  if (c === LF) return 1;
  if (c !== CR) return 0;
  if (p + 1 < len) return buf[p + 1] === LF ? 2 : 1;
  return final ? 1 : -1;
}
