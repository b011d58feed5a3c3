import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'];

/** `minutes` of back-to-back orders from 09:00 (30-minute orders, the last one shorter). */
function workDay(date: string, minutes: number, platform = '速达'): Cell[][] {
  const rows = shift({ worker: 'W1', date, start: '09:00', orders: Math.floor(minutes / 30), gap: 0, platform });
  if (minutes % 30) rows.push(...shift({ worker: 'W1', date, start: '20:00', orders: 1, minutes: minutes % 30, platform }));
  return rows;
}

interface Case {
  name: string;
  rows: () => Cell[][];
  contract?: string;
  expect: { week: string; messageId: string; hours: number; days: number }[];
}

// 2025-03-03 is a Monday.
const cases: Case[] = [
  { name: '6 days × 4 h = 24 h, average 4 h: at both limits', rows: () => dateRange('2025-03-03', 6).flatMap((d) => workDay(d, 240)), expect: [] },
  {
    name: '24 h + 1 min in the week',
    rows: () => [...dateRange('2025-03-03', 6).flatMap((d) => workDay(d, 240)), ...shift({ worker: 'W1', date: '2025-03-08', start: '20:00', orders: 1, minutes: 1 })],
    expect: [{ week: '2025-03-03', messageId: 'weeklyHours', hours: 24.02, days: 6 }],
  },
  { name: '3 days × 4 h: average at the limit', rows: () => dateRange('2025-03-03', 3).flatMap((d) => workDay(d, 240)), expect: [] },
  { name: '3 days × 5 h = 15 h: average 5 h a day', rows: () => dateRange('2025-03-03', 3).flatMap((d) => workDay(d, 300)), expect: [{ week: '2025-03-03', messageId: 'dailyAverage', hours: 15, days: 3 }] },
  { name: '1 day of 4 h 1 min', rows: () => workDay('2025-03-05', 241), expect: [{ week: '2025-03-03', messageId: 'dailyAverage', hours: 4.02, days: 1 }] },
  { name: '7 days × 4 h from a Thursday spans two ISO weeks (16 h + 12 h)', rows: () => dateRange('2025-03-06', 7).flatMap((d) => workDay(d, 240)), expect: [] },
  {
    name: '7 days × 4 h from Monday = 28 h in one week',
    rows: () => dateRange('2025-03-03', 7).flatMap((d) => workDay(d, 240)),
    expect: [{ week: '2025-03-03', messageId: 'weeklyHours', hours: 28, days: 7 }],
  },
  {
    name: 'two weeks over: one finding each',
    rows: () => dateRange('2025-03-03', 14).flatMap((d) => workDay(d, 240)),
    expect: [
      { week: '2025-03-03', messageId: 'weeklyHours', hours: 28, days: 7 },
      { week: '2025-03-10', messageId: 'weeklyHours', hours: 28, days: 7 },
    ],
  },
  { name: 'labour contract: not this rule', contract: '劳动合同', rows: () => dateRange('2025-03-03', 7).flatMap((d) => workDay(d, 360)), expect: [] },
];

describe('part-time-hours', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()), 'contracts.csv': csv(CONTRACT_HEADER, [['W1', c.contract ?? '非全日制劳动合同', '2024-01-01', '', '速达']]) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'part-time-hours', 'W1');
    expect(got.map((f) => ({ week: f.metrics.week, messageId: f.messageId, hours: f.metrics.weekHours, days: f.metrics.activeDays }))).toEqual(c.expect);
    for (const f of got) {
      expect(f.severity).toBe('error');
      expect(f.period.to).not.toBe(f.period.from);
      expect(f.message).toMatch(/misclassified/);
      expect(f.basis.map((b) => b.document)).toContain('劳动合同法');
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('two part-time employers are judged separately (LCL art. 68: with the same employer)', async () => {
    const rows = dateRange('2025-03-03', 6).flatMap((d) => [...workDay(d, 240, 'A'), ...shift({ worker: 'W1', date: d, start: '15:00', orders: 6, gap: 0, platform: 'B' })]);
    const contracts = [['W1', '非全日制', '2024-01-01', '', 'A'], ['W1', '非全日制', '2024-01-01', '', 'B']];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': csv(CONTRACT_HEADER, contracts) });
    expect(findings(report, 'part-time-hours')).toEqual([]);
  });

  it('only the part-time days of a week count when the contract changes', async () => {
    const rows = dateRange('2025-03-03', 7).flatMap((d) => workDay(d, 300));
    const contracts = [['W1', '劳动合同', '2024-01-01', '2025-03-05', '速达'], ['W1', '非全日制', '2025-03-06', '', '速达']];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': csv(CONTRACT_HEADER, contracts) });
    const [f] = findings(report, 'part-time-hours', 'W1');
    expect(f.metrics).toMatchObject({ activeDays: 4, weekHours: 20, averageHoursPerDay: 5, overWeeklyMax: false, overDailyAverage: true });
  });
});
