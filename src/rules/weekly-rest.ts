// 每周休息: the employer must ensure at least one day of rest a week (劳动法 art. 38;
// 国务院关于职工工作时间的规定 art. 7). Work on 7 or more consecutive calendar days under a
// labour or dispatch relation denies it.
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours, orderEvidence } from './util.js';
import { consecutiveRuns, daysWithRelation, EMPLOYEE, firstOrders, jurisdictionOn, minutesOf } from './util-time.js';

const params = z.object({ max_consecutive_days: z.number().int().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const run of consecutiveRuns(daysWithRelation(d, EMPLOYEE))) {
    const first = run[0];
    const last = run[run.length - 1];
    const { values: p, unverified } = ctx.params<Params>(weeklyRest, jurisdictionOn(d, ctx, first), first, d.platform);
    if (run.length <= p.max_consecutive_days) continue;
    const j = ctx.jurisdictionOf(d, first, last);
    const ev = orderEvidence(d, ctx, firstOrders(d, run));
    out.finding({
      messageId: 'noWeeklyRest',
      data: { first: formatDay(first), last: formatDay(last), days: run.length, max: p.max_consecutive_days },
      metrics: {
        firstDay: formatDay(first),
        lastDay: formatDay(last),
        consecutiveDays: run.length,
        maxConsecutiveDays: p.max_consecutive_days,
        // The first day worked without the rest day that was due.
        firstDayWithoutRest: formatDay(first + p.max_consecutive_days),
        hours: hours(minutesOf(d, run)),
        relation: d.relationOn(last),
      },
      period: dayPeriod(first, last),
      jurisdiction: j,
      unverified,
      ...ev,
    });
  }
}

export const weeklyRest: Rule<Params> = {
  id: 'weekly-rest',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '未保证每周至少休息一日', en: 'No weekly rest day' },
  description: {
    zh: '劳动关系或劳务派遣：连续接单的自然日超过最长连续工作天数（默认6天，即连续7天及以上）即未保证每周至少休息一日。',
    en: 'Labour or dispatch relation: work on more consecutive calendar days than the maximum (6 by default, so 7 or more in a row) denies the weekly rest day.',
  },
  parameters: params,
  messages: {
    noWeeklyRest: {
      zh: '{first} 至 {last} 连续 {days} 天接单，未安排休息日（最多连续 {max} 天）',
      en: 'Worked {days} consecutive days from {first} to {last} without a rest day (at most {max} in a row)',
    },
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
