// Shared pieces of the working-time and age rules: relations, calendar groupings (ISO
// weeks, months, runs of consecutive days), the orders behind a day, ages, and spans merged
// across several worker-platforms.
import type { Dossier, Span } from '../assemble/index.js';
import type { Jurisdiction } from '../law/types.js';
import type { Relation } from '../model.js';
import type { Evidence } from '../report/model.js';
import { civilFromDay, MS_PER_MINUTE, weekdayOfDay } from '../time.js';
import type { RuleContext } from './types.js';
import { EVIDENCE_CAP, runsOf } from './util.js';

/** Relations under an employment contract: the statutory working-time rules apply (劳动法 ch. 4). */
export const EMPLOYEE: ReadonlySet<Relation> = new Set(['labor', 'dispatch']);
export const PART_TIME: ReadonlySet<Relation> = new Set(['part_time']);
/** Independent work under civil law: cooperation agreement or individual business. */
export const INDEPENDENT: ReadonlySet<Relation> = new Set(['independent']);

/** Day number of the Monday that starts a day's ISO week. */
export const weekStart = (day: number) => day - (weekdayOfDay(day) - 1);

/** Items grouped by a key, groups in order of first appearance. */
export function groupBy<T, K>(items: Iterable<T>, key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = out.get(k);
    if (g) g.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** Runs of consecutive calendar days in an ascending list of days. */
export const consecutiveRuns = (days: number[]) => runsOf(days, (a, b) => b === a + 1);

/** Days with working time or an order starting or ending on them, ascending. */
export function workedDays(d: Dossier): number[] {
  const s = new Set(d.activeDays);
  for (const [day, m] of d.dayMinutes) if (m > 0) s.add(day);
  return [...s].sort((a, b) => a - b);
}

/** The worked days on which the dossier's relation is one of `relations`. */
export const daysWithRelation = (d: Dossier, relations: ReadonlySet<Relation>) =>
  workedDays(d).filter((day) => relations.has(d.relationOn(day)));

export const minutesOf = (d: Dossier, days: Iterable<number>) => {
  let m = 0;
  for (const day of days) m += d.dayMinutes.get(day) ?? 0;
  return m;
};

/** Positions (in `sorted`) of the orders whose time overlaps a local day. */
export function ordersTouching(d: Dossier, day: number): number[] {
  const from = d.clock.startOfDay(day);
  const to = d.clock.startOfDay(day + 1);
  // Spans are disjoint and sorted, so their ends are too: find the first ending at or after `from`.
  let lo = 0;
  let hi = d.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d.spans[mid].end < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < d.spans.length && d.spans[k].start < to; k++) {
    for (let p = d.spans[k].first; p <= d.spans[k].last; p++) {
      const o = d.orderAt(p);
      if (o.acceptedAt < to && (o.completedAt > from || o.acceptedAt >= from)) out.push(p);
    }
  }
  return out;
}

/**
 * Jurisdiction of the work on a day, from the region of its first order (cheap enough to
 * ask per day; parameters are looked up for the place and date of the work).
 */
export function jurisdictionOn(d: Dossier, ctx: RuleContext, day: number): Jurisdiction | undefined {
  const first = d.ordersOn(day).next();
  if (!first.done) return ctx.jurisdiction(d.orderAt(first.value).region);
  const touching = ordersTouching(d, day);
  return ctx.jurisdiction(touching.length ? d.orderAt(touching[0]).region : undefined);
}

/** The first order of each day, for evidence of a run of days. */
export function firstOrders(d: Dossier, days: number[]): number[] {
  const out: number[] = [];
  for (const day of days) {
    const first = d.ordersOn(day).next();
    if (!first.done) out.push(first.value);
    else {
      const touching = ordersTouching(d, day);
      if (touching.length) out.push(touching[0]);
    }
  }
  return out;
}

/** Age in completed years on a day (the birthday itself counts as the new year of age). */
export function ageOn(birthDay: number, day: number): number {
  const b = civilFromDay(birthDay);
  const t = civilFromDay(day);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
}

/** One order of any of a worker's platforms. */
export interface PooledOrder {
  d: Dossier;
  p: number; // position in d.sorted
  start: number;
  end: number;
}

export interface PooledSpan extends Span {
  orders: PooledOrder[];
}

/** A worker's orders across platforms, sorted by acceptance. */
export function pooledOrders(dossiers: Dossier[]): PooledOrder[] {
  const orders: PooledOrder[] = [];
  for (const d of dossiers) {
    for (let p = 0; p < d.sorted.length; p++) {
      const i = d.sorted[p];
      orders.push({ d, p, start: d.log.acceptedAt[i], end: d.log.completedAt[i] });
    }
  }
  return orders.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Sorted orders merged into spans with the bridge gap (rules.md "Work span"). */
export function mergeOrders(orders: PooledOrder[], gapMinutes: number): PooledSpan[] {
  const gap = gapMinutes * MS_PER_MINUTE;
  const spans: PooledSpan[] = [];
  let cur: PooledSpan | undefined;
  orders.forEach((o, k) => {
    if (cur && o.start < cur.end + gap) {
      if (o.end > cur.end) cur.end = o.end;
      cur.last = k;
      cur.orders.push(o);
    } else {
      cur = { start: o.start, end: o.end, first: k, last: k, orders: [o] };
      spans.push(cur);
    }
  });
  return spans;
}

/** Evidence from orders of several worker-platforms, capped like orderEvidence. */
export function pooledEvidence(ctx: RuleContext, orders: PooledOrder[]) {
  const evidence: Evidence[] = [];
  for (const o of orders.slice(0, EVIDENCE_CAP)) {
    const r = o.d.orderAt(o.p);
    evidence.push({ file: ctx.files[r.file], line: r.line, orderId: r.orderId, note: o.d.platform });
  }
  return { evidence, evidenceOmitted: orders.length > EVIDENCE_CAP ? orders.length - EVIDENCE_CAP : undefined };
}
