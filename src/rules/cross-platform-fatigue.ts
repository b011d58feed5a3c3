// 多平台合计疲劳时间: a worker's fatigue does not reset when switching apps. Each platform's
// continuous and daily limits (人社厅发〔2023〕50号 guideline art. 5; 铜人社函〔2025〕186号)
// are applied to the worker's orders on all platforms together, for the inspector to see
// where only the combined work goes over them.
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { minutesByDay } from '../assemble/spans.js';
import { formatDay, MS_PER_MINUTE } from '../time.js';
import { continuousOrderTime } from './continuous-order-time.js';
import { dailyWorkTime } from './daily-work-time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours } from './util.js';
import { jurisdictionOn, mergeOrders, pooledEvidence, pooledOrders, type PooledOrder, type PooledSpan } from './util-time.js';

type Limits = { max_minutes: number; break_minutes: number };

const platformsOf = (orders: PooledOrder[]) => [...new Set(orders.map((o) => o.d))].sort((a, b) => (a.platform < b.platform ? -1 : 1));
const minutes = (s: { start: number; end: number }) => (s.end - s.start) / MS_PER_MINUTE;
const describe = (parts: [string, number][]) => parts.map(([p, m]) => `${p} ${Math.round(m)}`).join(', ');

function checkSpan(s: PooledSpan, gap: number, ctx: RuleContext, out: RuleOutput) {
  const ds = platformsOf(s.orders);
  if (ds.length < 2) return;
  const joined = ds.map((d) => d.platform).join('+');
  const j = ctx.jurisdiction(s.orders[0].d.orderAt(s.orders[0].p).region);
  const day = ctx.clock.dayOf(s.start);
  const { values: p, unverified } = ctx.params<Limits>(continuousOrderTime, j, day, joined);
  const total = minutes(s);
  if (total <= p.max_minutes) return;
  // Longest span each platform had on its own within the merged one, against its own limit.
  const own: [string, number][] = [];
  for (const d of ds) {
    const longest = Math.max(...mergeOrders(s.orders.filter((o) => o.d === d), gap).map(minutes));
    if (longest > ctx.params<Limits>(continuousOrderTime, j, day, d.platform).values.max_minutes) return;
    own.push([d.platform, longest]);
  }
  out.finding({
    messageId: 'mergedSpan',
    data: { platforms: joined, start: ctx.clock.formatShort(s.start), end: ctx.clock.formatShort(s.end), minutes: Math.round(total), limit: p.max_minutes, byPlatform: describe(own) },
    metrics: { check: 'continuous', platforms: joined, platformCount: ds.length, minutes: Math.round(total), limitMinutes: p.max_minutes, longestSinglePlatformMinutes: Math.round(Math.max(...own.map((o) => o[1]))), orders: s.orders.length },
    period: { from: ctx.clock.formatInstant(s.start), to: ctx.clock.formatInstant(s.end) },
    jurisdiction: j,
    platform: joined,
    unverified,
    ...pooledEvidence(ctx, s.orders),
  });
}

function checkDay(day: number, total: number, spans: PooledSpan[], dossiers: Dossier[], ctx: RuleContext, out: RuleOutput) {
  const ds = dossiers.filter((d) => (d.dayMinutes.get(day) ?? 0) > 0);
  if (ds.length < 2) return;
  const joined = ds.map((d) => d.platform).join('+');
  const j = jurisdictionOn(ds[0], ctx, day);
  const { values: p, unverified } = ctx.params<{ max_minutes: number }>(dailyWorkTime, j, day, joined);
  if (total <= p.max_minutes) return;
  for (const d of ds) if (d.dayMinutes.get(day)! > ctx.params<{ max_minutes: number }>(dailyWorkTime, j, day, d.platform).values.max_minutes) return;
  const from = ctx.clock.startOfDay(day);
  const to = ctx.clock.startOfDay(day + 1);
  const orders = spans.flatMap((s) => (s.end > from && s.start < to ? s.orders : [])).filter((o) => o.start < to && o.end > from);
  const own: [string, number][] = ds.map((d) => [d.platform, d.dayMinutes.get(day)!]);
  out.finding({
    messageId: 'mergedDay',
    data: { platforms: joined, day: formatDay(day), minutes: Math.round(total), hours: hours(total), limit: p.max_minutes, byPlatform: describe(own) },
    metrics: { check: 'daily', platforms: joined, platformCount: ds.length, minutes: Math.round(total), limitMinutes: p.max_minutes, longestSinglePlatformMinutes: Math.round(Math.max(...own.map((o) => o[1]))), orders: orders.length },
    period: dayPeriod(day, day),
    jurisdiction: j,
    platform: joined,
    unverified,
    ...pooledEvidence(ctx, orders),
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
  check(dossiers, ctx, out) {
    if (dossiers.length < 2) return;
    const orders = pooledOrders(dossiers);
    const first = orders[0];
    const j0 = ctx.jurisdiction(first.d.orderAt(first.p).region);
    // The break that separates spans, as continuous-order-time takes it for the first order.
    const gap = ctx.params<Limits>(continuousOrderTime, j0, ctx.clock.dayOf(first.start), first.d.platform).values.break_minutes;
    const spans = mergeOrders(orders, gap);
    for (const s of spans) checkSpan(s, gap, ctx, out);
    const byDay = minutesByDay(spans, ctx.clock);
    for (const day of [...byDay.keys()].sort((a, b) => a - b)) checkDay(day, byDay.get(day)!, spans, dossiers, ctx, out);
  },
};
