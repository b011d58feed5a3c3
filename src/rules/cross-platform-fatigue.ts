// 多平台合计疲劳时间: a worker's fatigue does not reset when switching apps. Each platform's
// continuous and daily limits (人社厅发〔2023〕50号 guideline art. 5; 铜人社函〔2025〕186号)
// are applied to the worker's orders on all platforms together, for the inspector to see
// where only the combined work goes over them.
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { minutesByDay, spanMinutes, type Spans } from '../assemble/spans.js';
import { formatDay } from '../time.js';
import { continuousOrderTime } from './continuous-order-time.js';
import { dailyWorkTime } from './daily-work-time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, EVIDENCE_CAP, hours } from './util.js';
import { jurisdictionOn, mergeOrders, pooledEvidence, pooledOrders, type PooledOrders } from './util-time.js';

type Limits = { max_minutes: number; break_minutes: number };

const describe = (parts: [string, number][]) => parts.map(([p, m]) => `${p} ${Math.round(m)}`).join(', ');

/** The dossiers with orders in a span, by platform, and their platforms joined with '+'. */
interface Platforms {
  ds: Dossier[];
  joined: string;
}

/**
 * The platforms of span k; undefined when it is one platform's (most spans). A worker's
 * spans mix the same few platforms over and over: each mix is worked out once, in `mixes`.
 */
function platformsOf(o: PooledOrders, spans: Spans, k: number, mixes: Map<string | number, Platforms>): Platforms | undefined {
  const first = spans.first[k];
  const last = spans.last[k];
  const d0 = o.d[first];
  let x = first + 1;
  while (x <= last && o.d[x] === d0) x++;
  if (x > last) return undefined;
  // The mix's key: a bit per dossier (a worker has a few), else the sorted indexes.
  let key: string | number;
  if (o.dossiers.length <= 30) {
    key = 0;
    for (let y = first; y <= last; y++) key |= 1 << o.d[y];
  } else key = [...new Set(o.d.subarray(first, last + 1))].sort((a, b) => a - b).join(',');
  let mix = mixes.get(key);
  if (!mix) {
    const seen = new Set<number>();
    for (let y = first; y <= last; y++) seen.add(o.d[y]);
    const ds = [...seen].map((y) => o.dossiers[y]).sort((a, b) => (a.platform < b.platform ? -1 : 1));
    mixes.set(key, (mix = { ds, joined: ds.map((d) => d.platform).join('+') }));
  }
  return mix;
}

/** The longest of some spans, in minutes. */
function longestMinutes(spans: Spans): number {
  let max = -Infinity;
  for (let k = 0; k < spans.count; k++) max = Math.max(max, spanMinutes(spans, k));
  return max;
}

function checkSpan(o: PooledOrders, spans: Spans, k: number, gap: number, ctx: RuleContext, out: RuleOutput, mixes: Map<string | number, Platforms>) {
  const mix = platformsOf(o, spans, k, mixes);
  if (!mix) return;
  const { ds, joined } = mix;
  const first = spans.first[k];
  const last = spans.last[k];
  const start = spans.start[k];
  const end = spans.end[k];
  const d0 = o.dossiers[o.d[first]];
  const j = ctx.jurisdiction(d0.strings.get(d0.regionIdAt(o.p[first])));
  const day = ctx.clock.dayOf(start);
  const { values: p, unverified } = ctx.params<Limits>(continuousOrderTime, j, day, joined);
  const total = spanMinutes(spans, k);
  if (total <= p.max_minutes) return;
  // Longest span each platform had on its own within the merged one, against its own limit.
  const own: [string, number][] = [];
  for (const d of ds) {
    const longest = longestMinutes(mergeOrders(o, gap, first, last, o.dossiers.indexOf(d)));
    if (longest > ctx.params<Limits>(continuousOrderTime, j, day, d.platform).values.max_minutes) return;
    own.push([d.platform, longest]);
  }
  const orders = last - first + 1;
  const listed: number[] = [];
  for (let x = first; x <= last && listed.length < EVIDENCE_CAP; x++) listed.push(x);
  out.finding({
    messageId: 'mergedSpan',
    data: { platforms: joined, start: ctx.clock.formatShort(start), end: ctx.clock.formatShort(end), minutes: Math.round(total), limit: p.max_minutes, byPlatform: describe(own) },
    metrics: { check: 'continuous', platforms: joined, platformCount: ds.length, minutes: Math.round(total), limitMinutes: p.max_minutes, longestSinglePlatformMinutes: Math.round(Math.max(...own.map((x) => x[1]))), orders },
    period: { from: ctx.clock.formatInstant(start), to: ctx.clock.formatInstant(end) },
    jurisdiction: j,
    platform: joined,
    unverified,
    ...pooledEvidence(ctx, o, listed, orders),
  });
}

function checkDay(day: number, total: number, o: PooledOrders, spans: Spans, dossiers: Dossier[], ctx: RuleContext, out: RuleOutput) {
  let working = 0;
  for (const d of dossiers) if ((d.dayMinutes.get(day) ?? 0) > 0) working++;
  if (working < 2) return; // (most days: no list needed)
  const ds = dossiers.filter((d) => (d.dayMinutes.get(day) ?? 0) > 0);
  const joined = ds.map((d) => d.platform).join('+');
  const j = jurisdictionOn(ds[0], ctx, day);
  const { values: p, unverified } = ctx.params<{ max_minutes: number }>(dailyWorkTime, j, day, joined);
  if (total <= p.max_minutes) return;
  for (const d of ds) if (d.dayMinutes.get(day)! > ctx.params<{ max_minutes: number }>(dailyWorkTime, j, day, d.platform).values.max_minutes) return;
  const from = ctx.clock.startOfDay(day);
  const to = ctx.clock.startOfDay(day + 1);
  const orders: number[] = [];
  for (let k = 0; k < spans.count; k++) {
    if (!(spans.end[k] > from && spans.start[k] < to)) continue;
    for (let x = spans.first[k]; x <= spans.last[k]; x++) if (o.start[x] < to && o.end[x] > from) orders.push(x);
  }
  const own: [string, number][] = ds.map((d) => [d.platform, d.dayMinutes.get(day)!]);
  out.finding({
    messageId: 'mergedDay',
    data: { platforms: joined, day: formatDay(day), minutes: Math.round(total), hours: hours(total), limit: p.max_minutes, byPlatform: describe(own) },
    metrics: { check: 'daily', platforms: joined, platformCount: ds.length, minutes: Math.round(total), limitMinutes: p.max_minutes, longestSinglePlatformMinutes: Math.round(Math.max(...own.map((x) => x[1]))), orders: orders.length },
    period: dayPeriod(day, day),
    jurisdiction: j,
    platform: joined,
    unverified,
    ...pooledEvidence(ctx, o, orders),
  });
}

export const crossPlatformFatigue: Rule<Record<string, never>> = {
  id: 'cross-platform-fatigue',
  scope: 'worker',
  defaultSeverity: 'info',
  title: { zh: '多平台合计疲劳时间超限', en: 'Fatigue across platforms over the limits' },
  description: {
    zh: '将同一劳动者在各平台的订单合并为连续工作时段（间隔不足休息时长即连续）：合并后的连续时段超过连续最长接单时间，或一日合计工作时间超过每日最长工作时间，而任何单一平台均未超限时提示（限值取自 continuous-order-time 与 daily-work-time）。',
    en: 'A worker’s orders on all platforms merged into work spans (joined while the gap is shorter than the break): a merged span longer than the continuous limit, or a day’s combined working time above the daily limit, where no single platform goes over on its own (limits from continuous-order-time and daily-work-time).',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    mergedSpan: {
      zh: '{start} 至 {end} 在 {platforms} 合计连续工作 {minutes} 分钟，超过 {limit} 分钟连续上限；单一平台均未超限（各平台最长连续分钟：{byPlatform}）',
      en: 'Continuous work of {minutes} minutes across {platforms} from {start} to {end}, over the {limit}-minute continuous limit; no single platform went over it (longest span per platform, minutes: {byPlatform})',
    },
    mergedDay: {
      zh: '{day} 在 {platforms} 合计工作 {minutes} 分钟（{hours} 小时），超过每日 {limit} 分钟上限；单一平台均未超限（各平台分钟：{byPlatform}）',
      en: '{day}: {minutes} minutes ({hours} h) of working time across {platforms}, over the daily limit of {limit} minutes; no single platform went over it (minutes per platform: {byPlatform})',
    },
  },
  requires: ['orders'],
  lawParameters: ['work_span.bridge_gap_minutes'],
  check(dossiers, ctx, out) {
    if (dossiers.length < 2) return;
    const orders = pooledOrders(dossiers);
    const first = orders.dossiers[orders.d[0]];
    const j0 = ctx.jurisdiction(first.strings.get(first.regionIdAt(orders.p[0])));
    // The break that separates spans, as continuous-order-time takes it for the first order.
    const gap = ctx.params<Limits>(continuousOrderTime, j0, ctx.clock.dayOf(orders.start[0]), first.platform).values.break_minutes;
    const spans = mergeOrders(orders, gap);
    const mixes = new Map<string | number, Platforms>();
    for (let k = 0; k < spans.count; k++) checkSpan(orders, spans, k, gap, ctx, out, mixes);
    const byDay = minutesByDay(spans, ctx.clock);
    for (const day of [...byDay.keys()].sort((a, b) => a - b)) checkDay(day, byDay.get(day)!, orders, spans, dossiers, ctx, out);
  },
};
