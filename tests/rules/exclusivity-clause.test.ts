import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';
import { auditOneRecordCase, w1TwentyDays } from '../helpers/one-record-case.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'exclusive', 'form'];

interface Case {
  name: string;
  type: string;
  exclusive: string;
  end?: string;
  form?: string;
  expect: { messageId: string; to: string; days: number } | 'none';
}

// Active every day from 2025-01-02 to 2025-01-21.
const cases: Case[] = [
  { name: 'written agreement with an exclusivity clause', type: '书面协议', exclusive: '是', expect: { messageId: 'written_agreement', to: '2025-01-21', days: 20 } },
  { name: 'part-time contract with an exclusivity clause', type: '非全日制', exclusive: '是', expect: { messageId: 'part_time_contract', to: '2025-01-21', days: 20 } },
  { name: 'oral part-time agreement with an exclusivity clause', type: '非全日制', exclusive: 'Y', form: '口头', expect: { messageId: 'part_time_contract', to: '2025-01-21', days: 20 } },
  { name: 'cooperation agreement with an exclusivity clause', type: '众包协议', exclusive: '1', expect: { messageId: 'cooperation_agreement', to: '2025-01-21', days: 20 } },
  { name: 'individual business with an exclusivity clause', type: '个体工商户', exclusive: 'true', expect: { messageId: 'individual_business', to: '2025-01-21', days: 20 } },
  { name: 'agreement ending mid-run: period to its end, days under it', type: '书面协议', exclusive: '是', end: '2025-01-10', expect: { messageId: 'written_agreement', to: '2025-01-10', days: 9 } },
  { name: 'labour contract may restrict other work', type: '劳动合同', exclusive: '是', expect: 'none' },
  { name: 'dispatch contract may restrict other work', type: '劳务派遣', exclusive: '是', expect: 'none' },
  { name: 'written agreement without the clause', type: '书面协议', exclusive: '否', expect: 'none' },
  { name: 'clause not recorded', type: '书面协议', exclusive: '', expect: 'none' },
];

describe('exclusivity-clause', () => {
  it.each(cases)('$name', async (c) => {
    const files = {
      'orders.csv': csv(ORDER_HEADER, w1TwentyDays()),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', c.type, '2025-01-01', c.end ?? '', '速达', c.exclusive, c.form ?? '']]),
    };
    const { finding } = await auditOneRecordCase(
      'exclusivity-clause',
      files,
      c.expect === 'none'
        ? 'none'
        : { messageId: c.expect.messageId, period: { from: '2025-01-01', to: c.expect.to }, metrics: { activeDaysUnderClause: c.expect.days } },
    );
    if (c.expect === 'none') return;
    expect(finding!.evidence[0]).toMatchObject({ file: expect.stringMatching(/contracts\.csv$/), line: 2 });
    expect(finding!.evidence[1].orderId).toMatch(/^O\d+/);
    expect(finding!.basis.length).toBeGreaterThan(0);
  });

  it('charges the clause to the platform that imposed it, on a multi-platform worker', async () => {
    const a = w1TwentyDays({ platform: '速达' });
    const b = w1TwentyDays({ start: '15:00', platform: '别家' });
    const report = await audit({
      'orders.csv': csv(ORDER_HEADER, [...a, ...b]),
      'contracts.csv': csv(CONTRACT_HEADER, [
        ['W1', '书面协议', '2025-01-01', '', '速达', '否', ''],
        ['W1', '书面协议', '2025-01-01', '', '别家', '是', ''],
      ]),
    });
    expect(findings(report, 'exclusivity-clause', 'W1').map((f) => f.platform)).toEqual(['别家']);
  });

  it('a clause in the partner company’s agreement counts against the platform', async () => {
    const orders = w1TwentyDays().map((r) => [...r, '永川站点公司']);
    const report = await audit({
      'orders.csv': csv([...ORDER_HEADER, 'employer'], orders),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '书面协议', '2025-01-01', '', '永川站点公司', '是', '']]),
    });
    expect(findings(report, 'exclusivity-clause', 'W1').map((f) => [f.platform, f.data.platform])).toEqual([['速达', '永川站点公司']]);
  });

  it('cannot assess without a contracts file', async () => {
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-01-02', 5), { worker: 'W1', orders: 2 })) });
    expect(report.notAssessed).toContainEqual(expect.objectContaining({ rule: 'exclusivity-clause', reason: 'no contracts file' }));
  });
});
