import { describe, expect, it } from 'vitest';
import { audit, csv, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const D = '2025-03-04';
const on = (platform: string, start: string, orders: number, extra: { minutes?: number; worker?: string } = {}) =>
  shift({ worker: extra.worker ?? 'W1', date: D, start, orders, gap: 0, platform, minutes: extra.minutes });

interface Case {
  name: string;
  rows: () => Cell[][];
  expect: { check: 'continuous' | 'daily'; minutes: number; platforms: string }[];
}

const cases: Case[] = [
  { name: 'A 2 h then B 2 h 5 min after: merged 245 min', rows: () => [...on('A', '08:00', 4), ...on('B', '10:05', 4)], expect: [{ check: 'continuous', minutes: 245, platforms: 'A+B' }] },
  { name: 'merged exactly at the limit (240)', rows: () => [...on('A', '08:00', 4), ...on('B', '10:00', 4)], expect: [] },
  { name: 'a 20-minute gap between platforms is a break', rows: () => [...on('A', '08:00', 4), ...on('B', '10:20', 4)], expect: [] },
  { name: 'a 19-minute gap is not', rows: () => [...on('A', '08:00', 4), ...on('B', '10:19', 4)], expect: [{ check: 'continuous', minutes: 259, platforms: 'A+B' }] },
  { name: 'platform names are sorted and joined', rows: () => [...on('美团', '08:00', 4), ...on('饿了么', '10:00', 1), ...on('A', '10:30', 4)], expect: [{ check: 'continuous', minutes: 270, platforms: 'A+美团+饿了么' }] },
  { name: 'A alone already over the limit: left to continuous-order-time', rows: () => [...on('A', '08:00', 9), ...on('B', '12:30', 2)], expect: [] },
  {
    name: 'daily: A 7 h and B 6 h in spans under 4 h = 780 min across platforms',
    rows: () => [...on('A', '06:00', 7), ...on('A', '10:00', 7), ...on('B', '14:00', 6), ...on('B', '17:30', 6)],
    expect: [{ check: 'daily', minutes: 780, platforms: 'A+B' }],
  },
  {
    name: 'daily: exactly 720 across platforms',
    rows: () => [...on('A', '06:00', 6), ...on('A', '09:30', 6), ...on('B', '14:00', 6), ...on('B', '17:30', 6)],
    expect: [],
  },
  {
    name: 'daily: A alone is over 12 h: left to daily-work-time',
    rows: () => [...on('A', '05:00', 8), ...on('A', '09:30', 8), ...on('A', '14:00', 8), ...on('A', '18:30', 1), ...on('B', '19:30', 4)],
    expect: [],
  },
  { name: 'one platform only: never', rows: () => [...on('A', '08:00', 4), ...on('A', '10:05', 4)], expect: [] },
];

describe('cross-platform-fatigue', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'cross-platform-fatigue', 'W1');
    expect(got.map((f) => ({ check: f.metrics.check, minutes: f.metrics.minutes, platforms: f.metrics.platforms }))).toEqual(c.expect);
    for (const f of got) {
      expect(f.severity).toBe('info');
      expect(f.platform).toBe(f.metrics.platforms);
      expect(f.message).toContain(String(f.metrics.platforms));
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
    // No single-platform rule fires where this one does, and vice versa.
    if (c.name.includes('left to')) expect([...findings(report, 'continuous-order-time', 'W1'), ...findings(report, 'daily-work-time', 'W1')]).toHaveLength(1);
    if (c.expect.length) {
      expect(findings(report, 'continuous-order-time', 'W1')).toEqual([]);
      expect(findings(report, 'daily-work-time', 'W1')).toEqual([]);
    }
  });

  it('names each platform’s part and gives evidence from both platforms', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, [...on('A', '08:00', 5), ...on('B', '10:40', 3)]) });
    const [f] = findings(report, 'cross-platform-fatigue', 'W1');
    expect(f.metrics).toMatchObject({ minutes: 250, limitMinutes: 240, platformCount: 2, longestSinglePlatformMinutes: 150, orders: 8 });
    expect(f.message).toContain('A 150, B 90');
    expect(f.period).toEqual({ from: '2025-03-04T08:00:00+08:00', to: '2025-03-04T12:10:00+08:00' });
    expect(f.evidence.map((e) => e.note)).toEqual(['A', 'A', 'A', 'A', 'A', 'B', 'B', 'B']);
  });

  it('judges each worker separately', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, [...on('A', '08:00', 4), ...on('B', '10:05', 4, { worker: 'W2' })]) });
    expect(findings(report, 'cross-platform-fatigue')).toEqual([]);
  });
});
