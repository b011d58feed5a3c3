// bytes -> canonical records, file by file, streaming.

import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import type { CanonicalRecord, InputSummary, Kind, Rejection } from '../model.js';
import { OrderIdIndex } from '../normalise/orderIds.js';
import { duplicateReject } from '../normalise/orders.js';
import { RowReject, makeConverter } from '../normalise/records.js';
import { columnLabels, raggedColumn, raggedReason } from '../normalise/convert.js';
import type { Clock } from '../time.js';
import { availableParallelism } from 'node:os';
import type { OrderSink } from '../assemble/collect.js';
import { CsvSyntaxError, EmptyFileError, streamCsv, type BrokenRecord, type CsvMeta, type Engine, type RowHandler } from './csvStream.js';
import { OrderMerger, type MergeTarget } from './fast/merge.js';
import { OrderBatchBuilder } from './fast/orders.js';
import { parallelAvailable, readParallel, ReaderPool } from './fast/parallel.js';
import { describeMissing, detectKind, explainNoKind } from './detect.js';
import { type Encoding, encodingFromName } from './encoding.js';
import { type InputFile, expandInputs } from './expand.js';
import { type KindMatch, validateMap } from './headers.js';

export interface ReadOptions {
  clock: Clock; // date-times without offset are in clock.tz
  encoding?: string; // --encoding override (e.g. 'utf-8', 'gb18030', 'gbk')
  map?: Record<string, string>; // --map: canonical column -> header name in the file (applies to every kind)
  platform?: string; // --platform: default platform
  /** Parser: 'auto' (default: csv-parse, the byte scanner for large UTF-8/GB18030 files), or either one. */
  engine?: Engine;
  /** Worker threads for large orders files (default: the cores, at most 4; 0 = none). */
  threads?: number;
  /** Orders files at least this large are parsed on worker threads (default 32 MiB). */
  parallelMinBytes?: number;
  /** Bytes per worker range (default: about 4 ranges per thread, 8–64 MiB); for tests. */
  parallelRangeBytes?: number;
  /** The run's duplicate index (shared with the collector, which refers to ids by their entry). */
  orderIds?: OrderIdIndex;
  /** Progress over all inputs: bytes done of the total, rows read so far. */
  onProgress?: (p: ReadProgress) => void;
}

export interface ReadProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  path: string;
}

/** Where records go. A sink with an `orders` property takes orders as columns (assemble/collect.ts). */
export type RecordSink = ((rec: CanonicalRecord) => void) & { orders?: OrderSink };

/** Default size from which an orders file is parsed on worker threads. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

export function defaultThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

export interface InputSpec {
  path: string;
  kind?: Kind; // set = explicit flag (--orders F …)
}

export interface ReadResult {
  inputs: InputSummary[]; // one per file read, in reading order (index = Origin.file)
  rejected: Rejection[]; // every rejected row, in file then line order
  skipped: { path: string; reason: string }[]; // folder members that are not a recognised export
  ignoredColumns: { path: string; columns: string[] }[];
  /** How each file read was parsed (not part of the report). */
  engines?: { path: string; engine: 'csv-parse' | 'fast' | 'parallel' }[];
}

export interface SniffResult {
  kind?: Kind;
  encoding: string;
  delimiter: string;
  /** Canonical columns matched, for the detected kind (or the closest one). */
  columns: string[];
  /** Required columns missing (empty when a kind was detected). */
  missing: string[];
}

interface Chosen {
  kind?: Kind;
  match: KindMatch;
  /** Why no kind applies (a full sentence after "path: "). */
  problem?: string;
}

/** What to do about a folder member that is not an export. */
const FOLDER_HINT = ' (every .csv, .tsv and .txt file in a folder is read as an export: name the export files instead, give its kind with --orders/--pay/--contracts/--insurance/--workers, or --map its columns)';

/** Kind of a header: the explicit one if given (its required columns must be present), else detected. */
function chooseKind(header: string[], explicit: Kind | undefined, map: Record<string, string> | undefined): Chosen {
  const d = detectKind(header, map);
  if (explicit === undefined) {
    return d.kind ? { kind: d.kind, match: d.best } : { match: d.best, problem: explainNoKind(d) };
  }
  const m = d.matches[explicit];
  if (m.missing.length > 0) {
    const s = m.missing.length > 1 ? 's' : '';
    return { match: m, problem: `given as ${explicit} but the header lacks required column${s}: ${describeMissing(m)}` };
  }
  return { kind: explicit, match: m };
}

function fileEncoding(opts: ReadOptions): Encoding | undefined {
  return opts.encoding === undefined || opts.encoding === '' ? undefined : encodingFromName(opts.encoding);
}

async function readOne(
  file: InputFile,
  opts: ReadOptions,
  encoding: Encoding | undefined,
  orderIds: OrderIdIndex,
  result: ReadResult,
  sink: RecordSink,
  progress: { done: number; total: number; rows: () => number },
  pool: ReaderPool | undefined,
): Promise<void> {
  const { path } = file;
  const ext = extname(path);
  let summary: InputSummary | undefined;
  /** Orders rows still in a batch when the file ends. */
  let flushOrders: (() => void) | undefined;

  const onHeader = (header: string[], _line: number, meta: CsvMeta) => {
    const chosen = chooseKind(header, file.kind, opts.map);
    if (chosen.kind === undefined) {
      // "A file that matches no kind is an error that names the file and the columns that
      // were missing for the closest kind" (data-contract.md). In a folder that holds for a
      // header with two known columns or more — an export with a column missing or renamed
      // must not drop out of an audit silently; a member with fewer (notes, a README, an
      // unrelated table) is no export at all: skipped, and said.
      if (file.fromFolder && file.kind === undefined && chosen.match.columns.length < 2) {
        result.skipped.push({ path, reason: chosen.problem! });
        return undefined;
      }
      throw new InputError(`${path}: ${chosen.problem}${file.fromFolder ? FOLDER_HINT : ''}`);
    }
    const { match } = chosen;
    const s: InputSummary = {
      path,
      kind: chosen.kind,
      sha256: '',
      bytes: 0,
      encoding: meta.encoding,
      delimiter: meta.delimiter,
      rowsRead: 0,
      rowsUsed: 0,
      rowsRejected: 0,
      columns: match.columns,
      ignoredColumns: match.ignored,
    };
    summary = s;
    const fileIndex = result.inputs.length;
    result.inputs.push(s);
    if (match.ignored.length > 0) result.ignoredColumns.push({ path, columns: match.ignored });

    const convert = makeConverter(chosen.kind, match.cols, {
      clock: opts.clock,
      file: fileIndex,
      platform: opts.platform,
      fileStem: basename(path, ext),
      orderIds,
      pathOf: (i) => result.inputs[i].path,
    });
    const width = header.length;
    const labels = columnLabels(header, match.cols);
    const rejected = result.rejected;
    const handler: RowHandler = (fields: string[], line: number) => {
      s.rowsRead++;
      if (fields.length !== width) {
        s.rowsRejected++;
        rejected.push({ file: path, line, column: raggedColumn(labels, fields.length), reason: raggedReason(fields.length, width) });
        return;
      }
      const r = convert(fields, line);
      if (r instanceof RowReject) {
        s.rowsRejected++;
        rejected.push({ file: path, line, column: r.column, reason: r.reason });
        return;
      }
      s.rowsUsed++;
      sink(r);
    };
    // A last record that cannot be read (a quote never closed): one rejected row, named by the
    // field it broke in (canonical column, else the header's name there, else its number).
    handler.broken = (b: BrokenRecord) => {
      s.rowsRead++;
      s.rowsRejected++;
      const column = labels[b.field] || `#${b.field + 1}`;
      rejected.push({ file: path, line: b.line, column, reason: b.reason });
    };
    if (chosen.kind !== 'orders') return handler;

    // Orders: the byte scanner's rows become columns (read/fast/orders.ts) and are merged in
    // batches; rows csv-parse delivers go one at a time as above, after any pending batch.
    const target: MergeTarget = { path, file: fileIndex, summary: s, rejected, orderIds, pathOf: (i) => result.inputs[i].path, sink };
    const parse = { clock: opts.clock, file: fileIndex, platform: opts.platform, fileStem: basename(path, ext) };
    let builder: OrderBatchBuilder | undefined;
    let merger: OrderMerger | undefined;
    const flush = () => {
      if (builder && builder.rows > 0) merger!.merge(builder.takeShared());
    };
    flushOrders = flush;
    const orders: RowHandler = Object.assign(
      (fields: string[], line: number) => {
        flush();
        handler(fields, line);
      },
      {
        broken: (b: BrokenRecord) => {
          flush();
          handler.broken!(b);
        },
        raw: (rec: Parameters<NonNullable<RowHandler['raw']>>[0], line: number) => {
          if (!builder) {
            builder = new OrderBatchBuilder({ cols: match.cols, labels, ...parse });
            merger = new OrderMerger(target);
          }
          builder.raw(rec, line);
          if (builder.full()) flush();
        },
      },
    );
    const threads = opts.threads ?? defaultThreads();
    if (threads > 0 && parallelAvailable()) {
      orders.parallel = {
        minBytes: opts.parallelMinBytes ?? PARALLEL_MIN_BYTES,
        read: (h, signal) => {
          flush();
          return readParallel(h, signal, {
            threads,
            pool,
            cols: match.cols,
            labels,
            tz: opts.clock.tz,
            file: fileIndex,
            platform: opts.platform,
            fileStem: parse.fileStem,
            newMerger: () => new OrderMerger(target),
            expectRows: (rows) => orderIds.reserve(orderIds.size + rows),
            rangeBytes: opts.parallelRangeBytes,
          });
        },
      };
    }
    return orders;
  };

  try {
    const base = progress.done;
    const res = await streamCsv({
      path,
      encoding,
      tabByDefault: ext.toLowerCase() === '.tsv',
      onHeader,
      engine: opts.engine,
      onProgress: opts.onProgress && ((bytes) => opts.onProgress!({ bytes: base + bytes, totalBytes: progress.total, rows: progress.rows(), path })),
    });
    flushOrders?.();
    progress.done = base + res.bytes;
    (result.engines ??= []).push({ path, engine: res.engine });
    if (summary) {
      summary.bytes = res.bytes;
      summary.sha256 = res.sha256;
      summary.encoding = res.encoding; // an ASCII start may have turned out GB18030 after the header
    }
  } catch (e) {
    // A folder member that is empty or not CSV at all (prose, a binary) is no export: skipped, and said.
    if (file.fromFolder && file.kind === undefined && summary === undefined) {
      if (e instanceof EmptyFileError) {
        result.skipped.push({ path, reason: 'the file is empty' });
        return;
      }
      if (e instanceof CsvSyntaxError) {
        result.skipped.push({ path, reason: `not a CSV export (${e.message.slice(path.length + 2)})` });
        return;
      }
    }
    throw e;
  }
}

/**
 * Reads every input file, streaming each record to `sink` as it is parsed. Throws
 * InputError for a file that cannot be read at all; row problems become `rejected`.
 */
export async function readInputs(specs: InputSpec[], opts: ReadOptions, sink: RecordSink): Promise<ReadResult> {
  validateMap(opts.map);
  const encoding = fileEncoding(opts);
  const files = await expandInputs(specs);
  const result: ReadResult = { inputs: [], rejected: [], skipped: [], ignoredColumns: [] };
  const orderIds = opts.orderIds ?? new OrderIdIndex();
  const sizes = await Promise.all(files.map((f) => stat(f.path).then((st) => st.size, () => 0)));
  const total = sizes.reduce((a, b) => a + b, 0);
  const pool = startReaders(sizes, opts);
  const progress = { done: 0, total, rows: () => result.inputs.reduce((n, i) => n + i.rowsRead, 0) };
  /** Per input (by index): its rejections' stretch of result.rejected. */
  const stretches: [number, number][] = [];
  try {
    for (const file of files) {
      const before = result.rejected.length;
      const input = result.inputs.length;
      await readOne(file, opts, encoding, orderIds, result, sink, progress, pool);
      if (result.inputs.length > input) stretches[input] = [before, result.rejected.length];
    }
  } finally {
    await pool?.close();
  }
  if (orderIds.deferred) settleDuplicates(orderIds, result, stretches, sink);
  return result;
}

/**
 * Parse threads, started now when an input is large enough for them (it may turn out not to
 * be an orders file, or not UTF-8: then they end unused), so that they are ready when the
 * file is reached rather than starting then.
 */
function startReaders(sizes: number[], opts: ReadOptions): ReaderPool | undefined {
  const threads = opts.threads ?? defaultThreads();
  if (threads <= 0 || opts.engine === 'csv-parse' || !parallelAvailable()) return undefined;
  const minBytes = opts.parallelMinBytes ?? PARALLEL_MIN_BYTES;
  return sizes.some((n) => n >= minBytes) ? new ReaderPool(threads) : undefined;
}

/**
 * The duplicate check of a deferred index, after reading: each later copy of an id becomes
 * a rejection, in its file's list in line order, and leaves the orders (the sink drops it).
 * Counts and rejections end as the check at once would have left them.
 */
function settleDuplicates(orderIds: OrderIdIndex, result: ReadResult, stretches: [number, number][], sink: RecordSink): void {
  const dups = orderIds.resolveDuplicates();
  if (dups.later.length === 0) return;
  if (!sink.orders) throw new Error('readInputs: a deferred duplicate check needs a sink that can drop orders');
  sink.orders.dropOrders(dups.mask, dups.later.length);
  const byFile = new Map<number, Rejection[]>();
  for (let i = 0; i < dups.later.length; i++) {
    const at = orderIds.originOf(dups.later[i]);
    const first = orderIds.originOf(dups.first[i]);
    const input = result.inputs[at.file];
    input.rowsUsed--;
    input.rowsRejected++;
    const r = duplicateReject(orderIds.idAt(dups.later[i]), result.inputs[first.file].path, first.line);
    let list = byFile.get(at.file);
    if (!list) byFile.set(at.file, (list = []));
    list.push({ file: input.path, line: at.line, column: r.column, reason: r.reason });
  }
  const all: Rejection[] = [];
  const old = result.rejected;
  let done = 0;
  for (let f = 0; f < result.inputs.length; f++) {
    const [from, to] = stretches[f] ?? [done, done];
    for (; done < from; done++) all.push(old[done]);
    const extra = byFile.get(f);
    if (!extra) continue;
    // Both in line order: merge them.
    let k = 0;
    for (; done < to; done++) {
      while (k < extra.length && extra[k].line < old[done].line) all.push(extra[k++]);
      all.push(old[done]);
    }
    while (k < extra.length) all.push(extra[k++]);
  }
  for (; done < old.length; done++) all.push(old[done]);
  result.rejected = all;
}

/** Reads one file's header only: detected kind, encoding, delimiter, matched and missing columns. */
export async function sniffFile(path: string, opts: ReadOptions): Promise<SniffResult> {
  validateMap(opts.map);
  let out: SniffResult | undefined;
  await streamCsv({
    path,
    encoding: fileEncoding(opts),
    tabByDefault: extname(path).toLowerCase() === '.tsv',
    onHeader: (header, _line, meta) => {
      const chosen = chooseKind(header, undefined, opts.map);
      out = {
        kind: chosen.kind,
        encoding: meta.encoding,
        delimiter: meta.delimiter,
        columns: chosen.match.columns,
        missing: chosen.kind ? [] : chosen.match.missing,
      };
      return undefined;
    },
  });
  if (out === undefined) throw new InputError(`${path}: the file is empty (no header row)`);
  return out;
}
