// Compact per worker-platform order state: parallel arrays of numbers instead of row
// objects, so that millions of orders fold into a few arrays per worker.
import type { BusinessLine, OrderRecord } from '../model.js';

export const BUSINESS_LINES: (BusinessLine | undefined)[] = [
  undefined,
  'takeaway',
  'instant_delivery',
  'ride_hailing',
  'express',
  'freight',
  'other',
];
const LINE_INDEX = new Map(BUSINESS_LINES.map((b, i) => [b, i]));

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

export class OrderLog {
  readonly acceptedAt: number[] = [];
  readonly completedAt: number[] = [];
  readonly payFen: number[] = []; // NaN where the order carries no pay
  readonly file: number[] = [];
  readonly line: number[] = [];
  readonly region: number[] = []; // StringTable id, -1 = none
  readonly employer: number[] = [];
  readonly businessLine: number[] = [];
  readonly cancelled: number[] = [];
  readonly orderId: string[] = [];

  get length(): number {
    return this.acceptedAt.length;
  }

  push(o: OrderRecord, strings: StringTable): void {
    this.acceptedAt.push(o.acceptedAt);
    this.completedAt.push(o.completedAt);
    this.payFen.push(o.orderPayFen ?? NaN);
    this.file.push(o.file);
    this.line.push(o.line);
    this.region.push(strings.id(o.region));
    this.employer.push(strings.id(o.employer));
    this.businessLine.push(LINE_INDEX.get(o.businessLine) ?? 0);
    this.cancelled.push(o.status === 'cancelled' ? 1 : 0);
    this.orderId.push(o.orderId);
  }

  /** Indexes sorted by acceptance time, then completion time, then input position. */
  sortedIndex(): Int32Array {
    const idx = new Int32Array(this.length);
    for (let i = 0; i < idx.length; i++) idx[i] = i;
    const a = this.acceptedAt;
    const c = this.completedAt;
    const f = this.file;
    const l = this.line;
    idx.sort((x, y) => a[x] - a[y] || c[x] - c[y] || f[x] - f[y] || l[x] - l[y]);
    return idx;
  }
}
