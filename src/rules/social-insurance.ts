// 社会保险: an employer enrols its employees in basic pension and medical insurance and pays
// their contributions monthly (劳动法 art. 72; 社会保险法 art. 10, 23, 58, 60); platforms must
// do so for workers in a labour relation (城人社发〔2022〕97号 (九); 永人社发〔2025〕20号 item 8).
// A dispatch agency insures the workers it dispatches (劳动合同法 art. 58–59).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { InsuranceRecord, InsuranceType } from '../model.js';
import { firstDayOfMonth, formatDay, formatMonth, lastDayOfMonth } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, orderEvidence, recordEvidence, runsOf } from './util.js';
import { activeDaysByMonth, EMPLOYEE } from './util-pay.js';

const REQUIRED: InsuranceType[] = ['pension', 'medical'];

type Month = { month: number; days: number[]; missing: InsuranceType[]; notPaid: boolean };

/** Contributions are monthly: an enrolment counts for a month it overlaps. */
const overlaps = (r: InsuranceRecord, first: number, last: number) => r.startDay <= last && (r.endDay === undefined || r.endDay >= first);

function monthStatus(d: Dossier, month: number, days: number[]): Month {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const inMonth = (t: InsuranceType) => d.insurance.filter((r) => r.insuranceType === t && overlaps(r, first, last));
  const missing = REQUIRED.filter((t) => !inMonth(t).some((r) => r.status === 'active'));
  const notPaid = missing.length > 0 && missing.every((t) => inMonth(t).length > 0);
  return { month, days, missing, notPaid };
}

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  const months: Month[] = [];
  for (const [m, all] of activeDaysByMonth(d)) {
    const days = all.filter((day) => EMPLOYEE.has(d.relationOn(day)));
    if (days.length) months.push(monthStatus(d, m, days));
  }
  const key = (s: Month) => `${s.missing.join(',')}|${s.notPaid}`;
  const runs = runsOf(months, (a, b) => b.month === a.month + 1 && key(a) === key(b)).filter((r) => r[0].missing.length > 0);
  for (const run of runs) {
    const first = run[0].days[0];
    const lastRun = run[run.length - 1];
    const last = lastRun.days[lastRun.days.length - 1];
    const { missing, notPaid } = run[0];
    const positions: number[] = [];
    for (const m of run) {
      const p = d.firstOrderOn(m.days[0]);
      if (p >= 0) positions.push(p);
    }
    const ev = orderEvidence(d, ctx, positions, () => 'first order of the month');
    const enrolments = d.insurance
      .filter((r) => REQUIRED.includes(r.insuranceType))
      .map((r) => recordEvidence(ctx, r, `${r.insuranceType} ${r.status} ${formatDay(r.startDay)}–${r.endDay === undefined ? '' : formatDay(r.endDay)}`));
    const months = run.map((m) => formatMonth(m.month));
    out.finding({
      messageId: notPaid ? 'notPaid' : missing.length === 2 ? 'missingBoth' : missing[0] === 'pension' ? 'missingPension' : 'missingMedical',
      data: { from: months[0], to: months[months.length - 1], months: run.length, platform: d.platform },
      metrics: {
        firstMonth: months[0],
        lastMonth: months[months.length - 1],
        months: run.length,
        activeDays: run.reduce((n, m) => n + m.days.length, 0),
        missing: missing.join(','),
        relation: d.relationOn(first),
      },
      period: dayPeriod(first, last),
      jurisdiction: ctx.jurisdictionOf(d, first, last),
      evidence: [...enrolments, ...ev.evidence],
      evidenceOmitted: ev.evidenceOmitted,
    });
  }
}

export const socialInsurance: Rule<Record<string, never>> = {
  id: 'social-insurance',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '劳动关系未缴纳养老、医疗保险', en: 'Employees without pension and medical insurance' },
  description: {
    zh: '劳动关系或劳务派遣的劳动者，每个有接单的月份都应有该平台（或其合作用工企业、派遣单位）缴费且状态正常的职工基本养老保险和基本医疗保险；欠费或停保不算。连续月份合并为一条。',
    en: 'For labour and dispatch relations, each month with active days needs pension and medical insurance paid by that platform (or its partner company or dispatch agency) and in force; unpaid or lapsed enrolments do not count. Consecutive months are reported together.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    missingBoth: {
      zh: '{from} 至 {to}（{months} 个月）为劳动关系，{platform}未缴纳基本养老保险和基本医疗保险',
      en: '{from} to {to} ({months} months) in a labour relation without pension or medical insurance paid by {platform}',
    },
    missingPension: {
      zh: '{from} 至 {to}（{months} 个月）为劳动关系，{platform}未缴纳基本养老保险',
      en: '{from} to {to} ({months} months) in a labour relation without pension insurance paid by {platform}',
    },
    missingMedical: {
      zh: '{from} 至 {to}（{months} 个月）为劳动关系，{platform}未缴纳基本医疗保险',
      en: '{from} to {to} ({months} months) in a labour relation without medical insurance paid by {platform}',
    },
    notPaid: {
      zh: '{from} 至 {to}（{months} 个月）为劳动关系，养老或医疗保险参保记录为欠费或停保状态',
      en: '{from} to {to} ({months} months) in a labour relation where the pension or medical enrolment is unpaid or lapsed',
    },
  },
  requires: ['orders', 'contracts', 'insurance'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
