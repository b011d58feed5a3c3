// 押金/保证金: an employer may not demand a guarantee or take money from a worker under any
// name (劳动合同法 art. 9, art. 84 para. 2); the gig-work documents repeat it for every
// platform worker: "不得以缴纳保证金、押金或者其他名义向劳动者收取财物" (永人社发〔2025〕20号
// item 4; 城人社发〔2022〕97号 (五); 云南 实施意见 (五)). A training fee charged to the worker
// is money taken under another name (only a service-period penalty may recover training
// costs, art. 22).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { DeductionReason } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, yuan } from './util.js';
import { payEvidence, relationOver } from './util-pay.js';

const CHARGES: Partial<Record<DeductionReason, string>> = { deposit: 'deposit', training: 'charge' };

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const r of d.pay) {
    const messageId = r.deductionReason && CHARGES[r.deductionReason];
    if (!messageId || !r.deductionFen) continue;
    out.finding({
      messageId,
      data: {
        from: formatDay(r.periodStart),
        to: formatDay(r.periodEnd),
        amount: fmtYuan(r.deductionFen),
        platform: d.platform,
      },
      metrics: {
        reason: r.deductionReason!,
        amountYuan: yuan(r.deductionFen),
        arrearsYuan: yuan(r.deductionFen),
        relation: relationOver(d, r.periodStart, r.periodEnd),
      },
      period: dayPeriod(r.periodStart, r.periodEnd),
      jurisdiction: ctx.jurisdictionOf(d, r.periodStart, r.periodEnd),
      evidence: [payEvidence(ctx, r)],
    });
  }
}

export const depositCharged: Rule<Record<string, never>> = {
  id: 'deposit-charged',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '收取押金、保证金或其他财物', en: 'Deposit or other money taken as a condition of work' },
  description: {
    zh: '报酬记录中以押金、保证金（或培训费等其他名义）扣收的款项：企业不得以缴纳保证金、押金或者其他名义向劳动者收取财物，应退还劳动者。',
    en: 'Pay-record deductions for a deposit or guarantee, or under another name such as a training fee: no one may take money from a worker as a condition of work; the amount is owed back to the worker.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    deposit: {
      zh: '{from} 至 {to} 的报酬中扣收押金/保证金 {amount} 元（{platform}）',
      en: 'A deposit or guarantee of {amount} yuan was deducted from the pay for {from} to {to} ({platform})',
    },
    charge: {
      zh: '{from} 至 {to} 的报酬中以培训费名义扣收 {amount} 元（{platform}），属以其他名义向劳动者收取财物',
      en: '{amount} yuan was deducted as a training fee from the pay for {from} to {to} ({platform}): money taken from the worker under another name',
    },
  },
  requires: ['orders', 'pay'],
  computesArrears: true,
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
