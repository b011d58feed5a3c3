import { describe, expect, it } from 'vitest';
import { audit, csv, dateRange, days, findings, ORDER_HEADER } from '../helpers/exports.js';

const CONTRACT_HEADER = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'];
const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'overtime_pay', 'platform'];

interface Case {
  name: string;
  region: string;
  month: '2024-12' | '2025-01';
  contract: string;
  activeDays: number;
  ratePerHour?: number; // hourly cases: pay = rate × hours (2 h a day)
  monthlyPay?: number; // monthly cases
  overtime?: number;
  orderPayOnly?: boolean;
  expect: 'finding' | 'none';
  shortfall?: number;
}

const cases: Case[] = [
  { name: '永川 Dec 2024 at 22/h (2022 minimum 21)', region: '永川区', month: '2024-12', contract: '书面协议', activeDays: 10, ratePerHour: 22, expect: 'none' },
  { name: '永川 Jan 2025 at 22/h (2025 minimum 23)', region: '永川区', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 22, expect: 'finding', shortfall: 20 },
  { name: '永川 Jan 2025 exactly at 23/h', region: '永川区', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 23, expect: 'none' },
  { name: '永川 Jan 2025 one fen short per 20 h', region: '永川区', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 22.9995, expect: 'finding', shortfall: 0.01 },
  { name: '城口 Dec 2024 at 21/h (tier 2, 20)', region: '城口县', month: '2024-12', contract: '书面协议', activeDays: 10, ratePerHour: 21, expect: 'none' },
  { name: '城口 Jan 2025 at 21/h (tier 2, 22)', region: '城口县', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 21, expect: 'finding', shortfall: 20 },
  { name: '德阳 Dec 2024 at 21.5/h (21)', region: '德阳市', month: '2024-12', contract: '书面协议', activeDays: 10, ratePerHour: 21.5, expect: 'none' },
  { name: '德阳 Jan 2025 at 21.5/h (22)', region: '德阳市', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 21.5, expect: 'finding', shortfall: 10 },
  { name: 'no contract (unknown) is tested hourly', region: '永川区', month: '2025-01', contract: '', activeDays: 10, ratePerHour: 20, expect: 'finding', shortfall: 60 },
  { name: 'part-time tested hourly', region: '永川区', month: '2025-01', contract: '非全日制劳动合同', activeDays: 10, ratePerHour: 22, expect: 'finding' },
  { name: 'independent (cooperation agreement) is not checked', region: '永川区', month: '2025-01', contract: '合作协议', activeDays: 10, ratePerHour: 10, expect: 'none' },
  { name: 'labour, full month below monthly minimum', region: '永川区', month: '2025-01', contract: '劳动合同', activeDays: 22, monthlyPay: 2300, expect: 'finding', shortfall: 30 },
  { name: 'labour, full month at the monthly minimum', region: '永川区', month: '2025-01', contract: '劳动合同', activeDays: 22, monthlyPay: 2330, expect: 'none' },
  { name: 'labour, 10 days pro-rated: 1000 < 2330×10/21.75', region: '永川区', month: '2025-01', contract: '劳动合同', activeDays: 10, monthlyPay: 1000, expect: 'finding', shortfall: 71.26 },
  { name: 'labour, 10 days pro-rated: 1100 is enough', region: '永川区', month: '2025-01', contract: '劳动合同', activeDays: 10, monthlyPay: 1100, expect: 'none' },
  { name: 'labour, overtime pay is excluded', region: '永川区', month: '2025-01', contract: '劳动合同', activeDays: 22, monthlyPay: 2500, overtime: 300, expect: 'finding', shortfall: 130 },
  { name: 'no pay file: order pay at 22/h in Jan 2025', region: '永川区', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 22, orderPayOnly: true, expect: 'finding', shortfall: 20 },
  { name: 'no pay file: order pay at 24/h in Jan 2025', region: '永川区', month: '2025-01', contract: '书面协议', activeDays: 10, ratePerHour: 24, orderPayOnly: true, expect: 'none' },
];

describe('minimum-wage', () => {
  it.each(cases)('$name', async (c) => {
    const start = c.month === '2024-12' ? '2024-12-02' : '2025-01-02';
    const dates = dateRange(start, c.activeDays);
    // Four back-to-back 30-minute orders a day: exactly 2 hours of working time.
    const perOrder = c.ratePerHour !== undefined ? c.ratePerHour / 2 : undefined;
    const orders = days(dates, { worker: 'W1', orders: 4, minutes: 30, gap: 0, region: c.region, payYuan: c.orderPayOnly ? perOrder : undefined });
    const files: Record<string, string> = { 'orders.csv': csv(ORDER_HEADER, orders) };
    if (c.contract) files['contracts.csv'] = csv(CONTRACT_HEADER, [['W1', c.contract, '2024-01-01', '', '速达']]);
    if (!c.orderPayOnly) {
      const gross = c.monthlyPay ?? (c.ratePerHour! * 2 * c.activeDays);
      // December and January both have 31 days.
      files['pay.csv'] = csv(PAY_HEADER, [['W1', `${c.month}-01`, `${c.month}-31`, gross.toFixed(2), c.overtime ?? '', '速达']]);
    }
    const report = await audit(files);
    const got = findings(report, 'minimum-wage', 'W1');
    expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
    if (c.expect === 'none') expect(got).toEqual([]);
    else {
      expect(got).toHaveLength(1);
      expect(got[0].severity).toBe('error');
      expect(got[0].platform).toBe('速达');
      if (c.shortfall !== undefined) expect(got[0].metrics.shortfallYuan).toBeCloseTo(c.shortfall, 2);
      expect(got[0].basis.length).toBeGreaterThan(0);
      expect(got[0].evidence.length).toBeGreaterThan(0);
      expect(got[0].period.from.slice(0, 7)).toBe(c.month);
    }
  });

  // --ruleset cn-chongqing and no region in the records: the tier is unknown, so the lowest
  // tier's standard (the one owed anywhere in Chongqing) is applied, and the finding says so.
  // Chongqing from 2025-01-01: 23 yuan an hour in tier 1, 22 in tier 2.
  it.each([
    { rate: 21.5, month: '2025-01', expect: 10 },
    { rate: 22, month: '2025-01', expect: undefined },
    { rate: 22.5, month: '2025-01', expect: undefined }, // below tier 1, but the place may be tier 2
    { rate: 19.5, month: '2024-12', expect: 10 }, // 2022 standard: 21 / 20
    { rate: 20, month: '2024-12', expect: undefined },
  ])('province ruleset without a region: $rate/h in $month against the lowest tier', async (c) => {
    const start = c.month === '2024-12' ? '2024-12-02' : '2025-01-02';
    const orders = days(dateRange(start, 10), { worker: 'W1', orders: 4, minutes: 30, gap: 0, region: '' });
    const files = {
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '书面协议', '2024-01-01', '', '速达']]),
      'pay.csv': csv(PAY_HEADER, [['W1', `${c.month}-01`, `${c.month}-31`, (c.rate * 20).toFixed(2), '', '速达']]),
    };
    const report = await audit(files, { ruleset: 'cn-chongqing' });
    expect(report.notAssessed.filter((n) => n.rule === 'minimum-wage')).toEqual([]);
    const got = findings(report, 'minimum-wage', 'W1');
    if (c.expect === undefined) return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0].metrics).toMatchObject({ tier: '2', tierAssumed: 'lowest (no region)', shortfallYuan: c.expect });
  });

  // --from/--to cutting a month: the orders outside were left out, so the month's pay record
  // counts for the days inside the period only (else the rate looks far higher than it is).
  it.each([
    { args: {}, rate: 20, shortfall: 186 }, // the whole month: 62 h at 20 against 23
    { args: { from: '2025-01-16' }, rate: 20, shortfall: 96 }, // 16 days: 32 h, pay 16/31 of 1240
    { args: { to: '2025-01-10' }, rate: 20, shortfall: 60 }, // 10 days: 20 h, pay 10/31 of 1240
    { args: { from: '2025-01-16' }, rate: 23, shortfall: undefined },
  ])('a pay record over a month the audited period cuts: $args at $rate/h', async (c) => {
    const orders = days(dateRange('2025-01-01', 31), { worker: 'W1', orders: 4, minutes: 30, gap: 0 });
    const files = {
      'orders.csv': csv(ORDER_HEADER, orders),
      'contracts.csv': csv(CONTRACT_HEADER, [['W1', '书面协议', '2024-01-01', '', '速达']]),
      'pay.csv': csv(PAY_HEADER, [['W1', '2025-01-01', '2025-01-31', (c.rate * 2 * 31).toFixed(2), '', '速达']]),
    };
    const report = await audit(files, c.args);
    const got = findings(report, 'minimum-wage', 'W1');
    if (c.shortfall === undefined) return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0].metrics.shortfallYuan).toBeCloseTo(c.shortfall, 2);
  });

  it('reports could-not-assess when there is neither a pay record nor order pay', async () => {
    const orders = days(dateRange('2025-01-02', 3), { worker: 'W1', orders: 4 });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, orders) });
    expect(findings(report, 'minimum-wage')).toEqual([]);
    expect(report.notAssessed.find((n) => n.rule === 'minimum-wage')?.reason).toMatch(/no pay/);
  });

  it('judges each platform of a multi-platform worker separately', async () => {
    const a = days(dateRange('2025-01-02', 5), { worker: 'W1', orders: 4, minutes: 30, gap: 0, payYuan: 10, platform: 'A' });
    const b = days(dateRange('2025-01-02', 5), { worker: 'W1', orders: 4, minutes: 30, gap: 0, start: '15:00', payYuan: 15, platform: 'B' });
    const report = await audit({ 'orders.csv': csv(ORDER_HEADER, [...a, ...b]) });
    expect(findings(report, 'minimum-wage', 'W1').map((f) => f.platform)).toEqual(['A']);
  });
});
