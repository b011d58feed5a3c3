// 非全日制用工: paid by the hour, generally at most 4 hours a day on average and at most 24
// hours a week with the same employer (劳动合同法 art. 68). Part-time contracts whose work
// goes beyond that are full-time employment under another name.
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours, orderEvidence } from './util.js';
import { daysWithRelation, firstOrders, groupBy, jurisdictionOn, minutesOf, PART_TIME, weekStart } from './util-time.js';

const params = z.object({ weekly_max_minutes: z.number().positive(), daily_average_max_minutes: z.number().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  const weeks = groupBy(daysWithRelation(d, PART_TIME), weekStart);
  for (const [monday, days] of weeks) {
    const sunday = monday + 6;
    const { values: p, unverified } = ctx.params<Params>(partTimeHours, jurisdictionOn(d, ctx, days[0]), days[0], d.platform);
    const minutes = minutesOf(d, days);
    const average = minutes / days.length;
    const overWeek = minutes > p.weekly_max_minutes;
    const overAverage = average > p.daily_average_max_minutes;
    if (!overWeek && !overAverage) continue;
    const j = ctx.jurisdictionOf(d, monday, sunday);
    out.finding({
      messageId: overWeek ? 'weeklyHours' : 'dailyAverage',
      data: {
        from: formatDay(monday),
        to: formatDay(sunday),
        hours: hours(minutes),
        days: days.length,
        average: hours(average),
        weeklyMax: hours(p.weekly_max_minutes),
        averageMax: hours(p.daily_average_max_minutes),
      },
      metrics: {
        week: formatDay(monday),
        weekHours: hours(minutes),
        activeDays: days.length,
        averageHoursPerDay: hours(average),
        weeklyMaxHours: hours(p.weekly_max_minutes),
        dailyAverageMaxHours: hours(p.daily_average_max_minutes),
        overWeeklyMax: overWeek,
        overDailyAverage: overAverage,
      },
      period: dayPeriod(monday, sunday),
      jurisdiction: j,
      unverified,
      ...orderEvidence(d, ctx, firstOrders(d, days)),
    });
  }
}

export const partTimeHours: Rule<Params> = {
  id: 'part-time-hours',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '非全日制用工超时（用工形式定性不当）', en: 'Part-time hours exceeded (relation misclassified)' },
  description: {
    zh: '非全日制劳动合同：一个ISO周（周一至周日）内工作时间超过24小时，或当周接单日平均每日超过4小时，即超出非全日制用工的法定范围，实为全日制用工。',
    en: 'Part-time contract: more than 24 hours of working time in an ISO week (Monday to Sunday), or more than 4 hours a day on average over the week’s active days, is beyond what part-time work allows: the relation is in fact full-time employment.',
  },
  parameters: params,
  messages: {
    weeklyHours: {
      zh: '{from} 至 {to} 当周工作 {hours} 小时（{days} 天），超过非全日制每周 {weeklyMax} 小时上限，用工形式定性不当',
      en: 'Week of {from} to {to}: {hours} h worked on {days} days, over the part-time maximum of {weeklyMax} h a week: the relation is misclassified',
    },
    dailyAverage: {
      zh: '{from} 至 {to} 当周平均每日工作 {average} 小时（{days} 天共 {hours} 小时），超过非全日制平均每日 {averageMax} 小时上限，用工形式定性不当',
      en: 'Week of {from} to {to}: {average} h a day on average ({hours} h on {days} days), over the part-time average of {averageMax} h a day: the relation is misclassified',
    },
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
