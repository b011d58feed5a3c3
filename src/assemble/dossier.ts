// The dossier of one worker-platform: everything a rule reads, assembled once.
import type {
  BusinessLine,
  ContractRecord,
  ContractType,
  InsuranceRecord,
  PayRecord,
  Relation,
  WorkerRecord,
} from '../model.js';
import { monthOfDay, type Clock } from '../time.js';
import { BUSINESS_LINES, type OrderLog, type StringTable } from './orderLog.js';
import { buildSpans, minutesByDay, type Span } from './spans.js';

export const RELATION_OF: Record<ContractType, Relation> = {
  labor_contract: 'labor',
  part_time_contract: 'part_time',
  dispatch_contract: 'dispatch',
  written_agreement: 'not_fully',
  cooperation_agreement: 'independent',
  individual_business: 'independent',
};

/** A record "with the platform": same platform, one of its partner companies, or unnamed (single-platform export). */
export function sameParty(recordPlatform: string | undefined, platform: string, employers: ReadonlySet<string>): boolean {
  return recordPlatform === undefined || recordPlatform === platform || employers.has(recordPlatform);
}

export const covers = (r: { startDay: number; endDay?: number }, day: number) =>
  r.startDay <= day && (r.endDay === undefined || day <= r.endDay);

export class Dossier {
  readonly sorted: Int32Array;
  private spansCache: Span[] | undefined;
  private dayMinutesCache: Map<number, number> | undefined;
  private readonly bridgeGapMinutes: number;
  /** Days with at least one order that started or ended on them, ascending. */
  readonly activeDays: number[];
  readonly employers: ReadonlySet<string>;
  readonly contracts: ContractRecord[];
  readonly insurance: InsuranceRecord[];
  readonly pay: PayRecord[];
  private dayFirstPosCache: Map<number, number> | undefined;
  /** maxEnd[k]: the latest end day among contracts[0..k] (Infinity when one is open-ended). */
  private readonly contractMaxEnd: number[];
  private contractMemo: Map<number, ContractRecord | null> | undefined;

  constructor(
    readonly workerId: string,
    readonly platform: string,
    readonly log: OrderLog,
    readonly strings: StringTable,
    readonly clock: Clock,
    bridgeGapMinutes: number,
    others: { contracts: ContractRecord[]; insurance: InsuranceRecord[]; pay: PayRecord[] },
    readonly worker?: WorkerRecord,
  ) {
    this.sorted = log.sortedIndex();
    this.bridgeGapMinutes = bridgeGapMinutes;
    const days = new Set<number>();
    const employers = new Set<string>();
    // Orders are sorted by acceptance: runs of the same day and employer are common, and
    // adding what a Set already holds changes nothing, so repeats are skipped.
    let lastDay = NaN;
    let lastEnd = NaN;
    let lastEmployer = -2;
    for (let p = 0; p < this.sorted.length; p++) {
      const i = this.sorted[p];
      const d = clock.dayOf(log.acceptedAt[i]);
      if (d !== lastDay) {
        days.add(d);
        lastDay = d;
      }
      const z = clock.dayOf(log.completedAt[i]);
      if (z !== lastEnd) {
        days.add(z);
        lastEnd = z;
      }
      const eid = log.employer[i];
      if (eid !== lastEmployer) {
        const e = strings.get(eid);
        if (e) employers.add(e);
        lastEmployer = eid;
      }
    }
    this.activeDays = [...days].sort((a, b) => a - b);
    this.employers = employers;
    const mine = <T extends { platform?: string }>(list: T[]) => list.filter((r) => sameParty(r.platform, platform, employers));
    this.contracts = mine(others.contracts).sort((a, b) => a.startDay - b.startDay || a.line - b.line);
    // A dispatch agency that signed with the worker for this platform may insure on its behalf.
    const agencies = new Set(this.contracts.flatMap((c) => (c.dispatchAgency ? [c.dispatchAgency] : [])));
    this.insurance = others.insurance.filter((r) => sameParty(r.platform, platform, employers) || agencies.has(r.platform ?? ''));
    this.pay = mine(others.pay).sort((a, b) => a.periodStart - b.periodStart || a.line - b.line);
    let maxEnd = -Infinity;
    this.contractMaxEnd = this.contracts.map((c) => (maxEnd = Math.max(maxEnd, c.endDay ?? Infinity)));
  }

  /** Position in `sorted` of each active day's first order (by acceptance), built when first asked for. */
  private get dayFirstPos(): Map<number, number> {
    if (!this.dayFirstPosCache) {
      const m = new Map<number, number>();
      let last = NaN;
      for (let p = 0; p < this.sorted.length; p++) {
        const d = this.clock.dayOf(this.log.acceptedAt[this.sorted[p]]);
        if (d !== last && !m.has(d)) m.set(d, p);
        last = d;
      }
      this.dayFirstPosCache = m;
    }
    return this.dayFirstPosCache;
  }

  /** The bridge gap the spans are built with (minutes). */
  get bridgeGap(): number {
    return this.bridgeGapMinutes;
  }

  /** Work spans (spans.ts), built when first asked for. */
  get spans(): Span[] {
    return (this.spansCache ??= buildSpans(this.log, this.sorted, this.bridgeGapMinutes));
  }

  /** Working minutes per local day, built when first asked for. */
  get dayMinutes(): Map<number, number> {
    return (this.dayMinutesCache ??= minutesByDay(this.spans, this.clock));
  }

  /**
   * Drops what is built on demand (spans, minutes per day) once the rules about this
   * worker-platform have run, so that a large run does not hold them for every worker at once.
   */
  release(): void {
    this.log.release();
    this.spansCache = undefined;
    this.dayMinutesCache = undefined;
    this.contractMemo = undefined;
    this.regionMemo = undefined;
    this.dayFirstPosCache = undefined;
  }

  get key(): string {
    return `${this.workerId}|${this.platform}`;
  }

  /**
   * The contract that governs a day: the latest-starting one covering it (the last in
   * `contracts` order). Rules ask per active day, so a worker with thousands of contracts
   * gets a binary search and a memo rather than a scan per day.
   */
  contractOn(day: number): ContractRecord | undefined {
    const memo = (this.contractMemo ??= new Map());
    const hit = memo.get(day);
    if (hit !== undefined) return hit ?? undefined;
    const cs = this.contracts;
    // Last contract starting on or before the day.
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cs[mid].startDay <= day) lo = mid + 1;
      else hi = mid;
    }
    let found: ContractRecord | undefined;
    for (let k = lo - 1; k >= 0 && this.contractMaxEnd[k] >= day; k--) {
      if (covers(cs[k], day)) {
        found = cs[k];
        break;
      }
    }
    memo.set(day, found ?? null);
    return found;
  }

  relationOn(day: number): Relation {
    const c = this.contractOn(day);
    return c ? RELATION_OF[c.contractType] : 'unknown';
  }

  /** Months (y*12+m-1) with working time, ascending. */
  months(): number[] {
    const ms = new Set<number>();
    for (const d of this.dayMinutes.keys()) ms.add(monthOfDay(d));
    return [...ms].sort((a, b) => a - b);
  }

  /** Order positions (in `sorted`) accepted on a day. */
  *ordersOn(day: number): Generator<number> {
    const start = this.dayFirstPos.get(day);
    if (start === undefined) return;
    for (let p = start; p < this.sorted.length; p++) {
      if (this.clock.dayOf(this.log.acceptedAt[this.sorted[p]]) !== day) break;
      yield p;
    }
  }

  private regionMemo: Map<number, string | undefined> | undefined;

  /** Region with the most order time among the given days (ties: first seen). Memoised: rules ask per day and per month. */
  dominantRegion(fromDay: number, toDay: number): string | undefined {
    const k = fromDay * 1_000_003 + toDay;
    const memo = (this.regionMemo ??= new Map());
    if (memo.has(k)) return memo.get(k);
    const r = this.computeDominantRegion(fromDay, toDay);
    memo.set(k, r);
    return r;
  }

  private computeDominantRegion(fromDay: number, toDay: number): string | undefined {
    const weight = new Map<number, number>();
    // Orders are sorted by acceptance: start at the first accepted on or after the day
    // before fromDay (a margin for zones whose offset changes) and stop past toDay, so
    // that a question per week or month does not scan all of a busy worker's orders.
    const acc = this.log.acceptedAt;
    const startAt = this.clock.startOfDay(fromDay - 1);
    const stopAt = this.clock.startOfDay(toDay + 2);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (acc[this.sorted[mid]] < startAt) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < this.sorted.length; p++) {
      const i = this.sorted[p];
      if (acc[i] >= stopAt) break;
      const d = this.clock.dayOf(acc[i]);
      if (d < fromDay || d > toDay) continue;
      const r = this.log.region[i];
      weight.set(r, (weight.get(r) ?? 0) + (this.log.completedAt[i] - this.log.acceptedAt[i]) + 1);
    }
    let best = -1;
    let bestW = -1;
    for (const [r, w] of weight) if (r >= 0 && w > bestW) [best, bestW] = [r, w];
    return this.strings.get(best);
  }

  /** Business line of the day's first order. */
  businessLineOn(day: number): BusinessLine | undefined {
    const p = this.dayFirstPos.get(day);
    return p === undefined ? undefined : BUSINESS_LINES[this.log.businessLine[this.sorted[p]]];
  }

  /** The order at a position of `sorted` (its id is decoded only when read). */
  orderAt(p: number): OrderView {
    return new OrderView(this.log, this.sorted[p], this.strings);
  }
}

/** One order, as rules see it. */
export class OrderView {
  readonly acceptedAt: number;
  readonly completedAt: number;
  readonly payFen: number;
  readonly file: number;
  readonly line: number;
  readonly region: string | undefined;
  constructor(
    private readonly log: OrderLog,
    private readonly i: number,
    strings: StringTable,
  ) {
    this.acceptedAt = log.acceptedAt[i];
    this.completedAt = log.completedAt[i];
    this.payFen = log.payFen[i];
    this.file = log.file[i];
    this.line = log.line[i];
    this.region = strings.get(log.region[i]);
  }
  get orderId(): string {
    return this.log.orderIdAt(this.i);
  }
}
