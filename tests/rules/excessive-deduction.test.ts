import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'overtime_pay', 'deduction', 'deduction_reason', 'platform'];
const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'platform'];

interface Case {
  name: string;
  contract: string;
  activeDays?: number; // in January 2025, default 22 (a full month)
  gross: number;
  overtime?: number;
  deduction: string;
  reason: string;
  expect: { messageId: string; owed: number } | 'none';
}

// 永川区, January 2025: monthly minimum 2330 yuan (21.75 paid days a month).
const cases: Case[] = [
  { name: 'fine of exactly 20 %', contract: '劳动合同', gross: 5000, deduction: '1000', reason: '罚款', expect: 'none' },
  { name: 'fine of 20.01 %', contract: '劳动合同', gross: 5000, deduction: '1000.50', reason: '罚款', expect: { messageId: 'overShare', owed: 0.5 } },
  { name: 'equipment charge of 24 %', contract: '劳动合同', gross: 5000, deduction: '1200', reason: '装备费', expect: { messageId: 'overShare', owed: 200 } },
  { name: 'other compensation of 24 %', contract: '劳动合同', gross: 5000, deduction: '1200', reason: '其他', expect: { messageId: 'overShare', owed: 200 } },
  { name: 'income tax is not a fine', contract: '劳动合同', gross: 5000, deduction: '1500', reason: '个税', expect: 'none' },
  { name: 'own social insurance is not a fine', contract: '劳动合同', gross: 5000, deduction: '1500', reason: '社保个人部分', expect: 'none' },
  { name: 'insurance premium is not a fine', contract: '劳动合同', gross: 5000, deduction: '1500', reason: '保险', expect: 'none' },
  { name: 'labour: 17.9 % leaves 2300, below the 2330 minimum', contract: '劳动合同', gross: 2800, deduction: '500', reason: '罚款', expect: { messageId: 'belowMinimum', owed: 30 } },
  { name: 'labour: what is left is exactly the minimum', contract: '劳动合同', gross: 2830, deduction: '500', reason: '罚款', expect: 'none' },
  { name: 'dispatch: the minimum floor applies too', contract: '劳务派遣', gross: 2800, deduction: '500', reason: '罚款', expect: { messageId: 'belowMinimum', owed: 30 } },
  { name: 'labour: over 20 % and below the minimum', contract: '劳动合同', gross: 2800, deduction: '600', reason: '罚款', expect: { messageId: 'overShareBelowMinimum', owed: 130 } },
  { name: 'labour: overtime pay does not count towards the minimum', contract: '劳动合同', gross: 3000, overtime: 300, deduction: '500', reason: '罚款', expect: { messageId: 'belowMinimum', owed: 130 } },
  { name: 'labour, 10 active days: minimum pro-rated to 1071.26', contract: '劳动合同', activeDays: 10, gross: 1200, deduction: '200', reason: '罚款', expect: { messageId: 'belowMinimum', owed: 71.26 } },
  { name: 'agreement worker: no monthly floor, 17.9 % is fine', contract: '书面协议', gross: 2800, deduction: '500', reason: '罚款', expect: 'none' },
  { name: 'agreement worker: 25 %', contract: '书面协议', gross: 1000, deduction: '250', reason: '罚款', expect: { messageId: 'overShare', owed: 50 } },
  { name: 'no contract (unknown): 25 %', contract: '', gross: 1000, deduction: '250', reason: '罚款', expect: { messageId: 'overShare', owed: 50 } },
  { name: 'part-time: exactly 20 %', contract: '非全日制', gross: 1000, deduction: '200', reason: '罚款', expect: 'none' },
  { name: 'cooperation agreement (civil law): not judged', contract: '合作协议', gross: 1000, deduction: '500', reason: '罚款', expect: 'none' },
];

describe('excessive-deduction', () => {
  it.each(cases)('$name', async (c) => {
    const orders = days(dateRange('2025-01-02', c.activeDays ?? 22), { worker: 'W1', orders: 2 });
    const files: Record<string, string> = {
      'orders.csv': csv(ORDER_HEADER, orders),
      'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-01-31', c.gross, c.overtime ?? '', c.deduction, c.reason, '速达']]),
    };
    if (c.contract) files['contracts.csv'] = csv(CONTRACT_HEADER, [['W1', c.contract, '2024-01-01', '速达']]);
    const report = await audit(files);
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'excessive-deduction', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ severity: 'error', platform: '速达', messageId: c.expect.messageId, period: { from: '2025-01-01', to: '2025-01-31' } });
    expect(got[0].metrics.arrearsYuan).toBeCloseTo(c.expect.owed, 2);
    expect(got[0].metrics.maxShare).toBe(0.2);
    expect(got[0].evidence[0]).toMatchObject({ line: 2 });
    expect(report.employment.arrears['excessive-deduction']).toBeCloseTo(c.expect.owed, 2);
  });

  it('adds up the deductions of all records in the month', async () => {
    const orders = days(dateRange('2025-01-02', 22), { worker: 'W1', orders: 2 });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'pay.csv': csv(PAY_HEADER, [
        ['W1', '2025-01-01', '2025-01-15', '2500', '', '500', '罚款', '速达'],
        ['W1', '2025-01-16', '2025-01-31', '2500', '', '500.01', '装备费', '速达'],
      ]),
    });
    const got = findings(report, 'excessive-deduction', 'W1');
    expect(got.map((f) => [f.messageId, f.metrics.deductionYuan, f.metrics.grossYuan, f.metrics.arrearsYuan])).toEqual([['overShare', 1000.01, 5000, 0.01]]);
    expect(got[0].evidence.map((e) => e.line)).toEqual([2, 3]);
  });

  it('pro-rates a record that spans two months', async () => {
    // 59 days, 100 yuan a day; 1500 yuan of fines is 25.4 % in both months.
    const orders = days(dateRange('2025-01-02', 50), { worker: 'W1', orders: 2 });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-02-28', '5900', '', '1500', '罚款', '速达']]),
    });
    const got = findings(report, 'excessive-deduction', 'W1');
    expect(got.map((f) => [f.metrics.month, f.metrics.grossYuan, f.metrics.share])).toEqual([
      ['2025-01', 3100, 0.2542],
      ['2025-02', 2800, 0.2542],
    ]);
  });

  it('judges each platform by its own records, partner companies included', async () => {
    const a = days(dateRange('2025-01-02', 22), { worker: 'W1', orders: 2, platform: '速达' }).map((r) => [...r, '永川站点公司']);
    const b = days(dateRange('2025-01-02', 22), { worker: 'W1', orders: 2, start: '15:00', platform: '别家' }).map((r) => [...r, '']);
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], [...a, ...b]),
      'pay.csv': csv(PAY_HEADER, [
        ['W1', '2025-01-01', '2025-01-31', '1000', '', '300', '罚款', '永川站点公司'],
        ['W1', '2025-01-01', '2025-01-31', '1000', '', '100', '罚款', '别家'],
      ]),
    });
    expect(findings(report, 'excessive-deduction', 'W1').map((f) => [f.platform, f.metrics.arrearsYuan])).toEqual([['速达', 100]]);
  });

  it('still judges the share where the minimum cannot be told, and says so', async () => {
    const orders = days(dateRange('2025-01-02', 22), { worker: 'W1', orders: 2, region: '' });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '劳动合同', '2024-01-01', '速达']]),
      'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-01-31', '5000', '', '1200', '罚款', '速达']]),
    });
    expect(findings(report, 'excessive-deduction', 'W1').map((f) => f.messageId)).toEqual(['overShare']);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'excessive-deduction', reason: 'no region or ruleset for the place of work' }));
  });

  it('reports deductions without a reason as not assessed', async () => {
    const orders = days(dateRange('2025-01-02', 22), { worker: 'W1', orders: 2 });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-01-31', '1000', '', '900', '', '速达']]),
    });
    expect(findings(report, 'excessive-deduction')).toEqual([]);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'excessive-deduction', reason: 'deduction without a reason' }));
  });
});
