import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'];

interface Case {
  name: string;
  dates: string[];
  contracts: Cell[][];
  expect: { from: string; to: string; days: number }[];
}

const labour = [['W1', '劳动合同', '2024-01-01', '', '速达']];
const cases: Case[] = [
  { name: '6 consecutive days: allowed', dates: dateRange('2025-03-03', 6), contracts: labour, expect: [] },
  { name: '7 consecutive days', dates: dateRange('2025-03-03', 7), contracts: labour, expect: [{ from: '2025-03-03', to: '2025-03-09', days: 7 }] },
  { name: '14 consecutive days are one run', dates: dateRange('2025-03-03', 14), contracts: labour, expect: [{ from: '2025-03-03', to: '2025-03-16', days: 14 }] },
  { name: '6 days, a day off, 6 days', dates: [...dateRange('2025-03-03', 6), ...dateRange('2025-03-10', 6)], contracts: labour, expect: [] },
  { name: 'across a month end', dates: dateRange('2025-02-25', 8), contracts: labour, expect: [{ from: '2025-02-25', to: '2025-03-04', days: 8 }] },
  { name: 'dispatch relation counts', dates: dateRange('2025-03-03', 7), contracts: [['W1', '劳务派遣', '2024-01-01', '', '速达']], expect: [{ from: '2025-03-03', to: '2025-03-09', days: 7 }] },
  { name: 'part-time relation: not this rule', dates: dateRange('2025-03-03', 10), contracts: [['W1', '非全日制', '2024-01-01', '', '速达']], expect: [] },
  { name: 'written agreement (intermediate category): not this rule', dates: dateRange('2025-03-03', 10), contracts: [['W1', '书面协议', '2024-01-01', '', '速达']], expect: [] },
  { name: 'labour contract from the 4th of 9 days: 6 labour days', dates: dateRange('2025-03-01', 9), contracts: [['W1', '劳动合同', '2025-03-04', '', '速达']], expect: [] },
  { name: 'labour contract from the 3rd of 9 days: 7 labour days', dates: dateRange('2025-03-01', 9), contracts: [['W1', '劳动合同', '2025-03-03', '', '速达']], expect: [{ from: '2025-03-03', to: '2025-03-09', days: 7 }] },
  { name: 'labour contract with another platform only', dates: dateRange('2025-03-03', 7), contracts: [['W1', '劳动合同', '2024-01-01', '', '别家']], expect: [] },
];

describe('weekly-rest', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, days(c.dates, { worker: 'W1', orders: 2 })),
      'contracts.csv': csv(CONTRACT_HEADER, c.contracts),
    });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'weekly-rest', 'W1');
    expect(got.map((f) => ({ ...f.period, days: f.metrics.consecutiveDays }))).toEqual(c.expect);
    for (const f of got) {
      expect(f.severity).toBe('error');
      expect(f.metrics.maxConsecutiveDays).toBe(6);
      expect(f.evidence).toHaveLength(f.metrics.consecutiveDays as number);
      expect(f.basis.map((b) => b.document)).toContain('劳动法');
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('an order past midnight makes the next day active', async () => {
    const rows = [...days(dateRange('2025-03-03', 6), { worker: 'W1', orders: 1 }), ...shift({ worker: 'W1', date: '2025-03-08', start: '23:40', orders: 1 })];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': csv(CONTRACT_HEADER, labour) });
    expect(findings(report, 'weekly-rest', 'W1').map((f) => f.period)).toEqual([{ from: '2025-03-03', to: '2025-03-09' }]);
  });

  it('each platform is its own employer: 4 days on A and 3 on B is no breach', async () => {
    const rows = [...days(dateRange('2025-03-03', 4), { worker: 'W1', orders: 2, platform: 'A' }), ...days(dateRange('2025-03-07', 3), { worker: 'W1', orders: 2, platform: 'B' })];
    const contracts = [['W1', '劳动合同', '2024-01-01', '', 'A'], ['W1', '劳动合同', '2024-01-01', '', 'B']];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': csv(CONTRACT_HEADER, contracts) });
    expect(findings(report, 'weekly-rest')).toEqual([]);
  });

  it('without a contracts file it cannot tell the relation and says so', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 8), { worker: 'W1', orders: 2 })) });
    expect(findings(report, 'weekly-rest')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'weekly-rest')?.reason).toMatch(/contracts/);
  });
});
