import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'form'];
type Row = (string | undefined)[];

interface Case {
  name: string;
  from: string;
  activeDays: number;
  contracts: Row[];
  employer?: string;
  expect: { first: string; last: string; messageId: string } | 'none';
}

const cases: Case[] = [
  { name: 'no contract, 45 active days', from: '2025-01-02', activeDays: 45, contracts: [], expect: { first: '2025-01-02', last: '2025-02-15', messageId: 'noContract' } },
  { name: 'no contract, exactly 30 days past the first day (31 active days)', from: '2025-01-02', activeDays: 31, contracts: [], expect: 'none' },
  { name: 'no contract, 31 days past the first day', from: '2025-01-02', activeDays: 32, contracts: [], expect: { first: '2025-01-02', last: '2025-02-02', messageId: 'noContract' } },
  { name: 'agreement signed late (day 40)', from: '2025-01-02', activeDays: 58, contracts: [['W1', '书面协议', '2025-02-10', '', '速达', '']], expect: { first: '2025-01-02', last: '2025-02-09', messageId: 'notCovered' } },
  { name: 'agreement signed on day 19', from: '2025-01-02', activeDays: 58, contracts: [['W1', '书面协议', '2025-01-20', '', '速达', '']], expect: 'none' },
  { name: 'labour contract covering everything', from: '2025-01-02', activeDays: 58, contracts: [['W1', '劳动合同', '2024-06-01', '2026-05-31', '速达', '书面']], expect: 'none' },
  { name: 'oral part-time agreement counts', from: '2025-01-02', activeDays: 45, contracts: [['W1', '非全日制', '2025-01-01', '', '速达', '口头']], expect: 'none' },
  { name: 'oral written agreement does not count', from: '2025-01-02', activeDays: 45, contracts: [['W1', '书面协议', '2025-01-01', '', '速达', '口头']], expect: { first: '2025-01-02', last: '2025-02-15', messageId: 'oralOnly' } },
  { name: 'contract with another platform does not count', from: '2025-01-02', activeDays: 45, contracts: [['W1', '书面协议', '2025-01-01', '', '别家', '']], expect: { first: '2025-01-02', last: '2025-02-15', messageId: 'noContract' } },
  { name: 'contract with the partner company counts', from: '2025-01-02', activeDays: 45, employer: '永川站点公司', contracts: [['W1', '劳动合同', '2025-01-01', '', '永川站点公司', '']], expect: 'none' },
  { name: 'expired contract, later days uncovered', from: '2025-01-02', activeDays: 58, contracts: [['W1', '书面协议', '2024-01-01', '2025-01-10', '速达', '']], expect: { first: '2025-01-11', last: '2025-02-28', messageId: 'notCovered' } },
];

describe('written-contract', () => {
  it.each(cases)('$name', async (c) => {
    let orders = days(dateRange(c.from, c.activeDays), { worker: 'W1', orders: 2 });
    let header = ORDER_HEADER;
    if (c.employer) {
      header = [...ORDER_HEADER, 'employer'];
      orders = orders.map((r) => [...r, c.employer]);
    }
    const other = [['W2', '书面协议', '2020-01-01', '', '速达', '']];
    const report = await audit({ 'orders.csv': csv(header, orders), 'contracts.csv': csv(CONTRACT_HEADER, [...c.contracts, ...other]) });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'written-contract', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ severity: 'error', messageId: c.expect.messageId, period: { from: c.expect.first, to: c.expect.last } });
    expect(got[0].metrics.graceDays).toBe(30);
    expect(got[0].evidence.some((e) => e.orderId)).toBe(true);
  });

  it('estimates the double-wage exposure where a labour contract lapsed', async () => {
    const orders = days(dateRange('2025-01-02', 90), { worker: 'W1', orders: 2, payYuan: 50 });
    const contracts = csv(CONTRACT_HEADER, [['W1', '劳动合同', '2024-01-01', '2025-01-01', '速达', '']]);
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'contracts.csv': contracts });
    const [f] = findings(report, 'written-contract', 'W1');
    expect(f.metrics.relation).toBe('labor');
    // 100 yuan a day ≈ 3043.75 a month; exposure runs from day 31 to day 90 (59 days ≈ 1.94 months).
    expect(f.metrics.doubleWageExposureYuan).toBeGreaterThan(5800);
    expect(f.metrics.doubleWageExposureYuan).toBeLessThan(6000);
  });

  // rules.md: "Where the relation is, or was last, labor/dispatch: add the double-wage exposure".
  it.each([
    { name: 'labour contract lapsed', contracts: [['W1', '劳动合同', '2024-01-01', '2025-01-01', '速达', '']], relation: 'labor' },
    { name: 'dispatch contract lapsed', contracts: [['W1', '劳务派遣', '2024-01-01', '2025-01-01', '速达', '']], relation: 'dispatch' },
    {
      name: 'labour contract, then a written agreement that lapsed: last relation not_fully',
      contracts: [
        ['W1', '劳动合同', '2024-01-01', '2024-06-30', '速达', ''],
        ['W1', '书面协议', '2024-07-01', '2025-01-01', '速达', ''],
      ],
      relation: undefined,
    },
    {
      name: 'written agreement, then a labour contract that lapsed',
      contracts: [
        ['W1', '书面协议', '2024-01-01', '2024-06-30', '速达', ''],
        ['W1', '劳动合同', '2024-07-01', '2025-01-01', '速达', ''],
      ],
      relation: 'labor',
    },
    { name: 'oral labour contract covering the run (the relation is labour)', contracts: [['W1', '劳动合同', '2024-12-01', '', '速达', '口头']], relation: 'labor' },
    { name: 'no contract at all', contracts: [], relation: undefined },
  ])('double-wage exposure: $name', async (c) => {
    const orders = days(dateRange('2025-01-02', 60), { worker: 'W1', orders: 2, payYuan: 50 });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'contracts.csv': csv(CONTRACT_HEADER, c.contracts) });
    const [f] = findings(report, 'written-contract', 'W1');
    expect(f).toBeDefined();
    expect(f.metrics.relation).toBe(c.relation);
    if (c.relation) {
      expect(f.metrics.doubleWageExposureYuan).toBeGreaterThan(0);
      expect(f.messageId).toMatch(/WithExposure$/);
      expect(f.message).toContain((f.metrics.doubleWageExposureYuan as number).toFixed(2));
    } else {
      expect(f.metrics.doubleWageExposureYuan).toBeUndefined();
      expect(f.messageId).not.toMatch(/WithExposure$/);
    }
    expect(f.metrics.arrearsYuan).toBe(f.metrics.doubleWageExposureYuan);
  });

  it('says it could not estimate the double-wage exposure where a labour worker has no pay at all', async () => {
    const orders = days(dateRange('2025-01-02', 60), { worker: 'W1', orders: 2 });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'contracts.csv': csv(CONTRACT_HEADER, [['W1', '劳动合同', '2024-01-01', '2025-01-01', '速达', '']]) });
    const [f] = findings(report, 'written-contract', 'W1');
    expect(f.metrics.relation).toBe('labor');
    expect(f.metrics.doubleWageExposureYuan).toBeUndefined();
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'written-contract', reason: 'no pay records or order pay to estimate the double-wage exposure from' }));
  });

  it('cannot assess without a contracts file', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-01-02', 45), { worker: 'W1', orders: 2 })) });
    expect(findings(report, 'written-contract')).toEqual([]);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'written-contract', reason: 'no contracts file' }));
  });
});
