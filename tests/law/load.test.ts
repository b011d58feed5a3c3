import { describe, expect, it } from 'vitest';
import { d, law, rawRulesets } from './helpers.js';

const IDS = [
  'cn',
  'cn-chongqing',
  'cn-chongqing-chengkou',
  'cn-chongqing-tongliang',
  'cn-chongqing-yongchuan',
  'cn-sichuan',
  'cn-sichuan-deyang',
  'cn-yunnan',
];

/** Every {value, source, verified} object in a parsed JSON tree, with its path. */
function datedValues(node: unknown, path: string, out: { path: string; v: any }[] = []) {
  if (node && typeof node === 'object') {
    if ('values' in node && typeof (node as any).values === 'object')
      for (const [date, v] of Object.entries((node as any).values)) out.push({ path: `${path}.values.${date}`, v });
    else for (const [k, v] of Object.entries(node)) datedValues(v, `${path}.${k}`, out);
  }
  return out;
}

describe('rulesets', () => {
  it('all load, validate and inherit as designed', () => {
    expect(law.rulesets.map((r) => r.id).sort()).toEqual(IDS);
    expect(law.chain('cn-chongqing-yongchuan')).toEqual(['cn-chongqing-yongchuan', 'cn-chongqing', 'cn']);
    expect(law.chain('cn-sichuan-deyang')).toEqual(['cn-sichuan-deyang', 'cn-sichuan', 'cn']);
    expect(law.chain('cn-yunnan')).toEqual(['cn-yunnan', 'cn']);
    expect(law.ruleset('cn-chongqing-chengkou')?.regions).toEqual(['城口县']);
    expect(law.ruleset('nope')).toBeUndefined();
  });

  it('every dated value has a source and a verified flag', () => {
    const all = Object.entries(rawRulesets()).flatMap(([file, json]) => datedValues(json, file));
    expect(all.length).toBeGreaterThan(40);
    for (const { path, v } of all) {
      expect(typeof v.source, path).toBe('string');
      expect(v.source.trim().length, path).toBeGreaterThan(5);
      expect(['boolean', 'object'], path).toContain(typeof v.verified);
    }
  });

  it('flags unconfirmed figures as unverified and confirmed ones as verified', () => {
    // [C] 渝人社发〔2021〕52号 vs [S] 渝人社发〔2024〕22号
    expect(law.param('cn-chongqing', 'minimum_wage.monthly_fen', d('2024-12-31'), '1')?.verified).toBe(true);
    expect(law.param('cn-chongqing', 'minimum_wage.monthly_fen', d('2025-01-01'), '1')?.verified).toBe(false);
    // Sichuan 2022: only the 1970 tier is confirmed
    expect(law.param('cn-sichuan', 'minimum_wage.monthly_fen', d('2023-01-01'), '2')?.verified).toBe(true);
    expect(law.param('cn-sichuan', 'minimum_wage.monthly_fen', d('2023-01-01'), '1')?.verified).toBe(false);
    // Yunnan 2022 is from memory
    expect(law.param('cn-yunnan', 'minimum_wage.monthly_fen', d('2023-01-01'), 'I')?.verified).toBe(false);
    // 4 h / 20 min is not a binding figure
    expect(law.ruleParam('cn', 'continuous-order-time', 'max_minutes', d('2025-03-01'))?.verified).toBe(false);
    expect(law.ruleParam('cn', 'written-contract', 'grace_days', d('2025-03-01'))?.verified).toBe(true);
  });

  it('holds every rule of the catalogue with its default severity in cn', () => {
    // Rules with two severities carry the higher one and lower it per finding (minor-worker:
    // info for the listing, warning above the daily limit; holiday-pay: warning outside labour).
    const severities: Record<string, string> = {
      'minimum-wage': 'error', 'written-contract': 'error', 'injury-insurance': 'error',
      'continuous-order-time': 'warning', 'daily-work-time': 'warning', 'cross-platform-fatigue': 'info',
      'weekly-rest': 'error', 'overtime-limit': 'error', 'part-time-hours': 'error', 'holiday-pay': 'error',
      'deposit-charged': 'error', 'pay-in-kind': 'error', 'late-payment': 'error', payslip: 'warning',
      'excessive-deduction': 'error', 'social-insurance': 'error', 'exclusivity-clause': 'error',
      'disguised-employment': 'warning', 'dispatch-agency': 'error', 'dispatch-share': 'warning',
      'child-labour': 'error', 'minor-worker': 'warning', 'safety-training': 'warning',
    };
    expect(law.ruleIds().sort()).toEqual(Object.keys(severities).sort());
    for (const [id, sev] of Object.entries(severities)) {
      const s = law.ruleSettings('cn', id);
      expect(s.severity, id).toBe(sev);
      expect(s.enabled, id).toBe(true);
      expect(s.basis.length, id).toBeGreaterThan(0);
    }
  });

  it('gives the rule parameters their defaults from cn.json', () => {
    const day = d('2025-03-01');
    const expected: [string, string, unknown][] = [
      ['written-contract', 'grace_days', 30],
      ['written-contract', 'double_wage_max_months', 11],
      ['continuous-order-time', 'max_minutes', 240],
      ['continuous-order-time', 'break_minutes', 20],
      ['daily-work-time', 'max_minutes', 720],
      ['weekly-rest', 'max_consecutive_days', 6],
      ['overtime-limit', 'daily_standard_minutes', 480],
      ['overtime-limit', 'daily_max_overtime_minutes', 180],
      ['overtime-limit', 'weekly_standard_minutes', 2400],
      ['overtime-limit', 'monthly_max_overtime_minutes', 2160],
      ['part-time-hours', 'weekly_max_minutes', 1440],
      ['part-time-hours', 'daily_average_max_minutes', 240],
      ['holiday-pay', 'labor_multiplier', 3],
      ['holiday-pay', 'other_min_multiplier', 1],
      ['late-payment', 'max_days_after_period', 30],
      ['late-payment', 'part_time_max_period_days', 15],
      ['excessive-deduction', 'max_share', 0.2],
      ['disguised-employment', 'min_active_days', 20],
      ['disguised-employment', 'min_average_minutes', 360],
      ['dispatch-share', 'max_share', 0.1],
      ['child-labour', 'min_age', 16],
      ['minor-worker', 'adult_age', 18],
      ['minor-worker', 'max_daily_minutes', 480],
    ];
    for (const [rule, name, value] of expected) {
      const p = law.ruleParam('cn-chongqing-yongchuan', rule, name, day);
      expect(p?.value, `${rule}.${name}`).toBe(value);
      expect(p?.rulesetId).toBe('cn');
      expect(p?.origin).toBe('ruleset');
    }
    expect(law.ruleParamNames('minimum-wage')).toEqual([]);
    expect(law.param('cn-yunnan', 'work_span.bridge_gap_minutes', day)?.value).toBe(20);
  });

  it('has no rule value before the instrument that sets it', () => {
    // part-time limits come from the Labour Contract Law (2008-01-01)
    expect(law.ruleParam('cn', 'part-time-hours', 'weekly_max_minutes', d('2007-12-31'))).toBeUndefined();
    expect(law.ruleParam('cn', 'part-time-hours', 'weekly_max_minutes', d('2008-01-01'))?.since).toBe(d('2008-01-01'));
  });

  it('uses 21.75 paid days a month under both notices', () => {
    const before = law.param('cn-chongqing', 'pay.days_per_month', d('2024-12-31'));
    const after = law.param('cn-chongqing', 'pay.days_per_month', d('2025-01-01'));
    expect(before?.value).toBe(21.75);
    expect(before?.document).toBe('劳社部发〔2008〕3号');
    expect(after?.value).toBe(21.75);
    expect(after?.document).toBe('人社部发〔2025〕2号');
  });

  it('concatenates rule bases along the chain, local first, without duplicates', () => {
    const s = law.ruleSettings('cn-chongqing-yongchuan', 'continuous-order-time');
    expect(s.severity).toBe('warning');
    expect(s.basis[0]).toEqual({ document: '永人社发〔2025〕20号', clause: '6' });
    expect(s.basis.map((b) => b.document)).toEqual(['永人社发〔2025〕20号', '渝人社发〔2021〕38号', '人社厅发〔2023〕50号']);
    const t = law.ruleSettings('cn-chongqing-tongliang', 'continuous-order-time');
    expect(t.severity).toBe('warning'); // a reply letter's plans do not raise it
    expect(t.basis[0].document).toBe('铜人社函〔2025〕186号');
    const dy = law.ruleSettings('cn-sichuan-deyang', 'safety-training');
    expect(dy.basis[0]).toEqual({ document: '德人社发〔2022〕95号', clause: '(七)' });
    const ck = law.ruleSettings('cn-chongqing-chengkou', 'injury-insurance');
    expect(ck.basis[0]).toEqual({ document: '城人社发〔2022〕97号', clause: '(十)' });
  });

  it('throws on rule ids and parameter names that cn.json does not define', () => {
    expect(() => law.ruleSettings('cn', 'no-such-rule')).toThrow(/unknown rule id/);
    expect(() => law.ruleParam('cn', 'continuous-order-time', 'max_hours', d('2025-01-01'))).toThrow(/unknown parameter/);
    expect(() => law.param('cn', 'minimum_wage.daily_fen', d('2025-01-01'))).toThrow(/unknown law parameter/);
  });

  it('lists the effective history of a parameter for explain', () => {
    const h = law.paramHistory('cn-sichuan-deyang', 'minimum_wage.monthly_fen', '2');
    expect(h.map((p) => [p.rulesetId, p.value])).toEqual([
      ['cn-sichuan', 165000],
      ['cn-sichuan', 197000],
      ['cn-sichuan-deyang', 197000],
      ['cn-sichuan-deyang', 220000],
    ]);
    expect(law.ruleParamSeries('cn', 'continuous-order-time', 'max_minutes').map((p) => p.value)).toEqual([240]);
  });
});
