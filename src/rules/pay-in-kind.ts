// 以货币形式支付: wages are paid in legal tender, never in kind or securities (工资支付暂行规定
// art. 5; 劳动法 art. 50; 保障农民工工资支付条例 art. 11); platforms pay in money and may not
// substitute goods or securities (永人社发〔2025〕20号 item 5).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { PaymentMethod } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, yuan } from './util.js';
import { paidFen, payEvidence } from './util-pay.js';

const NOT_MONEY: ReadonlySet<PaymentMethod> = new Set(['points', 'voucher', 'goods', 'equity']);

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const r of d.pay) {
    if (!r.paymentMethod || !NOT_MONEY.has(r.paymentMethod)) continue;
    out.finding({
      messageId: r.paymentMethod,
      data: { from: formatDay(r.periodStart), to: formatDay(r.periodEnd), amount: fmtYuan(paidFen(r)) },
      metrics: { method: r.paymentMethod, amountYuan: yuan(paidFen(r)) },
      period: dayPeriod(r.periodStart, r.periodEnd),
      jurisdiction: ctx.jurisdictionOf(d, r.periodStart, r.periodEnd),
      evidence: [payEvidence(ctx, r)],
    });
  }
}

export const payInKind: Rule<Record<string, never>> = {
  id: 'pay-in-kind',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '以实物或有价证券替代货币支付报酬', en: 'Pay in kind instead of money' },
  description: {
    zh: '支付方式为积分、购物卡/消费券、实物或有价证券的报酬记录：劳动报酬应以法定货币支付，不得以实物及有价证券替代。',
    en: 'Pay records paid in points, vouchers, goods or securities: pay must be made in legal tender, never in kind or securities.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    points: {
      zh: '{from} 至 {to} 的报酬 {amount} 元以积分支付，而非货币',
      en: 'The pay of {amount} yuan for {from} to {to} was paid in points, not in money',
    },
    voucher: {
      zh: '{from} 至 {to} 的报酬 {amount} 元以购物卡/消费券支付，而非货币',
      en: 'The pay of {amount} yuan for {from} to {to} was paid in vouchers, not in money',
    },
    goods: {
      zh: '{from} 至 {to} 的报酬 {amount} 元以实物支付，而非货币',
      en: 'The pay of {amount} yuan for {from} to {to} was paid in goods, not in money',
    },
    equity: {
      zh: '{from} 至 {to} 的报酬 {amount} 元以有价证券/股权支付，而非货币',
      en: 'The pay of {amount} yuan for {from} to {to} was paid in securities or equity, not in money',
    },
  },
  requires: ['orders', 'pay'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
