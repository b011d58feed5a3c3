import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const WORKER_HEADER = ['worker_id', 'birth_date'];

interface Case {
  name: string;
  birth: string;
  rows: () => Cell[][];
  listed: 'none' | { days: number; age: number; first: string; last: string; until: string };
  longDays: string[]; // days with a warning
}

const cases: Case[] = [
  {
    name: 'aged 16, turning 17 during the work',
    birth: '2008-06-01',
    rows: () => days(dateRange('2025-05-30', 4), { worker: 'W1', orders: 2 }),
    listed: { days: 4, age: 16, first: '2025-05-30', last: '2025-06-02', until: '2026-05-31' },
    longDays: [],
  },
  {
    name: 'turns 18 on 1 June: only the two days before count',
    birth: '2007-06-01',
    rows: () => days(dateRange('2025-05-30', 4), { worker: 'W1', orders: 2 }),
    listed: { days: 2, age: 17, first: '2025-05-30', last: '2025-05-31', until: '2025-05-31' },
    longDays: [],
  },
  { name: 'adult from the first day', birth: '2007-05-30', rows: () => days(dateRange('2025-05-30', 2), { worker: 'W1', orders: 2 }), listed: 'none', longDays: [] },
  { name: 'under 16: child labour, not this rule', birth: '2010-01-01', rows: () => days(dateRange('2025-05-30', 2), { worker: 'W1', orders: 2 }), listed: 'none', longDays: [] },
  {
    name: 'born 29 February 2008: a minor until 28 February 2026',
    birth: '2008-02-29',
    rows: () => days(['2026-02-28', '2026-03-01'], { worker: 'W1', orders: 2 }),
    listed: { days: 1, age: 17, first: '2026-02-28', last: '2026-02-28', until: '2026-02-28' },
    longDays: [],
  },
  {
    name: 'a minor’s 8-hour day: at the limit',
    birth: '2008-06-01',
    rows: () => shift({ worker: 'W1', date: '2025-07-01', start: '08:00', orders: 16, gap: 0 }),
    listed: { days: 1, age: 17, first: '2025-07-01', last: '2025-07-01', until: '2026-05-31' },
    longDays: [],
  },
  {
    name: 'a minor’s 8 h 1 min day: warning',
    birth: '2008-06-01',
    rows: () => [...shift({ worker: 'W1', date: '2025-07-01', start: '08:00', orders: 16, gap: 0 }), ...shift({ worker: 'W1', date: '2025-07-02', start: '08:00', orders: 16, gap: 0 }), ...shift({ worker: 'W1', date: '2025-07-02', start: '16:00', orders: 1, minutes: 1 })],
    listed: { days: 2, age: 17, first: '2025-07-01', last: '2025-07-02', until: '2026-05-31' },
    longDays: ['2025-07-02'],
  },
];

describe('minor-worker', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, c.rows()), 'workers.csv': csv(WORKER_HEADER, [['W1', c.birth]]) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'minor-worker', 'W1');
    const listed = got.filter((f) => f.messageId === 'minorWorker');
    const long = got.filter((f) => f.messageId === 'minorLongDay');
    if (c.listed === 'none') expect(listed).toEqual([]);
    else {
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ severity: 'info', period: { from: c.listed.first, to: c.listed.until } });
      expect(listed[0].metrics).toMatchObject({ minorDays: c.listed.days, ageOnFirstDay: c.listed.age, firstDay: c.listed.first, lastDay: c.listed.last, protectedUntil: c.listed.until });
      expect(listed[0].evidence[0].note).toBe('roster');
    }
    expect(long.map((f) => f.period.from)).toEqual(c.longDays);
    for (const f of long) {
      expect(f.severity).toBe('warning');
      expect(f.metrics.limitHours).toBe(8);
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
    expect(new Set(got.map((f) => f.id)).size).toBe(got.length);
  });

  it('not assessed without a birth date', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(['2025-03-03'], { worker: 'W1', orders: 1 })), 'workers.csv': csv(['worker_id', 'name'], [['W1', '张三']]) });
    expect(findings(report, 'minor-worker')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'minor-worker')?.reason).toMatch(/birth date/);
  });
});
