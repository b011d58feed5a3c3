import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'dispatch_agency', 'agency_licensed'];

interface Case {
  name: string;
  type: string;
  agency: string;
  licensed: string;
  expect: string | 'none';
}

const cases: Case[] = [
  { name: 'licensed agency', type: '劳务派遣', agency: '渝才派遣', licensed: '是', expect: 'none' },
  { name: 'no agency named', type: '劳务派遣', agency: '', licensed: '', expect: 'noAgency' },
  { name: 'no agency named, licence said yes', type: '派遣劳动合同', agency: '', licensed: '是', expect: 'noAgency' },
  { name: 'unlicensed agency (否)', type: '劳务派遣', agency: '渝才派遣', licensed: '否', expect: 'unlicensed' },
  { name: 'unlicensed agency (无)', type: '劳务派遣', agency: '渝才派遣', licensed: '无', expect: 'unlicensed' },
  { name: 'the platform dispatching to itself', type: '劳务派遣', agency: '速达', licensed: '是', expect: 'selfDispatch' },
  { name: 'a labour contract needs no agency', type: '劳动合同', agency: '', licensed: '', expect: 'none' },
  { name: 'a written agreement needs no agency', type: '书面协议', agency: '', licensed: '否', expect: 'none' },
];

describe('dispatch-agency', () => {
  it.each(cases)('$name', async (c) => {
    const orders = days(dateRange('2025-01-02', 10), { worker: 'W1', orders: 2 });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', c.type, '2025-01-01', '2025-06-30', '速达', c.agency, c.licensed]]),
    });
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'dispatch-agency', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      severity: 'error',
      platform: '速达',
      messageId: c.expect,
      period: { from: '2025-01-01', to: '2025-06-30' },
      metrics: { agency: c.agency, activeDays: 10 },
    });
    expect(got[0].evidence).toEqual([expect.objectContaining({ file: expect.stringMatching(/contracts\.csv$/), line: 2 })]);
  });

  it('an unrecorded licence is not assessed, not passed', async () => {
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-01-02', 10), { worker: 'W1', orders: 2 })),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '劳务派遣', '2025-01-01', '', '速达', '渝才派遣', '']]),
    });
    expect(findings(report, 'dispatch-agency')).toEqual([]);
    expect(report.notAssessed).toContainEqual({ rule: 'dispatch-agency', reason: 'agency licence not recorded', workerPlatforms: 1 });
  });

  it('judges each platform’s dispatch contracts separately, partner companies included', async () => {
    const a = days(dateRange('2025-01-02', 10), { worker: 'W1', orders: 2, platform: '速达' }).map((r) => [...r, '永川站点公司']);
    const b = days(dateRange('2025-01-02', 10), { worker: 'W1', orders: 2, start: '15:00', platform: '别家' }).map((r) => [...r, '']);
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], [...a, ...b]),
      'contracts.csv': csv(CONTRACT_HEADER, [
        ['W1', '劳务派遣', '2025-01-01', '', '永川站点公司', '', ''],
        ['W1', '劳务派遣', '2025-01-01', '', '别家', '渝才派遣', '是'],
      ]),
    });
    expect(findings(report, 'dispatch-agency', 'W1').map((f) => [f.platform, f.messageId])).toEqual([['速达', 'noAgency']]);
  });
});
