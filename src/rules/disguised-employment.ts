// 变相用工 / 转为个体工商户: platforms and partner companies may not induce or compel workers
// to register as individual businesses to evade employer obligations (永人社发〔2025〕20号
// item 3; 人社部发〔2021〕56号 art. 1). Full-time, every-day work under a cooperation
// agreement or individual-business form is a strong indicator that the relation is
// employment or the intermediate category (劳社部发〔2005〕12号 art. 1: management and
// integral part of the business).
import { z } from 'zod';
import { monthOf, type Dossier } from '../assemble/index.js';
import { firstDayOfMonth, formatMonth, lastDayOfMonth } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours, orderEvidence } from './util.js';
import { daysWithRelation, firstOrders, groupBy, INDEPENDENT, minutesOf } from './util-time.js';

const params = z.object({ min_active_days: z.number().int().positive(), min_average_minutes: z.number().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const [month, days] of groupBy(daysWithRelation(d, INDEPENDENT), monthOf)) {
    const first = firstDayOfMonth(month);
    const last = lastDayOfMonth(month);
    const j = ctx.jurisdictionOf(d, first, last);
    const { values: p, unverified } = ctx.params<Params>(disguisedEmployment, j, days[0], d.platform);
    const minutes = minutesOf(d, days);
    const average = minutes / days.length;
    if (days.length < p.min_active_days || average < p.min_average_minutes) continue;
    const contract = d.contractOn(days[days.length - 1]);
    out.finding({
      messageId: contract?.contractType === 'individual_business' ? 'individualBusiness' : 'cooperationAgreement',
      data: { month: formatMonth(month), days: days.length, average: hours(average), hours: hours(minutes) },
      metrics: {
        month: formatMonth(month),
        contractType: contract?.contractType ?? '',
        activeDays: days.length,
        hours: hours(minutes),
        averageHoursPerDay: hours(average),
        minActiveDays: p.min_active_days,
        minAverageHours: hours(p.min_average_minutes),
      },
      period: dayPeriod(first, last),
      jurisdiction: j,
      unverified,
      ...orderEvidence(d, ctx, firstOrders(d, days)),
    });
  }
}

export const disguisedEmployment: Rule<Params> = {
  id: 'disguised-employment',
  scope: 'worker-platform',
  defaultSeverity: 'warning',
  title: { zh: '疑似以合作协议或个体工商户形式规避用工责任', en: 'Employee-like work under a civil-law form' },
  description: {
    zh: '以合作协议、承揽协议或个体工商户形式接单的劳动者，一个自然月内接单天数不少于最低天数（默认20天）且平均每日工作时间不少于下限（默认6小时）：工作模式接近全日制用工，应复核用工关系的定性。',
    en: 'A worker under a cooperation agreement or as an individual business with at least the minimum active days (20 by default) and at least the minimum average working time per active day (6 hours by default) in a calendar month: a full-time, employee-like pattern; the relation should be reviewed.',
  },
  parameters: params,
  messages: {
    cooperationAgreement: {
      zh: '{month} 以合作协议形式接单 {days} 天，平均每日工作 {average} 小时（共 {hours} 小时），工作模式接近全日制用工',
      en: '{month}: {days} active days under a cooperation agreement, {average} h a day on average ({hours} h in all): an employee-like pattern',
    },
    individualBusiness: {
      zh: '{month} 以个体工商户形式接单 {days} 天，平均每日工作 {average} 小时（共 {hours} 小时），工作模式接近全日制用工',
      en: '{month}: {days} active days as an individual business, {average} h a day on average ({hours} h in all): an employee-like pattern',
    },
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
