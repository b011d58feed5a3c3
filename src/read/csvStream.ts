// One pass over a file's bytes: SHA-256 and byte count, encoding sniffing on the first
// 64 KiB (when they are ASCII, on the 64 KiB from the first byte that is not), decoding, and
// parsing. Records are handed on one at a time with the physical line they start on; nothing
// is accumulated.
//
// Two engines parse: csv-parse, the reference, for every file it is fast enough for, and
// for large UTF-8 and GB18030 files our own byte scanner (fast/scan.ts), which yields the
// same records and lines (tests/read/differential.test.ts) and hands the rest of a file to
// csv-parse where it meets something it does not handle. A handler may also take the rest
// of a large orders file over after its header and parse it on worker threads
// (fast/parallel.ts) while this pass still hashes every byte.

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import { InputError } from '../errors.js';
import { cleanCell } from '../normalise/text.js';
import { detectDelimiter } from './delimiter.js';
import { type Encoding, Utf8Guard, detectEncoding, firstNonAscii, utf8CompleteLength, utf8OrGb18030 } from './encoding.js';
import { CsvScanner, MAX_FAST_RECORD, ScanStatus, cleanBytes, isBlankRaw, recordFields, type ScanRecord } from './fast/scan.js';

export const SAMPLE_BYTES = 64 * 1024;
/** A record longer than this is almost surely a quote that never closes; stop before memory runs out. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;
/**
 * The scanner takes over from csv-parse for files at least this large (engine 'auto'):
 * csv-parse reads such a file in about 30 ms, and a contracts or pay export of a few MB took
 * it a few hundred ms (about twice the scanner's time, measured on the benchmark's 1 MB files).
 */
export const FAST_MIN_BYTES = 256 * 1024;
/** Read size of the fast engine. */
const FAST_READ = 1024 * 1024;

export type Engine = 'auto' | 'csv-parse' | 'fast';

/** csv-parse's record delimiters: CRLF, LF and a lone CR (fast/scan.ts ends records at the same). */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** What a parallel reader needs to take over a file after its header (fast/parallel.ts). */
export interface HandOff {
  path: string;
  /** Byte offset in the file where the record after the header starts. */
  offset: number;
  /** The line it starts on, and the empty lines skipped before it. */
  line: number;
  emptyLines: number;
  delimiter: string;
  size: number;
  /** Reports bytes parsed so far (absolute file offset). */
  progress?: (offset: number) => void;
  /**
   * The file is ASCII so far and its encoding not known yet (streamCsv decides it at the first
   * byte that is not ASCII): stop at the record holding the first such byte (a Resume with
   * `ascii` set), so that no row with such a byte is parsed before the encoding is known.
   */
  asciiOnly?: boolean;
}

/**
 * Takes over the rest of a file: parses [offset, size) and delivers the rows itself. Returns
 * where it stopped if it could not finish (a record it hands back, with its line), for
 * csv-parse to go on from; undefined when it parsed everything.
 */
export type ParallelReader = (h: HandOff, signal: { aborted: boolean }) => Promise<Resume | undefined>;

export interface Resume {
  offset: number;
  line: number;
  emptyLines: number;
  /** Stopped at the first record that is not ASCII (HandOff.asciiOnly), not at one the scanner leaves to csv-parse. */
  ascii?: boolean;
}

/**
 * A record after the header that cannot be read to its end: a quoted field that is never
 * closed (or a record past MAX_RECORD_CHARS, most likely the same). Where it would have
 * ended cannot be known, so it is everything from `line` to the end of the file; the records
 * before it were all handed on.
 */
export interface BrokenRecord {
  /** The line the record starts on. */
  line: number;
  /** Index (from 0) of the field the parser was in when it gave up. */
  field: number;
  /** Why, in English, with the lines it covers. */
  reason: string;
}

/**
 * Gets each row after the header: `(fields, line)`. `raw` (optional) takes the scanner's
 * records without making strings; `parallel` (optional) may take a large file over;
 * `broken` (optional) takes a last record that cannot be read (without it, such a record
 * fails the file with a CsvSyntaxError).
 */
export type RowHandler = ((fields: string[], line: number) => void) & {
  raw?: (rec: ScanRecord, line: number) => void;
  parallel?: { minBytes: number; read: ParallelReader };
  broken?: (rec: BrokenRecord) => void;
};

export interface CsvMeta {
  /**
   * As known when the header is read. A file sniffed as UTF-8 from an ASCII start may turn
   * out GB18030 later (then this object changes; StreamResult has the final answer).
   */
  encoding: Encoding;
  delimiter: string;
}

export interface StreamOptions {
  /** Path as shown to the user (also the path opened). */
  path: string;
  encoding?: Encoding;
  /** .tsv files: tab when the header shows no delimiter. */
  tabByDefault?: boolean;
  /** Called with the first non-blank record; returns the row handler, or undefined to stop reading. */
  onHeader: (fields: string[], line: number, meta: CsvMeta) => RowHandler | undefined;
  /** Which parser: 'auto' (default) picks the scanner for large UTF-8/GB18030 files. */
  engine?: Engine;
  /** Bytes of the file read so far (parsed, or in a parallel read, merged). */
  onProgress?: (bytes: number) => void;
  /** Read size of the scanner (tests use tiny ones to cut records at every byte). */
  readSize?: number;
}

export interface StreamResult extends CsvMeta {
  bytes: number;
  sha256: string;
  /** True when onHeader asked to stop: bytes and sha256 then cover only what was read. */
  stopped: boolean;
  /** The parser that did the work (the scanner may have handed part of the file to csv-parse). */
  engine: 'csv-parse' | 'fast' | 'parallel';
}

/** The file has no header row (no bytes, or only blank lines). */
export class EmptyFileError extends InputError {}

/**
 * The bytes are not well-formed CSV: a quote that never closes in the header row, or in a
 * row whose handler takes no broken record (RowHandler.broken).
 */
export class CsvSyntaxError extends InputError {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((m, i) => b[i] === m);
}

function isBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (cleanCell(fields[i]) !== '') return false;
  return true;
}

/**
 * Keeps csv-parse's line count honest. Lines are physical lines as a text editor counts them
 * (each CRLF, LF and lone CR ends one). `info.lines` is the line a record *ends* on, and it
 * counts a CRLF inside a quoted field as two lines (any other line ending it counts once). A
 * record's start line is therefore its corrected end line minus the line breaks inside its
 * fields.
 */
export class LineTracker {
  private prevEnd = 0;
  private prevEmpty = 0;
  private crlfInFields = 0;
  private lineOffset = 0;
  private emptyOffset = 0;

  /**
   * Continues the count for a parser that starts at a record boundary on `line`, after
   * `emptyLines` empty lines (the scanner's counts when it hands over to csv-parse).
   */
  resume(line: number, emptyLines: number): void {
    this.prevEnd = line - 1;
    this.prevEmpty = emptyLines;
    this.crlfInFields = 0;
    this.lineOffset = line - 1;
    this.emptyOffset = emptyLines;
  }

  /** Start line of the record just parsed. */
  start(fields: string[], csvLines: number, emptyLines: number): number {
    csvLines += this.lineOffset;
    emptyLines += this.emptyOffset;
    let end = csvLines - this.crlfInFields;
    let start = end;
    // Fast path: a single-line record ends right after the previous one (and any blank lines).
    if (end !== this.prevEnd + 1 + (emptyLines - this.prevEmpty)) {
      let breaks = 0;
      let pairs = 0;
      for (const f of fields) {
        if (f.indexOf('\n') < 0 && f.indexOf('\r') < 0) continue;
        for (let i = 0; i < f.length; i++) {
          const c = f.charCodeAt(i);
          if (c === 10) breaks++;
          else if (c === 13) {
            if (f.charCodeAt(i + 1) === 10) pairs++;
            else breaks++;
          }
        }
      }
      // csv-parse counted each CRLF pair twice; `breaks` counted it once (via its LF).
      this.crlfInFields += pairs;
      end -= pairs;
      start = end - breaks;
    }
    this.prevEnd = end;
    this.prevEmpty = emptyLines;
    return start;
  }

  /** Start line of a record that failed to parse (after the last good one and any blank lines). */
  failedStart(emptyLines: number): number {
    return this.prevEnd + 1 + Math.max(0, emptyLines + this.emptyOffset - this.prevEmpty);
  }
}

/**
 * The csv-parse error that leaves a record unread to the end of the file (see BrokenRecord):
 * a quote never closed. A record over the size limit is not one: the rows after it may be
 * sound (an unquoted multi-megabyte value), and rejecting the rest of the file as one row
 * would lose them, so the file fails as a whole with its line (csvFailure).
 */
function brokenRecord(err: unknown, lines: LineTracker): BrokenRecord | undefined {
  if (!(err instanceof CsvError)) return undefined;
  if (err.code !== 'CSV_QUOTE_NOT_CLOSED') return undefined;
  const info = err as unknown as { empty_lines?: number; column?: unknown };
  const line = lines.failedStart(info.empty_lines ?? 0);
  // csv-parse's `column` is the number of fields of the record it had finished (no `columns` option).
  const field = typeof info.column === 'number' && info.column >= 0 ? info.column : 0;
  const span = `(from line ${line} to the end of the file)`;
  return { line, field, reason: `a quoted field is never closed ${span}` };
}

function csvFailure(path: string, err: CsvError, lines: LineTracker): CsvSyntaxError {
  const info = err as unknown as { empty_lines?: number; lines?: number };
  const line = lines.failedStart(info.empty_lines ?? 0);
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvSyntaxError(`${path}: line ${line}: a quoted field is never closed`);
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvSyntaxError(
        `${path}: line ${line}: a record is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB (probably a quoted field that is never closed)`,
      );
    default:
      return new CsvSyntaxError(`${path}: line ${line}: cannot parse CSV (${err.message})`);
  }
}

function openFailure(path: string, err: unknown): InputError {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return new InputError(`${path}: file not found`);
  if (code === 'EISDIR') return new InputError(`${path}: is a folder, not a file`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${path}: permission denied`);
  return new InputError(`${path}: cannot read the file (${code ?? String(err)})`);
}

/** Sequential reads with SHA-256, byte count and progress. */
class Source {
  readonly hash = createHash('sha256');
  bytes = 0;
  private pos = 0;
  private done = false;
  private constructor(
    private readonly fh: FileHandle,
    private readonly path: string,
  ) {}

  static async open(path: string): Promise<Source> {
    try {
      return new Source(await open(path, 'r'), path);
    } catch (e) {
      throw openFailure(path, e);
    }
  }

  /** Two buffers the scanner's reads alternate between (it copies what it keeps). */
  private pool: Buffer[] | undefined;
  private turn = 0;

  /** From now on, reads reuse two buffers instead of allocating (only for a consumer that keeps nothing). */
  reuse(on: boolean, size: number): void {
    this.pool = on ? [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] : undefined;
  }

  /** The next up to `size` bytes (a fresh buffer, or one of the pool), or undefined at the end. */
  async next(size: number): Promise<Buffer | undefined> {
    if (this.done) return undefined;
    const buf = this.pool && this.pool[0].length >= size ? this.pool[this.turn++ & 1] : Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      let r: number;
      try {
        r = (await this.fh.read(buf, n, size - n, this.pos)).bytesRead;
      } catch (e) {
        throw openFailure(this.path, e);
      }
      if (r === 0) break;
      n += r;
      this.pos += r;
    }
    if (n === 0) {
      this.done = true;
      return undefined;
    }
    const out = n < size ? buf.subarray(0, n) : buf;
    this.hash.update(out);
    this.bytes += n;
    return out;
  }

  /** Up to `size` bytes at `pos`, without moving on or hashing them; `eof` when the file ends within them. */
  async peek(pos: number, size: number): Promise<{ bytes: Buffer; eof: boolean }> {
    const buf = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      let r: number;
      try {
        r = (await this.fh.read(buf, n, size - n, pos + n)).bytesRead;
      } catch (e) {
        throw openFailure(this.path, e);
      }
      if (r === 0) break;
      n += r;
    }
    return { bytes: buf.subarray(0, n), eof: n < size };
  }

  async close(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

export async function streamCsv(opts: StreamOptions): Promise<StreamResult> {
  const { path } = opts;
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    // the open below says what is wrong
  }
  const src = await Source.open(path);
  let parser: Parser | undefined;
  const lines = new LineTracker();
  try {
    // Sample: the first 64 KiB, enough to sniff the encoding and see the header line.
    const first = await src.next(SAMPLE_BYTES);
    const sample = first ?? Buffer.alloc(0);
    const eof = sample.length < SAMPLE_BYTES;
    if (sample.length === 0) throw new EmptyFileError(`${path}: the file is empty`);
    if (startsWith(sample, ZIP_MAGIC) || startsWith(sample, OLE_MAGIC)) {
      throw new InputError(
        `${path}: this is an Excel workbook, not a CSV file; open it in Excel and save it as CSV (另存为 CSV UTF-8)`,
      );
    }
    const enc = detectEncoding(sample, eof, opts.encoding);
    const body = sample.subarray(enc.bomLength);
    const headText = new TextDecoder(enc.encoding).decode(body.subarray(0, Math.min(body.length, SAMPLE_BYTES)));
    const delimiter = detectDelimiter(headText, opts.tabByDefault);
    const meta: CsvMeta = { encoding: enc.encoding, delimiter };
    const engineChoice = opts.engine ?? 'auto';
    const scannable = enc.encoding === 'utf-8' || enc.encoding === 'gb18030';
    const fast = scannable && (engineChoice === 'fast' || (engineChoice === 'auto' && size >= FAST_MIN_BYTES));
    let engine: StreamResult['engine'] = fast ? 'fast' : 'csv-parse';

    // ---- what to do with each record, whichever engine found it
    let onRow: RowHandler | undefined;
    let headerSeen = false;
    let stopped = false;
    /** Set when the header's handler can take the rest of the file over (fast engine only). */
    let handOffWanted = false;
    const onHeaderFields = (fields: string[], line: number) => {
      headerSeen = true;
      onRow = opts.onHeader(fields, line, meta);
      if (onRow === undefined) stopped = true;
    };

    // ---- csv-parse
    let failure: unknown;
    /**
     * Set once a record after the header could not be read to its end and went to the row
     * handler's `broken`: csv-parse has stopped (or is at the end), the rest of the file is
     * only hashed and checked.
     */
    let broken = false;
    const startParser = () => {
      const p = parse({
        delimiter,
        relax_column_count: true,
        // Unquoted fields containing a quote (`5"`) are kept as written rather than failing the file.
        relax_quotes: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_CHARS,
        // Every line ending ends a record, whichever the file's first line has: files that mix
        // them (a CRLF export edited on Linux, two exports pasted together) are read line by
        // line as an editor shows them. CRLF is tried first: a CR followed by LF is one ending.
        record_delimiter: RECORD_DELIMITERS,
        on_record: (fields: string[], ctx) => {
          if (stopped) return null;
          const line = lines.start(fields, ctx.lines, ctx.empty_lines);
          if (isBlank(fields)) return null; // `,,,` rows Excel leaves behind are blank lines, not rows
          if (!headerSeen) {
            onHeaderFields(fields, line);
            return null;
          }
          onRow!(fields, line);
          return null;
        },
      });
      // Errors (csv-parse's, or thrown by the handlers inside on_record) arrive as an 'error' event.
      p.on('error', (e) => {
        if (failure === undefined && !broken && headerSeen && !stopped && onRow?.broken) {
          const rec = brokenRecord(e, lines);
          if (rec) {
            broken = true;
            try {
              onRow.broken(rec);
            } catch (x) {
              failure = x;
            }
            return;
          }
        }
        failure ??= e;
      });
      p.resume(); // nothing is ever pushed; flowing mode lets 'end' fire
      parser = p;
      return p;
    };
    const write = async (data: Buffer | string): Promise<void> => {
      const p = parser!;
      if (failure !== undefined) throw failure;
      if (data.length === 0 || broken) return;
      if (!p.write(data)) {
        await new Promise<void>((resolve) => {
          const settle = () => {
            p.off('drain', settle);
            p.off('error', settle);
            resolve();
          };
          p.on('drain', settle);
          p.on('error', settle);
        });
      }
      if (failure !== undefined) throw failure;
    };
    /** Ends csv-parse's input and waits for its last records (a broken record is not a failure). */
    const endParser = async (p: Parser): Promise<void> => {
      if (!broken) {
        p.end();
        try {
          await finished(p);
        } catch (e) {
          if (!broken) throw failure ?? e;
        }
      }
      if (failure !== undefined) throw failure;
    };

    // ---- the scanner
    const scanner = fast ? new CsvScanner(delimiter.charCodeAt(0)) : undefined;
    let carry: Buffer | undefined;
    /** File offset of the first byte of `carry` (UTF-8 only: offsets of re-encoded text mean nothing). */
    let carryOffset = enc.bomLength;
    const onRecord = (rec: ScanRecord, line: number): boolean => {
      if (stopped) return true;
      if (isBlankRaw(rec)) return false;
      if (!headerSeen) {
        onHeaderFields(recordFields(rec), line);
        if (stopped) return true;
        const par = onRow!.parallel;
        handOffWanted = par !== undefined && meta.encoding === 'utf-8' && size >= par.minBytes;
        return handOffWanted;
      }
      if (onRow!.raw) onRow!.raw(rec, line);
      else onRow!(recordFields(rec), line);
      return false;
    };
    /** Scans `data` (after any carried bytes); on a bail, csv-parse takes the rest. */
    let work: Buffer | undefined; // carried bytes + the new data, reused
    const scan = async (data: Buffer, final: boolean): Promise<void> => {
      if (parser) return write(data);
      let buf = data;
      if (carry) {
        const n = carry.length + data.length;
        if (!work || work.length < n) work = Buffer.allocUnsafe(Math.max(n, (work?.length ?? 0) * 2));
        carry.copy(work, 0);
        data.copy(work, carry.length);
        buf = work.subarray(0, n);
      }
      const sc = scanner!;
      sc.clean = cleanBytes(buf, final);
      let from = 0;
      for (;;) {
        const st = sc.scan(buf, from, buf.length, final, onRecord);
        if (st === ScanStatus.Paused) {
          if (stopped) return;
          if (handOffWanted) {
            carry = buf.subarray(sc.pos);
            carryOffset += sc.pos;
            return;
          }
          from = sc.pos;
          continue;
        }
        if (st === ScanStatus.More && buf.length - sc.pos <= MAX_FAST_RECORD) {
          carryOffset += sc.pos;
          carry = sc.pos < buf.length ? Buffer.from(buf.subarray(sc.pos)) : undefined;
          return;
        }
        if (st === ScanStatus.Done) {
          carry = undefined;
          return;
        }
        // Bail (or a record too long for the scanner): csv-parse from the record's start. It
        // keeps slices of what it is given: a copy, and fresh buffers from now on.
        lines.resume(sc.line, sc.emptyLines);
        startParser();
        carry = undefined;
        src.reuse(false, 0);
        await write(Buffer.from(buf.subarray(sc.pos)));
        return;
      }
    };

    let guard = enc.sniffed && enc.encoding === 'utf-8' ? new Utf8Guard() : undefined;
    const guardCheck = (chunk: Buffer) => {
      // In 64 KiB pieces, as the bytes were first read, so that the error names the same byte.
      for (let o = 0; o < chunk.length; o += SAMPLE_BYTES) {
        if (!guard!.check(chunk.subarray(o, Math.min(chunk.length, o + SAMPLE_BYTES)))) {
          throw new InputError(
            `${path}: not valid UTF-8 after byte ${guard!.checked} although the start of the file is; if it was saved as GBK/GB18030 pass --encoding gb18030`,
          );
        }
      }
    };
    let decoder = enc.encoding === 'utf-8' ? undefined : new TextDecoder(enc.encoding);
    /** Decoded text as the parser wants it: bytes for the scanner, a string for csv-parse. */
    const feed = async (chunk: Buffer, isFirst: boolean, final: boolean): Promise<void> => {
      // UTF-8 goes to the parsers as bytes (they decode whole fields, so split characters are fine).
      const raw = isFirst ? chunk.subarray(enc.bomLength) : chunk;
      if (guard && !isFirst) guardCheck(chunk);
      if (decoder) {
        const text = decoder.decode(raw, { stream: !final });
        if (scanner && !parser) return scan(Buffer.from(text, 'utf8'), final);
        if (failure !== undefined) throw failure;
        return text.length === 0 ? undefined : write(text);
      }
      if (scanner && !parser) return scan(raw, final);
      return write(raw);
    };

    // A sniffed UTF-8 file without a byte-order mark whose first 64 KiB are ASCII (but for a
    // character cut off at their end) is as much GB18030 as UTF-8: ASCII reads the same in
    // both. Its first byte that is not ASCII decides, as a sample starting there would have
    // (utf8OrGb18030 on the 64 KiB from that byte). Everything before that byte reads the same
    // either way, so the rows parsed so far stand and GB18030 decoding takes over in place.
    let undecided = guard !== undefined && enc.bomLength === 0 && isAscii(eof ? sample : sample.subarray(0, utf8CompleteLength(sample)));
    /** Decides an undecided encoding at the first byte of `chunk` (at file offset `at`) that is not ASCII, if any. */
    const settle = async (chunk: Buffer, at: number): Promise<void> => {
      const i = firstNonAscii(chunk);
      if (i < 0) return;
      undecided = false;
      const w = await src.peek(at + i, SAMPLE_BYTES);
      if (utf8OrGb18030(w.bytes, w.eof) === 'utf-8') return; // the guard goes on checking
      meta.encoding = 'gb18030';
      guard = undefined;
      decoder = new TextDecoder('gb18030');
    };
    if (undecided) await settle(sample, 0);

    if (guard && !guard.check(sample.subarray(enc.bomLength))) {
      throw new InputError(`${path}: not valid UTF-8; if it was saved as GBK/GB18030 pass --encoding gb18030`);
    }
    if (!scanner) startParser();
    const readSize = scanner ? (opts.readSize ?? FAST_READ) : SAMPLE_BYTES;
    // The scanner copies what it keeps (UTF-8 only: decoded text is a fresh buffer anyway).
    if (scanner && !decoder) src.reuse(true, readSize);
    let pending: Buffer | undefined = sample;
    /** File offset of `pending`. */
    let pendingAt = 0;
    let isFirst = true;
    while (!stopped && pending) {
      const next = eof && isFirst ? undefined : await src.next(readSize);
      if (undecided && !isFirst) await settle(pending, pendingAt);
      await feed(pending, isFirst, next === undefined);
      opts.onProgress?.(src.bytes);
      isFirst = false;
      pendingAt += pending.length;
      pending = next;
      if (handOffWanted) break;
    }

    if (handOffWanted && !stopped) {
      // The rest of the file goes to worker threads; this pass goes on hashing and checking it.
      engine = 'parallel';
      const par = onRow!.parallel!;
      const signal = { aborted: false };
      const job = par.read(
        {
          path,
          offset: carryOffset,
          line: scanner!.line,
          emptyLines: scanner!.emptyLines,
          delimiter,
          size,
          progress: opts.onProgress,
          asciiOnly: undecided,
        },
        signal,
      );
      job.catch(() => undefined);
      try {
        let chunk = pending;
        let at = pendingAt;
        while (chunk) {
          if (undecided) await settle(chunk, at);
          if (guard) guardCheck(chunk);
          at += chunk.length;
          chunk = await src.next(FAST_READ);
        }
        if (guard && !guard.finish()) {
          throw new InputError(`${path}: the file ends inside a UTF-8 character (truncated or not UTF-8)`);
        }
      } catch (e) {
        signal.aborted = true;
        await job.catch(() => undefined);
        throw e;
      }
      let resume = await job;
      if (resume?.ascii && meta.encoding === 'utf-8') {
        // The threads stopped at the first record that is not ASCII, and the file is UTF-8
        // after all (the pass above checked all of it): they parse on from that record.
        resume = await par.read(
          { path, offset: resume.offset, line: resume.line, emptyLines: resume.emptyLines, delimiter, size, progress: opts.onProgress },
          signal,
        );
      }
      if (meta.encoding !== 'utf-8' && !resume) {
        // Cannot happen: the threads stop at or before the first byte that is not ASCII.
        throw new Error(`${path}: internal error: GB18030 text was parsed as UTF-8`);
      }
      if (resume) {
        // A record the workers did not handle: csv-parse parses the file on from it. Or the
        // first record with a byte that is not ASCII in a file that turned out GB18030: the
        // scanner goes on from it on decoded text, as with --encoding gb18030 (all before it is
        // ASCII, read the same in either encoding).
        const late = meta.encoding === 'utf-8' ? undefined : new TextDecoder(meta.encoding);
        if (late) {
          scanner!.line = resume.line;
          scanner!.emptyLines = resume.emptyLines;
          carry = undefined;
        } else {
          lines.resume(resume.line, resume.emptyLines);
          startParser();
        }
        const fh = await open(path, 'r');
        try {
          for (let pos = resume.offset; !broken; ) {
            const buf = Buffer.allocUnsafe(late ? FAST_READ : SAMPLE_BYTES);
            const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
            const final = bytesRead === 0;
            pos += bytesRead;
            const bytes = buf.subarray(0, bytesRead);
            // scan() hands the rest to csv-parse itself if the scanner bails.
            if (late) await scan(Buffer.from(late.decode(bytes, { stream: !final }), 'utf8'), final);
            else if (!final) await write(bytes);
            if (final) break;
          }
        } finally {
          await fh.close();
        }
        if (parser) await endParser(parser);
      }
      return { ...meta, bytes: src.bytes, sha256: src.hash.digest('hex'), stopped: false, engine };
    }

    if (stopped) {
      parser?.destroy();
      return { ...meta, bytes: src.bytes, sha256: src.hash.digest('hex'), stopped: true, engine };
    }
    if (guard && !guard.finish()) {
      throw new InputError(`${path}: the file ends inside a UTF-8 character (truncated or not UTF-8)`);
    }
    if (parser) {
      if (decoder && !scanner && !broken) {
        const tail = decoder.decode();
        if (tail.length > 0) parser.write(tail);
      }
      await endParser(parser);
    }
    if (!headerSeen) throw new EmptyFileError(`${path}: the file is empty (no header row)`);
    return { ...meta, bytes: src.bytes, sha256: src.hash.digest('hex'), stopped: false, engine };
  } catch (e) {
    if (e instanceof CsvError) throw csvFailure(path, e, lines);
    throw e;
  } finally {
    await src.close();
    if (parser && !parser.destroyed) parser.destroy();
  }
}
