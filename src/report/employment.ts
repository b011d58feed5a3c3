// 用工情况报告: the table a district labour bureau compiles (cf. 铜人社函〔2025〕186号:
// contract and agreement coverage 82 %, insurance coverage above 85 %). Coverage is taken
// on each active worker-platform's last active day in the period.
import type { Dossier } from '../assemble/index.js';
import { covers } from '../assemble/index.js';
import { RELATIONS, type Relation } from '../model.js';
import { injuryStatusOn } from '../rules/injury-insurance.js';
import type { Rule, RuleContext } from '../rules/types.js';
import { countsAsWritten } from '../rules/written-contract.js';
import { formatDay } from '../time.js';
import type { Coverage, CoverageCounts, EmploymentReport, Finding } from './model.js';

interface Tally {
  n: number;
  contract: number;
  injury: number;
  employees: number;
  social: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
/** Coverage fractions from worker-platforms and counts (also used by gigaudit merge). */
export const coverageOf = (n: number, c: CoverageCounts): Coverage => ({
  contract: ratio(c.contract, n),
  injury: ratio(c.injury, n),
  social: c.employees === 0 ? null : ratio(c.social, c.employees),
});
const coverage = (t: Tally): Coverage => coverageOf(t.n, t);
const counts = (t: Tally): CoverageCounts => ({ contract: t.contract, injury: t.injury, employees: t.employees, social: t.social });

/**
 * Yuan owed per rule: every rule in `ruleIds` (0 when it found nothing owed), then any other
 * rule with `arrearsYuan`, summed in the findings' order and rounded at each step (a merge
 * of shard reports adds up the same way, so the totals are equal to the fen).
 */
export function arrearsByRule(findings: readonly Finding[], ruleIds: readonly string[]): Record<string, number> {
  const arrears: Record<string, number> = Object.fromEntries(ruleIds.map((id) => [id, 0]));
  for (const f of findings) {
    const owed = f.metrics.arrearsYuan;
    if (typeof owed === 'number') arrears[f.rule] = Math.round(((arrears[f.rule] ?? 0) + owed) * 100) / 100;
  }
  return arrears;
}

export function employmentReport(
  dossiers: Dossier[],
  findings: Finding[],
  ctx: RuleContext,
  asOf: number | undefined,
  rules: readonly Rule[],
): EmploymentReport {
  const byRelation = Object.fromEntries(RELATIONS.map((r) => [r, 0])) as Record<Relation, number>;
  const total: Tally = { n: 0, contract: 0, injury: 0, employees: 0, social: 0 };
  const perPlatform = new Map<string, Tally>();
  const workers = new Set<string>();
  for (const d of dossiers) {
    const day = d.activeDays[d.activeDays.length - 1];
    if (day === undefined) continue;
    workers.add(d.workerId);
    const relation = d.relationOn(day);
    byRelation[relation]++;
    const t = perPlatform.get(d.platform) ?? { n: 0, contract: 0, injury: 0, employees: 0, social: 0 };
    perPlatform.set(d.platform, t);
    const contract = d.contracts.some((c) => covers(c, day) && countsAsWritten(c)) ? 1 : 0;
    const injury = injuryStatusOn(d, day, ctx)?.status === 'ok' ? 1 : 0;
    const employee = relation === 'labor' || relation === 'dispatch' ? 1 : 0;
    const has = (type: string) => d.insurance.some((r) => r.insuranceType === type && r.status === 'active' && covers(r, day));
    const social = employee && has('pension') && has('medical') ? 1 : 0;
    for (const x of [t, total]) {
      x.n++;
      x.contract += contract;
      x.injury += injury;
      x.employees += employee;
      x.social += social;
    }
  }
  const flagged = (rule: string) => new Set(findings.filter((f) => f.rule === rule).map((f) => `${f.workerId}|${f.platform}`)).size;
  const arrears = arrearsByRule(findings, rules.filter((r) => r.computesArrears).map((r) => r.id));
  return {
    asOf: asOf === undefined ? '' : formatDay(asOf),
    workers: workers.size,
    workerPlatforms: total.n,
    byRelation,
    coverage: coverage(total),
    counts: counts(total),
    byPlatform: [...perPlatform]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([platform, t]) => ({ platform, workerPlatforms: t.n, coverage: coverage(t), counts: counts(t) })),
    overLimits: { continuous: flagged('continuous-order-time'), daily: flagged('daily-work-time') },
    arrears,
  };
}
