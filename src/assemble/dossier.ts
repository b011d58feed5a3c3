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
import { buildSpans, minutesByDay, type Spans } from './spans.js';

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

// Month (y*12+m-1) of day numbers 0 … 2^16-1 (1970–2149), filled as asked: rules group days
// by month per worker, and monthOfDay builds a civil date each time.
const MONTH_BASE = 0;
const monthTable = new Int32Array(1 << 16).fill(-1);

/** monthOfDay, memoised for the days of any plausible audit. */
export function monthOf(day: number): number {
  const k = day - MONTH_BASE;
  if (k < 0 || k >= monthTable.length) return monthOfDay(day);
  let m = monthTable[k];
  if (m < 0) monthTable[k] = m = monthOfDay(day);
  return m;
}

/** Contracts from which contractOn memoises its answers (below, a binary search is cheaper than a memo). */
const CONTRACT_MEMO_FROM = 8;

export class Dossier {
  readonly sorted: Int32Array;
  /** accDay[p]: local day on which the order at position p of `sorted` was accepted. */
  readonly accDay: Int32Array;
  /** Whether accDay never goes back (it can where a zone's clocks go back across midnight). */
  private readonly accDayAscending: boolean;
  private spansCache: Spans | undefined;
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
  private workedDaysCache: number[] | undefined;
  private minuteDaysCache: number[] | undefined;
  private workedRelationsCache: Relation[] | undefined;

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
    // Days come mostly in order: kept ascending as they come, sorted only if one goes back.
    const days: number[] = [];
    let daysInOrder = true;
    const addDay = (day: number) => {
      const last = days.length ? days[days.length - 1] : -Infinity;
      if (day === last) return;
      if (day < last) daysInOrder = false;
      days.push(day);
    };
    const employers = new Set<string>();
    // Orders are sorted by acceptance: runs of the same day and employer are common, and
    // adding what a Set already holds changes nothing, so repeats are skipped.
    let lastDay = NaN;
    let lastEnd = NaN;
    let lastEmployer = -2;
    const accDay = (this.accDay = new Int32Array(this.sorted.length));
    const emp = log.employer;
    for (let p = 0; p < this.sorted.length; p++) {
      const i = this.sorted[p];
      const d = clock.dayOf(log.acceptedAt[i]);
      accDay[p] = d;
      if (d !== lastDay) {
        addDay(d);
        lastDay = d;
      }
      const z = clock.dayOf(log.completedAt[i]);
      if (z !== lastEnd) {
        addDay(z);
        lastEnd = z;
      }
      const eid = emp[i];
      if (eid !== lastEmployer) {
        const e = strings.get(eid);
        if (e) employers.add(e);
        lastEmployer = eid;
      }
    }
    let ascending = true;
    for (let p = 1; p < accDay.length && ascending; p++) ascending = accDay[p - 1] <= accDay[p];
    this.accDayAscending = ascending;
    this.activeDays = daysInOrder ? days : [...new Set(days)].sort((a, b) => a - b);
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
      const accDay = this.accDay;
      let last = NaN;
      for (let p = 0; p < accDay.length; p++) {
        const d = accDay[p];
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
  get spans(): Spans {
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
    this.workedDaysCache = undefined;
    this.minuteDaysCache = undefined;
    this.workedRelationsCache = undefined;
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
    const cs = this.contracts;
    if (cs.length < CONTRACT_MEMO_FROM) return this.findContract(day);
    const memo = (this.contractMemo ??= new Map());
    const hit = memo.get(day);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.findContract(day);
    memo.set(day, found ?? null);
    return found;
  }

  private findContract(day: number): ContractRecord | undefined {
    const cs = this.contracts;
    // Last contract starting on or before the day.
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cs[mid].startDay <= day) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && this.contractMaxEnd[k] >= day; k--) {
      if (covers(cs[k], day)) return cs[k];
    }
    return undefined;
  }

  relationOn(day: number): Relation {
    const c = this.contractOn(day);
    return c ? RELATION_OF[c.contractType] : 'unknown';
  }

  /** Months (y*12+m-1) with working time, ascending. */
  months(): number[] {
    // Days come in span order, so months mostly ascend already: sort only when they do not.
    const ms: number[] = [];
    let ascending = true;
    for (const d of this.dayMinutes.keys()) {
      const m = monthOf(d);
      const last = ms[ms.length - 1];
      if (m === last) continue;
      if (last !== undefined && m < last) ascending = false;
      ms.push(m);
    }
    return ascending ? ms : [...new Set(ms)].sort((a, b) => a - b);
  }

  /**
   * Days with working time or an order starting or ending on them, ascending (built once:
   * several rules walk them).
   */
  get workedDays(): readonly number[] {
    if (!this.workedDaysCache) {
      // Both lists ascend (minuteDays is sorted): merged, without a Set.
      const a = this.activeDays;
      const b = this.minuteDays;
      const mins = this.dayMinutes;
      const out: number[] = [];
      let i = 0;
      let k = 0;
      while (i < a.length || k < b.length) {
        if (k < b.length && !(mins.get(b[k])! > 0)) {
          k++;
          continue;
        }
        const x = i < a.length && (k >= b.length || a[i] <= b[k]) ? a[i] : b[k];
        if (i < a.length && a[i] === x) i++;
        if (k < b.length && b[k] === x) k++;
        out.push(x);
      }
      this.workedDaysCache = out;
    }
    return this.workedDaysCache;
  }

  /** Days with working time (the keys of dayMinutes), ascending; built once. */
  get minuteDays(): readonly number[] {
    if (!this.minuteDaysCache) {
      const days: number[] = [];
      let ascending = true;
      this.dayMinutes.forEach((_m, day) => {
        if (days.length && day <= days[days.length - 1]) ascending = false;
        days.push(day);
      });
      this.minuteDaysCache = ascending ? days : days.sort((a, b) => a - b);
    }
    return this.minuteDaysCache;
  }

  /** relationOn of each of workedDays, in the same order. */
  get workedRelations(): readonly Relation[] {
    return (this.workedRelationsCache ??= this.workedDays.map((day) => this.relationOn(day)));
  }

  /** Order positions (in `sorted`) accepted on a day. */
  *ordersOn(day: number): Generator<number> {
    const start = this.firstOrderOn(day);
    if (start < 0) return;
    const accDay = this.accDay;
    for (let p = start; p < accDay.length && accDay[p] === day; p++) yield p;
  }

  /** Position of the first order accepted on a day, -1 for none (the orders on it run on while accDay stays the day). */
  firstOrderOn(day: number): number {
    if (!this.accDayAscending) return this.dayFirstPos.get(day) ?? -1;
    const p = this.firstOnOrAfter(day);
    return p < this.accDay.length && this.accDay[p] === day ? p : -1;
  }

  /** The first position accepted on or after a day (accDay.length for none); accDay must ascend. */
  private firstOnOrAfter(day: number): number {
    const accDay = this.accDay;
    let lo = 0;
    let hi = accDay.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (accDay[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of orders accepted on a day (those of ordersOn). */
  ordersOnCount(day: number): number {
    const start = this.firstOrderOn(day);
    if (start < 0) return 0;
    const accDay = this.accDay;
    let p = start;
    while (p < accDay.length && accDay[p] === day) p++;
    return p - start;
  }

  /** Region (string table id) of the order at a position of `sorted`. */
  regionIdAt(p: number): number {
    return this.log.region[this.sorted[p]];
  }

  private regionMemo: Map<number, string | undefined> | undefined;

  /** Region with the most order time among the given days (ties: first seen). Memoised: rules ask per day and per month. */
  dominantRegion(fromDay: number, toDay: number): string | undefined {
    const k = fromDay * 1_000_003 + toDay;
    const memo = (this.regionMemo ??= new Map());
    if (memo.has(k)) return memo.get(k);
    // Most workers work in one region: then it is the answer for any days with an order.
    const sole = this.accDayAscending ? this.soleRegion() : -1;
    const r = sole >= 0 ? this.strings.get(this.hasOrderBetween(fromDay, toDay) ? sole : -1) : this.computeDominantRegion(fromDay, toDay);
    memo.set(k, r);
    return r;
  }

  /** The region id every order has when it is one and the same (never none), else -1. */
  private soleRegionId = -2;
  private soleRegion(): number {
    if (this.soleRegionId !== -2) return this.soleRegionId;
    const region = this.log.region;
    const sorted = this.sorted;
    let r = sorted.length > 0 ? region[sorted[0]] : -1;
    for (let p = 1; p < sorted.length && r >= 0; p++) if (region[sorted[p]] !== r) r = -1;
    return (this.soleRegionId = r);
  }

  /** Whether an order was accepted on a day from fromDay to toDay (accDay ascending). */
  private hasOrderBetween(fromDay: number, toDay: number): boolean {
    const p = this.firstOnOrAfter(fromDay);
    return p < this.accDay.length && this.accDay[p] <= toDay;
  }

  private computeDominantRegion(fromDay: number, toDay: number): string | undefined {
    // Orders are sorted by acceptance: start at the first accepted on or after the day
    // before fromDay (a margin for zones whose offset changes) and stop past toDay, so
    // that a question per week or month does not scan all of a busy worker's orders.
    const acc = this.log.acceptedAt;
    const done = this.log.completedAt;
    const region = this.log.region;
    const sorted = this.sorted;
    const accDay = this.accDay;
    const startAt = this.clock.startOfDay(fromDay - 1);
    const stopAt = this.clock.startOfDay(toDay + 2);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (acc[sorted[mid]] < startAt) lo = mid + 1;
      else hi = mid;
    }
    // Weights per region id in a scratch array; `seen` keeps the regions in the order first
    // met, so that ties go to the first seen as before.
    const { w, met } = regionScratch(this.strings.values.length);
    const seen: number[] = [];
    for (let p = lo; p < sorted.length; p++) {
      const i = sorted[p];
      if (acc[i] >= stopAt) break;
      const d = accDay[p];
      if (d < fromDay || d > toDay) continue;
      const r = region[i];
      if (r < 0) continue; // no region: never the answer
      if (met[r] === 0) {
        met[r] = 1;
        seen.push(r);
      }
      w[r] += done[i] - acc[i] + 1;
    }
    let best = -1;
    let bestW = -1;
    for (const r of seen) {
      if (w[r] > bestW) [best, bestW] = [r, w[r]];
      w[r] = 0;
      met[r] = 0;
    }
    return this.strings.get(best);
  }

  /** Business line of the day's first order. */
  businessLineOn(day: number): BusinessLine | undefined {
    const p = this.firstOrderOn(day);
    return p < 0 ? undefined : BUSINESS_LINES[this.log.businessLine[this.sorted[p]]];
  }

  /** The order at a position of `sorted` (its id is decoded only when read). */
  orderAt(p: number): OrderView {
    return new OrderView(this.log, this.sorted[p], this.strings);
  }
}

/** Scratch weights and "met" flags per string id for computeDominantRegion, all zero between calls. */
let scratch = { w: new Float64Array(0), met: new Uint8Array(0) };
function regionScratch(n: number): { w: Float64Array; met: Uint8Array } {
  if (scratch.w.length < n) {
    const size = Math.max(n, scratch.w.length * 2, 64);
    scratch = { w: new Float64Array(size), met: new Uint8Array(size) };
  }
  return scratch;
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
