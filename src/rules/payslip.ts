// 工资清单: each payment comes with the worker's own pay slip (工资支付暂行规定 art. 6;
// 保障农民工工资支付条例 art. 15; 永人社发〔2025〕20号 item 5 "向劳动者提供本人的劳动报酬清单").
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, yuan } from './util.js';
import { paidFen, payColumn, payEvidence } from './util-pay.js';

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  if (d.pay.length === 0) return;
  if (!payColumn(ctx, 'payslip_provided')) return out.notAssessed('no payslip column');
  // Without a pay-date column every pay record is taken as a payment.
  const dated = payColumn(ctx, 'pay_date');
  for (const r of d.pay) {
    if (dated && r.payDate === undefined) continue;
    if (r.payslipProvided === undefined) {
      out.notAssessed('payslip not recorded for some payments');
      continue;
    }
    if (r.payslipProvided) continue;
    out.finding({
      messageId: 'noPayslip',
      data: {
        from: formatDay(r.periodStart),
        to: formatDay(r.periodEnd),
        paid: r.payDate === undefined ? '-' : formatDay(r.payDate),
        amount: fmtYuan(paidFen(r)),
      },
      metrics: { amountYuan: yuan(paidFen(r)), ...(r.payDate !== undefined ? { payDate: formatDay(r.payDate) } : {}) },
      period: dayPeriod(r.periodStart, r.periodEnd),
      jurisdiction: ctx.jurisdictionOf(d, r.periodStart, r.periodEnd),
      evidence: [payEvidence(ctx, r, 'no pay slip')],
    });
  }
}

export const payslip: Rule<Record<string, never>> = {
  id: 'payslip',
  scope: 'worker-platform',
  defaultSeverity: 'warning',
  title: { zh: '支付报酬未提供工资清单', en: 'Payment without a pay slip' },
  description: {
    zh: '已支付的报酬记录注明未向劳动者提供本人的工资（劳动报酬）清单。无“是否提供工资清单”列时无法评估。',
    en: 'A paid pay record says the worker was not given a pay slip for the payment. Cannot be assessed where the export has no pay-slip column.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    noPayslip: {
      zh: '{from} 至 {to} 的报酬 {amount} 元（支付日 {paid}）未提供工资清单',
      en: 'No pay slip for the payment of {amount} yuan for {from} to {to} (paid {paid})',
    },
  },
  requires: ['orders', 'pay'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
