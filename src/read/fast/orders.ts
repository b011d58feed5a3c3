// Orders, column by column: rows of an orders file become an OrderBatch of typed arrays
// (times in epoch ms, pay in fen, strings as small numbers) instead of record objects.
//
// The fast path reads the cells that matter straight from the scanner's bytes: the order id
// as bytes, date-times of the form `YYYY-MM-DD HH:MM:SS`, plain amounts, and interned
// columns (worker id, platform, region, employer, business line, status) decoded and
// cleaned once per distinct value. Any row with something else in it — another date
// format, a cell that needs trimming, an empty required value, an escaped quote — goes
// through the reference parser (normalise/orders.ts) with its cells as strings, so values
// and rejections are those of the csv-parse path by construction.
//
// The duplicate-id check is not done here: it depends on every earlier row of the run, so
// the merger (merge.ts) does it in file order on the main thread.

import type { OrderRecord } from '../../model.js';
import { BUSINESS_LINE_INDEX } from '../../assemble/orderLog.js';
import { RowReject } from '../../normalise/cells.js';
import { raggedColumn, raggedReason, type ColumnIndex, type RowConverter } from '../../normalise/convert.js';
import { MAX_VALUE_CHARS, withRowChecks } from '../../normalise/hygiene.js';
import { parseBusinessLine, parseOrderStatus } from '../../normalise/enums.js';
import { hashId } from '../../normalise/orderIds.js';
import { checkOrderTimes, ordersParser, type OrderParseContext } from '../../normalise/orders.js';
import { cleanCell } from '../../normalise/text.js';
import { dayFromCivil, isValidCivil, type Clock } from '../../time.js';
import { F_SCRATCH, fieldText, recordFields, type ScanRecord } from './scan.js';
import { ByteInterner, INTERN_MISS } from './intern.js';

export interface BatchReject {
  /** Number of used rows before it in the batch (where it falls in file order). */
  at: number;
  line: number;
  column?: string;
  reason: string;
}

/** Orders of consecutive rows of one file, as columns. Strings are numbers into `strs`. */
export interface OrderBatch {
  /** Rows read (used + rejected here). */
  rows: number;
  /** Rows that parsed (before the duplicate check). */
  used: number;
  line: Float64Array;
  acceptedAt: Float64Array;
  completedAt: Float64Array;
  payFen: Float64Array; // NaN = no pay
  worker: Int32Array;
  platform: Int32Array;
  region: Int32Array; // -1 = none
  employer: Int32Array; // -1 = none
  businessLine: Uint8Array; // index into BUSINESS_LINES, 0 = none
  cancelled: Uint8Array;
  /** End of order id i in idBytes (it starts where id i-1 ends). */
  idEnd: Int32Array;
  idHash: Uint32Array;
  idBytes: Uint8Array;
  /** Strings first used in this batch; they are numbered from strsFrom on. */
  strs: string[];
  strsFrom: number;
  rejects: BatchReject[];
}

/** The ArrayBuffers of a batch, for postMessage's transfer list. */
export function batchBuffers(b: OrderBatch): ArrayBuffer[] {
  return [
    b.line,
    b.acceptedAt,
    b.completedAt,
    b.payFen,
    b.worker,
    b.platform,
    b.region,
    b.employer,
    b.businessLine,
    b.cancelled,
    b.idEnd,
    b.idHash,
    b.idBytes,
  ].map((a) => a.buffer as ArrayBuffer);
}

const SLOW = -0x7ffffffe;
const encoder = new TextEncoder();

/** Lead bytes of the UTF-8 forms of the whitespace String.prototype.trim removes beyond ASCII. */
const isWsLead = (c: number) => c === 0xc2 || c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef;

/** True when cleanCell would return these bytes' text unchanged and it is not empty. */
export function plainCell(b: Uint8Array, s: number, e: number): boolean {
  if (s >= e) return false;
  const f = b[s];
  const l = b[e - 1];
  if (f <= 32 || l <= 32) return false;
  if (f >= 0x80 && (isWsLead(f) || (f & 0xc0) === 0x80)) return false;
  if (l >= 0x80) {
    let k = e - 1;
    while (k > s && (b[k] & 0xc0) === 0x80 && e - k < 4) k--;
    const lead = b[k];
    if ((lead & 0xc0) === 0x80 || isWsLead(lead)) return false;
  }
  if (f === 61 && e - s >= 3 && b[s + 1] === 34 && l === 34) return false; // ="…"
  return true;
}

/** DateCache entries: not looked up yet, and not a valid date. */
const DAY_UNKNOWN = 0x7fffffff;
const DAY_INVALID = 0x7ffffffe;

/**
 * Day numbers of dates (DAY_INVALID = not a date), so that the calendar check of
 * parseDateTime's fast path runs once per distinct date, not per cell: a table per year
 * indexed by month * 32 + day, the last year's table at hand.
 */
class DateCache {
  private readonly years = new Map<number, Int32Array>();
  private year = -1;
  private table: Int32Array = new Int32Array(0);
  day(y: number, mo: number, d: number): number {
    let t = this.table;
    if (y !== this.year) {
      let u = this.years.get(y);
      if (u === undefined) {
        u = new Int32Array(100 * 32).fill(DAY_UNKNOWN);
        if (this.years.size < 1000) this.years.set(y, u);
      }
      this.table = t = u;
      this.year = y;
    }
    if (d >= 32) return DAY_INVALID;
    const k = mo * 32 + d; // mo has two digits: k < 100 * 32
    let v = t[k];
    if (v === DAY_UNKNOWN) t[k] = v = isValidCivil(y, mo, d) ? dayFromCivil(y, mo, d) : DAY_INVALID;
    return v;
  }
}

/**
 * `YYYY-MM-DD HH:MM:SS` (or `/`, `T`) in bytes → epoch ms, as parseDateTime's fast path and
 * wallInstant compute it; NaN = not this shape or not a valid time (the reference decides).
 */
function dateTime(b: Uint8Array, s: number, e: number, clock: Clock, dates: DateCache): number {
  if (e - s !== 19) return NaN;
  const sep = b[s + 4];
  if ((sep !== 45 && sep !== 47) || b[s + 7] !== sep) return NaN;
  const mid = b[s + 10];
  if ((mid !== 32 && mid !== 84) || b[s + 13] !== 58 || b[s + 16] !== 58) return NaN;
  const d0 = b[s] - 48;
  const d1 = b[s + 1] - 48;
  const d2 = b[s + 2] - 48;
  const d3 = b[s + 3] - 48;
  const m0 = b[s + 5] - 48;
  const m1 = b[s + 6] - 48;
  const a0 = b[s + 8] - 48;
  const a1 = b[s + 9] - 48;
  const h0 = b[s + 11] - 48;
  const h1 = b[s + 12] - 48;
  const i0 = b[s + 14] - 48;
  const i1 = b[s + 15] - 48;
  const s0 = b[s + 17] - 48;
  const s1 = b[s + 18] - 48;
  if (
    (d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1 | h0 | h1 | i0 | i1 | s0 | s1) < 0 ||
    d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || m0 > 9 || m1 > 9 || a0 > 9 || a1 > 9 || h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9
  ) {
    return NaN;
  }
  const h = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const sec = s0 * 10 + s1;
  if (h > 23 || mi > 59 || sec > 59) return NaN;
  const day = dates.day(d0 * 1000 + d1 * 100 + d2 * 10 + d3, m0 * 10 + m1, a0 * 10 + a1);
  // Days before 1970 are left to the reference, as before.
  return day < 0 || day === DAY_INVALID ? NaN : clock.fromLocalDay(day, h, mi, sec, 0);
}

/** A plain amount (`-?\d{1,13}(\.\d*)?`) in bytes → integer fen as parseMoneyFen computes it; NaN otherwise. */
function plainFen(b: Uint8Array, s: number, e: number): number {
  let p = s;
  let neg = false;
  if (b[p] === 45) {
    neg = true;
    p++;
  }
  let int = 0;
  let nd = 0;
  while (p < e) {
    const d = b[p] - 48;
    if (d < 0 || d > 9) break;
    int = int * 10 + d;
    nd++;
    p++;
  }
  if (nd < 1 || nd > 13) return NaN;
  let frac = 0;
  if (p < e) {
    if (b[p] !== 46) return NaN;
    p++;
    let fd = 0;
    let round = 0;
    while (p < e) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) return NaN;
      if (fd === 0) frac = d * 10;
      else if (fd === 1) frac += d;
      else if (fd === 2) round = d >= 5 ? 1 : 0;
      fd++;
      p++;
    }
    frac += round;
  }
  const fen = int * 100 + frac;
  return fen === 0 ? 0 : neg ? -fen : fen;
}

export interface OrderBuilderOptions extends OrderParseContext {
  cols: ColumnIndex;
  /** Column labels by position (columnLabels): as many as the header has fields. */
  labels: string[];
  /** Rows per batch. */
  batchRows?: number;
}

/**
 * Builds OrderBatches from rows, raw (scanner records) or as strings (csv-parse). Call
 * `raw`/`row` per row (both return after the row is recorded), `full()` to know when to
 * `take()` the batch.
 */
export class OrderBatchBuilder {
  private readonly cap: number;
  private readonly convert: RowConverter;
  /** Indexes of the columns the header matched (the row checks apply to them). */
  private readonly used: Int32Array;
  private readonly clock: Clock;
  private readonly width: number;
  private readonly labels: string[];
  private readonly iId: number;
  private readonly iWorker: number;
  private readonly iAccepted: number;
  private readonly iCompleted: number;
  private readonly iPlatform: number;
  private readonly iEmployer: number;
  private readonly iRegion: number;
  private readonly iLine: number;
  private readonly iPay: number;
  private readonly iStatus: number;
  private readonly defaultPlatform: string;

  private readonly strIndex = new Map<string, number>();
  private readonly strList: string[] = [];
  private strsSent = 0;
  private readonly workers = new ByteInterner();
  private readonly platforms = new ByteInterner();
  private readonly regions = new ByteInterner();
  private readonly employers = new ByteInterner();
  private readonly lines = new ByteInterner();
  private readonly statuses = new ByteInterner();

  private readonly dates = new DateCache();
  private b!: OrderBatch;
  private idUsed = 0;

  constructor(o: OrderBuilderOptions) {
    this.cap = o.batchRows ?? 1 << 15;
    const parse = ordersParser(o.cols, o);
    // The same row checks as every other reader (normalise/records.ts makeConverter).
    this.convert = withRowChecks(o.cols, (f, line) => {
      const r = parse(f, line);
      return r instanceof RowReject ? r : { kind: 'orders', record: r };
    });
    this.used = Int32Array.from(new Set(Object.values(o.cols).filter((i): i is number => i !== undefined && i >= 0)));
    this.clock = o.clock;
    this.labels = o.labels;
    this.width = o.labels.length;
    const c = (n: string) => o.cols[n] ?? -1;
    this.iId = c('order_id');
    this.iWorker = c('worker_id');
    this.iAccepted = c('accepted_at');
    this.iCompleted = c('completed_at');
    this.iPlatform = c('platform');
    this.iEmployer = c('employer');
    this.iRegion = c('region');
    this.iLine = c('business_line');
    this.iPay = c('order_pay');
    this.iStatus = c('status');
    this.defaultPlatform = o.platform ?? o.fileStem;
    this.reset();
  }

  private reset(): void {
    const n = this.cap;
    this.b = {
      rows: 0,
      used: 0,
      line: new Float64Array(n),
      acceptedAt: new Float64Array(n),
      completedAt: new Float64Array(n),
      payFen: new Float64Array(n),
      worker: new Int32Array(n),
      platform: new Int32Array(n),
      region: new Int32Array(n),
      employer: new Int32Array(n),
      businessLine: new Uint8Array(n),
      cancelled: new Uint8Array(n),
      idEnd: new Int32Array(n),
      idHash: new Uint32Array(n),
      idBytes: new Uint8Array(n * 16),
      strs: [],
      strsFrom: this.strsSent,
      rejects: [],
    };
    this.idUsed = 0;
  }

  /** Rows in the current batch. */
  get rows(): number {
    return this.b.rows;
  }

  full(): boolean {
    return this.b.used >= this.cap || this.b.rejects.length >= this.cap;
  }

  /** The batch so far (trimmed to its rows); a new one starts. */
  take(): OrderBatch {
    return this.takeBatch(false);
  }

  /**
   * The batch so far as views of the builder's own arrays, which the next rows overwrite:
   * for a consumer that is done with it before the next row (the in-process merger). Saves
   * an allocation per batch, and the memory those leave behind.
   */
  takeShared(): OrderBatch {
    return this.takeBatch(true);
  }

  private takeBatch(shared: boolean): OrderBatch {
    const b = this.b;
    const n = b.used;
    const cut = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: T): T =>
      shared ? (a.subarray(0, n) as T) : a.length === n ? a : (a.slice(0, n) as T);
    const out: OrderBatch = {
      rows: b.rows,
      used: n,
      line: cut(b.line),
      acceptedAt: cut(b.acceptedAt),
      completedAt: cut(b.completedAt),
      payFen: cut(b.payFen),
      worker: cut(b.worker),
      platform: cut(b.platform),
      region: cut(b.region),
      employer: cut(b.employer),
      businessLine: cut(b.businessLine),
      cancelled: cut(b.cancelled),
      idEnd: cut(b.idEnd),
      idHash: cut(b.idHash),
      idBytes: shared ? b.idBytes.subarray(0, this.idUsed) : b.idBytes.slice(0, this.idUsed),
      strs: this.strList.slice(this.strsSent),
      strsFrom: this.strsSent,
      rejects: b.rejects,
    };
    this.strsSent = this.strList.length;
    if (shared) {
      b.rows = 0;
      b.used = 0;
      b.rejects = [];
      b.strsFrom = this.strsSent;
      this.idUsed = 0;
    } else this.reset();
    return out;
  }

  private str(s: string): number {
    let i = this.strIndex.get(s);
    if (i === undefined) {
      i = this.strList.length;
      this.strList.push(s);
      this.strIndex.set(s, i);
    }
    return i;
  }

  private reject(line: number, column: string | undefined, reason: string): void {
    const b = this.b;
    b.rows++;
    b.rejects.push(column === undefined ? { at: b.used, line, reason } : { at: b.used, line, column, reason });
  }

  private putId(src: Uint8Array, s: number, e: number): void {
    const len = e - s;
    let ids = this.b.idBytes;
    if (this.idUsed + len > ids.length) {
      let size = ids.length * 2;
      while (size < this.idUsed + len) size *= 2;
      const x = new Uint8Array(size);
      x.set(ids.subarray(0, this.idUsed));
      this.b.idBytes = ids = x;
    }
    let h = 0x811c9dc5;
    let o = this.idUsed;
    for (let i = s; i < e; i++) {
      const c = src[i];
      ids[o++] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.idUsed = o;
    const k = this.b.used;
    this.b.idEnd[k] = o;
    this.b.idHash[k] = h >>> 0;
  }

  /** A row given as strings (csv-parse, or the fallback of `raw`). */
  row(fields: string[], line: number): void {
    if (fields.length !== this.width) {
      this.reject(line, raggedColumn(this.labels, fields.length), raggedReason(fields.length, this.width));
      return;
    }
    const c = this.convert(fields, line);
    if (c instanceof RowReject) {
      this.reject(line, c.column, c.reason);
      return;
    }
    const r = c.record as OrderRecord;
    const b = this.b;
    const k = b.used;
    const id = encoder.encode(r.orderId);
    this.putId(id, 0, id.length);
    b.line[k] = line;
    b.acceptedAt[k] = r.acceptedAt;
    b.completedAt[k] = r.completedAt;
    b.payFen[k] = r.orderPayFen ?? NaN;
    b.worker[k] = this.str(r.workerId);
    b.platform[k] = this.str(r.platform);
    b.region[k] = r.region === undefined ? -1 : this.str(r.region);
    b.employer[k] = r.employer === undefined ? -1 : this.str(r.employer);
    b.businessLine[k] = BUSINESS_LINE_INDEX.get(r.businessLine) ?? 0;
    b.cancelled[k] = r.status === 'cancelled' ? 1 : 0;
    b.used = k + 1;
    b.rows++;
  }

  /** Interned text column: string number, -1 for empty (or `empty` for a required one), SLOW. */
  private text(rec: ScanRecord, i: number, table: ByteInterner, empty: number): number {
    if (rec.flags[i] & F_SCRATCH) return SLOW;
    const s = rec.starts[i];
    const e = rec.ends[i];
    const b = rec.buf;
    let v = table.get(b, s, e);
    if (v === INTERN_MISS) {
      const t = cleanCell(fieldText(rec, i));
      v = t === '' ? empty : this.str(t);
      table.put(b, s, e, v);
    }
    return v;
  }

  /** Interned enumeration column: its index, `none` when empty, SLOW when unknown (the reference rejects it). */
  private enumOf(rec: ScanRecord, i: number, table: ByteInterner, parse: (t: string) => number | undefined, none: number): number {
    if (rec.flags[i] & F_SCRATCH) return SLOW;
    const s = rec.starts[i];
    const e = rec.ends[i];
    const b = rec.buf;
    let v = table.get(b, s, e);
    if (v === INTERN_MISS) {
      const t = cleanCell(fieldText(rec, i));
      v = t === '' ? none : (parse(t) ?? SLOW);
      table.put(b, s, e, v);
    }
    return v;
  }

  /** A row as the scanner's field boundaries. */
  raw(rec: ScanRecord, line: number): void {
    if (rec.count !== this.width) {
      this.reject(line, raggedColumn(this.labels, rec.count), raggedReason(rec.count, this.width));
      return;
    }
    const buf = rec.buf;
    const starts = rec.starts;
    const ends = rec.ends;
    const flags = rec.flags;
    // The row checks (hygiene.ts) cannot object to a row of a clean buffer without line
    // breaks whose used values are short; any other row takes the reference path.
    if (!rec.clean || rec.breaks !== 0) return this.row(recordFields(rec), line);
    // No field is longer than the record's bytes from the first field to the last (a field
    // with escaped quotes is shorter than its bytes in between), when those two are in `buf`.
    const last = rec.count - 1;
    if ((flags[0] | flags[last]) & F_SCRATCH || ends[last] - starts[0] > MAX_VALUE_CHARS) {
      const used = this.used;
      for (let k = 0; k < used.length; k++) {
        const i = used[k];
        if (ends[i] - starts[i] > MAX_VALUE_CHARS) return this.row(recordFields(rec), line);
      }
    }
    // order id: bytes as they are
    const iId = this.iId;
    if (flags[iId] & F_SCRATCH || !plainCell(buf, starts[iId], ends[iId])) return this.row(recordFields(rec), line);
    const worker = this.text(rec, this.iWorker, this.workers, SLOW);
    if (worker === SLOW) return this.row(recordFields(rec), line);
    const iA = this.iAccepted;
    const acceptedAt = flags[iA] & F_SCRATCH ? NaN : dateTime(buf, starts[iA], ends[iA], this.clock, this.dates);
    if (acceptedAt !== acceptedAt) return this.row(recordFields(rec), line);
    const iC = this.iCompleted;
    const completedAt = flags[iC] & F_SCRATCH ? NaN : dateTime(buf, starts[iC], ends[iC], this.clock, this.dates);
    if (completedAt !== completedAt) return this.row(recordFields(rec), line);
    let platform: number;
    if (this.iPlatform < 0) platform = this.str(this.defaultPlatform);
    else {
      platform = this.text(rec, this.iPlatform, this.platforms, -2);
      if (platform === SLOW) return this.row(recordFields(rec), line);
      if (platform === -2) platform = this.str(this.defaultPlatform);
    }
    const employer = this.iEmployer < 0 ? -1 : this.text(rec, this.iEmployer, this.employers, -1);
    if (employer === SLOW) return this.row(recordFields(rec), line);
    const region = this.iRegion < 0 ? -1 : this.text(rec, this.iRegion, this.regions, -1);
    if (region === SLOW) return this.row(recordFields(rec), line);
    const bl = this.iLine < 0 ? 0 : this.enumOf(rec, this.iLine, this.lines, lineIndex, 0);
    if (bl === SLOW) return this.row(recordFields(rec), line);
    let payFen = NaN;
    const iP = this.iPay;
    if (iP >= 0 && starts[iP] !== ends[iP]) {
      payFen = flags[iP] & F_SCRATCH ? NaN : plainFen(buf, starts[iP], ends[iP]);
      if (payFen !== payFen) return this.row(recordFields(rec), line);
    }
    const cancelled = this.iStatus < 0 ? 0 : this.enumOf(rec, this.iStatus, this.statuses, statusIndex, 0);
    if (cancelled === SLOW) return this.row(recordFields(rec), line);
    const bad = checkOrderTimes(acceptedAt, completedAt);
    if (bad) {
      this.reject(line, bad.column, bad.reason);
      return;
    }
    const b = this.b;
    const k = b.used;
    this.putId(buf, starts[iId], ends[iId]);
    b.line[k] = line;
    b.acceptedAt[k] = acceptedAt;
    b.completedAt[k] = completedAt;
    b.payFen[k] = payFen;
    b.worker[k] = worker;
    b.platform[k] = platform;
    b.region[k] = region;
    b.employer[k] = employer;
    b.businessLine[k] = bl;
    b.cancelled[k] = cancelled;
    b.used = k + 1;
    b.rows++;
  }
}

const lineIndex = (t: string): number | undefined => {
  const v = parseBusinessLine(t);
  return v === undefined ? undefined : BUSINESS_LINE_INDEX.get(v);
};
const statusIndex = (t: string): number | undefined => {
  const v = parseOrderStatus(t);
  return v === undefined ? undefined : v === 'cancelled' ? 1 : 0;
};

/** hashId, re-exported for the merger (the batch's idHash is hashId of the id's bytes). */
export { hashId };
