// One pass over a file's bytes: SHA-256 and byte count, encoding sniffing on the first
// 64 KiB, decoding, and csv-parse in streaming mode. Records are handed on one at a time
// with the physical line they start on; nothing is accumulated.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import { InputError } from '../errors.js';
import { cleanCell } from '../normalise/text.js';
import { detectDelimiter } from './delimiter.js';
import { type Encoding, Utf8Guard, detectEncoding } from './encoding.js';

export const SAMPLE_BYTES = 64 * 1024;
/** A record longer than this is almost surely a quote that never closes; stop before memory runs out. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export type RowHandler = (fields: string[], line: number) => void;

export interface CsvMeta {
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
}

export interface StreamResult extends CsvMeta {
  bytes: number;
  sha256: string;
  /** True when onHeader asked to stop: bytes and sha256 then cover only what was read. */
  stopped: boolean;
}

/** The file has no header row (no bytes, or only blank lines). */
export class EmptyFileError extends InputError {}

/** The bytes are not well-formed CSV (a quote that never closes). */
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
 * Keeps csv-parse's line count honest. `info.lines` is the line a record *ends* on, and it
 * counts a CRLF inside a quoted field as two lines. A record's start line is therefore its
 * corrected end line minus the line breaks inside its fields.
 */
class LineTracker {
  private prevEnd = 0;
  private prevEmpty = 0;
  private crlfInFields = 0;

  /** Start line of the record just parsed. */
  start(fields: string[], csvLines: number, emptyLines: number): number {
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
    return this.prevEnd + 1 + Math.max(0, emptyLines - this.prevEmpty);
  }
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

export async function streamCsv(opts: StreamOptions): Promise<StreamResult> {
  const { path } = opts;
  const hash = createHash('sha256');
  let bytes = 0;
  const source = createReadStream(path, { flags: 'r', highWaterMark: SAMPLE_BYTES });
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const next = async (): Promise<Buffer | undefined> => {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (e) {
      throw openFailure(path, e);
    }
    if (r.done) return undefined;
    hash.update(r.value);
    bytes += r.value.length;
    return r.value;
  };

  let parser: Parser | undefined;
  const lines = new LineTracker();
  try {
    // Sample: enough bytes to sniff the encoding and see the header line.
    const head: Buffer[] = [];
    let headBytes = 0;
    let eof = false;
    while (headBytes < SAMPLE_BYTES) {
      const b = await next();
      if (b === undefined) {
        eof = true;
        break;
      }
      head.push(b);
      headBytes += b.length;
    }
    const sample = Buffer.concat(head);
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

    let onRow: RowHandler | undefined;
    let headerSeen = false;
    let stopped = false;
    parser = parse({
      delimiter,
      relax_column_count: true,
      // Unquoted fields containing a quote (`5"`) are kept as written rather than failing the file.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (fields: string[], ctx) => {
        if (stopped) return null;
        const line = lines.start(fields, ctx.lines, ctx.empty_lines);
        if (isBlank(fields)) return null; // `,,,` rows Excel leaves behind are blank lines, not rows
        if (!headerSeen) {
          headerSeen = true;
          onRow = opts.onHeader(fields, line, meta);
          if (onRow === undefined) stopped = true;
          return null;
        }
        onRow!(fields, line);
        return null;
      },
    });
    const p = parser;
    // Errors (csv-parse's, or thrown by the handlers inside on_record) arrive as an 'error' event.
    let failure: unknown;
    p.on('error', (e) => {
      failure ??= e;
    });
    p.resume(); // nothing is ever pushed; flowing mode lets 'end' fire

    const guard = enc.sniffed && enc.encoding === 'utf-8' ? new Utf8Guard() : undefined;
    const decoder = enc.encoding === 'utf-8' ? undefined : new TextDecoder(enc.encoding);
    const feed = async (chunk: Buffer, first: boolean): Promise<void> => {
      // UTF-8 goes to csv-parse as bytes (it decodes whole fields, so split characters are fine).
      let data: Buffer | string = first ? chunk.subarray(enc.bomLength) : chunk;
      if (guard && !first && !guard.check(chunk)) {
        throw new InputError(
          `${path}: not valid UTF-8 after byte ${guard.checked} although the start of the file is; if it was saved as GBK/GB18030 pass --encoding gb18030`,
        );
      }
      if (decoder) data = decoder.decode(data as Buffer, { stream: true });
      if (failure !== undefined) throw failure;
      if (data.length === 0) return;
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

    if (guard && !guard.check(sample.subarray(enc.bomLength))) {
      throw new InputError(`${path}: not valid UTF-8; if it was saved as GBK/GB18030 pass --encoding gb18030`);
    }
    await feed(sample, true);
    while (!stopped) {
      const b = await next();
      if (b === undefined) break;
      await feed(b, false);
    }
    if (stopped) {
      p.destroy();
      return { ...meta, bytes, sha256: hash.digest('hex'), stopped: true };
    }
    if (guard && !guard.finish()) {
      throw new InputError(`${path}: the file ends inside a UTF-8 character (truncated or not UTF-8)`);
    }
    if (decoder) {
      const tail = decoder.decode();
      if (tail.length > 0) p.write(tail);
    }
    p.end();
    try {
      await finished(p);
    } catch (e) {
      throw failure ?? e;
    }
    if (failure !== undefined) throw failure;
    if (!headerSeen) throw new EmptyFileError(`${path}: the file is empty (no header row)`);
    return { ...meta, bytes, sha256: hash.digest('hex'), stopped: false };
  } catch (e) {
    if (e instanceof CsvError) throw csvFailure(path, e, lines);
    throw e;
  } finally {
    source.destroy();
    if (parser && !parser.destroyed) parser.destroy();
  }
}
