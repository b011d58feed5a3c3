import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'net_pay', 'pay_date', 'payslip_provided', 'platform'];
const orders = (platform = '速达', start?: string) => days(dateRange('2025-01-02', 20), { worker: 'W1', orders: 2, platform, start });

interface Case {
  name: string;
  rows: [paid: string, slip: string][];
  expect: string[] | 'none'; // period starts of findings
}

// Rows are consecutive half-months from 2025-01-01.
const cases: Case[] = [
  { name: 'paid with a pay slip (是)', rows: [['2025-01-20', '是']], expect: 'none' },
  { name: 'paid without a pay slip (否)', rows: [['2025-01-20', '否']], expect: ['2025-01-01'] },
  { name: 'paid without a pay slip (N)', rows: [['2025-01-20', 'N']], expect: ['2025-01-01'] },
  { name: 'paid without a pay slip (无)', rows: [['2025-01-20', '无']], expect: ['2025-01-01'] },
  { name: 'not yet paid: no pay slip due', rows: [['2025-01-20', '是'], ['', '否']], expect: 'none' },
  { name: 'one of two payments without a slip', rows: [['2025-01-20', '是'], ['2025-02-05', '否']], expect: ['2025-01-16'] },
  { name: 'both payments without a slip', rows: [['2025-01-20', '0'], ['2025-02-05', 'false']], expect: ['2025-01-01', '2025-01-16'] },
];

const half = (i: number) => (i === 0 ? ['2025-01-01', '2025-01-15'] : ['2025-01-16', '2025-01-31']);

describe('payslip', () => {
  it.each(cases)('$name', async (c) => {
    const pay = c.rows.map(([paid, slip], i) => ['W1', ...half(i), '1500', '1400', paid, slip, '速达']);
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders()), 'pay.csv': csv(PAY_HEADER, pay) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'payslip', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got.map((f) => f.period.from)).toEqual(c.expect);
    for (const f of got) {
      expect(f).toMatchObject({ severity: 'warning', platform: '速达', messageId: 'noPayslip', metrics: { amountYuan: 1400 } });
      expect(f.evidence[0].note).toMatch(/no pay slip/);
    }
  });

  it('cannot assess without a pay-slip column', async () => {
    const header = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'pay_date', 'platform'];
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders()),
      'pay.csv': csv(header, [['W1', '2025-01-01', '2025-01-31', '3000', '2025-02-05', '速达']]),
    });
    expect(findings(report, 'payslip')).toEqual([]);
    expect(report.notAssessed).toContainEqual({ rule: 'payslip', reason: 'no payslip column', workerPlatforms: 1 });
  });

  it('reports payments whose pay-slip cell is empty as not assessed', async () => {
    const pay = [
      ['W1', '2025-01-01', '2025-01-15', '1500', '1400', '2025-01-20', '否', '速达'],
      ['W1', '2025-01-16', '2025-01-31', '1500', '1400', '2025-02-05', '', '速达'],
    ];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders()), 'pay.csv': csv(PAY_HEADER, pay) });
    expect(findings(report, 'payslip', 'W1').map((f) => f.period.from)).toEqual(['2025-01-01']);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'payslip', reason: 'payslip not recorded for some payments' }));
  });

  it('without a pay-date column every record is a payment', async () => {
    const header = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'payslip_provided', 'platform'];
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders()),
      'pay.csv': csv(header, [['W1', '2025-01-01', '2025-01-31', '3000', '否', '速达']]),
    });
    expect(findings(report, 'payslip', 'W1').map((f) => [f.period.from, f.metrics.amountYuan])).toEqual([['2025-01-01', 3000]]);
  });

  it('judges each platform by its own records, partner companies included', async () => {
    const a = orders('速达').map((r) => [...r, '永川站点公司']);
    const b = orders('别家', '15:00').map((r) => [...r, '']);
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], [...a, ...b]),
      'pay.csv': csv(PAY_HEADER, [
        ['W1', '2025-01-01', '2025-01-31', '3000', '', '2025-02-05', '否', '永川站点公司'],
        ['W1', '2025-01-01', '2025-01-31', '1000', '', '2025-02-05', '是', '别家'],
      ]),
    });
    expect(findings(report, 'payslip', 'W1').map((f) => f.platform)).toEqual(['速达']);
  });
});
