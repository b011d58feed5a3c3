// The reader's sink: folds canonical records into per-worker state as they stream.
// Orders go into typed columns for the whole run (chunks of 64 Ki rows while reading, no
// object per order); when reading is done they are grouped by worker-platform and sorted
// by acceptance, and each worker-platform gets an OrderLog of views into them. The other
// kinds are small and are kept per worker.
import type {
  CanonicalRecord,
  ContractRecord,
  InsuranceRecord,
  PayRecord,
  WorkerRecord,
} from '../model.js';
import type { OrderIdIndex } from '../normalise/orderIds.js';
import type { Clock } from '../time.js';
import { BUSINESS_LINE_INDEX, OrderLog, StringTable, type OrderColumns, type OrderIdSource } from './orderLog.js';

export interface WorkerPlatformLog {
  workerId: string;
  platform: string;
  log: OrderLog;
}

export interface Period {
  from?: number; // day number, inclusive
  to?: number; // day number, inclusive
}

export const wpKey = (workerId: string, platform: string) => `${workerId}\u0000${platform}`;

function pushTo<T>(m: Map<string, T[]>, k: string, v: T) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** What a columnar reader (read/fast/) needs of the sink to hand orders over without records. */
export interface OrderSink {
  readonly strings: StringTable;
  /** The number of a worker-platform (stable for the run). */
  workerPlatform(workerId: string, platform: string): number;
  /** One order; `idRef` is its entry in the run's OrderIdIndex. */
  pushOrder(
    wp: number,
    acceptedAt: number,
    completedAt: number,
    payFen: number,
    file: number,
    line: number,
    region: number,
    employer: number,
    businessLine: number,
    cancelled: number,
    idRef: number,
  ): void;
}

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

interface Chunk {
  acceptedAt: Float64Array;
  completedAt: Float64Array;
  payFen: Float64Array;
  line: Float64Array;
  file: Uint16Array;
  region: Int32Array;
  employer: Int32Array;
  idRef: Int32Array;
  wp: Int32Array;
  businessLine: Uint8Array;
  cancelled: Uint8Array;
}

const newChunk = (): Chunk => ({
  acceptedAt: new Float64Array(CHUNK),
  completedAt: new Float64Array(CHUNK),
  payFen: new Float64Array(CHUNK),
  line: new Float64Array(CHUNK),
  file: new Uint16Array(CHUNK),
  region: new Int32Array(CHUNK),
  employer: new Int32Array(CHUNK),
  idRef: new Int32Array(CHUNK),
  wp: new Int32Array(CHUNK),
  businessLine: new Uint8Array(CHUNK),
  cancelled: new Uint8Array(CHUNK),
});

type Col = Exclude<keyof Chunk, 'wp'>;

export class Collector implements OrderSink {
  readonly strings = new StringTable();
  readonly pay = new Map<string, PayRecord[]>();
  readonly contracts = new Map<string, ContractRecord[]>();
  readonly insurance = new Map<string, InsuranceRecord[]>();
  readonly workers = new Map<string, WorkerRecord>();
  /** Orders outside --from/--to: valid rows, not audited. */
  ordersOutsidePeriod = 0;

  private readonly wpIndex = new Map<string, number>();
  private readonly wpList: { workerId: string; platform: string }[] = [];
  private readonly chunks: Chunk[] = [];
  private cur: Chunk | undefined;
  private at = CHUNK; // row within the current chunk
  private rows = 0;
  /** Ids of orders that did not come through the run's OrderIdIndex (ref -1-k). */
  private readonly extraIds: string[] = [];
  private grouped: Map<string, WorkerPlatformLog> | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly period: Period = {},
    /** The run's duplicate index: order ids are stored there once and referred to by number. */
    private readonly orderIds?: OrderIdIndex,
  ) {
    // The columnar readers find the sink through the function they are given.
    (this.add as unknown as { orders: OrderSink }).orders = this;
  }

  /** Orders kept so far. */
  get orderCount(): number {
    return this.rows;
  }

  workerPlatform(workerId: string, platform: string): number {
    const k = wpKey(workerId, platform);
    let wp = this.wpIndex.get(k);
    if (wp === undefined) {
      wp = this.wpList.length;
      this.wpList.push({ workerId, platform });
      this.wpIndex.set(k, wp);
    }
    return wp;
  }

  pushOrder(
    wp: number,
    acceptedAt: number,
    completedAt: number,
    payFen: number,
    file: number,
    line: number,
    region: number,
    employer: number,
    businessLine: number,
    cancelled: number,
    idRef: number,
  ): void {
    if (this.period.from !== undefined || this.period.to !== undefined) {
      const day = this.clock.dayOf(acceptedAt);
      if ((this.period.from !== undefined && day < this.period.from) || (this.period.to !== undefined && day > this.period.to)) {
        this.ordersOutsidePeriod++;
        return;
      }
    }
    if (this.grouped) throw new Error('Collector: orders added after they were grouped');
    if (this.at === CHUNK) {
      this.cur = newChunk();
      this.chunks.push(this.cur);
      this.at = 0;
    }
    const c = this.cur!;
    const i = this.at++;
    c.acceptedAt[i] = acceptedAt;
    c.completedAt[i] = completedAt;
    c.payFen[i] = payFen;
    c.line[i] = line;
    c.file[i] = file;
    c.region[i] = region;
    c.employer[i] = employer;
    c.idRef[i] = idRef;
    c.wp[i] = wp;
    c.businessLine[i] = businessLine;
    c.cancelled[i] = cancelled;
    this.rows++;
  }

  readonly add = (rec: CanonicalRecord): void => {
    switch (rec.kind) {
      case 'orders': {
        const o = rec.record;
        // The id was claimed in the run's index just before (normalise/orders.ts): refer to it.
        let ref = -1;
        const ids = this.orderIds;
        if (ids && ids.lastClaim >= 0 && ids.idAt(ids.lastClaim) === o.orderId) ref = ids.lastClaim;
        else {
          this.extraIds.push(o.orderId);
          ref = -this.extraIds.length;
        }
        this.pushOrder(
          this.workerPlatform(o.workerId, o.platform),
          o.acceptedAt,
          o.completedAt,
          o.orderPayFen ?? NaN,
          o.file,
          o.line,
          this.strings.id(o.region),
          this.strings.id(o.employer),
          BUSINESS_LINE_INDEX.get(o.businessLine) ?? 0,
          o.status === 'cancelled' ? 1 : 0,
          ref,
        );
        return;
      }
      case 'pay':
        return pushTo(this.pay, rec.record.workerId, rec.record);
      case 'contracts':
        return pushTo(this.contracts, rec.record.workerId, rec.record);
      case 'insurance':
        return pushTo(this.insurance, rec.record.workerId, rec.record);
      case 'workers':
        // The first roster row for a worker wins; later duplicates add nothing new.
        if (!this.workers.has(rec.record.workerId)) this.workers.set(rec.record.workerId, rec.record);
        return;
    }
  };

  /** Order logs per worker-platform (grouped and sorted on first use; no orders may be added after). */
  get orders(): Map<string, WorkerPlatformLog> {
    if (!this.grouped) this.grouped = this.group();
    return this.grouped;
  }

  private group(): Map<string, WorkerPlatformLog> {
    const n = this.rows;
    const nWp = this.wpList.length;
    // Counting sort by worker-platform (stable: input order within each).
    const starts = new Float64Array(nWp + 1);
    const count = new Int32Array(nWp);
    for (const ch of this.chunks) {
      const m = ch === this.cur ? this.at : CHUNK;
      const w = ch.wp;
      for (let i = 0; i < m; i++) count[w[i]]++;
    }
    for (let k = 0; k < nWp; k++) starts[k + 1] = starts[k] + count[k];
    const dest = new Int32Array(n);
    {
      const pos = Float64Array.from(starts.subarray(0, nWp));
      let r = 0;
      for (const ch of this.chunks) {
        const m = ch === this.cur ? this.at : CHUNK;
        const w = ch.wp;
        for (let i = 0; i < m; i++) dest[r++] = pos[w[i]]++;
      }
    }
    const out = {} as Record<Col, Float64Array | Int32Array | Uint16Array | Uint8Array>;
    // Column by column, so that the chunks of a column are freed as soon as it is copied;
    // one loop per element type keeps each loop's array accesses monomorphic.
    const counts = this.chunks.map((ch) => (ch === this.cur ? this.at : CHUNK));
    const take = <T>(name: Col) =>
      this.chunks.map((ch) => {
        const a = ch[name] as T;
        (ch as Partial<Chunk>)[name] = undefined;
        return a;
      });
    for (const name of ['acceptedAt', 'completedAt', 'payFen', 'line'] as const) out[name] = scatterF64(take<Float64Array>(name), counts, dest, n);
    for (const name of ['region', 'employer', 'idRef'] as const) out[name] = scatterI32(take<Int32Array>(name), counts, dest, n);
    out.file = scatterU16(take<Uint16Array>('file'), counts, dest, n);
    for (const name of ['businessLine', 'cancelled'] as const) out[name] = scatterU8(take<Uint8Array>(name), counts, dest, n);
    this.chunks.length = 0;
    this.cur = undefined;
    const ids: OrderIdSource = {
      idAt: (ref) => (ref >= 0 ? this.orderIds!.idAt(ref) : this.extraIds[-ref - 1]),
    };
    const cols: OrderColumns = { ...(out as unknown as Omit<OrderColumns, 'ids'>), ids };
    const sorter = new SegmentSorter(cols);
    const map = new Map<string, WorkerPlatformLog>();
    for (let k = 0; k < nWp; k++) {
      const s = starts[k];
      const e = starts[k + 1];
      if (e === s) continue; // every order of it was outside the period
      sorter.sort(s, e);
      const { workerId, platform } = this.wpList[k];
      map.set(wpKey(workerId, platform), { workerId, platform, log: new OrderLog(cols, s, e) });
    }
    return map;
  }
}

// Scatter (grouping) and permutation (sorting) loops, one per element type.
function scatterF64(chunks: Float64Array[], counts: number[], dest: Int32Array, n: number): Float64Array {
  const col = new Float64Array(n);
  let r = 0;
  for (let c = 0; c < chunks.length; c++) {
    const src = chunks[c];
    for (let i = 0, m = counts[c]; i < m; i++) col[dest[r++]] = src[i];
  }
  return col;
}
function scatterI32(chunks: Int32Array[], counts: number[], dest: Int32Array, n: number): Int32Array {
  const col = new Int32Array(n);
  let r = 0;
  for (let c = 0; c < chunks.length; c++) {
    const src = chunks[c];
    for (let i = 0, m = counts[c]; i < m; i++) col[dest[r++]] = src[i];
  }
  return col;
}
function scatterU16(chunks: Uint16Array[], counts: number[], dest: Int32Array, n: number): Uint16Array {
  const col = new Uint16Array(n);
  let r = 0;
  for (let c = 0; c < chunks.length; c++) {
    const src = chunks[c];
    for (let i = 0, m = counts[c]; i < m; i++) col[dest[r++]] = src[i];
  }
  return col;
}
function scatterU8(chunks: Uint8Array[], counts: number[], dest: Int32Array, n: number): Uint8Array {
  const col = new Uint8Array(n);
  let r = 0;
  for (let c = 0; c < chunks.length; c++) {
    const src = chunks[c];
    for (let i = 0, m = counts[c]; i < m; i++) col[dest[r++]] = src[i];
  }
  return col;
}
function permuteF64(col: Float64Array, s: number, perm: Int32Array, tmp: Float64Array): void {
  const n = perm.length;
  for (let k = 0; k < n; k++) tmp[k] = col[s + perm[k]];
  for (let k = 0; k < n; k++) col[s + k] = tmp[k];
}
function permuteI32(col: Int32Array, s: number, perm: Int32Array, tmp: Float64Array): void {
  const n = perm.length;
  for (let k = 0; k < n; k++) tmp[k] = col[s + perm[k]];
  for (let k = 0; k < n; k++) col[s + k] = tmp[k];
}
function permuteU16(col: Uint16Array, s: number, perm: Int32Array, tmp: Float64Array): void {
  const n = perm.length;
  for (let k = 0; k < n; k++) tmp[k] = col[s + perm[k]];
  for (let k = 0; k < n; k++) col[s + k] = tmp[k];
}
function permuteU8(col: Uint8Array, s: number, perm: Int32Array, tmp: Float64Array): void {
  const n = perm.length;
  for (let k = 0; k < n; k++) tmp[k] = col[s + perm[k]];
  for (let k = 0; k < n; k++) col[s + k] = tmp[k];
}

/**
 * Sorts one worker-platform's rows in place by (acceptance, completion, input position).
 * Input position is the row order here, so the sort must be stable on the two times. With
 * whole seconds and a span that fits, each row's key packs the two times and its position
 * into one exact double and a plain numeric sort does it; otherwise a comparator sort.
 */
class SegmentSorter {
  private keys = new Float64Array(256);
  private perm = new Int32Array(256);
  private tmp = new Float64Array(256);

  constructor(private readonly cols: OrderColumns) {}

  sort(s: number, e: number): void {
    const n = e - s;
    if (n < 2) return;
    const a = this.cols.acceptedAt;
    const c = this.cols.completedAt;
    let sorted = true;
    let whole = true;
    let minA = a[s];
    let maxA = a[s];
    let maxD = 0;
    for (let i = s; i < e; i++) {
      const ai = a[i];
      const ci = c[i];
      if (i > s && (ai < a[i - 1] || (ai === a[i - 1] && ci < c[i - 1]))) sorted = false;
      if (ai % 1000 !== 0 || ci % 1000 !== 0) whole = false;
      if (ai < minA) minA = ai;
      if (ai > maxA) maxA = ai;
      if (ci - ai > maxD) maxD = ci - ai;
    }
    if (sorted) return;
    if (this.perm.length < n) {
      let size = this.perm.length;
      while (size < n) size *= 2;
      this.keys = new Float64Array(size);
      this.perm = new Int32Array(size);
      this.tmp = new Float64Array(size);
    }
    const perm = this.perm.subarray(0, n);
    const bits = (x: number) => (x <= 0 ? 0 : Math.floor(Math.log2(x)) + 1);
    const kBits = bits(n - 1);
    const dBits = whole ? bits(maxD / 1000) : 64;
    const aBits = whole ? bits((maxA - minA) / 1000) : 64;
    if (whole && aBits + dBits + kBits <= 53) {
      const keys = this.keys.subarray(0, n);
      const kMul = 2 ** kBits;
      const dMul = 2 ** dBits;
      for (let k = 0; k < n; k++) {
        const i = s + k;
        keys[k] = (((a[i] - minA) / 1000) * dMul + (c[i] - a[i]) / 1000) * kMul + k;
      }
      keys.sort();
      for (let k = 0; k < n; k++) {
        const key = keys[k];
        perm[k] = key - Math.floor(key / kMul) * kMul;
      }
    } else {
      for (let k = 0; k < n; k++) perm[k] = k;
      perm.sort((x, y) => a[s + x] - a[s + y] || c[s + x] - c[s + y] || x - y);
    }
    const cols = this.cols;
    permuteF64(cols.acceptedAt, s, perm, this.tmp);
    permuteF64(cols.completedAt, s, perm, this.tmp);
    permuteF64(cols.payFen, s, perm, this.tmp);
    permuteF64(cols.line, s, perm, this.tmp);
    permuteI32(cols.region, s, perm, this.tmp);
    permuteI32(cols.employer, s, perm, this.tmp);
    permuteI32(cols.idRef, s, perm, this.tmp);
    permuteU16(cols.file, s, perm, this.tmp);
    permuteU8(cols.businessLine, s, perm, this.tmp);
    permuteU8(cols.cancelled, s, perm, this.tmp);
  }
}
