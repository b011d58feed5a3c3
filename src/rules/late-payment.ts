// 按时足额支付: pay on the agreed date, at least monthly, without unjustified delay (劳动法
// art. 50; 工资支付暂行规定 art. 7; 保障农民工工资支付条例 art. 12–14; 劳部发〔1995〕226号 on
// 无故拖欠); part-time pay is settled at most every 15 days (劳动合同法 art. 72). Unpaid
// pay is owed with 50–100 % compensation once ordered (劳动合同法 art. 85).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { PayRecord } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, yuan } from './util.js';
import { auditedUntil, paidFen, payColumn, payEvidence, periodDays, relationOver } from './util-pay.js';

const params = z.object({
  max_days_after_period: z.number().int().nonnegative(),
  part_time_max_period_days: z.number().int().positive(),
});
type Params = z.infer<typeof params>;

function checkRecord(d: Dossier, r: PayRecord, today: number, havePayDate: boolean, ctx: RuleContext, out: RuleOutput) {
  const j = ctx.jurisdictionOf(d, r.periodStart, r.periodEnd);
  const { values: p, unverified } = ctx.params<Params>(latePayment, j, r.periodEnd, d.platform);
  const relation = relationOver(d, r.periodStart, r.periodEnd);
  const longCycle = relation === 'part_time' && periodDays(r) > p.part_time_max_period_days;
  let state: 'late' | 'unpaid' | undefined;
  let daysAfter: number | undefined;
  if (r.payDate !== undefined) {
    daysAfter = r.payDate - r.periodEnd;
    if (daysAfter > p.max_days_after_period) state = 'late';
  } else if (havePayDate) {
    daysAfter = today - r.periodEnd;
    if (daysAfter > p.max_days_after_period) state = 'unpaid';
  }
  if (!state && !longCycle) return;

  const messageId = longCycle ? (state ? `partTimeCycle${state === 'late' ? 'Late' : 'Unpaid'}` : 'partTimeCycle') : state!;
  out.finding({
    messageId,
    data: {
      from: formatDay(r.periodStart),
      to: formatDay(r.periodEnd),
      paid: r.payDate === undefined ? '' : formatDay(r.payDate),
      asOf: formatDay(today),
      days: daysAfter ?? '',
      limit: p.max_days_after_period,
      amount: fmtYuan(paidFen(r)),
      periodDays: periodDays(r),
      cycleLimit: p.part_time_max_period_days,
    },
    metrics: {
      relation,
      periodDays: periodDays(r),
      ...(daysAfter !== undefined ? { daysAfterPeriod: daysAfter } : {}),
      maxDaysAfterPeriod: p.max_days_after_period,
      ...(longCycle ? { partTimeMaxPeriodDays: p.part_time_max_period_days } : {}),
      ...(state === 'unpaid' ? { asOf: formatDay(today), unpaidYuan: yuan(paidFen(r)), arrearsYuan: yuan(paidFen(r)) } : {}),
    },
    period: dayPeriod(r.periodStart, r.periodEnd),
    jurisdiction: j,
    unverified,
    evidence: [payEvidence(ctx, r, r.payDate === undefined ? 'not paid' : undefined)],
  });
}

export const latePayment: Rule<Params> = {
  id: 'late-payment',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '拖欠或延期支付劳动报酬', en: 'Late or unpaid pay' },
  description: {
    zh: '报酬在结算周期结束后超过规定天数（默认30天）才支付，或截至审计数据末日仍未支付且已超过该天数；非全日制用工结算周期超过15天。“今天”取审计数据的最后一天，而非运行日期。',
    en: 'Pay made more than the allowed number of days (30 by default) after the end of its period, or still unpaid that long after it as of the last day of the audited data (not the date of the run); part-time pay periods longer than 15 days.',
  },
  parameters: params,
  messages: {
    late: {
      zh: '{from} 至 {to} 的报酬于 {paid} 支付，结算周期结束后 {days} 天，超过 {limit} 天',
      en: 'The pay for {from} to {to} was paid on {paid}, {days} days after the period, more than {limit} days',
    },
    unpaid: {
      zh: '{from} 至 {to} 的报酬 {amount} 元截至 {asOf} 仍未支付（结算周期结束已 {days} 天，超过 {limit} 天）',
      en: 'The pay of {amount} yuan for {from} to {to} was still unpaid on {asOf}, {days} days after the period (more than {limit})',
    },
    partTimeCycle: {
      zh: '非全日制用工 {from} 至 {to} 的结算周期为 {periodDays} 天，超过 {cycleLimit} 天',
      en: 'Part-time pay period {from} to {to} lasts {periodDays} days, longer than {cycleLimit}',
    },
    partTimeCycleLate: {
      zh: '非全日制用工 {from} 至 {to} 的结算周期为 {periodDays} 天，超过 {cycleLimit} 天；且于 {paid} 支付，周期结束后 {days} 天，超过 {limit} 天',
      en: 'Part-time pay period {from} to {to} lasts {periodDays} days, longer than {cycleLimit}, and was paid on {paid}, {days} days after it (more than {limit})',
    },
    partTimeCycleUnpaid: {
      zh: '非全日制用工 {from} 至 {to} 的结算周期为 {periodDays} 天，超过 {cycleLimit} 天；报酬 {amount} 元截至 {asOf} 仍未支付（已 {days} 天）',
      en: 'Part-time pay period {from} to {to} lasts {periodDays} days, longer than {cycleLimit}, and its {amount} yuan was still unpaid on {asOf} ({days} days after it)',
    },
  },
  requires: ['orders', 'pay'],
  computesArrears: true,
  check(dossiers, ctx, out) {
    for (const d of dossiers) {
      if (d.pay.length === 0) continue;
      const havePayDate = payColumn(ctx, 'pay_date');
      if (!havePayDate) out.notAssessed('no pay date column');
      const today = auditedUntil(ctx, d);
      for (const r of d.pay) checkRecord(d, r, today, havePayDate, ctx, out);
    }
  },
};
