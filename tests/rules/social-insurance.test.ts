import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const INS_HEADER = ['worker_id', 'insurance_type', 'start_date', 'end_date', 'platform', 'status'];
const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'platform', 'dispatch_agency', 'agency_licensed'];
const both = (platform = '速达', start = '2024-01-01', end = '', status = '正常') => [
  ['W1', '养老保险', start, end, platform, status],
  ['W1', '医疗保险', start, end, platform, status],
];

interface Case {
  name: string;
  contract: string;
  agency?: string;
  insurance: string[][];
  expect: { messageId: string; from: string; to: string; months: number; missing: string }[];
}

// Active every day from 2025-01-02 to 2025-03-31 (3 months).
const cases: Case[] = [
  { name: 'labour with pension and medical from the platform', contract: '劳动合同', insurance: both(), expect: [] },
  { name: 'labour with neither', contract: '劳动合同', insurance: [], expect: [{ messageId: 'missingBoth', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'pension,medical' }] },
  { name: 'labour with pension only', contract: '劳动合同', insurance: [both()[0]], expect: [{ messageId: 'missingMedical', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'medical' }] },
  { name: 'labour with medical only', contract: '劳动合同', insurance: [both()[1]], expect: [{ messageId: 'missingPension', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'pension' }] },
  { name: 'work-injury insurance is not social insurance here', contract: '劳动合同', insurance: [['W1', '工伤保险', '2024-01-01', '', '速达', '正常']], expect: [{ messageId: 'missingBoth', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'pension,medical' }] },
  { name: 'enrolments in arrears (欠费)', contract: '劳动合同', insurance: both('速达', '2024-01-01', '', '欠费'), expect: [{ messageId: 'notPaid', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'pension,medical' }] },
  { name: 'enrolments stop at the end of January', contract: '劳动合同', insurance: both('速达', '2024-01-01', '2025-01-31'), expect: [{ messageId: 'missingBoth', from: '2025-02-01', to: '2025-03-31', months: 2, missing: 'pension,medical' }] },
  { name: 'enrolments stopping on 1 March still count for March', contract: '劳动合同', insurance: both('速达', '2024-01-01', '2025-03-01'), expect: [] },
  { name: 'enrolments starting on 31 January count for January', contract: '劳动合同', insurance: both('速达', '2025-01-31'), expect: [] },
  { name: 'enrolments with another platform', contract: '劳动合同', insurance: both('别家'), expect: [{ messageId: 'missingBoth', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'pension,medical' }] },
  { name: 'dispatch, insured by the dispatch agency', contract: '劳务派遣', agency: '渝才派遣', insurance: both('渝才派遣'), expect: [] },
  { name: 'dispatch with neither', contract: '劳务派遣', agency: '渝才派遣', insurance: [], expect: [{ messageId: 'missingBoth', from: '2025-01-02', to: '2025-03-31', months: 3, missing: 'pension,medical' }] },
  { name: 'written agreement (intermediate category) is not checked', contract: '书面协议', insurance: [], expect: [] },
  { name: 'part-time is not checked', contract: '非全日制', insurance: [], expect: [] },
  { name: 'no contract (unknown) is not checked', contract: '', insurance: [], expect: [] },
];

describe('social-insurance', () => {
  it.each(cases)('$name', async (c) => {
    const orders = days(dateRange('2025-01-02', 89), { worker: 'W1', orders: 2 });
    const contracts = [['W9', '劳动合同', '2024-01-01', '速达', '', '']];
    if (c.contract) contracts.push(['W1', c.contract, '2024-01-01', '速达', c.agency ?? '', c.agency ? '是' : '']);
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, contracts),
      'insurance.csv': csv(INS_HEADER, [...c.insurance, ['W9', '养老保险', '2020-01-01', '', '速达', '正常']]),
    });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'social-insurance', 'W1');
    expect(got.map((f) => [f.messageId, f.period.from, f.period.to, f.metrics.months, f.metrics.missing])).toEqual(
      c.expect.map((e) => [e.messageId, e.from, e.to, e.months, e.missing]),
    );
    for (const f of got) {
      expect(f).toMatchObject({ severity: 'error', platform: '速达' });
      expect(f.evidence.some((e) => e.orderId)).toBe(true);
    }
  });

  it('splits runs at months without work', async () => {
    const orders = [...days(dateRange('2025-01-02', 10), { worker: 'W1', orders: 2 }), ...days(dateRange('2025-03-03', 10), { worker: 'W1', orders: 2 })];
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '劳动合同', '2024-01-01', '速达', '', '']]),
      'insurance.csv': csv(INS_HEADER, [['W9', '养老保险', '2020-01-01', '', '速达', '正常']]),
    });
    expect(findings(report, 'social-insurance', 'W1').map((f) => [f.metrics.firstMonth, f.metrics.lastMonth, f.metrics.activeDays])).toEqual([
      ['2025-01', '2025-01', 10],
      ['2025-03', '2025-03', 10],
    ]);
  });

  it('checks only the months in a labour relation', async () => {
    // Agreement in January, labour contract from February.
    const orders = days(dateRange('2025-01-02', 58), { worker: 'W1', orders: 2 });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, [
        ['W1', '书面协议', '2024-01-01', '速达', '', ''],
        ['W1', '劳动合同', '2025-02-01', '速达', '', ''],
      ]),
      'insurance.csv': csv(INS_HEADER, [['W9', '养老保险', '2020-01-01', '', '速达', '正常']]),
    });
    expect(findings(report, 'social-insurance', 'W1').map((f) => [f.period.from, f.period.to, f.metrics.relation])).toEqual([['2025-02-01', '2025-02-28', 'labor']]);
  });

  it('counts enrolments by the partner company and judges each platform separately', async () => {
    const a = days(dateRange('2025-01-02', 30), { worker: 'W1', orders: 2, platform: '速达' }).map((r) => [...r, '永川站点公司']);
    const b = days(dateRange('2025-01-02', 30), { worker: 'W1', orders: 2, start: '15:00', platform: '别家' }).map((r) => [...r, '']);
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], [...a, ...b]),
      'contracts.csv': csv(CONTRACT_HEADER, [
        ['W1', '劳动合同', '2024-01-01', '永川站点公司', '', ''],
        ['W1', '劳动合同', '2024-01-01', '别家', '', ''],
      ]),
      'insurance.csv': csv(INS_HEADER, both('永川站点公司')),
    });
    expect(findings(report, 'social-insurance', 'W1').map((f) => f.platform)).toEqual(['别家']);
  });

  it('cannot assess without an insurance file', async () => {
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-01-02', 10), { worker: 'W1', orders: 2 })),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '劳动合同', '2024-01-01', '速达', '', '']]),
    });
    expect(findings(report, 'social-insurance')).toEqual([]);
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'social-insurance', reason: 'no insurance file' }));
  });
});
