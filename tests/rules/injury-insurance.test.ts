import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const INS_HEADER = ['worker_id', 'insurance_type', 'start_date', 'end_date', 'platform', 'status'];
const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'platform'];

interface Case {
  name: string;
  from: string;
  n: number;
  region?: string;
  line?: string;
  contract?: string;
  insurance: string[][];
  expect: 'none' | { severity: 'error' | 'warning'; first: string; last: string; messageId: string };
}

const cases: Case[] = [
  { name: 'agreement worker with occupational-injury cover from the platform', from: '2025-01-02', n: 10, contract: '书面协议', insurance: [['W1', '职业伤害保障', '2025-01-01', '', '速达', '正常']], expect: 'none' },
  { name: 'no enrolment at all', from: '2025-01-02', n: 10, contract: '书面协议', insurance: [], expect: { severity: 'error', first: '2025-01-02', last: '2025-01-11', messageId: 'noCover' } },
  { name: 'covered only by another platform', from: '2025-01-02', n: 10, contract: '书面协议', insurance: [['W1', '职业伤害保障', '2025-01-01', '', '别家', '正常']], expect: { severity: 'error', first: '2025-01-02', last: '2025-01-11', messageId: 'noCover' } },
  { name: 'enrolment in arrears (欠费)', from: '2025-01-02', n: 10, contract: '书面协议', insurance: [['W1', '职业伤害保障', '2025-01-01', '', '速达', '欠费']], expect: { severity: 'error', first: '2025-01-02', last: '2025-01-11', messageId: 'lapsed' } },
  { name: 'cover starts on day 9', from: '2025-01-02', n: 10, contract: '书面协议', insurance: [['W1', '职业伤害保障', '2025-01-10', '', '速达', '正常']], expect: { severity: 'error', first: '2025-01-02', last: '2025-01-09', messageId: 'noCover' } },
  { name: 'cover ends on day 5', from: '2025-01-02', n: 10, contract: '书面协议', insurance: [['W1', '职业伤害保障', '2024-01-01', '2025-01-06', '速达', '正常']], expect: { severity: 'error', first: '2025-01-07', last: '2025-01-11', messageId: 'noCover' } },
  { name: 'labour relation needs work-injury insurance, not occupational-injury', from: '2025-01-02', n: 10, contract: '劳动合同', insurance: [['W1', '职业伤害保障', '2025-01-01', '', '速达', '正常']], expect: { severity: 'error', first: '2025-01-02', last: '2025-01-11', messageId: 'noCover' } },
  { name: 'labour relation with work-injury insurance', from: '2025-01-02', n: 10, contract: '劳动合同', insurance: [['W1', '工伤保险', '2025-01-01', '', '速达', '正常']], expect: 'none' },
  { name: 'before the scheme reached Chongqing (2022-06): no commercial cover is a warning', from: '2022-06-20', n: 10, contract: '书面协议', insurance: [], expect: { severity: 'warning', first: '2022-06-20', last: '2022-06-30', messageId: 'noCommercialCover' } },
  { name: 'before the scheme, with commercial accident cover', from: '2022-06-20', n: 10, contract: '书面协议', insurance: [['W1', '商业意外险', '2022-01-01', '', '速达', '正常']], expect: 'none' },
  { name: 'Yunnan in 2025 (not yet in the scheme): warning', from: '2025-01-02', n: 10, region: '五华区', contract: '书面协议', insurance: [], expect: { severity: 'warning', first: '2025-01-02', last: '2025-01-11', messageId: 'noCommercialCover' } },
  { name: 'express delivery is outside the scheme: warning', from: '2025-01-02', n: 10, line: '快递', contract: '书面协议', insurance: [], expect: { severity: 'warning', first: '2025-01-02', last: '2025-01-11', messageId: 'noCommercialCover' } },
];

describe('injury-insurance', () => {
  it.each(cases)('$name', async (c) => {
    // 2022-06-20 + 11 days crosses the scheme's start on 2022-07-01: keep the warning case before it.
    const n = c.from === '2022-06-20' ? 11 : c.n;
    const orders = days(dateRange(c.from, n), { worker: 'W1', orders: 2, region: c.region, line: c.line });
    const files: Record<string, string> = {
      'orders.csv': csv(ORDER_HEADER, orders),
      'insurance.csv': csv(INS_HEADER, [...c.insurance, ['W9', '工伤保险', '2020-01-01', '', '速达', '正常']]),
    };
    if (c.contract) files['contracts.csv'] = csv(CONTRACT_HEADER, [['W1', c.contract, '2020-01-01', '速达']]);
    const report = await audit(files);
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'injury-insurance', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ severity: c.expect.severity, messageId: c.expect.messageId, period: { from: c.expect.first, to: c.expect.last } });
    expect(got[0].metrics.ordersWithoutCover).toBe(got[0].metrics.uncoveredActiveDays as number * 2);
    expect(got[0].evidence[0].orderId).toMatch(/^O\d+/);
  });

  it('the scheme starts on 2022-07-01: days before warn, days after are errors', async () => {
    const orders = days(dateRange('2022-06-28', 6), { worker: 'W1', orders: 1 });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'insurance.csv': csv(INS_HEADER, [['W9', '工伤保险', '2020-01-01', '', '速达', '正常']]) });
    const got = findings(report, 'injury-insurance', 'W1').map((f) => [f.severity, f.period.from, f.period.to]);
    expect(got).toEqual([
      ['warning', '2022-06-28', '2022-06-30'],
      ['error', '2022-07-01', '2022-07-03'],
    ]);
  });

  it('cannot assess without an insurance file', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-01-02', 3), { worker: 'W1', orders: 1 })) });
    expect(findings(report, 'injury-insurance')).toEqual([]);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'injury-insurance', reason: 'no insurance file' }));
  });
});
