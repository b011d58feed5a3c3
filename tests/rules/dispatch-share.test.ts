import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER, type Cell } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'platform', 'dispatch_agency', 'agency_licensed'];

/** n workers of a platform on one kind of contract, each active 5 days from `from`. */
function workers(prefix: string, n: number, type: string, platform = '速达', from = '2025-01-06') {
  const orders: Cell[][] = [];
  const contracts: Cell[][] = [];
  for (let i = 1; i <= n; i++) {
    const id = `${prefix}${i}`;
    orders.push(...days(dateRange(from, 5), { worker: id, orders: 1, platform }));
    contracts.push([id, type, '2024-01-01', platform, type === '劳务派遣' ? '渝才派遣' : '', type === '劳务派遣' ? '是' : '']);
  }
  return { orders, contracts };
}

function files(...groups: { orders: Cell[][]; contracts: Cell[][] }[]) {
  return {
    'orders.csv': csv(ORDER_HEADER, groups.flatMap((g) => g.orders)),
    'contracts.csv': csv(CONTRACT_HEADER, groups.flatMap((g) => g.contracts)),
  };
}

interface Case {
  name: string;
  dispatch: number;
  labor: number;
  agreement?: number;
  expect: { share: number } | 'none';
}

const cases: Case[] = [
  { name: '1 of 10 dispatched: exactly 10 %', dispatch: 1, labor: 9, expect: 'none' },
  { name: '1 of 9 dispatched: 11.1 %', dispatch: 1, labor: 8, expect: { share: 0.1111 } },
  { name: '2 of 20 dispatched: exactly 10 %', dispatch: 2, labor: 18, expect: 'none' },
  { name: '3 of 20 dispatched: 15 %', dispatch: 3, labor: 17, expect: { share: 0.15 } },
  { name: 'no dispatch at all', dispatch: 0, labor: 5, expect: 'none' },
  { name: 'only dispatched workers', dispatch: 2, labor: 0, expect: { share: 1 } },
  { name: 'agreement workers are not in the count: 1 of 9 with 20 others', dispatch: 1, labor: 8, agreement: 20, expect: { share: 0.1111 } },
];

describe('dispatch-share', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit(files(workers('D', c.dispatch, '劳务派遣'), workers('L', c.labor, '劳动合同'), workers('A', c.agreement ?? 0, '书面协议')));
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'dispatch-share');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      severity: 'warning',
      platform: '速达',
      messageId: 'overShare',
      period: { from: '2025-01-01', to: '2025-01-31' },
      metrics: { dispatch: c.dispatch, labor: c.labor, share: c.expect.share, maxShare: 0.1 },
    });
    expect(got[0].workerId).toBeUndefined();
    expect(got[0].evidence).toHaveLength(c.dispatch);
    expect(got[0].evidence[0].note).toMatch(/^worker D1: dispatch_contract, agency 渝才派遣/);
  });

  it('counts each platform separately', async () => {
    const report = await audit(
      files(workers('AD', 1, '劳务派遣', 'A'), workers('AL', 9, '劳动合同', 'A'), workers('BD', 1, '劳务派遣', 'B'), workers('BL', 1, '劳动合同', 'B')),
    );
    expect(findings(report, 'dispatch-share').map((f) => [f.platform, f.metrics.share])).toEqual([['B', 0.5]]);
  });

  it('counts the workers active in each month', async () => {
    // January: 1 dispatched + 9 labour (10 %). February: the same dispatched worker, 5 labour.
    const report = await audit(
      files(
        workers('D', 1, '劳务派遣'),
        workers('L', 9, '劳动合同'),
        workers('D', 1, '劳务派遣', '速达', '2025-02-03'),
        workers('L', 5, '劳动合同', '速达', '2025-02-03'),
      ),
    );
    expect(findings(report, 'dispatch-share').map((f) => [f.metrics.month, f.metrics.dispatch, f.metrics.labor])).toEqual([['2025-02', 1, 5]]);
  });

  it('counts workers managed by a partner company for the platform', async () => {
    const d = workers('D', 1, '劳务派遣', '站点公司');
    const l = workers('L', 5, '劳动合同', '站点公司');
    const orders = [...d.orders, ...l.orders].map((r) => [...r.slice(0, 4), '速达', ...r.slice(5), '站点公司']);
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], orders),
      'contracts.csv': csv(CONTRACT_HEADER, [...d.contracts, ...l.contracts]),
    });
    expect(findings(report, 'dispatch-share').map((f) => [f.platform, f.metrics.dispatch, f.metrics.labor])).toEqual([['速达', 1, 5]]);
  });
});
