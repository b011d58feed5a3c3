// 延长工作时间: overtime may generally not exceed 1 hour a day, 3 hours a day for special
// reasons, and 36 hours a month (劳动法 art. 41; 城人社发〔2022〕97号 (七)); standard hours are
// 8 a day and 40 a week (劳动法 art. 36; 国务院关于职工工作时间的规定 art. 3).
import { z } from 'zod';
import { monthOf, type Dossier } from '../assemble/index.js';
import { firstDayOfMonth, formatDay, formatMonth, lastDayOfMonth } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours, orderEvidence } from './util.js';
import { daysWithRelation, EMPLOYEE, firstOrders, jurisdictionOn, ordersTouching, weekStart } from './util-time.js';

const params = z.object({
  daily_standard_minutes: z.number().positive(),
  daily_max_overtime_minutes: z.number().nonnegative(),
  weekly_standard_minutes: z.number().positive(),
  monthly_max_overtime_minutes: z.number().nonnegative(),
});
type Params = z.infer<typeof params>;

interface MonthTally {
  daily: number;
  weekly: number;
  days: number[]; // days with overtime
}

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  const months = new Map<number, MonthTally>();
  let week = Number.NaN;
  let regular = 0; // standard-time minutes so far in the ISO week
  for (const day of daysWithRelation(d, EMPLOYEE)) {
    const minutes = d.dayMinutes.get(day) ?? 0;
    const j = jurisdictionOn(d, ctx, day);
    const { values: p, unverified } = ctx.params<Params>(overtimeLimit, j, day, d.platform);
    const dailyOver = Math.max(0, minutes - p.daily_standard_minutes);
    if (minutes > p.daily_standard_minutes + p.daily_max_overtime_minutes) {
      const limit = p.daily_standard_minutes + p.daily_max_overtime_minutes;
      out.finding({
        messageId: 'dailyOvertime',
        data: { day: formatDay(day), hours: hours(minutes), overtime: hours(dailyOver), limit: hours(limit), maxOvertime: hours(p.daily_max_overtime_minutes) },
        metrics: { check: 'daily', day: formatDay(day), hours: hours(minutes), overtimeHours: hours(dailyOver), limitHours: hours(limit), overHours: hours(minutes - limit) },
        period: dayPeriod(day, day),
        jurisdiction: j,
        unverified,
        ...orderEvidence(d, ctx, ordersTouching(d, day)),
      });
    }
    // Weekly overtime is standard-time work beyond the weekly hours, not counted by day already.
    if (weekStart(day) !== week) [week, regular] = [weekStart(day), 0];
    const standard = minutes - dailyOver;
    const weeklyOver = Math.max(0, regular + standard - p.weekly_standard_minutes) - Math.max(0, regular - p.weekly_standard_minutes);
    regular += standard;
    if (dailyOver + weeklyOver <= 0) continue;
    const m = months.get(monthOf(day)) ?? { daily: 0, weekly: 0, days: [] };
    months.set(monthOf(day), m);
    m.daily += dailyOver;
    m.weekly += weeklyOver;
    m.days.push(day);
  }
  for (const [month, m] of months) {
    const first = firstDayOfMonth(month);
    const last = lastDayOfMonth(month);
    const j = ctx.jurisdictionOf(d, first, last);
    const { values: p, unverified } = ctx.params<Params>(overtimeLimit, j, m.days[0], d.platform);
    const total = m.daily + m.weekly;
    if (total <= p.monthly_max_overtime_minutes) continue;
    out.finding({
      messageId: 'monthlyOvertime',
      data: { month: formatMonth(month), overtime: hours(total), limit: hours(p.monthly_max_overtime_minutes), days: m.days.length },
      metrics: {
        check: 'monthly',
        month: formatMonth(month),
        overtimeHours: hours(total),
        dailyOvertimeHours: hours(m.daily),
        weeklyOvertimeHours: hours(m.weekly),
        limitHours: hours(p.monthly_max_overtime_minutes),
        overHours: hours(total - p.monthly_max_overtime_minutes),
        daysWithOvertime: m.days.length,
      },
      period: dayPeriod(first, last),
      jurisdiction: j,
      unverified,
      ...orderEvidence(d, ctx, firstOrders(d, m.days)),
    });
  }
}

export const overtimeLimit: Rule<Params> = {
  id: 'overtime-limit',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '延长工作时间超过法定上限', en: 'Overtime above the statutory limits' },
  description: {
    zh: '劳动关系或劳务派遣：一日工作时间超过标准工作时间加每日最长延长时间（默认8+3小时），或一个月的延长工作时间（每日超过8小时的部分，加上每周超过40小时且未按日计入的部分）超过36小时。',
    en: 'Labour or dispatch relation: working time in a day above the standard day plus the daily overtime maximum (8 + 3 hours by default), or overtime in a calendar month (time above 8 hours a day, plus time above 40 hours a week not already counted by day) above 36 hours.',
  },
  parameters: params,
  messages: {
    dailyOvertime: {
      zh: '{day} 工作 {hours} 小时，延长工作时间 {overtime} 小时，超过每日上限 {limit} 小时（延长不超过 {maxOvertime} 小时）',
      en: '{day}: {hours} h worked, {overtime} h of overtime, over the daily maximum of {limit} h (at most {maxOvertime} h of overtime)',
    },
    monthlyOvertime: {
      zh: '{month} 延长工作时间合计 {overtime} 小时（{days} 天），超过每月 {limit} 小时上限',
      en: '{month}: {overtime} h of overtime on {days} days, over the monthly maximum of {limit} h',
    },
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
