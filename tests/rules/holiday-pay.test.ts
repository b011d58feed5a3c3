import { describe, expect, it } from 'vitest';
import { audit, csv, days, findings, ORDER_HEADER, shift, type Cell } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'];
const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'holiday_pay', 'platform'];

/** Ordinary weekdays in the holiday's month: 4 × 30-minute orders at 15 yuan = 30 yuan an hour. */
const ORDINARY: Record<string, string[]> = {
  '2024-02': ['2024-02-05', '2024-02-06', '2024-02-07', '2024-02-08'],
  '2024-05': ['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-09'],
  '2025-01': ['2025-01-20', '2025-01-21', '2025-01-22', '2025-01-23'],
  '2025-05': ['2025-05-06', '2025-05-07', '2025-05-08', '2025-05-09'],
  '2027-10': ['2027-10-11', '2027-10-12'],
};

interface Case {
  name: string;
  contract?: string; // none: unknown relation
  holidays: string[];
  perOrder: number; // holiday order pay, 4 × 30 minutes
  holidayPayRecord?: number;
  expect: 'none' | { severity: 'error' | 'warning'; messageId: string; short: number; arrears?: number }[];
}

const cases: Case[] = [
  { name: 'labour, 2025-01-28 (除夕, statutory from 2025) at 300 %', contract: '劳动合同', holidays: ['2025-01-28'], perOrder: 45, expect: 'none' },
  { name: 'labour, 2025-01-28 one fen per order short of 300 %', contract: '劳动合同', holidays: ['2025-01-28'], perOrder: 44.99, expect: [{ severity: 'error', messageId: 'belowStatutoryRate', short: 0.04, arrears: 0.04 }] },
  { name: 'labour, 2025-01-28 at the normal rate', contract: '劳动合同', holidays: ['2025-01-28'], perOrder: 15, expect: [{ severity: 'error', messageId: 'belowStatutoryRate', short: 120, arrears: 120 }] },
  { name: 'labour, 2024-02-09 (除夕, not statutory in 2024) at the normal rate', contract: '劳动合同', holidays: ['2024-02-09'], perOrder: 15, expect: 'none' },
  { name: 'labour, 2024-02-10 (初一) at the normal rate', contract: '劳动合同', holidays: ['2024-02-10'], perOrder: 15, expect: [{ severity: 'error', messageId: 'belowStatutoryRate', short: 120, arrears: 120 }] },
  { name: 'labour, 2024-05-02 (a 调休 rest day, not statutory) at the normal rate', contract: '劳动合同', holidays: ['2024-05-02'], perOrder: 15, expect: 'none' },
  { name: 'labour, 2025-05-02 (statutory from 2025) at the normal rate', contract: '劳动合同', holidays: ['2025-05-02'], perOrder: 15, expect: [{ severity: 'error', messageId: 'belowStatutoryRate', short: 120, arrears: 120 }] },
  { name: 'dispatch, 2025-01-28 at twice the rate', contract: '劳务派遣', holidays: ['2025-01-28'], perOrder: 30, expect: [{ severity: 'error', messageId: 'belowStatutoryRate', short: 60, arrears: 60 }] },
  { name: 'labour, normal order pay plus 120 yuan holiday pay in the pay record', contract: '劳动合同', holidays: ['2025-01-28'], perOrder: 15, holidayPayRecord: 120, expect: 'none' },
  {
    name: 'labour, 120 yuan holiday pay shared over two holidays worked',
    contract: '劳动合同',
    holidays: ['2025-01-28', '2025-01-29'],
    perOrder: 15,
    holidayPayRecord: 120,
    expect: [
      { severity: 'error', messageId: 'belowStatutoryRate', short: 60, arrears: 60 },
      { severity: 'error', messageId: 'belowStatutoryRate', short: 60, arrears: 60 },
    ],
  },
  { name: 'written agreement at the normal rate: no premium', contract: '书面协议', holidays: ['2025-01-28'], perOrder: 15, expect: [{ severity: 'warning', messageId: 'noPremium', short: 0 }] },
  { name: 'written agreement at 110 %', contract: '书面协议', holidays: ['2025-01-28'], perOrder: 16.5, expect: 'none' },
  { name: 'written agreement below the normal rate', contract: '书面协议', holidays: ['2025-01-28'], perOrder: 14, expect: [{ severity: 'warning', messageId: 'noPremium', short: 4 }] },
  { name: 'written agreement on 2024-02-09 (not statutory) at the normal rate', contract: '书面协议', holidays: ['2024-02-09'], perOrder: 15, expect: 'none' },
  { name: 'part-time at the normal rate', contract: '非全日制', holidays: ['2025-05-02'], perOrder: 15, expect: [{ severity: 'warning', messageId: 'noPremium', short: 0 }] },
  { name: 'no contract (unknown) at the normal rate', holidays: ['2025-01-28'], perOrder: 15, expect: [{ severity: 'warning', messageId: 'noPremium', short: 0 }] },
  { name: 'cooperation agreement at the normal rate', contract: '合作协议', holidays: ['2025-01-28'], perOrder: 15, expect: [{ severity: 'warning', messageId: 'noPremium', short: 0 }] },
];

function files(c: { contract?: string; holidays: string[]; perOrder: number; holidayPayRecord?: number }) {
  const month = c.holidays[0].slice(0, 7);
  const orders: Cell[][] = [
    ...days(ORDINARY[month], { worker: 'W1', orders: 4, minutes: 30, gap: 0, payYuan: 15 }),
    ...days(c.holidays, { worker: 'W1', orders: 4, minutes: 30, gap: 0, payYuan: c.perOrder }),
  ];
  const out: Record<string, string> = { 'orders.csv': csv(ORDER_HEADER, orders) };
  if (c.contract) out['contracts.csv'] = csv(CONTRACT_HEADER, [['W1', c.contract, '2019-01-01', '', '速达']]);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  if (c.holidayPayRecord !== undefined) out['pay.csv'] = csv(PAY_HEADER, [['W1', `${month}-01`, last, 5000, c.holidayPayRecord, '速达']]);
  return out;
}

describe('holiday-pay', () => {
  it.each(cases)('$name', async (c) => {
    const report = await audit(files(c));
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    const got = findings(report, 'holiday-pay', 'W1');
    if (c.expect === 'none') return expect(got).toEqual([]);
    expect(got.map((f) => ({ severity: f.severity, messageId: f.messageId, short: f.metrics.premiumOwedYuan, arrears: f.metrics.arrearsYuan }))).toEqual(
      c.expect.map((e) => ({ arrears: undefined, ...e })),
    );
    expect(got.map((f) => f.period.from)).toEqual(c.holidays);
    for (const f of got) {
      expect(f.metrics).toMatchObject({ rateBasis: 'per hour', normalRateYuan: 30, holidayHours: 2, normalPayYuan: 60 });
      expect(f.unverified?.some((u) => u.startsWith('holiday calendar'))).toBe(true);
      expect(f.evidence.length).toBeGreaterThanOrEqual(4);
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('compares per hour, not per order: two 1-hour orders at 60 yuan on a holiday', async () => {
    const orders = [
      ...days(ORDINARY['2025-01'], { worker: 'W1', orders: 4, minutes: 30, gap: 0, payYuan: 15 }),
      ...shift({ worker: 'W1', date: '2025-01-28', orders: 2, minutes: 60, gap: 0, payYuan: 60 }),
    ];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders), 'contracts.csv': csv(CONTRACT_HEADER, [['W1', '劳动合同', '2019-01-01', '', '速达']]) });
    const [f] = findings(report, 'holiday-pay', 'W1');
    expect(f.metrics).toMatchObject({ holidayHours: 2, payYuan: 120, requiredYuan: 180, arrearsYuan: 60, multiplier: 3 });
  });

  it('a year without a holiday calendar is not assessed', async () => {
    const report = await audit(files({ contract: '劳动合同', holidays: ['2027-10-01'], perOrder: 15 }));
    expect(findings(report, 'holiday-pay')).toEqual([]);
    expect(report.notAssessed.filter((n) => n.rule === 'holiday-pay').map((n) => n.reason)).toEqual(['no holiday calendar for 2027']);
  });

  it('without order pay it cannot set a normal rate and says so', async () => {
    const orders = days(['2025-01-20', '2025-01-28'], { worker: 'W1', orders: 4 });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders) });
    expect(findings(report, 'holiday-pay')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'holiday-pay')?.reason).toMatch(/order pay/);
  });

  it('without ordinary days in the month there is no normal rate', async () => {
    const orders = days(['2025-01-28'], { worker: 'W1', orders: 4, payYuan: 15 });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders) });
    expect(findings(report, 'holiday-pay')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'holiday-pay')?.reason).toMatch(/ordinary days/);
  });

  it('each platform’s normal rate is its own', async () => {
    const orders = [
      ...days(ORDINARY['2025-01'], { worker: 'W1', orders: 4, minutes: 30, gap: 0, payYuan: 15, platform: 'A' }),
      ...days(ORDINARY['2025-01'], { worker: 'W1', orders: 4, minutes: 30, gap: 0, payYuan: 10, start: '15:00', platform: 'B' }),
      ...shift({ worker: 'W1', date: '2025-01-28', orders: 4, minutes: 30, gap: 0, payYuan: 12, platform: 'A' }),
      ...shift({ worker: 'W1', date: '2025-01-28', orders: 4, minutes: 30, gap: 0, payYuan: 12, start: '15:00', platform: 'B' }),
    ];
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders) });
    // 12 yuan is below A's 15 (warning) and above B's 10 (no finding).
    expect(findings(report, 'holiday-pay', 'W1').map((f) => [f.platform, f.severity, f.metrics.premiumOwedYuan])).toEqual([['A', 'warning', 12]]);
  });
});
