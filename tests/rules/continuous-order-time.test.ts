import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, csv, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

interface Case {
  name: string;
  rows: () => Cell[][];
  expect: number | 'none'; // span minutes of the single finding
}

const cases: Case[] = [
  { name: '8 × 30 min with 5-minute gaps = 275 min', rows: () => shift({ worker: 'W1', date: '2025-03-04', orders: 8, minutes: 30, gap: 5 }), expect: 275 },
  { name: 'exactly at the limit: 240 min', rows: () => shift({ worker: 'W1', date: '2025-03-04', orders: 8, minutes: 30, gap: 0 }), expect: 'none' },
  {
    name: 'one minute over the limit: 241 min',
    rows: () => [...shift({ worker: 'W1', date: '2025-03-04', orders: 8, minutes: 30, gap: 0 }), ...shift({ worker: 'W1', date: '2025-03-04', start: '13:00', orders: 1, minutes: 1 })],
    expect: 241,
  },
  {
    name: 'a 19-minute gap is no break',
    rows: () => [...shift({ worker: 'W1', date: '2025-03-04', orders: 4, minutes: 30, gap: 0 }), ...shift({ worker: 'W1', date: '2025-03-04', start: '11:19', orders: 4, minutes: 30, gap: 0 })],
    expect: 259,
  },
  {
    name: 'a 20-minute gap is a break',
    rows: () => [...shift({ worker: 'W1', date: '2025-03-04', orders: 4, minutes: 30, gap: 0 }), ...shift({ worker: 'W1', date: '2025-03-04', start: '11:20', orders: 4, minutes: 30, gap: 0 })],
    expect: 'none',
  },
  {
    name: 'stacked (overlapping) orders are not double-counted',
    rows: () => [...shift({ worker: 'W1', date: '2025-03-04', orders: 7, minutes: 30, gap: 0 }), ...shift({ worker: 'W1', date: '2025-03-04', start: '09:10', orders: 7, minutes: 30, gap: 0 })],
    expect: 'none',
  },
  {
    name: 'a span crossing midnight is one span',
    rows: () => shift({ worker: 'W1', date: '2025-03-04', start: '21:00', orders: 10, minutes: 30, gap: 0 }),
    expect: 300,
  },
];

describe('continuous-order-time', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()) });
    const got = findings(report, 'continuous-order-time', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0].severity).toBe('warning');
    expect(got[0].metrics.minutes).toBe(c.expect);
    expect(got[0].metrics.limitMinutes).toBe(240);
  });

  it('names the first order accepted after the limit, with its line', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, shift({ worker: 'W1', date: '2025-03-04', start: '08:00', orders: 10, minutes: 30, gap: 0 })) });
    const [f] = findings(report, 'continuous-order-time', 'W1');
    expect(f.period).toEqual({ from: '2025-03-04T08:00:00+08:00', to: '2025-03-04T13:00:00+08:00' });
    // Orders start every 30 minutes from 08:00: the first at or after 12:00 is the 9th (file line 10).
    expect(f.evidence[0]).toMatchObject({ line: 10, note: 'first order accepted after the limit' });
    expect(f.metrics.ordersAfterLimit).toBe(2);
  });

  it('applies a platform’s negotiated limit from --config to that platform only', async () => {
    const rows = [
      ...shift({ worker: 'W1', date: '2025-03-04', orders: 7, minutes: 30, gap: 0, platform: 'A' }),
      ...shift({ worker: 'W2', date: '2025-03-04', orders: 7, minutes: 30, gap: 0, platform: 'B' }),
    ];
    const config = join(tmpdir(), `gigaudit-config-${process.pid}.json`);
    writeFileSync(config, JSON.stringify({ platforms: { A: { rules: { 'continuous-order-time': { parameters: { max_minutes: 180 }, severity: 'error' } } } } }));
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows) }, { config });
    const got = findings(report, 'continuous-order-time');
    expect(got.map((f) => [f.workerId, f.platform, f.severity, f.metrics.limitMinutes])).toEqual([['W1', 'A', 'error', 180]]);
    // The report says which values came from the config rather than the rulesets.
    expect(report.run.parameterSources).toContainEqual(
      expect.objectContaining({ rule: 'continuous-order-time', platform: 'A', name: 'max_minutes', value: 180, origin: 'config' }),
    );
    expect(report.run.parameterSources?.some((p) => p.platform === 'B')).toBe(false);
  });

  it('does not judge work before the limit took effect (2021-07-16): could not assess, no crash', async () => {
    const rows = [
      ...shift({ worker: 'W1', date: '2021-07-15', orders: 10, minutes: 30, gap: 0 }),
      ...shift({ worker: 'W2', date: '2021-07-16', orders: 10, minutes: 30, gap: 0 }),
    ];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows) });
    expect(findings(report, 'continuous-order-time').map((f) => f.workerId)).toEqual(['W2']);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'continuous-order-time', workerPlatforms: 1 }));
  });
});
