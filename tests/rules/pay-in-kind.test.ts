import { describe, expect, it } from 'vitest';
import { audit, csv, findings, ORDER_HEADER } from '../helpers/exports.js';
import { auditOneRecordCase, w1TwentyDays } from '../helpers/one-record-case.js';

const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'net_pay', 'pay_date', 'payment_method', 'platform'];
const orders = (platform = '速达', start?: string) => w1TwentyDays({ platform, start });

interface Case {
  name: string;
  method: string;
  net?: string;
  expect: { messageId: string; amount: number } | 'none';
}

const cases: Case[] = [
  { name: 'platform points (积分)', method: '积分', net: '2800', expect: { messageId: 'points', amount: 2800 } },
  { name: 'shopping cards (购物卡)', method: '购物卡', net: '2800', expect: { messageId: 'voucher', amount: 2800 } },
  { name: 'consumption vouchers (消费券), no net pay: gross', method: '消费券', expect: { messageId: 'voucher', amount: 3000 } },
  { name: 'goods (实物)', method: '实物', net: '100', expect: { messageId: 'goods', amount: 100 } },
  { name: 'securities (有价证券)', method: '有价证券', net: '2800', expect: { messageId: 'equity', amount: 2800 } },
  { name: 'equity (股权), English', method: 'shares', net: '2800', expect: { messageId: 'equity', amount: 2800 } },
  { name: 'bank transfer', method: '银行转账', net: '2800', expect: 'none' },
  { name: 'WeChat', method: '微信', net: '2800', expect: 'none' },
  { name: 'Alipay', method: '支付宝', net: '2800', expect: 'none' },
  { name: 'cash', method: '现金', net: '2800', expect: 'none' },
  { name: 'no method given', method: '', net: '2800', expect: 'none' },
];

describe('pay-in-kind', () => {
  it.each(cases)('$name', async (c) => {
    const files = {
      'orders.csv': csv(ORDER_HEADER, orders()),
      'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-01-31', '3000', c.net, '2025-02-10', c.method, '速达']]),
    };
    const { finding } = await auditOneRecordCase(
      'pay-in-kind',
      files,
      c.expect === 'none'
        ? 'none'
        : { messageId: c.expect.messageId, period: { from: '2025-01-01', to: '2025-01-31' }, metrics: { method: c.expect.messageId, amountYuan: c.expect.amount } },
    );
    if (c.expect === 'none') return;
    expect(finding!.message).toContain('not in money');
    expect(finding!.evidence[0]).toMatchObject({ line: 2 });
  });

  it('flags only the periods paid in kind', async () => {
    const pay = csv(PAY_HEADER, [
      ['W1', '2025-01-01', '2025-01-15', '1500', '1500', '2025-01-20', '银行转账', '速达'],
      ['W1', '2025-01-16', '2025-01-31', '1500', '1500', '2025-02-05', '积分', '速达'],
    ]);
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders()), 'pay.csv': pay });
    expect(findings(report, 'pay-in-kind', 'W1').map((f) => f.period.from)).toEqual(['2025-01-16']);
  });

  it('judges each platform of a multi-platform worker by its own records', async () => {
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, [...orders('速达'), ...orders('别家', '15:00')]),
      'pay.csv': csv(PAY_HEADER, [
        ['W1', '2025-01-01', '2025-01-31', '3000', '', '2025-02-10', '银行转账', '速达'],
        ['W1', '2025-01-01', '2025-01-31', '900', '', '2025-02-10', '购物卡', '别家'],
      ]),
    });
    expect(findings(report, 'pay-in-kind', 'W1').map((f) => [f.platform, f.metrics.amountYuan])).toEqual([['别家', 900]]);
  });

  it('zh messages name the kind of payment', async () => {
    const report = await audit(
      {
        'orders.csv': csv(ORDER_HEADER, orders()),
        'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-01-31', '3000', '', '2025-02-10', '实物', '速达']]),
      },
      { lang: 'zh' },
    );
    expect(findings(report, 'pay-in-kind', 'W1')[0].message).toBe('2025-01-01 至 2025-01-31 的报酬 3000.00 元以实物支付，而非货币');
  });
});
