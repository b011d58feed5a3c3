// bytes -> canonical records, file by file, streaming.

import { basename, extname } from 'node:path';
import { InputError } from '../errors.js';
import type { CanonicalRecord, InputSummary, Kind, Rejection } from '../model.js';
import { OrderIdIndex } from '../normalise/orderIds.js';
import { RowReject, makeConverter } from '../normalise/records.js';
import type { Clock } from '../time.js';
import { CsvSyntaxError, EmptyFileError, streamCsv, type CsvMeta } from './csvStream.js';
import { describeMissing, detectKind, explainNoKind } from './detect.js';
import { type Encoding, encodingFromName } from './encoding.js';
import { type InputFile, expandInputs } from './expand.js';
import { type KindMatch, validateMap } from './headers.js';

export interface ReadOptions {
  clock: Clock; // date-times without offset are in clock.tz
  encoding?: string; // --encoding override (e.g. 'utf-8', 'gb18030', 'gbk')
  map?: Record<string, string>; // --map: canonical column -> header name in the file (applies to every kind)
  platform?: string; // --platform: default platform
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
  sink: (rec: CanonicalRecord) => void,
): Promise<void> {
  const { path } = file;
  const ext = extname(path);
  let summary: InputSummary | undefined;

  const onHeader = (header: string[], _line: number, meta: CsvMeta) => {
    const chosen = chooseKind(header, file.kind, opts.map);
    if (chosen.kind === undefined) {
      // An explicit kind that does not fit is the user's mistake even inside a folder.
      if (file.fromFolder && file.kind === undefined) {
        result.skipped.push({ path, reason: chosen.problem! });
        return undefined;
      }
      throw new InputError(`${path}: ${chosen.problem}`);
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
    const rejected = result.rejected;
    return (fields: string[], line: number) => {
      s.rowsRead++;
      if (fields.length !== width) {
        s.rowsRejected++;
        rejected.push({ file: path, line, reason: `row has ${fields.length} fields, the header has ${width}` });
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
  };

  try {
    const res = await streamCsv({
      path,
      encoding,
      tabByDefault: ext.toLowerCase() === '.tsv',
      onHeader,
    });
    if (summary) {
      summary.bytes = res.bytes;
      summary.sha256 = res.sha256;
    }
  } catch (e) {
    // A folder may hold notes or stray text files; only files that look like exports must parse.
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
export async function readInputs(
  specs: InputSpec[],
  opts: ReadOptions,
  sink: (rec: CanonicalRecord) => void,
): Promise<ReadResult> {
  validateMap(opts.map);
  const encoding = fileEncoding(opts);
  const files = await expandInputs(specs);
  const result: ReadResult = { inputs: [], rejected: [], skipped: [], ignoredColumns: [] };
  const orderIds = new OrderIdIndex();
  for (const file of files) await readOne(file, opts, encoding, orderIds, result, sink);
  return result;
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
