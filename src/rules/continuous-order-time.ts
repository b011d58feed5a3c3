// 连续最长接单时间: when a worker reaches the negotiated continuous limit the system must push
// a rest reminder and stop dispatching for a while (人社厅发〔2023〕50号 guideline art. 5;
// 永人社发〔2025〕20号 item 6; 铜人社函〔2025〕186号 "连续接单4小时后暂停派单").
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { buildSpans, spanMinutes } from '../assemble/spans.js';
import { MS_PER_MINUTE } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { orderEvidence } from './util.js';

const params = z.object({ max_minutes: z.number().positive(), break_minutes: z.number().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  // The break that separates spans is the one in force where and when the work starts; the
  // limit is looked up per span (as of its day; a platform's negotiated limit from --config).
  const first = d.orderAt(0);
  const p0 = ctx.params<Params>(continuousOrderTime, ctx.jurisdiction(first.region), ctx.clock.dayOf(first.acceptedAt), d.platform);
  const spans = buildSpans(d.log, d.sorted, p0.values.break_minutes);
  for (const s of spans) {
    const j = ctx.jurisdiction(d.orderAt(s.first).region);
    const { values: p, unverified } = ctx.params<Params>(continuousOrderTime, j, ctx.clock.dayOf(s.start), d.platform);
    const minutes = spanMinutes(s);
    if (minutes <= p.max_minutes) continue;
    const limitAt = s.start + p.max_minutes * MS_PER_MINUTE;
    const positions: number[] = [];
    let afterLimit: number | undefined;
    for (let q = s.first; q <= s.last; q++) {
      positions.push(q);
      if (afterLimit === undefined && d.orderAt(q).acceptedAt >= limitAt) afterLimit = q;
    }
    const ordered = afterLimit === undefined ? positions : [afterLimit, ...positions.filter((q) => q !== afterLimit)];
    const ev = orderEvidence(d, ctx, ordered, (q) => (q === afterLimit ? 'first order accepted after the limit' : undefined));
    const after = afterLimit === undefined ? undefined : d.orderAt(afterLimit);
    out.finding({
      messageId: after ? 'overLimitDispatched' : 'overLimit',
      data: {
        start: ctx.clock.formatShort(s.start),
        end: ctx.clock.formatShort(s.end),
        minutes: Math.round(minutes),
        limit: p.max_minutes,
        break: p.break_minutes,
        orders: s.last - s.first + 1,
        after: after ? after.orderId : '',
        afterAt: after ? ctx.clock.formatShort(after.acceptedAt) : '',
      },
      metrics: {
        minutes: Math.round(minutes),
        limitMinutes: p.max_minutes,
        overMinutes: Math.round(minutes - p.max_minutes),
        breakMinutes: p.break_minutes,
        orders: s.last - s.first + 1,
        ...(after ? { firstOrderAfterLimit: after.orderId, ordersAfterLimit: positions.filter((q) => d.orderAt(q).acceptedAt >= limitAt).length } : {}),
      },
      period: { from: ctx.clock.formatInstant(s.start), to: ctx.clock.formatInstant(s.end) },
      jurisdiction: j,
      unverified,
      ...ev,
    });
  }
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
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
