import { describe, expect, it } from 'vitest';
import { d, law } from './helpers.js';

/** Monthly and hourly minimum (yuan) for a region on a day, with the answering ruleset. */
function minimum(region: string, day: string) {
  const j = law.resolveRegion(region)!;
  const m = law.param<number>(j.rulesetId, 'minimum_wage.monthly_fen', d(day), j.tier);
  const h = law.param<number>(j.rulesetId, 'minimum_wage.hourly_fen', d(day), j.tier);
  return { monthly: m && m.value / 100, hourly: h && h.value / 100, rulesetId: m?.rulesetId, since: m?.since, verified: m?.verified };
}

describe('minimum wage as of a date', () => {
  it.each([
    ['永川区', '2024-12-31', 2100, 21],
    ['永川区', '2025-01-01', 2330, 23],
    ['永川区', '2025-01-02', 2330, 23],
    ['城口县', '2024-12-31', 2000, 20],
    ['城口县', '2025-01-01', 2200, 22],
    ['城口县', '2025-01-02', 2200, 22],
    ['铜梁区', '2022-03-31', 1800, 18],
    ['铜梁区', '2022-04-01', 2100, 21],
    ['德阳', '2024-12-31', 1970, 21],
    ['德阳', '2025-01-01', 2200, 22],
    ['五华区', '2025-09-30', 1900, 18],
    ['五华区', '2025-10-01', 2170, 21],
    ['五华区', '2026-08-31', 2170, 21],
    ['五华区', '2026-09-01', 2270, 22],
    ['东川区', '2025-10-01', 2020, 20],
    ['磨憨', '2025-10-01', 1870, 19],
    ['磨憨', '2018-05-01', 1350, 13],
  ])('%s on %s: %d a month, %d an hour', (region, day, monthly, hourly) => {
    const m = minimum(region, day);
    expect(m.monthly).toBe(monthly);
    expect(m.hourly).toBe(hourly);
  });

  it('inherits Chongqing wages in Yongchuan', () => {
    const m = minimum('永川', '2025-01-01');
    expect(m.rulesetId).toBe('cn-chongqing');
    expect(m.since).toBe(d('2025-01-01'));
  });

  it('overrides Sichuan wages in Deyang from 德府规〔2022〕4号 on', () => {
    const before = minimum('德阳', '2022-05-30');
    expect(before).toMatchObject({ monthly: 1970, hourly: 21, rulesetId: 'cn-sichuan', since: d('2022-04-01'), verified: true });
    const after = minimum('德阳', '2022-05-31');
    expect(after).toMatchObject({ monthly: 1970, hourly: 21, rulesetId: 'cn-sichuan-deyang', since: d('2022-05-31'), verified: true });
    const p = law.param('cn-sichuan-deyang', 'minimum_wage.monthly_fen', d('2022-05-31'), '2');
    expect(p?.document).toBe('德府规〔2022〕4号');
    expect(minimum('德阳', '2025-01-01')).toMatchObject({ rulesetId: 'cn-sichuan-deyang', verified: false });
  });

  it('needs a tier for tiered values, and has none before the first standard', () => {
    expect(law.param('cn-chongqing', 'minimum_wage.monthly_fen', d('2025-01-01'))).toBeUndefined();
    expect(law.param('cn-chongqing', 'minimum_wage.monthly_fen', d('2025-01-01'), '3')).toBeUndefined();
    expect(law.param('cn-chongqing', 'minimum_wage.monthly_fen', d('2018-12-31'), '1')).toBeUndefined();
    // Deyang's whole-city figure needs no tier
    expect(law.param('cn-sichuan-deyang', 'minimum_wage.monthly_fen', d('2023-01-01'))?.value).toBe(197000);
    // Sichuan had three tiers until 2024
    expect(law.param('cn-sichuan', 'minimum_wage.monthly_fen', d('2024-01-01'), '3')?.value).toBe(187000);
    expect(law.param('cn-sichuan', 'minimum_wage.monthly_fen', d('2025-01-01'), '3')).toBeUndefined();
  });

  it('has no minimum wage in the national ruleset', () => {
    expect(law.param('cn', 'minimum_wage.monthly_fen', d('2025-01-01'), '1')).toBeUndefined();
  });
});
