import { describe, expect, it } from 'vitest';
import { audit, csv, findings, ORDER_HEADER } from '../helpers/exports.js';
import { auditOneRecordCase, w1TwentyDays } from '../helpers/one-record-case.js';

const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'net_pay', 'pay_date', 'deduction', 'deduction_reason', 'platform'];
const orders = (platform = '速达', extra: string[] = []) => w1TwentyDays({ platform }).map((r) => [...r, ...extra]);
const payRow = (deduction: string, reason: string, platform = '速达') => ['W1', '2025-01-01', '2025-01-31', '3000', '', '2025-02-10', deduction, reason, platform];

interface Case {
  name: string;
  deduction: string;
  reason: string;
  expect: { messageId: string; amount: number } | 'none';
}

const cases: Case[] = [
  { name: 'deposit (押金)', deduction: '200', reason: '押金', expect: { messageId: 'deposit', amount: 200 } },
  { name: 'guarantee (保证金), written with a currency sign', deduction: '￥1,000.50', reason: '保证金', expect: { messageId: 'deposit', amount: 1000.5 } },
  { name: 'negative sign in the export is the same deduction', deduction: '-300', reason: '押金', expect: { messageId: 'deposit', amount: 300 } },
  { name: 'training fee is money under another name', deduction: '99', reason: '培训费', expect: { messageId: 'charge', amount: 99 } },
  { name: 'one fen of deposit is still a deposit', deduction: '0.01', reason: '押金', expect: { messageId: 'deposit', amount: 0.01 } },
  { name: 'deposit reason with a zero amount', deduction: '0', reason: '押金', expect: 'none' },
  { name: 'a fine is not a deposit (excessive-deduction judges it)', deduction: '200', reason: '罚款', expect: 'none' },
  { name: 'income tax', deduction: '45', reason: '个税', expect: 'none' },
  { name: 'own social insurance', deduction: '300', reason: '社保个人部分', expect: 'none' },
];

describe('deposit-charged', () => {
  it.each(cases)('$name', async (c) => {
    const files = { 'orders.csv': csv(ORDER_HEADER, orders()), 'pay.csv': csv(PAY_HEADER, [payRow(c.deduction, c.reason)]) };
    const { report, finding } = await auditOneRecordCase(
      'deposit-charged',
      files,
      c.expect === 'none'
        ? 'none'
        : { messageId: c.expect.messageId, period: { from: '2025-01-01', to: '2025-01-31' }, metrics: { amountYuan: c.expect.amount, arrearsYuan: c.expect.amount } },
    );
    if (c.expect === 'none') return;
    expect(finding!.evidence).toEqual([expect.objectContaining({ file: expect.stringMatching(/pay\.csv$/), line: 2 })]);
    expect(finding!.basis.length).toBeGreaterThan(0);
    expect(report.employment.arrears['deposit-charged']).toBe(c.expect.amount);
  });

  it('sums the deposits of several periods into the arrears of the employment report', async () => {
    const pay = csv(PAY_HEADER, [
      ['W1', '2025-01-01', '2025-01-15', '1500', '', '2025-01-20', '100', '押金', '速达'],
      ['W1', '2025-01-16', '2025-01-31', '1500', '', '2025-02-05', '150.25', '保证金', '速达'],
    ]);
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders()), 'pay.csv': pay });
    const got = findings(report, 'deposit-charged', 'W1');
    expect(got.map((f) => [f.period.from, f.metrics.arrearsYuan])).toEqual([
      ['2025-01-01', 100],
      ['2025-01-16', 150.25],
    ]);
    expect(report.employment.arrears['deposit-charged']).toBe(250.25);
  });

  it('charges the deposit to the platform the record names, on a multi-platform worker', async () => {
    const both = [...orders('速达'), ...w1TwentyDays({ start: '15:00', platform: '别家' })];
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, both),
      'pay.csv': csv(PAY_HEADER, [payRow('200', '押金', '别家'), payRow('0', '', '速达')]),
    });
    expect(findings(report, 'deposit-charged', 'W1').map((f) => f.platform)).toEqual(['别家']);
  });

  it('a deposit taken by the partner company counts against the platform', async () => {
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], orders('速达', ['永川站点公司'])),
      'pay.csv': csv(PAY_HEADER, [payRow('500', '押金', '永川站点公司')]),
    });
    const got = findings(report, 'deposit-charged', 'W1');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ platform: '速达', metrics: { arrearsYuan: 500 } });
  });

  it('cannot assess without a pay file', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders()) });
    expect(findings(report, 'deposit-charged')).toEqual([]);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'deposit-charged', reason: 'no pay file' }));
  });
});
