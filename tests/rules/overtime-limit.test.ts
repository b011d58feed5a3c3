import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'];
const labour = (type = '劳动合同') => csv(CONTRACT_HEADER, [['W1', type, '2024-01-01', '', '速达']]);

/** A day of `minutes` working time from 06:00: back-to-back 30-minute orders, the last one shorter. */
function workDay(date: string, minutes: number): Cell[][] {
  const rows = shift({ worker: 'W1', date, start: '06:00', orders: Math.floor(minutes / 30), gap: 0 });
  const rest = minutes % 30;
  if (rest) rows.push(...shift({ worker: 'W1', date, start: `${String(6 + Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 >= 30 ? 30 : '00'}`, orders: 1, minutes: rest }));
  return rows;
}
const weekdays = (from: string, n: number) => dateRange(from, n * 2).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())).slice(0, n);

interface Case {
  name: string;
  rows: () => Cell[][];
  contract?: string;
  daily: string[]; // days with a daily finding
  monthly: { month: string; overtime: number; daily: number; weekly: number }[];
}

// September 2025 starts on a Monday.
const cases: Case[] = [
  { name: '11 h in a day: at the daily maximum', rows: () => workDay('2025-09-01', 660), daily: [], monthly: [] },
  { name: '11 h 1 min: over the daily maximum', rows: () => workDay('2025-09-01', 661), daily: ['2025-09-01'], monthly: [] },
  { name: '18 weekdays of 10 h: 36 h overtime, at the monthly maximum', rows: () => weekdays('2025-09-01', 18).flatMap((d) => workDay(d, 600)), daily: [], monthly: [] },
  {
    name: '19 weekdays of 10 h: 38 h overtime',
    rows: () => weekdays('2025-09-01', 19).flatMap((d) => workDay(d, 600)),
    daily: [],
    monthly: [{ month: '2025-09', overtime: 38, daily: 38, weekly: 0 }],
  },
  {
    name: '8 h every day for 3 weeks: 16 h a week above 40 h',
    rows: () => dateRange('2025-09-01', 21).flatMap((d) => workDay(d, 480)),
    daily: [],
    monthly: [{ month: '2025-09', overtime: 48, daily: 0, weekly: 48 }],
  },
  {
    name: 'daily and weekly overtime are not double-counted: 6 days of 10 h a week for 3 weeks',
    // Each week: daily 6 × 2 h = 12 h; standard time 6 × 8 = 48 h → 8 h more. 20 h a week.
    rows: () => dateRange('2025-09-01', 20).filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 0).flatMap((d) => workDay(d, 600)),
    daily: [],
    monthly: [{ month: '2025-09', overtime: 60, daily: 36, weekly: 24 }],
  },
  { name: 'part-time contract: not this rule', contract: '非全日制', rows: () => workDay('2025-09-01', 700), daily: [], monthly: [] },
  { name: 'written agreement: not this rule', contract: '书面协议', rows: () => weekdays('2025-09-01', 22).flatMap((d) => workDay(d, 700)), daily: [], monthly: [] },
];

describe('overtime-limit', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()), 'contracts.csv': labour(c.contract) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'overtime-limit', 'W1');
    expect(got.filter((f) => f.metrics.check === 'daily').map((f) => f.period.from)).toEqual(c.daily);
    expect(
      got
        .filter((f) => f.metrics.check === 'monthly')
        .map((f) => ({ month: f.metrics.month, overtime: f.metrics.overtimeHours, daily: f.metrics.dailyOvertimeHours, weekly: f.metrics.weeklyOvertimeHours })),
    ).toEqual(c.monthly);
    for (const f of got) {
      expect(f.severity).toBe('error');
      expect(f.basis.map((b) => b.document)).toContain('劳动法');
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('daily finding reports overtime hours against 8 + 3', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, workDay('2025-09-01', 720)), 'contracts.csv': labour() });
    const [f] = findings(report, 'overtime-limit', 'W1');
    expect(f.metrics).toMatchObject({ check: 'daily', hours: 12, overtimeHours: 4, limitHours: 11, overHours: 1 });
    expect(f.message).toContain('4 h of overtime');
  });

  it('weekly overtime falls in the month of the day it accrues (week of 29 Sep – 5 Oct 2025)', async () => {
    const config = join(tmpdir(), `gigaudit-otl-${process.pid}.json`);
    writeFileSync(config, JSON.stringify({ rules: { 'overtime-limit': { parameters: { monthly_max_overtime_minutes: 0 } } } }));
    const rows = dateRange('2025-09-29', 7).flatMap((d) => workDay(d, 480));
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': labour() }, { config });
    // Standard time passes 40 h on Saturday 4 October: 16 h of weekly overtime, all in October.
    expect(findings(report, 'overtime-limit', 'W1').map((f) => [f.metrics.month, f.metrics.overtimeHours])).toEqual([['2025-10', 16]]);
  });

  it('a relation that changes mid-month counts only the labour days', async () => {
    const rows = weekdays('2025-09-01', 22).flatMap((d) => workDay(d, 600));
    const contracts = csv(CONTRACT_HEADER, [['W1', '书面协议', '2024-01-01', '2025-09-14', '速达'], ['W1', '劳动合同', '2025-09-15', '', '速达']]);
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows), 'contracts.csv': contracts });
    // 12 labour weekdays from 15 September × 2 h = 24 h: under 36.
    expect(findings(report, 'overtime-limit', 'W1')).toEqual([]);
  });
});
