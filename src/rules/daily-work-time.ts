// 每日最长工作时间: the company and the union or worker representatives negotiate a maximum
// daily working time; when a worker reaches it the system must push a rest reminder and
// stop dispatching (人社厅发〔2023〕50号 guideline art. 4–5; 永人社发〔2025〕20号 item 6).
// Working time = order time plus online waiting inside a span (guideline art. 4).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours, orderEvidence } from './util.js';
import { jurisdictionOn, ordersTouching } from './util-time.js';

const params = z.object({ max_minutes: z.number().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const day of d.minuteDays) {
    const minutes = d.dayMinutes.get(day)!;
    const j = jurisdictionOn(d, ctx, day);
    const { values: p, unverified } = ctx.params<Params>(dailyWorkTime, j, day, d.platform);
    if (minutes <= p.max_minutes) continue;
    const positions = ordersTouching(d, day);
    out.finding({
      messageId: 'overDailyLimit',
      data: { day: formatDay(day), minutes: Math.round(minutes), hours: hours(minutes), limit: p.max_minutes, orders: positions.length },
      metrics: {
        day: formatDay(day),
        minutes: Math.round(minutes),
        hours: hours(minutes),
        limitMinutes: p.max_minutes,
        overMinutes: Math.round(minutes - p.max_minutes),
        orders: positions.length,
      },
      period: dayPeriod(day, day),
      jurisdiction: j,
      unverified,
      ...orderEvidence(d, ctx, positions),
    });
  }
}

export const dailyWorkTime: Rule<Params> = {
  id: 'daily-work-time',
  scope: 'worker-platform',
  defaultSeverity: 'warning',
  title: { zh: '每日工作时间超限', en: 'Daily working time over the limit' },
  description: {
    zh: '一个自然日内的工作时间（接单时间加连续时段内的等单时间，跨零点的时段按零点拆分）超过每日最长工作时间（默认720分钟）即为超限：系统应推送休息提示并停止派单。',
    en: 'Working time in a calendar day (order time plus waiting inside work spans, spans split at midnight) above the maximum daily working time (720 minutes by default): the system should have pushed a rest reminder and stopped dispatching.',
  },
  parameters: params,
  messages: {
    overDailyLimit: {
      zh: '{day} 工作时间 {minutes} 分钟（{hours} 小时，{orders} 单），超过每日 {limit} 分钟上限',
      en: '{day}: {minutes} minutes of working time ({hours} h, {orders} orders), over the daily limit of {limit} minutes',
    },
  },
  requires: ['orders'],
  lawParameters: ['work_span.bridge_gap_minutes'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
