import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, csv, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const D = '2025-03-04';
const NEXT = '2025-03-05';

interface Case {
  name: string;
  rows: () => Cell[][];
  expect: { day: string; minutes: number }[];
}

const cases: Case[] = [
  { name: '24 × 30 min back to back = 720 min, exactly at the limit', rows: () => shift({ worker: 'W1', date: D, start: '08:00', orders: 24, gap: 0 }), expect: [] },
  {
    name: 'one minute over: 721 min',
    rows: () => [...shift({ worker: 'W1', date: D, start: '08:00', orders: 24, gap: 0 }), ...shift({ worker: 'W1', date: D, start: '20:00', orders: 1, minutes: 1 })],
    expect: [{ day: D, minutes: 721 }],
  },
  {
    name: 'two 6.5 h spans with a 1 h break: the break is not working time (780)',
    rows: () => [...shift({ worker: 'W1', date: D, start: '07:00', orders: 13, gap: 0 }), ...shift({ worker: 'W1', date: D, start: '14:30', orders: 13, gap: 0 })],
    expect: [{ day: D, minutes: 780 }],
  },
  {
    name: 'waiting under 20 min inside a span counts: 20 × 30 min with 10 min gaps = 790',
    rows: () => shift({ worker: 'W1', date: D, start: '06:00', orders: 20, minutes: 30, gap: 10 }),
    expect: [{ day: D, minutes: 790 }],
  },
  {
    name: 'a 14 h span from 20:00 is split at midnight (240 + 600): no day over',
    rows: () => shift({ worker: 'W1', date: D, start: '20:00', orders: 28, gap: 0 }),
    expect: [],
  },
  {
    name: 'a 17 h span from 20:00: 240 on the first day, 780 on the next',
    rows: () => shift({ worker: 'W1', date: D, start: '20:00', orders: 34, gap: 0 }),
    expect: [{ day: NEXT, minutes: 780 }],
  },
  {
    name: 'two platforms, 8 h + 6 h on one day: each judged alone, none over',
    rows: () => [
      ...shift({ worker: 'W1', date: D, start: '06:00', orders: 16, gap: 0, platform: 'A' }),
      ...shift({ worker: 'W1', date: D, start: '15:00', orders: 12, gap: 0, platform: 'B' }),
    ],
    expect: [],
  },
];

describe('daily-work-time', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'daily-work-time', 'W1');
    expect(got.map((f) => ({ day: f.period.from, minutes: f.metrics.minutes }))).toEqual(c.expect);
    for (const f of got) {
      expect(f.severity).toBe('warning');
      expect(f.period.to).toBe(f.period.from);
      expect(f.metrics.limitMinutes).toBe(720);
      expect(f.basis.length).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('lists the orders of the day as evidence, including one that started the evening before', async () => {
    const rows = [
      ...shift({ worker: 'W1', date: '2025-03-03', start: '23:30', orders: 1, minutes: 60 }),
      ...shift({ worker: 'W1', date: D, start: '00:35', orders: 25, gap: 0 }),
    ];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows) });
    const [f, ...rest] = findings(report, 'daily-work-time', 'W1');
    expect(rest).toEqual([]);
    // 30 min of the overnight order + 5 min waiting + 25 × 30 min = 785
    expect(f.metrics.minutes).toBe(785);
    expect(f.metrics.orders).toBe(26);
    expect(f.evidence).toHaveLength(26);
    expect(f.evidence[0]).toMatchObject({ line: 2 });
  });

  it('applies a platform’s negotiated daily limit from --config to that platform only', async () => {
    const rows = [
      ...shift({ worker: 'W1', date: D, start: '08:00', orders: 21, gap: 0, platform: 'A' }),
      ...shift({ worker: 'W2', date: D, start: '08:00', orders: 21, gap: 0, platform: 'B' }),
    ];
    const config = join(tmpdir(), `gigaudit-dwt-${process.pid}.json`);
    writeFileSync(config, JSON.stringify({ platforms: { A: { rules: { 'daily-work-time': { parameters: { max_minutes: 600 } } } } } }));
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows) }, { config });
    expect(findings(report, 'daily-work-time').map((f) => [f.workerId, f.platform, f.metrics.minutes, f.metrics.limitMinutes])).toEqual([['W1', 'A', 630, 600]]);
  });
});

describe('daily-work-time in Chinese', () => {
  it('fills the zh template', async () => {
    const rows = [...shift({ worker: 'W1', date: D, start: '08:00', orders: 24, gap: 0 }), ...shift({ worker: 'W1', date: D, start: '20:00', orders: 1, minutes: 1 })];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, rows) }, { lang: 'zh' });
    expect(findings(report, 'daily-work-time', 'W1')[0].message).toBe('2025-03-04 工作时间 721 分钟（12.02 小时，25 单），超过每日 720 分钟上限');
  });
});
