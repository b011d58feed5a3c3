// Compact per worker-platform order state. Orders live in a few typed arrays for the whole
// run (collect.ts), grouped by worker-platform and sorted by acceptance; the log of one
// worker-platform is a set of views into them. No object per order.
import type { BusinessLine } from '../model.js';

export const BUSINESS_LINES: (BusinessLine | undefined)[] = [
  undefined,
  'takeaway',
  'instant_delivery',
  'ride_hailing',
  'express',
  'freight',
  'other',
];
export const BUSINESS_LINE_INDEX = new Map(BUSINESS_LINES.map((b, i) => [b, i]));

/** Interns repeated strings (regions, employers) as small integers. */
export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(s: string | undefined): number {
    if (s === undefined || s === '') return -1;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
  get(id: number): string | undefined {
    return id < 0 ? undefined : this.values[id];
  }
}

/** Where order ids are kept: the run's duplicate index (ref ≥ 0) or a list of strings (ref < 0). */
export interface OrderIdSource {
  idAt(ref: number): string;
}

/** Every order of the run, grouped by worker-platform (collect.ts). */
export interface OrderColumns {
  acceptedAt: Float64Array; // epoch ms
  completedAt: Float64Array; // epoch ms
  payFen: Float64Array; // NaN where the order carries no pay
  file: Uint16Array;
  line: Uint32Array;
  region: Int32Array; // StringTable id, -1 = none
  employer: Int32Array; // StringTable id, -1 = none
  businessLine: Uint8Array; // index into BUSINESS_LINES
  cancelled: Uint8Array;
  idRef: Int32Array;
  ids: OrderIdSource;
}

/** 0, 1, 2, …: the sorted index of every log (they are stored sorted), shared. */
let identity = new Int32Array(0);
function identityOf(n: number): Int32Array {
  if (identity.length < n) {
    identity = new Int32Array(Math.max(n, identity.length * 2, 1024));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, n);
}

export class OrderLog {
  readonly acceptedAt: Float64Array;
  readonly completedAt: Float64Array;
  private readonly cols: OrderColumns;
  private readonly start: number;
  private readonly end: number;
  // Views of the other columns, made when first used (a log for a rule over whole platforms
  // may never need them) and dropped by release(). One field each: rules read them per order.
  private payFenView: Float64Array | undefined;
  private fileView: Uint16Array | undefined;
  private lineView: Uint32Array | undefined;
  private regionView: Int32Array | undefined;
  private employerView: Int32Array | undefined;
  private businessLineView: Uint8Array | undefined;
  private cancelledView: Uint8Array | undefined;

  /** The orders start..end-1 of the run's columns (sorted by acceptance, completion, file, line). */
  constructor(cols: OrderColumns, start: number, end: number) {
    this.cols = cols;
    this.start = start;
    this.end = end;
    this.acceptedAt = cols.acceptedAt.subarray(start, end);
    this.completedAt = cols.completedAt.subarray(start, end);
  }

  get payFen(): Float64Array {
    return (this.payFenView ??= this.cols.payFen.subarray(this.start, this.end));
  }
  get file(): Uint16Array {
    return (this.fileView ??= this.cols.file.subarray(this.start, this.end));
  }
  get line(): Uint32Array {
    return (this.lineView ??= this.cols.line.subarray(this.start, this.end));
  }
  get region(): Int32Array {
    return (this.regionView ??= this.cols.region.subarray(this.start, this.end));
  }
  get employer(): Int32Array {
    return (this.employerView ??= this.cols.employer.subarray(this.start, this.end));
  }
  get businessLine(): Uint8Array {
    return (this.businessLineView ??= this.cols.businessLine.subarray(this.start, this.end));
  }
  get cancelled(): Uint8Array {
    return (this.cancelledView ??= this.cols.cancelled.subarray(this.start, this.end));
  }

  /** Drops the views made on demand. */
  release(): void {
    this.payFenView = this.fileView = this.lineView = undefined;
    this.regionView = this.employerView = undefined;
    this.businessLineView = this.cancelledView = undefined;
  }

  get length(): number {
    return this.acceptedAt.length;
  }

  /** Where this log's orders are in the run's columns. */
  get range(): { start: number; end: number } {
    return { start: this.start, end: this.end };
  }

  orderIdAt(i: number): string {
    return this.cols.ids.idAt(this.cols.idRef[this.start + i]);
  }

  /** Order ids in log order (built on demand: prefer orderIdAt). */
  get orderId(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.orderIdAt(i));
  }

  /**
   * Indexes sorted by acceptance time, then completion time, then input position. The
   * collector stores each log in that order already, so this is the identity (checked).
   */
  sortedIndex(): Int32Array {
    // Asked for by the bridge gap (firstAccepted) and by the dossier: checked once.
    return (this.sortedCache ??= this.computeSortedIndex());
  }

  private sortedCache: Int32Array | undefined;

  private computeSortedIndex(): Int32Array {
    const n = this.length;
    const a = this.acceptedAt;
    const c = this.completedAt;
    const f = this.file;
    const l = this.line;
    const cmp = (x: number, y: number) => a[x] - a[y] || c[x] - c[y] || f[x] - f[y] || l[x] - l[y];
    for (let i = 1; i < n; i++) {
      if (cmp(i - 1, i) > 0) {
        const idx = Int32Array.from(identityOf(n));
        idx.sort(cmp);
        return idx;
      }
    }
    return identityOf(n);
  }

  /**
   * The first order by acceptance, ties going to the earliest in the input (file, line):
   * the order whose place and date settle a worker-platform's bridge gap.
   */
  firstAccepted(): number {
    const idx = this.sortedIndex();
    let first = idx[0];
    const a = this.acceptedAt;
    for (let p = 1; p < idx.length && a[idx[p]] === a[first]; p++) {
      const i = idx[p];
      if (this.file[i] < this.file[first] || (this.file[i] === this.file[first] && this.line[i] < this.line[first])) first = i;
    }
    return first;
  }
}
