import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER, type Cell } from '../helpers/exports.js';

const WORKER_HEADER = ['worker_id', 'id_number', 'birth_date', 'safety_training_at'];

/** An 18-digit resident ID (GB 11643) for a birth date, with its ISO 7064 MOD 11-2 check character. */
function residentId(birth: string, region = '500118', seq = '123'): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

interface Case {
  name: string;
  roster: Cell[];
  dates: string[];
  expect: 'none' | { days: number; age: number; from: string; to: string };
}

const cases: Case[] = [
  { name: 'works the day before the 16th birthday', roster: ['W1', '', '2009-03-10', ''], dates: ['2025-03-09'], expect: { days: 1, age: 15, from: '2025-03-09', to: '2025-03-09' } },
  { name: 'works from the 16th birthday', roster: ['W1', '', '2009-03-10', ''], dates: dateRange('2025-03-10', 3), expect: 'none' },
  { name: 'works across the 16th birthday', roster: ['W1', '', '2009-03-10', ''], dates: dateRange('2025-03-07', 6), expect: { days: 3, age: 15, from: '2025-03-07', to: '2025-03-09' } },
  { name: 'aged 14 for a week', roster: ['W1', '', '2010-06-01', ''], dates: dateRange('2025-03-03', 7), expect: { days: 7, age: 14, from: '2025-03-03', to: '2025-03-09' } },
  { name: 'birth date from the resident ID number only', roster: ['W1', residentId('2010-06-01'), '', ''], dates: dateRange('2025-03-03', 2), expect: { days: 2, age: 14, from: '2025-03-03', to: '2025-03-04' } },
  { name: 'adult from the ID number', roster: ['W1', residentId('1990-01-31'), '', ''], dates: dateRange('2025-03-03', 2), expect: 'none' },
  { name: 'born 29 February 2008: 16 on 29 February 2024 (a leap year)', roster: ['W1', '', '2008-02-29', ''], dates: ['2024-02-28', '2024-02-29', '2024-03-01'], expect: { days: 1, age: 15, from: '2024-02-28', to: '2024-02-28' } },
];

describe('child-labour', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, days(c.dates, { worker: 'W1', orders: 2 })),
      'workers.csv': csv(WORKER_HEADER, [c.roster]),
    });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'child-labour', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ severity: 'error', period: { from: c.expect.from, to: c.expect.to } });
    expect(got[0].metrics).toMatchObject({ daysUnderAge: c.expect.days, ageOnFirstDay: c.expect.age, firstDayOfWork: c.dates[0], minAge: 16 });
    expect(got[0].evidence[0]).toMatchObject({ line: 2, note: 'roster' });
    expect(got[0].evidence).toHaveLength(1 + c.expect.days);
    expect(got[0].basis.map((b) => b.document)).toContain('禁止使用童工规定');
    expect(got[0].message).not.toMatch(/\{\w+\}/);
  });

  it('one finding per platform the child worked for', async () => {
    const orders = [...days(['2025-03-03'], { worker: 'W1', orders: 1, platform: 'A' }), ...days(['2025-03-04'], { worker: 'W1', orders: 1, platform: 'B' })];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'workers.csv': csv(WORKER_HEADER, [['W1', '', '2011-01-01', '']]) });
    expect(findings(report, 'child-labour', 'W1').map((f) => [f.platform, f.metrics.ageOnFirstDay])).toEqual([['A', 14], ['B', 14]]);
  });

  it.each([
    { name: 'worker missing from the roster', roster: [['W9', '', '2000-01-01', '']], reason: 'worker not in the roster' },
    { name: 'no birth date and no ID number', roster: [['W1', '', '', '2025-01-01']], reason: 'no birth date or resident ID number in the roster' },
  ])('$name: not assessed', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(['2025-03-03'], { worker: 'W1', orders: 1 })), 'workers.csv': csv(WORKER_HEADER, c.roster) });
    expect(findings(report, 'child-labour')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'child-labour')).toMatchObject({ reason: c.reason, workerPlatforms: 1 });
  });

  it('no roster file: not assessed', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(['2025-03-03'], { worker: 'W1', orders: 1 })) });
    expect(report.notAssessed.find((n) => n.rule === 'child-labour')?.reason).toBe('no workers file');
  });
});
