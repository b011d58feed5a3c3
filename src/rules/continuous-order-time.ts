// 连续最长接单时间: when a worker reaches the negotiated continuous limit the system must push
// a rest reminder and stop dispatching for a while (人社厅发〔2023〕50号 guideline art. 5;
// 永人社发〔2025〕20号 item 6; 铜人社函〔2025〕186号 "连续接单4小时后暂停派单").
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { buildSpans, spanMinutes, type Spans } from '../assemble/spans.js';
import { MS_PER_MINUTE } from '../time.js';
import type { Jurisdiction } from '../law/types.js';
import type { ResolvedParams, Rule, RuleContext, RuleOutput } from './types.js';
import { orderEvidence } from './util.js';

const params = z.object({ max_minutes: z.number().positive(), break_minutes: z.number().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  // The break that separates spans is the one in force where and when the work starts; the
  // limit is looked up per span (as of its day; a platform's negotiated limit from --config).
  const { log, sorted, strings } = d;
  const acc = log.acceptedAt;
  const region = log.region;
  const i0 = sorted[0];
  const p0 = ctx.params<Params>(continuousOrderTime, ctx.jurisdiction(strings.get(region[i0])), ctx.clock.dayOf(acc[i0]), d.platform);
  // With the break equal to the bridge gap (as in the rulesets), these are the dossier's own spans.
  const spans = p0.values.break_minutes === d.bridgeGap ? d.spans : buildSpans(log, sorted, p0.values.break_minutes);
  // Consecutive spans mostly share region and day: their jurisdiction and parameters are
  // taken again only when one of them changes (the answers are the same).
  let lastRegion = -2;
  let j: Jurisdiction | undefined;
  let lastJ: Jurisdiction | undefined;
  let lastDay = NaN;
  let resolved: ResolvedParams<Params> | undefined;
  const accDay = d.accDay;
  const sameClock = d.clock === ctx.clock;
  for (let k = 0; k < spans.count; k++) {
    const first = spans.first[k];
    const r = region[sorted[first]];
    if (r !== lastRegion) {
      j = ctx.jurisdiction(strings.get(r));
      lastRegion = r;
    }
    // The span starts with its first order: its day is that order's (when the clocks agree).
    const day = sameClock ? accDay[first] : ctx.clock.dayOf(spans.start[k]);
    if (resolved === undefined || j !== lastJ || day !== lastDay) {
      resolved = ctx.params<Params>(continuousOrderTime, j, day, d.platform);
      lastJ = j;
      lastDay = day;
    }
    if ((spans.end[k] - spans.start[k]) / MS_PER_MINUTE <= resolved.values.max_minutes) continue;
    reportSpan(d, ctx, out, spans, k, j, resolved);
  }
}

/** The finding of span k, over the limit. */
function reportSpan(d: Dossier, ctx: RuleContext, out: RuleOutput, spans: Spans, k: number, j: Jurisdiction | undefined, resolved: ResolvedParams<Params>) {
  const { sorted } = d;
  const acc = d.log.acceptedAt;
  const first = spans.first[k];
  const last = spans.last[k];
  const start = spans.start[k];
  const end = spans.end[k];
  const { values: p, unverified } = resolved;
  const minutes = spanMinutes(spans, k);
  const limitAt = start + p.max_minutes * MS_PER_MINUTE;
  const positions: number[] = [];
  let afterLimit: number | undefined;
  for (let q = first; q <= last; q++) {
    positions.push(q);
    if (afterLimit === undefined && acc[sorted[q]] >= limitAt) afterLimit = q;
  }
  const ordered = afterLimit === undefined ? positions : [afterLimit, ...positions.filter((q) => q !== afterLimit)];
  const ev = orderEvidence(d, ctx, ordered, (q) => (q === afterLimit ? 'first order accepted after the limit' : undefined));
  const after = afterLimit === undefined ? undefined : d.orderAt(afterLimit);
  out.finding({
    messageId: after ? 'overLimitDispatched' : 'overLimit',
    data: {
      start: ctx.clock.formatShort(start),
      end: ctx.clock.formatShort(end),
      minutes: Math.round(minutes),
      limit: p.max_minutes,
      break: p.break_minutes,
      orders: last - first + 1,
      after: after ? after.orderId : '',
      afterAt: after ? ctx.clock.formatShort(after.acceptedAt) : '',
    },
    metrics: {
      minutes: Math.round(minutes),
      limitMinutes: p.max_minutes,
      overMinutes: Math.round(minutes - p.max_minutes),
      breakMinutes: p.break_minutes,
      orders: last - first + 1,
      ...(after ? { firstOrderAfterLimit: after.orderId, ordersAfterLimit: positions.filter((q) => acc[sorted[q]] >= limitAt).length } : {}),
    },
    period: { from: ctx.clock.formatInstant(start), to: ctx.clock.formatInstant(end) },
    jurisdiction: j,
    unverified,
    ...ev,
  });
}

export const continuousOrderTime: Rule<Params> = {
  id: 'continuous-order-time',
  scope: 'worker-platform',
  defaultSeverity: 'warning',
  title: { zh: '连续接单时间超限', en: 'Continuous order time over the limit' },
  description: {
    zh: '连续工作时段（订单之间间隔不足休息时长即视为连续，等单时间计入）超过连续最长接单时间（默认240分钟）即为超限：系统应推送休息提示并暂停派单。平台协商的限值可在配置文件中按平台设置。',
    en: 'A work span (orders joined while the gap is shorter than the break, waiting time included) longer than the continuous limit (240 minutes by default) is a breach: the system should have pushed a rest reminder and stopped dispatching. A platform’s negotiated limit can be set per platform in the config file.',
  },
  parameters: params,
  messages: {
    overLimitDispatched: {
      zh: '{start} 至 {end} 连续接单 {minutes} 分钟（{orders} 单），超过 {limit} 分钟上限且未安排 {break} 分钟休息；达到上限后仍派单（{afterAt} 订单 {after}）',
      en: 'Continuous order time of {minutes} minutes ({orders} orders) from {start} to {end}, over the {limit}-minute limit without a {break}-minute break; orders were still dispatched after the limit ({after} at {afterAt})',
    },
    overLimit: {
      zh: '{start} 至 {end} 连续接单 {minutes} 分钟（{orders} 单），超过 {limit} 分钟上限且未安排 {break} 分钟休息',
      en: 'Continuous order time of {minutes} minutes ({orders} orders) from {start} to {end}, over the {limit}-minute limit without a {break}-minute break',
    },
  },
  requires: ['orders'],
  lawParameters: ['work_span.bridge_gap_minutes'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
