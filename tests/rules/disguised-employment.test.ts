import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'];

/** `minutes` of back-to-back orders from 08:00 on each date (30-minute orders, the last one shorter). */
function workDays(dates: string[], minutes: number, platform?: string): Cell[][] {
  return dates.flatMap((date) => {
    const rows = shift({ worker: 'W1', date, start: '08:00', orders: Math.floor(minutes / 30), gap: 0, platform });
    if (minutes % 30) rows.push(...shift({ worker: 'W1', date, start: '20:00', orders: 1, minutes: minutes % 30, platform }));
    return rows;
  });
}

interface Case {
  name: string;
  contract: string;
  rows: () => Cell[][];
  expect: 'none' | { month: string; messageId: string; days: number; average: number };
}

const cases: Case[] = [
  { name: 'cooperation agreement: 20 days × 6 h, at both thresholds', contract: '合作协议', rows: () => workDays(dateRange('2025-03-03', 20), 360), expect: { month: '2025-03', messageId: 'cooperationAgreement', days: 20, average: 6 } },
  { name: '19 days × 6 h', contract: '合作协议', rows: () => workDays(dateRange('2025-03-03', 19), 360), expect: 'none' },
  { name: '20 days × 5 h 59 min', contract: '合作协议', rows: () => workDays(dateRange('2025-03-03', 20), 359), expect: 'none' },
  { name: 'individual business: 25 days × 9 h', contract: '个体工商户', rows: () => workDays(dateRange('2025-03-03', 25), 540), expect: { month: '2025-03', messageId: 'individualBusiness', days: 25, average: 9 } },
  { name: '20 days split over two months (10 + 10)', contract: '合作协议', rows: () => workDays(dateRange('2025-03-22', 20), 480), expect: 'none' },
  { name: 'labour contract: not this rule', contract: '劳动合同', rows: () => workDays(dateRange('2025-03-03', 22), 480), expect: 'none' },
  { name: 'written agreement (intermediate category): not this rule', contract: '书面协议', rows: () => workDays(dateRange('2025-03-03', 22), 480), expect: 'none' },
];

describe('disguised-employment', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()), 'contracts.csv': csv(CONTRACT_HEADER, [['W1', c.contract, '2024-01-01', '', '速达']]) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'disguised-employment', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ severity: 'warning', messageId: c.expect.messageId });
    expect(got[0].metrics).toMatchObject({ month: c.expect.month, activeDays: c.expect.days, averageHoursPerDay: c.expect.average, minActiveDays: 20, minAverageHours: 6 });
    expect(got[0].period).toEqual({ from: `${c.expect.month}-01`, to: `${c.expect.month}-31` });
    expect(got[0].evidence).toHaveLength(c.expect.days);
    expect(got[0].message).not.toMatch(/\{\w+\}/);
  });

  it('only the days under the civil-law form count when the contract changes', async () => {
    const contracts = [['W1', '劳动合同', '2024-01-01', '2025-03-05', '速达'], ['W1', '合作协议', '2025-03-06', '', '速达']];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, workDays(dateRange('2025-03-03', 22), 480)), 'contracts.csv': csv(CONTRACT_HEADER, contracts) });
    // 3 labour days, then 19 days under the cooperation agreement: below 20.
    expect(findings(report, 'disguised-employment')).toEqual([]);
  });

  it('each platform separately: 12 days on A and 12 on B', async () => {
    const contracts = [['W1', '合作协议', '2024-01-01', '', 'A'], ['W1', '合作协议', '2024-01-01', '', 'B']];
    const rows = [...workDays(dateRange('2025-03-01', 12), 480, 'A'), ...workDays(dateRange('2025-03-13', 12), 480, 'B')];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': csv(CONTRACT_HEADER, contracts) });
    expect(findings(report, 'disguised-employment')).toEqual([]);
  });
});
