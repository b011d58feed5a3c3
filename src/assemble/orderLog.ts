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
  line: Float64Array;
  region: Int32Array; // StringTable id, -1 = none
  employer: Int32Array; // StringTable id, -1 = none
  businessLine: Uint8Array; // index into BUSINESS_LINES
  cancelled: Uint8Array;
  idRef: Int32Array;
  ids: OrderIdSource;
}

export class OrderLog {
  readonly acceptedAt: Float64Array;
  readonly completedAt: Float64Array;
  readonly payFen: Float64Array;
  readonly file: Uint16Array;
  readonly line: Float64Array;
  readonly region: Int32Array;
  readonly employer: Int32Array;
  readonly businessLine: Uint8Array;
  readonly cancelled: Uint8Array;
  private readonly idRef: Int32Array;
  private readonly ids: OrderIdSource;

  /** The orders start..end-1 of the run's columns (sorted by acceptance, completion, file, line). */
  constructor(cols: OrderColumns, start: number, end: number) {
    this.acceptedAt = cols.acceptedAt.subarray(start, end);
    this.completedAt = cols.completedAt.subarray(start, end);
    this.payFen = cols.payFen.subarray(start, end);
    this.file = cols.file.subarray(start, end);
    this.line = cols.line.subarray(start, end);
    this.region = cols.region.subarray(start, end);
    this.employer = cols.employer.subarray(start, end);
    this.businessLine = cols.businessLine.subarray(start, end);
    this.cancelled = cols.cancelled.subarray(start, end);
    this.idRef = cols.idRef.subarray(start, end);
    this.ids = cols.ids;
  }

  get length(): number {
    return this.acceptedAt.length;
  }

  orderIdAt(i: number): string {
    return this.ids.idAt(this.idRef[i]);
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
    const n = this.length;
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    const a = this.acceptedAt;
    const c = this.completedAt;
    const f = this.file;
    const l = this.line;
    const cmp = (x: number, y: number) => a[x] - a[y] || c[x] - c[y] || f[x] - f[y] || l[x] - l[y];
    for (let i = 1; i < n; i++) {
      if (cmp(i - 1, i) > 0) {
        idx.sort(cmp);
        break;
      }
    }
    return idx;
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
