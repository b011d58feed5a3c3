// The reader's sink: folds canonical records into per-worker state as they stream.
// Orders go into typed columns for the whole run (no object per order), each on a resizable
// ArrayBuffer that grows in place as rows come. When reading is done the rows are put in
// order — grouped by worker-platform, sorted by acceptance — by one permutation, column by
// column (at most one column exists twice at a time), and each worker-platform gets an
// OrderLog of views into them. The other kinds are small and are kept per worker.
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
  /** False when the sink must see each order (a period is set): then pushOrder only. */
  readonly takesBlocks: boolean;
  /** Rows from..to-1 of a block, all kept, column by column (when takesBlocks). */
  pushOrders(b: OrderBlock): void;
  /**
   * After reading, with a deferred duplicate check: the orders whose idRef is marked are
   * later copies of an id; `count` of them were handed over or left out for the period.
   */
  dropOrders(mask: Uint8Array, count: number): void;
}

/** Orders as columns, in input order (what pushOrder takes, row by row). */
export interface OrderBlock {
  from: number;
  to: number;
  wp: Int32Array;
  acceptedAt: Float64Array;
  completedAt: Float64Array;
  payFen: Float64Array;
  file: number;
  /** Line of row k: line[k] + lineOffset. */
  line: Float64Array;
  lineOffset: number;
  region: Int32Array;
  employer: Int32Array;
  businessLine: Uint8Array;
  cancelled: Uint8Array;
  idRef: Int32Array;
}

/** Rows the columns can grow to (virtual address space is reserved, memory is used as rows come). */
const MAX_ROWS = 2 ** 28;
const FIRST_ROWS = 1 << 16;

type TypedArrayOf<T> = T extends Float64ArrayConstructor
  ? Float64Array
  : T extends Int32ArrayConstructor
    ? Int32Array
    : T extends Uint32ArrayConstructor
      ? Uint32Array
      : T extends Uint16ArrayConstructor
        ? Uint16Array
        : Uint8Array;

/** A column on a resizable ArrayBuffer: grows without copying (length-tracking view). */
function column<C extends Float64ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor>(
  Kind: C,
): TypedArrayOf<C> {
  const buf = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(FIRST_ROWS * Kind.BYTES_PER_ELEMENT, {
    maxByteLength: MAX_ROWS * Kind.BYTES_PER_ELEMENT,
  });
  return new Kind(buf) as TypedArrayOf<C>;
}

function grow(a: { buffer: ArrayBufferLike; BYTES_PER_ELEMENT: number }, rows: number): void {
  (a.buffer as unknown as { resize(n: number): void }).resize(rows * a.BYTES_PER_ELEMENT);
}

export class Collector implements OrderSink {
  readonly strings = new StringTable();
  readonly pay = new Map<string, PayRecord[]>();
  readonly contracts = new Map<string, ContractRecord[]>();
  readonly insurance = new Map<string, InsuranceRecord[]>();
  readonly workers = new Map<string, WorkerRecord>();
  /** Orders outside --from/--to: valid rows, not audited. */
  ordersOutsidePeriod = 0;

  /** Worker-platform numbers by platform, then worker: no key string made per lookup (a lookup per worker and platform of every block of rows). */
  private readonly wpIndex = new Map<string, Map<string, number>>();
  private readonly wpList: { workerId: string; platform: string }[] = [];
  private rows = 0;
  private capacity = FIRST_ROWS;
  private acceptedAt = column(Float64Array);
  private completedAt = column(Float64Array);
  private payFen = column(Float64Array);
  private line = column(Uint32Array);
  private file = column(Uint16Array);
  private region = column(Int32Array);
  private employer = column(Int32Array);
  private idRef = column(Int32Array);
  private wp = column(Int32Array);
  private businessLine = column(Uint8Array);
  private cancelled = column(Uint8Array);
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
    return this.rows - this.droppedRows;
  }

  workerPlatform(workerId: string, platform: string): number {
    let byWorker = this.wpIndex.get(platform);
    if (byWorker === undefined) this.wpIndex.set(platform, (byWorker = new Map()));
    let wp = byWorker.get(workerId);
    if (wp === undefined) {
      wp = this.wpList.length;
      this.wpList.push({ workerId, platform });
      byWorker.set(workerId, wp);
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
    const i = this.rows;
    if (i === this.capacity) this.growTo(Math.min(MAX_ROWS, this.capacity * 2));
    this.acceptedAt[i] = acceptedAt;
    this.completedAt[i] = completedAt;
    this.payFen[i] = payFen;
    this.line[i] = line;
    this.file[i] = file;
    this.region[i] = region;
    this.employer[i] = employer;
    this.idRef[i] = idRef;
    this.wp[i] = wp;
    this.businessLine[i] = businessLine;
    this.cancelled[i] = cancelled;
    this.rows = i + 1;
  }

  get takesBlocks(): boolean {
    return this.period.from === undefined && this.period.to === undefined;
  }

  pushOrders(b: OrderBlock): void {
    if (!this.takesBlocks) throw new Error('Collector: a block of orders while a period is set');
    if (this.grouped) throw new Error('Collector: orders added after they were grouped');
    const from = b.from;
    const n = b.to - from;
    const i = this.rows;
    if (i + n > this.capacity) {
      let cap = this.capacity;
      while (cap < i + n) cap *= 2;
      this.growTo(Math.min(MAX_ROWS, cap));
      if (i + n > this.capacity) throw new RangeError(`more than ${MAX_ROWS} orders`);
    }
    const to = b.to;
    this.acceptedAt.set(b.acceptedAt.subarray(from, to), i);
    this.completedAt.set(b.completedAt.subarray(from, to), i);
    this.payFen.set(b.payFen.subarray(from, to), i);
    this.region.set(b.region.subarray(from, to), i);
    this.employer.set(b.employer.subarray(from, to), i);
    this.idRef.set(b.idRef.subarray(from, to), i);
    this.wp.set(b.wp.subarray(from, to), i);
    this.businessLine.set(b.businessLine.subarray(from, to), i);
    this.cancelled.set(b.cancelled.subarray(from, to), i);
    this.file.fill(b.file, i, i + n);
    const line = this.line;
    const src = b.line;
    const off = b.lineOffset;
    for (let k = 0; k < n; k++) line[i + k] = src[from + k] + off;
    this.rows = i + n;
  }

  /** Later copies of an id, by idRef (deferred duplicate check); their rows are left out when grouping. */
  private dropped: Uint8Array | undefined;
  private droppedRows = 0;

  dropOrders(mask: Uint8Array, count: number): void {
    if (this.grouped) throw new Error('Collector: orders dropped after they were grouped');
    let kept = 0;
    const idRef = this.idRef;
    for (let r = 0; r < this.rows; r++) {
      const ref = idRef[r];
      if (ref >= 0 && mask[ref]) kept++;
    }
    // The others were outside the period: counted there, and they are not orders at all.
    this.ordersOutsidePeriod -= count - kept;
    this.dropped = mask;
    this.droppedRows = kept;
  }

  private growTo(rows: number): void {
    if (rows <= this.capacity) throw new RangeError(`more than ${MAX_ROWS} orders`);
    for (const a of [this.acceptedAt, this.completedAt, this.payFen, this.line, this.file, this.region, this.employer, this.idRef, this.wp, this.businessLine, this.cancelled]) {
      grow(a, rows);
    }
    this.capacity = rows;
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

  private cols: OrderColumns | undefined;

  /** What another thread needs to see the grouped orders (shared memory; after `orders`). */
  sharedOrders(): { columns: Record<Exclude<keyof OrderColumns, 'ids'>, SharedArrayBuffer>; extraIds: string[] } {
    const c = this.cols;
    if (!c) throw new Error('Collector: orders not grouped yet');
    const sab = (a: { buffer: ArrayBufferLike }) => a.buffer as SharedArrayBuffer;
    return {
      columns: {
        acceptedAt: sab(c.acceptedAt),
        completedAt: sab(c.completedAt),
        payFen: sab(c.payFen),
        file: sab(c.file),
        line: sab(c.line),
        region: sab(c.region),
        employer: sab(c.employer),
        businessLine: sab(c.businessLine),
        cancelled: sab(c.cancelled),
        idRef: sab(c.idRef),
      },
      extraIds: this.extraIds,
    };
  }

  /** Order logs per worker-platform (grouped and sorted on first use; no orders may be added after). */
  get orders(): Map<string, WorkerPlatformLog> {
    if (!this.grouped) this.grouped = this.group();
    return this.grouped;
  }

  private group(): Map<string, WorkerPlatformLog> {
    const n = this.rows;
    const nWp = this.wpList.length;
    const wpOf = this.wp;
    // Counting sort by worker-platform (stable: input order within each). The pass that
    // places each row also places its two times, so that the sort within a worker-platform
    // reads them in order rather than row by row across the whole file.
    // Dropped rows (later copies of an id) go to one more group, after every worker-platform's.
    let groups = nWp;
    if (this.dropped && this.droppedRows > 0) {
      const mask = this.dropped;
      const idRef = this.idRef;
      for (let r = 0; r < n; r++) {
        const ref = idRef[r];
        if (ref >= 0 && mask[ref]) wpOf[r] = nWp;
      }
      groups = nWp + 1;
    }
    const starts = new Float64Array(groups + 1);
    for (let r = 0; r < n; r++) starts[wpOf[r] + 1]++;
    for (let k = 0; k < groups; k++) starts[k + 1] += starts[k];
    const rowAt = new Int32Array(n); // grouped position → row
    // Two placing passes, one per time column, so that each old column is given back before
    // the next copy is made (the run's peak memory is here).
    const acceptedAt = new Float64Array(new SharedArrayBuffer(n * 8));
    {
      const pos = Float64Array.from(starts.subarray(0, groups));
      const a = this.acceptedAt;
      for (let r = 0; r < n; r++) {
        const g = pos[wpOf[r]]++;
        rowAt[g] = r;
        acceptedAt[g] = a[r];
      }
    }
    grow(this.acceptedAt, 0);
    const completedAt = new Float64Array(new SharedArrayBuffer(n * 8));
    {
      const pos = Float64Array.from(starts.subarray(0, groups));
      const c = this.completedAt;
      for (let r = 0; r < n; r++) completedAt[pos[wpOf[r]]++] = c[r];
    }
    grow(this.completedAt, 0);
    // Within each worker-platform, by acceptance, completion and input position.
    const sorter = new SegmentSorter(acceptedAt, completedAt, rowAt);
    for (let k = 0; k < nWp; k++) sorter.sort(starts[k], starts[k + 1]);
    // The other columns follow, column by column: each is copied into its final order and
    // its resizable buffer shrunk to nothing at once, so at most one column exists twice.
    // Copies scatter (column[dest[row]] = old[row]): random writes cost a fraction of random
    // reads, which stall. (Following the permutation's cycles in place would save a column,
    // but its chain of dependent random reads is over ten times slower than a copy.)
    const dest = new Int32Array(n); // row → final position
    for (let g = 0; g < n; g++) dest[rowAt[g]] = g;
    const payFen = scatterF64(this.payFen, dest, n);
    const line = scatterU32(this.line, dest, n);
    const file = scatterU16(this.file, dest, n);
    const region = scatterI32(this.region, dest, n);
    const employer = scatterI32(this.employer, dest, n);
    const idRef = scatterI32(this.idRef, dest, n);
    const businessLine = scatterU8(this.businessLine, dest, n);
    const cancelled = scatterU8(this.cancelled, dest, n);
    grow(this.wp, 0);
    const ids: OrderIdSource = {
      idAt: (ref) => (ref >= 0 ? this.orderIds!.idAt(ref) : this.extraIds[-ref - 1]),
    };
    const cols: OrderColumns = { acceptedAt, completedAt, payFen, file, line, region, employer, businessLine, cancelled, idRef, ids };
    this.cols = cols;
    const map = new Map<string, WorkerPlatformLog>();
    for (let k = 0; k < nWp; k++) {
      const s = starts[k];
      const e = starts[k + 1];
      if (e === s) continue; // every order of it was outside the period
      const { workerId, platform } = this.wpList[k];
      map.set(wpKey(workerId, platform), { workerId, platform, log: new OrderLog(cols, s, e) });
    }
    return map;
  }
}

// column[dest[r]] = old column[r] into a new array (shared memory: rule threads read it
// too); the old column's buffer is shrunk to nothing (its memory is given back at once, not
// at the next garbage collection). One function per element type on purpose: a generic one
// sees five kinds of typed array and its loop is no longer compiled for any one of them.
function scatterF64(src: Float64Array, dest: Int32Array, n: number): Float64Array {
  const col = new Float64Array(new SharedArrayBuffer(n * 8));
  for (let r = 0; r < n; r++) col[dest[r]] = src[r];
  grow(src, 0);
  return col;
}
function scatterI32(src: Int32Array, dest: Int32Array, n: number): Int32Array {
  const col = new Int32Array(new SharedArrayBuffer(n * 4));
  for (let r = 0; r < n; r++) col[dest[r]] = src[r];
  grow(src, 0);
  return col;
}
function scatterU32(src: Uint32Array, dest: Int32Array, n: number): Uint32Array {
  const col = new Uint32Array(new SharedArrayBuffer(n * 4));
  for (let r = 0; r < n; r++) col[dest[r]] = src[r];
  grow(src, 0);
  return col;
}
function scatterU16(src: Uint16Array, dest: Int32Array, n: number): Uint16Array {
  const col = new Uint16Array(new SharedArrayBuffer(n * 2));
  for (let r = 0; r < n; r++) col[dest[r]] = src[r];
  grow(src, 0);
  return col;
}
function scatterU8(src: Uint8Array, dest: Int32Array, n: number): Uint8Array {
  const col = new Uint8Array(new SharedArrayBuffer(n));
  for (let r = 0; r < n; r++) col[dest[r]] = src[r];
  grow(src, 0);
  return col;
}

/**
 * Sorts one worker-platform's stretch [s, e) of the grouped columns in place by
 * (acceptance, completion, input position), moving `rowAt` (grouped place → input row)
 * along. Input position is the order within the stretch, so the sort must be stable on the
 * two times. With whole seconds and a span that fits, each row's key packs the two times and
 * its place into one exact double and a plain numeric sort does it; otherwise a comparator
 * sort.
 */
class SegmentSorter {
  private keys = new Float64Array(256);
  private perm = new Int32Array(256);
  private a = new Float64Array(256);
  private c = new Float64Array(256);
  private rows = new Int32Array(256);

  constructor(
    private readonly acceptedAt: Float64Array,
    private readonly completedAt: Float64Array,
    private readonly rowAt: Int32Array,
  ) {}

  sort(s: number, e: number): void {
    const n = e - s;
    if (n < 2) return;
    const A = this.acceptedAt;
    const C = this.completedAt;
    let sorted = true;
    let whole = true;
    for (let g = s; g < e; g++) {
      const ak = A[g];
      const ck = C[g];
      if (g > s && (ak < A[g - 1] || (ak === A[g - 1] && ck < C[g - 1]))) sorted = false;
      // Whole seconds. Times are whole milliseconds far below 2^53, so the quotient is an
      // integer exactly when the time is a multiple of 1000; `%` on doubles is a library call
      // and took a quarter of the phase's sorting time.
      const qa = ak / 1000;
      const qc = ck / 1000;
      if (qa !== Math.floor(qa) || qc !== Math.floor(qc)) whole = false;
    }
    if (sorted) return;
    if (this.perm.length < n) {
      let size = this.perm.length;
      while (size < n) size *= 2;
      this.keys = new Float64Array(size);
      this.perm = new Int32Array(size);
      this.a = new Float64Array(size);
      this.c = new Float64Array(size);
      this.rows = new Int32Array(size);
    }
    const a = this.a;
    const c = this.c;
    const rows = this.rows;
    a.set(A.subarray(s, e));
    c.set(C.subarray(s, e));
    rows.set(this.rowAt.subarray(s, e));
    let minA = a[0];
    let maxA = a[0];
    let maxD = 0;
    for (let k = 0; k < n; k++) {
      if (a[k] < minA) minA = a[k];
      if (a[k] > maxA) maxA = a[k];
      if (c[k] - a[k] > maxD) maxD = c[k] - a[k];
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
      for (let k = 0; k < n; k++) keys[k] = (((a[k] - minA) / 1000) * dMul + (c[k] - a[k]) / 1000) * kMul + k;
      keys.sort();
      // kMul is a power of two: multiplying by its inverse is exact, and cheaper than dividing.
      const inv = 1 / kMul;
      for (let k = 0; k < n; k++) {
        const key = keys[k];
        perm[k] = key - Math.floor(key * inv) * kMul;
      }
    } else {
      for (let k = 0; k < n; k++) perm[k] = k;
      perm.sort((x, y) => a[x] - a[y] || c[x] - c[y] || x - y);
    }
    const rowAt = this.rowAt;
    for (let j = 0; j < n; j++) {
      const k = perm[j];
      A[s + j] = a[k];
      C[s + j] = c[k];
      rowAt[s + j] = rows[k];
    }
  }
}
