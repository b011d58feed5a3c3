// Shared pieces of the working-time and age rules: relations, calendar groupings (ISO
// weeks, months, runs of consecutive days), the orders behind a day, ages, and spans merged
// across several worker-platforms.
import type { Dossier } from '../assemble/index.js';
import { addToSpans, emptySpans, type Spans } from '../assemble/spans.js';
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

/** Days with working time or an order starting or ending on them, ascending (built once per dossier: do not modify). */
export const workedDays = (d: Dossier): readonly number[] => d.workedDays;

/** The worked days on which the dossier's relation is one of `relations`. */
export function daysWithRelation(d: Dossier, relations: ReadonlySet<Relation>): number[] {
  const days = d.workedDays;
  const rel = d.workedRelations;
  const out: number[] = [];
  for (let k = 0; k < days.length; k++) if (relations.has(rel[k])) out.push(days[k]);
  return out;
}

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
  const spans = d.spans;
  let lo = 0;
  let hi = spans.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans.end[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  const { sorted, log } = d;
  const acc = log.acceptedAt;
  const done = log.completedAt;
  for (let k = lo; k < spans.count && spans.start[k] < to; k++) {
    for (let p = spans.first[k]; p <= spans.last[k]; p++) {
      const i = sorted[p];
      if (acc[i] < to && (done[i] > from || acc[i] >= from)) out.push(p);
    }
  }
  return out;
}

/**
 * Jurisdiction of the work on a day, from the region of its first order (cheap enough to
 * ask per day; parameters are looked up for the place and date of the work).
 */
export function jurisdictionOn(d: Dossier, ctx: RuleContext, day: number): Jurisdiction | undefined {
  const first = d.firstOrderOn(day);
  if (first >= 0) return regionJurisdiction(d, ctx, d.regionIdAt(first));
  const touching = ordersTouching(d, day);
  return touching.length ? regionJurisdiction(d, ctx, d.regionIdAt(touching[0])) : ctx.jurisdiction(undefined);
}

// The last region asked for and its jurisdiction: a worker's days are mostly in one place.
let lastCtx: RuleContext | undefined;
let lastStrings: unknown;
let lastRegion = -2;
let lastJurisdiction: Jurisdiction | undefined;

/** ctx.jurisdiction of a region given by its string-table id. */
function regionJurisdiction(d: Dossier, ctx: RuleContext, region: number): Jurisdiction | undefined {
  if (region !== lastRegion || ctx !== lastCtx || d.strings !== lastStrings) {
    lastJurisdiction = ctx.jurisdiction(d.strings.get(region));
    [lastCtx, lastStrings, lastRegion] = [ctx, d.strings, region];
  }
  return lastJurisdiction;
}

/** The first order of each day, for evidence of a run of days. */
export function firstOrders(d: Dossier, days: readonly number[]): number[] {
  const out: number[] = [];
  for (const day of days) {
    const first = d.firstOrderOn(day);
    if (first >= 0) out.push(first);
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

/**
 * A worker's orders across platforms, sorted by acceptance then completion (ties in the order
 * of the dossiers, then of each dossier's own orders), as columns: order k is position p[k]
 * of dossiers[d[k]], accepted at start[k] and completed at end[k]. No object per order: a
 * worker on several platforms has thousands.
 */
export interface PooledOrders {
  dossiers: Dossier[];
  d: Int32Array;
  p: Int32Array;
  start: Float64Array;
  end: Float64Array;
}

export function pooledOrders(dossiers: Dossier[]): PooledOrders {
  let n = 0;
  for (const ds of dossiers) n += ds.sorted.length;
  const out: PooledOrders = { dossiers, d: new Int32Array(n), p: new Int32Array(n), start: new Float64Array(n), end: new Float64Array(n) };
  // Each dossier's orders are sorted by acceptance then completion already: merging them,
  // ties to the earlier dossier, gives what a stable sort of all of them would.
  const next = new Int32Array(dossiers.length);
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bs = 0;
    let be = 0;
    for (let x = 0; x < dossiers.length; x++) {
      const dx = dossiers[x];
      const q = next[x];
      if (q >= dx.sorted.length) continue;
      const i = dx.sorted[q];
      const a = dx.log.acceptedAt[i];
      const c = dx.log.completedAt[i];
      if (best < 0 || a < bs || (a === bs && c < be)) [best, bs, be] = [x, a, c];
    }
    out.d[k] = best;
    out.p[k] = next[best]++;
    out.start[k] = bs;
    out.end[k] = be;
  }
  return out;
}

/** Pooled orders first..last (all, or those of one dossier) merged into spans with the bridge gap (rules.md "Work span"); first and last of a span index the pool. */
export function mergeOrders(o: PooledOrders, gapMinutes: number, from = 0, to = o.d.length - 1, only = -1): Spans {
  const spans = emptySpans(to - from + 1);
  const gap = gapMinutes * MS_PER_MINUTE;
  for (let k = from; k <= to; k++) if (only < 0 || o.d[k] === only) addToSpans(spans, k, o.start[k], o.end[k], gap);
  return spans;
}

/** Evidence from pooled orders (indexes into the pool, `count` of them in all), capped like orderEvidence. */
export function pooledEvidence(ctx: RuleContext, o: PooledOrders, orders: readonly number[], count = orders.length) {
  const evidence: Evidence[] = [];
  const shown = Math.min(orders.length, EVIDENCE_CAP);
  for (let x = 0; x < shown; x++) {
    const k = orders[x];
    const d = o.dossiers[o.d[k]];
    const i = d.sorted[o.p[k]];
    evidence.push({ file: ctx.files[d.log.file[i]], line: d.log.line[i], orderId: d.log.orderIdAt(i), note: d.platform });
  }
  return { evidence, evidenceOmitted: count > EVIDENCE_CAP ? count - EVIDENCE_CAP : undefined };
}
