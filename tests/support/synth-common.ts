// What the two generators of synthetic export sets share: synth.ts (the four core rules) and
// synth-further.ts (all 23) build their worker-platforms the same way in places, and those
// steps live here once — the calendar, record types, order spans, the planted written-contract
// and injury-insurance violations, pay records and order pay, the uncovered-run derivation,
// and the cells both write alike (the orders file, English dates and values).
//
// Every step draws from the caller's Rng in a fixed order, and the generated sets (and so the
// tests' expected findings) depend on that order: change a draw here and both generators'
// data change.

import type { Rng } from './rng.js';

// ------------------------------------------------------------------ calendar (day numbers, minutes)
export const DAY_MIN = 1440;
export const dayNum = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
export const civil = (day: number) => {
  const dt = new Date(day * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
export const weekday = (day: number): number => new Date(day * 86_400_000).getUTCDay(); // 0 = Sunday
export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const dayOf = (min: number) => Math.floor(min / DAY_MIN);
/** The day, hour and minute of a minute number (local wall time), for date-time cells. */
export const wallClock = (min: number) => {
  const day = dayOf(min);
  const r = min - day * DAY_MIN;
  return { day, h: Math.floor(r / 60), m: r % 60 };
};
export const inRange = (d: number, s: number, e?: number) => d >= s && (e === undefined || d <= e);
export interface Month {
  key: string;
  first: number;
  last: number;
}

// ------------------------------------------------------------------ records
export type Line = 'takeaway' | 'instant_delivery' | 'ride_hailing';
export type Form = 'written' | 'electronic' | 'oral';
export type InsType = 'work_injury' | 'occupational_injury' | 'accident' | 'pension' | 'medical';
export type InsStatus = 'active' | 'unpaid' | 'lapsed';
/** A party: a platform key or a partner company `emp:<platform>:<region>` (synth-further.ts: also an agency). */
export type Party = string;
export interface InsRow {
  type: InsType;
  start: number;
  end?: number;
  party: Party;
  status: InsStatus;
}
export interface Order {
  a: number; // minutes since epoch, local wall time
  c: number;
  cancelled: boolean;
  payFen: number;
}
/** A contract record; each generator adds its own contract types (and synth-further.ts more columns). */
export interface ContractRowOf<Type extends string> {
  type: Type;
  start: number;
  end?: number;
  party: Party;
  form: Form;
  signed?: number;
}
/** A platform as both generators name it; each adds its own (partner company names, weights). */
export interface PlatformNames {
  key: string;
  en: string;
  zh: string;
  line: Line;
  prefix: string; // of its order ids
}
export const partnerKey = (plat: { key: string }, region: { key: string }): Party => `emp:${plat.key}:${region.key}`;
/** The platform a party key names, and for a partner company's key also its region. */
export function partyParts<P extends { key: string }, R extends { key: string }>(key: Party, platforms: P[], regions: R[]): { platform: P; region?: R } {
  if (!key.startsWith('emp:')) return { platform: platforms.find((x) => x.key === key)! };
  const [, pk, rk] = key.split(':');
  return { platform: platforms.find((x) => x.key === pk)!, region: regions.find((x) => x.key === rk)! };
}
/** What the planting steps below read and write of a worker-platform. */
export interface PlantedWorkerPlatform {
  days: number[];
  tags: string[];
  plat: { key: string };
  intended: { 'injury-insurance': boolean };
  worker: { wps: unknown[]; insurance: InsRow[] };
}

// ------------------------------------------------------------------ spans
/**
 * Orders of one span from `start`: 15–45 min each (cancelled ones 5–14), gaps of 0–10 min,
 * some stacked. The span ends at most `len` minutes after `start` and at least ~len-25; with
 * `exact`, exactly then (the last order is stretched by at most 25 minutes to end on the minute).
 * With `stopWhenFull` the drawing stops once the span is full; without it one more order is
 * drawn and dropped, as synth.ts has always done (its sets depend on those draws).
 */
export function makeSpan(rng: Rng, start: number, len: number, o: { exact: boolean; stopWhenFull: boolean }): Order[] {
  const end = start + len;
  const orders: Order[] = [];
  let spanEnd = start;
  let lastAccept = start;
  for (;;) {
    const cancelled = orders.length > 0 && rng.chance(0.03);
    let a: number;
    if (orders.length === 0) a = start;
    else if (!cancelled && rng.chance(0.12)) a = Math.max(lastAccept + 1, spanEnd - rng.int(1, 8)); // stacked order
    else a = spanEnd + rng.int(0, 10);
    let dur = cancelled ? rng.int(5, 14) : rng.int(15, 45);
    if (a + dur > end) {
      if (end - a >= 15) dur = end - a; // (a cancelled order that would overrun becomes a normal one)
      else {
        if (o.exact && spanEnd < end) {
          const last = orders[orders.length - 1];
          last.c = end;
          last.cancelled = false;
        }
        break;
      }
    }
    // every order ends after the span's current end (stacked ones start ≤ 8 min before it, last ≥ 15)
    orders.push({ a, c: a + dur, cancelled: cancelled && dur < 15, payFen: 0 });
    lastAccept = a;
    spanEnd = Math.max(spanEnd, a + dur);
    if (o.stopWhenFull && spanEnd >= end) break;
  }
  return orders;
}

export interface Span {
  start: number;
  end: number;
}
export const BRIDGE_MIN = 20;
/** Orders merged into spans of work: an order accepted less than BRIDGE_MIN minutes after a span's end continues it. */
export function spansOf(orders: { a: number; c: number }[]): Span[] {
  const sorted = [...orders].sort((x, y) => x.a - y.a || x.c - y.c);
  const spans: Span[] = [];
  for (const o of sorted) {
    const cur = spans[spans.length - 1];
    if (cur && o.a < cur.end + BRIDGE_MIN) cur.end = Math.max(cur.end, o.c);
    else spans.push({ start: o.a, end: o.c });
  }
  return spans;
}

// ------------------------------------------------------------------ days
/**
 * One platform a day: a second platform's days without the primary platform's. Where that
 * leaves too few (< 12) or too bunched (< 50 days apart) for two months of work, every day
 * free of the primary from the day after `first` to `last`.
 */
export function secondaryDays(primary: number[], secondary: number[], first: number, last: number): number[] {
  const used = new Set(primary);
  const left = secondary.filter((d) => !used.has(d));
  if (left.length >= 12 && left[left.length - 1] - left[0] >= 50) return left;
  const free: number[] = [];
  for (let d = first + 1; d <= last; d++) if (!used.has(d)) free.push(d);
  return free;
}

// ------------------------------------------------------------------ contracts
/**
 * The written-contract violation of a worker-platform: no agreement ('none', or 'other-platform':
 * only the worker's other platform may have one), an oral one, one from ≥ 45 days after the
 * first working day ('late'), or one that expired before the window. `push` records a row
 * (`party` and `written` draw its party and written form). Returns the variant planted.
 */
export function plantMissingAgreement(
  rng: Rng,
  wp: PlantedWorkerPlatform,
  o: { windowStart: number; party: () => Party; written: () => Form; push: (row: ContractRowOf<'written_agreement'>) => void },
): string {
  const first = wp.days[0];
  const variants: string[] = ['none', 'oral', 'late', 'expired'];
  if (wp.worker.wps.length > 1) variants.push('other-platform');
  let v = rng.pick(variants);
  // 'late': the agreement starts the day after the first active day that is ≥ 45 days in,
  // so the uncovered run provably extends ≥ 45 days (none such: no agreement at all)
  const lateDay = wp.days.find((d) => d >= first + 45 && d <= first + 52);
  if (v === 'late' && lateDay === undefined) v = 'none';
  wp.tags.push(`wc:${v}`);
  if (v === 'oral') o.push({ type: 'written_agreement', start: first - rng.int(10, 300), party: o.party(), form: 'oral' });
  else if (v === 'late' && lateDay !== undefined) {
    const start = lateDay + 1;
    o.push({ type: 'written_agreement', start, party: o.party(), form: o.written(), signed: start });
  } else if (v === 'expired') {
    const end = o.windowStart - rng.int(5, 60);
    const start = end - rng.int(180, 365);
    o.push({ type: 'written_agreement', start, end, party: o.party(), form: o.written(), signed: start });
  }
  // 'none' and 'other-platform': no row for this platform (the other platform's own
  // contract, if it has one, is written for it)
  return v;
}

/**
 * How the contracts of a worker-platform that complies with written-contract run: one contract,
 * a renewal, or (agreements and part-time contracts only) one signed a few days after the first
 * working day ('grace'). Returns that and the form of each row (`written` draws a written one;
 * a part-time contract may be oral).
 */
export function pickContractCourse(rng: Rng, type: string, tags: string[], written: () => Form): { course: string; form: () => Form } {
  const course = type === 'written_agreement' || type === 'part_time_contract'
    ? rng.weighted<string>([['single', 70], ['renewal', 15], ['grace', 15]])
    : rng.weighted<string>([['single', 80], ['renewal', 20]]);
  tags.push(`wc:ok-${course}`, `type=${type}`);
  return { course, form: () => (type === 'part_time_contract' && rng.chance(0.5) ? 'oral' : written()) };
}

// ------------------------------------------------------------------ insurance
/**
 * The injury insurance of a worker-platform, as it intends (violates) injury-insurance, into its
 * worker's insurance rows. Compliant: cover (work-injury insurance, or occupational-injury
 * protection where that suffices) from before the first day, in one row or two. Violating:
 * none, accident insurance only, unpaid, lapsed, starting or ending mid-way, the wrong type
 * where work-injury insurance is required, or (on a multi-platform worker) only on the other
 * platform. `payer` draws the party paying for a row.
 */
export function plantInjuryInsurance(
  rng: Rng,
  wp: PlantedWorkerPlatform,
  o: { needsWorkInjury: boolean; window: { first: number; last: number }; payer: () => Party },
): void {
  const first = wp.days[0];
  const lastDay = wp.days[wp.days.length - 1];
  const cover: InsType = o.needsWorkInjury ? 'work_injury' : rng.chance(0.1) ? 'work_injury' : 'occupational_injury';
  const { payer } = o;
  const rows = wp.worker.insurance;
  const before = () => first - rng.int(0, 400);
  if (!wp.intended['injury-insurance']) {
    const v = rng.weighted<string>([['single', 80], ['two-rows', 20]]);
    wp.tags.push(`inj:ok-${v}`, `cover=${cover}`);
    if (v === 'single') rows.push({ type: cover, start: before(), end: rng.chance(0.6) ? undefined : o.window.last + rng.int(0, 200), party: payer(), status: 'active' });
    else {
      const split = o.window.first + rng.int(10, 45);
      rows.push({ type: cover, start: before(), end: split, party: payer(), status: 'active' });
      rows.push({ type: cover, start: split + 1, party: payer(), status: 'active' });
    }
    return;
  }
  const variants: string[] = ['none', 'accident-only', 'unpaid', 'lapsed', 'late-start', 'ended'];
  if (o.needsWorkInjury) variants.push('wrong-type');
  if (wp.worker.wps.length > 1) variants.push('other-platform-only', 'other-platform-only');
  const v = rng.pick(variants);
  wp.tags.push(`inj:${v}`);
  const afterFirst = wp.days.filter((d) => d > first + 14 && d < lastDay - 14);
  const mid = afterFirst.length ? afterFirst[Math.floor(afterFirst.length / 2)] : first + 20;
  switch (v) {
    case 'none':
    case 'other-platform-only':
      break; // (the other platform's own enrolment, if any, is written for it)
    case 'accident-only':
      rows.push({ type: 'accident', start: before(), end: o.window.last + rng.int(10, 300), party: payer(), status: 'active' });
      break;
    case 'unpaid':
      rows.push({ type: cover, start: before(), party: payer(), status: 'unpaid' });
      break;
    case 'lapsed':
      rows.push({ type: cover, start: before(), end: mid - 1, party: payer(), status: 'active' });
      rows.push({ type: cover, start: mid, party: payer(), status: 'lapsed' });
      break;
    case 'late-start':
      rows.push({ type: cover, start: mid, party: payer(), status: 'active' });
      break;
    case 'ended':
      rows.push({ type: cover, start: before(), end: mid, party: payer(), status: 'active' });
      break;
    case 'wrong-type':
      rows.push({ type: 'occupational_injury', start: before(), party: wp.plat.key, status: 'active' });
      break;
  }
}

// ------------------------------------------------------------------ pay
export interface PlannedPayRow {
  ps: number;
  pe: number;
  comparableFen: number;
  allowanceFen: number;
  overtimeFen: number;
  payDay: number;
  method: 'bank' | 'wechat' | 'alipay';
}
/**
 * A worker-platform's pay, month by month, split into the pay periods `periodsOf` gives. The pay
 * comparable with the minimum wage is, with `monthly`, a share of the monthly minimum wage
 * (well below what the month's days require for a `violator`, well above the minimum
 * otherwise), else `hourlyRate` fen for every hour of the period's spans. Each period gets a
 * pay record (allowances, overtime pay on monthly pay, paid 5–15 days after the period) unless
 * not `recorded`; `monthPay` holds each month's total either way (it becomes the order pay).
 */
export function planPay(
  rng: Rng,
  o: {
    months: Month[];
    orders: Order[];
    spans: Span[];
    periodsOf: (m: Month) => number[][];
    monthly: boolean;
    violator: boolean;
    monthlyFen: number;
    hourlyRate: number;
    recorded: boolean;
  },
): { monthPay: number[]; rows: PlannedPayRow[] } {
  const minutesIn = (ps: number, pe: number) => o.spans.filter((s) => dayOf(s.start) >= ps && dayOf(s.start) <= pe).reduce((t, s) => t + s.end - s.start, 0);
  const method = rng.pick(['bank', 'wechat', 'alipay'] as const);
  const monthPay: number[] = [];
  const rows: PlannedPayRow[] = [];
  for (const [mi, m] of o.months.entries()) {
    const activeDays = new Set(o.orders.flatMap((x) => [dayOf(x.a), dayOf(x.c)]).filter((d) => d >= m.first && d <= m.last)).size;
    let total = 0;
    for (const [ps, pe] of o.periodsOf(m)) {
      let comparable: number;
      if (o.monthly) {
        const required = o.monthlyFen * Math.min(1, activeDays / 21.75);
        comparable = Math.round(o.violator ? required * rng.real(0.5, 0.75) : o.monthlyFen * rng.real(1.3, 2.0));
      } else comparable = Math.round((o.hourlyRate * minutesIn(ps, pe)) / 60);
      total += comparable;
      if (o.recorded) {
        rows.push({
          ps,
          pe,
          comparableFen: comparable,
          allowanceFen: rng.chance(0.25) ? rng.int(100, 400) * 100 : 0,
          overtimeFen: o.monthly && rng.chance(0.3) ? rng.int(100, 500) * 100 : 0,
          payDay: pe + rng.int(5, 15),
          method,
        });
      }
    }
    monthPay[mi] = total;
  }
  return { monthPay, rows };
}

/** Order pay: `total` fen shared over `orders` by their length (give or take 15 %), exact to the fen. */
export function spreadPay(rng: Rng, orders: Order[], total: number): void {
  if (orders.length === 0) return;
  const weights = orders.map((o) => (0.5 + (o.c - o.a) / 60) * rng.real(0.85, 1.15));
  const sum = weights.reduce((s, x) => s + x, 0);
  let given = 0;
  orders.forEach((o, j) => {
    o.payFen = Math.floor((total * weights[j]) / sum);
    given += o.payFen;
  });
  for (let j = 0; given < total; j = (j + 1) % orders.length, given++) orders[j].payFen++;
}

// ------------------------------------------------------------------ re-derivation
/** The runs (first and last day) of listed days not interrupted by a covered one, where `covered` is false. */
export function uncoveredRuns(days: number[], covered: (d: number) => boolean): [number, number][] {
  let runFirst: number | undefined;
  let runLast = 0;
  const runs: [number, number][] = [];
  for (const d of days) {
    if (!covered(d)) {
      if (runFirst === undefined) runFirst = d;
      runLast = d;
    } else if (runFirst !== undefined) {
      runs.push([runFirst, runLast]);
      runFirst = undefined;
    }
  }
  if (runFirst !== undefined) runs.push([runFirst, runLast]);
  return runs;
}

// ------------------------------------------------------------------ rendering
/** The cells both generators write, in every dialect. */
export interface CommonCells<ContractType extends string, Method extends string> {
  dateTime(min: number): string;
  date(day?: number): string;
  workerId(idx: number): string;
  line(l: Line): string;
  status(cancelled: boolean): string;
  contractType(t: ContractType, variety: number): string;
  form(f: Form): string;
  insType(t: InsType): string;
  insStatus(s: InsStatus): string;
  method(m: Method): string;
}

export const fenStr = (fen: number): string => `${Math.floor(fen / 100)}.${pad(fen % 100)}`;
export const grouped = (fen: number): string => {
  const [i, d] = fenStr(fen).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
};

/** Memoised per-day string (dates repeat a lot in the orders file). */
export function perDay(fn: (day: number) => string): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) cache.set(day, (s = fn(day)));
    return s;
  };
}

/**
 * The cells both generators' English dialects write alike: ISO dates `2025-04-07` and date-times
 * `2025-04-07T08:05:00`, worker ids `W00001`, and the data contract's canonical values as they are.
 */
export function englishCells(): CommonCells<string, string> {
  const iso = perDay((day) => {
    const { y, m, d } = civil(day);
    return `${y}-${pad(m)}-${pad(d)}`;
  });
  const same = (value: string) => value;
  return {
    dateTime: (min: number) => {
      const { day, h, m } = wallClock(min);
      return `${iso(day)}T${pad(h)}:${pad(m)}:00`;
    },
    date: (day?: number) => (day === undefined ? '' : iso(day)),
    workerId: (idx: number) => `W${pad(idx + 1, 5)}`,
    status: (cancelled: boolean) => (cancelled ? 'cancelled' : 'completed'),
    line: same,
    contractType: same,
    form: same,
    insType: same,
    insStatus: same,
    method: same,
  };
}

/**
 * The cells of the orders file, a row an order: by accepted time, then worker, then platform
 * (numeric keys: fast and locale-free; at most 16 platforms), the order id being the platform's
 * prefix and the order's running number on that platform. Both generators' orders files have
 * these ten columns.
 */
export function orderFileCells<W extends { worker: { idx: number; region: unknown }; plat: PlatformNames; partner?: Party; orders: Order[] }>(
  wps: W[],
  platformIndex: (plat: W['plat']) => number,
  f: Pick<CommonCells<string, string>, 'workerId' | 'dateTime' | 'line' | 'status'> & {
    platform(p: W['plat']): string;
    party(key: Party | undefined): string;
    region(r: W['worker']['region']): string;
    money(fen: number): string;
  },
): string[][] {
  const refs: [W, Order][] = [];
  for (const wp of wps) for (const o of wp.orders) refs.push([wp, o]);
  const keys = refs.map(([wp, o]) => (o.a * 100_000 + wp.worker.idx) * 16 + platformIndex(wp.plat));
  const seq = new Map<string, number>();
  return Array.from(refs.keys())
    .sort((x, y) => keys[x] - keys[y])
    .map((i) => {
      const [wp, o] = refs[i];
      const n = (seq.get(wp.plat.key) ?? 0) + 1;
      seq.set(wp.plat.key, n);
      return [
        `${wp.plat.prefix}${pad(n, 8)}`,
        f.workerId(wp.worker.idx),
        f.dateTime(o.a),
        f.dateTime(o.c),
        f.platform(wp.plat),
        f.party(wp.partner),
        f.region(wp.worker.region),
        f.line(wp.plat.line),
        f.money(o.payFen),
        f.status(o.cancelled),
      ];
    });
}
