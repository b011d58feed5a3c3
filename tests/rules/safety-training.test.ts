import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER, type Cell } from '../helpers/exports.js';

const WORKER_HEADER = ['worker_id', 'hired_at', 'safety_training_at'];

interface Case {
  name: string;
  roster: Cell[][];
  expect: 'none' | { messageId: string; orders: number; days: number; from: string; to: string; trainingDay: string };
}

// Orders: two a day from 2025-03-03 to 2025-03-07.
const cases: Case[] = [
  { name: 'trained the day before the first order', roster: [['W1', '2025-03-01', '2025-03-02']], expect: 'none' },
  { name: 'trained on the day of the first order', roster: [['W1', '2025-03-01', '2025-03-03']], expect: 'none' },
  { name: 'trained on the third day', roster: [['W1', '2025-03-01', '2025-03-05']], expect: { messageId: 'beforeTraining', orders: 4, days: 2, from: '2025-03-03', to: '2025-03-04', trainingDay: '2025-03-05' } },
  { name: 'trained after the last order', roster: [['W1', '2025-03-01', '2025-04-01']], expect: { messageId: 'beforeTraining', orders: 10, days: 5, from: '2025-03-03', to: '2025-03-07', trainingDay: '2025-04-01' } },
  { name: 'no training date', roster: [['W1', '2025-03-01', '']], expect: { messageId: 'noTraining', orders: 10, days: 5, from: '2025-03-03', to: '2025-03-07', trainingDay: 'none' } },
];

describe('safety-training', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 5), { worker: 'W1', orders: 2 })), 'workers.csv': csv(WORKER_HEADER, c.roster) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'safety-training', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ severity: 'warning', messageId: c.expect.messageId, period: { from: c.expect.from, to: c.expect.to } });
    expect(got[0].metrics).toMatchObject({ ordersBeforeTraining: c.expect.orders, daysBeforeTraining: c.expect.days, trainingDay: c.expect.trainingDay });
    expect(got[0].evidence).toHaveLength(1 + c.expect.orders);
    expect(got[0].evidence[0]).toMatchObject({ note: 'roster', line: 2 });
    expect(got[0].message).not.toMatch(/\{\w+\}/);
  });

  it('each platform of the worker gets its own finding', async () => {
    const orders = [...days(['2025-03-03'], { worker: 'W1', orders: 1, platform: 'A' }), ...days(['2025-03-06'], { worker: 'W1', orders: 1, platform: 'B' })];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'workers.csv': csv(WORKER_HEADER, [['W1', '', '2025-03-05']]) });
    expect(findings(report, 'safety-training', 'W1').map((f) => f.platform)).toEqual(['A']);
  });

  it('a worker missing from the roster is not assessed', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(['2025-03-03'], { worker: 'W1', orders: 1 })), 'workers.csv': csv(WORKER_HEADER, [['W2', '', '2025-01-01']]) });
    expect(findings(report, 'safety-training')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'safety-training')).toMatchObject({ reason: 'worker not in the roster', workerPlatforms: 1 });
  });

  it('no roster file: not assessed', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(['2025-03-03'], { worker: 'W1', orders: 1 })) });
    expect(report.notAssessed.find((n) => n.rule === 'safety-training')?.reason).toBe('no workers file');
  });
});
