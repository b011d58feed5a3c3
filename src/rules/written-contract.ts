// 书面劳动合同/书面协议: a written contract is due within one month of the first day of
// work (劳动合同法 art. 10); without one, double wages from the second month, at most
// 11 months (art. 82; 实施条例 art. 6–7). Platforms sign a labour contract or a written
// agreement (人社部发〔2021〕56号; local implementing documents).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { covers } from '../assemble/index.js';
import type { ContractRecord } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, orderEvidence, recordEvidence, yuan } from './util.js';

const params = z.object({ grace_days: z.number().int().nonnegative(), double_wage_max_months: z.number().int().positive() });
type Params = z.infer<typeof params>;

/** Oral agreements count only for part-time work (劳动合同法 art. 69). */
export const countsAsWritten = (c: ContractRecord) => c.form !== 'oral' || c.contractType === 'part_time_contract';

/**
 * The employment contract behind a run without a written one, where the relation "is, or
 * was last" labour or dispatch: the latest contract starting by the run's last day (one
 * covering the run, e.g. an oral labour contract, or the last one before it) when that
 * contract is a labour or dispatch contract. A later agreement of another type ends it.
 */
function lastLaborRelation(d: Dossier, before: number): ContractRecord | undefined {
  let last: ContractRecord | undefined;
  for (const c of d.contracts) if (c.startDay <= before) last = c; // sorted by start day, then line
  const employment = last && (last.contractType === 'labor_contract' || last.contractType === 'dispatch_contract');
  return employment ? last : undefined;
}

/** Average monthly gross pay over the run, from pay records or else from order pay. */
function monthlyPayFen(d: Dossier, ctx: RuleContext, from: number, to: number): number | undefined {
  const days = to - from + 1;
  let fen = 0;
  let any = false;
  for (const r of d.pay) {
    const overlap = Math.min(r.periodEnd, to) - Math.max(r.periodStart, from) + 1;
    if (overlap <= 0) continue;
    fen += (r.grossFen * overlap) / (r.periodEnd - r.periodStart + 1);
    any = true;
  }
  if (!any) {
    const pay = d.log.payFen;
    const sameClock = d.clock === ctx.clock;
    for (let p = 0; p < d.sorted.length; p++) {
      const day = sameClock ? d.accDay[p] : ctx.clock.dayOf(d.log.acceptedAt[d.sorted[p]]);
      const orderFen = pay[d.sorted[p]];
      if (day >= from && day <= to && !Number.isNaN(orderFen)) {
        fen += orderFen;
        any = true;
      }
    }
  }
  return any ? (fen / days) * (365.25 / 12) : undefined;
}

/** Whether a written contract or agreement covers the day. */
function written(d: Dossier, day: number): boolean {
  for (const c of d.contracts) if (covers(c, day) && countsAsWritten(c)) return true;
  return false;
}

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  // Runs of active days without a written contract (no object per day: most days are covered).
  const days = d.activeDays;
  for (let k = 0; k < days.length; ) {
    const ok = written(d, days[k]);
    let e = k + 1;
    while (e < days.length && written(d, days[e]) === ok) e++;
    if (!ok) checkRun(d, ctx, out, days.slice(k, e));
    k = e;
  }
}

function checkRun(d: Dossier, ctx: RuleContext, out: RuleOutput, run: number[]) {
  const first = run[0];
  const last = run[run.length - 1];
  const j = ctx.jurisdictionOf(d, first, last);
  const { values: p, unverified } = ctx.params<Params>(writtenContract, j, first, d.platform);
  if (last - first <= p.grace_days) return;

  const metrics: Record<string, number | string> = {
    firstUncoveredDay: formatDay(first),
    lastUncoveredDay: formatDay(last),
    uncoveredActiveDays: run.length,
    spanDays: last - first + 1,
    graceDays: p.grace_days,
  };
  const prior = lastLaborRelation(d, last);
  const oral = d.contracts.find((c) => covers(c, first) && !countsAsWritten(c));
  let messageId = 'noContract';
  if (oral) messageId = 'oralOnly';
  else if (d.contracts.length > 0) messageId = 'notCovered';
  if (prior) {
    // Double wages from the day after the first month, at most 11 months (实施条例 art. 6–7).
    const exposureDays = Math.min(last - (first + p.grace_days), Math.round(p.double_wage_max_months * (365.25 / 12)));
    const monthly = monthlyPayFen(d, ctx, first, last);
    metrics.relation = prior.contractType === 'dispatch_contract' ? 'dispatch' : 'labor';
    if (monthly !== undefined) {
      const exposure = Math.round((monthly * exposureDays) / (365.25 / 12));
      metrics.doubleWageExposureYuan = yuan(exposure);
      metrics.arrearsYuan = yuan(exposure);
      messageId += 'WithExposure';
    } else out.notAssessed('no pay records or order pay to estimate the double-wage exposure from');
  }
  const positions: number[] = [];
  for (const day of run) {
    const pos = d.firstOrderOn(day);
    if (pos >= 0) positions.push(pos);
  }
  const ev = orderEvidence(d, ctx, positions);
  const contractEvidence = d.contracts.map((c) =>
    recordEvidence(ctx, c, `${c.contractType} ${formatDay(c.startDay)}–${c.endDay === undefined ? '' : formatDay(c.endDay)}${c.form === 'oral' ? ' oral' : ''}`),
  );
  out.finding({
    messageId,
    data: {
      first: formatDay(first),
      last: formatDay(last),
      days: run.length,
      grace: p.grace_days,
      exposure: metrics.doubleWageExposureYuan !== undefined ? fmtYuan(Number(metrics.doubleWageExposureYuan) * 100) : '-',
    },
    metrics,
    period: dayPeriod(first, last),
    jurisdiction: j,
    evidence: [...contractEvidence, ...ev.evidence],
    evidenceOmitted: ev.evidenceOmitted,
    unverified,
  });
}

export const writtenContract: Rule<Params> = {
  id: 'written-contract',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '未订立书面劳动合同或书面协议', en: 'Work without a written contract or agreement' },
  description: {
    zh: '每个有接单的日子都应有与该平台（或其合作用工企业）订立、覆盖当日的劳动合同或书面协议（口头协议仅限非全日制）。自首个未覆盖的接单日起超过宽限期（默认30天）仍未覆盖即为违规；劳动关系另估算二倍工资风险（最长11个月）。',
    en: 'Every active day needs a contract or agreement with that platform (or its partner company) covering it; oral agreements count only for part-time work. A run of uncovered active days lasting past the grace period (30 days by default) from its first day is a breach; for labour relations the double-wage exposure (at most 11 months) is estimated.',
  },
  parameters: params,
  messages: {
    noContract: {
      zh: '{first} 至 {last} 共 {days} 个接单日无任何书面合同或协议，超过 {grace} 天宽限期',
      en: 'No written contract or agreement on {days} active days from {first} to {last}, beyond the {grace}-day grace period',
    },
    notCovered: {
      zh: '{first} 至 {last} 共 {days} 个接单日不在任何合同或协议期限内，超过 {grace} 天宽限期',
      en: '{days} active days from {first} to {last} fall outside every contract or agreement, beyond the {grace}-day grace period',
    },
    oralOnly: {
      zh: '{first} 至 {last} 共 {days} 个接单日仅有口头约定（口头协议仅适用于非全日制用工），超过 {grace} 天宽限期',
      en: 'Only an oral agreement on {days} active days from {first} to {last} (oral agreements are allowed for part-time work only), beyond the {grace}-day grace period',
    },
    // The same, where the relation is or was last labour or dispatch (劳动合同法 art. 82).
    noContractWithExposure: {
      zh: '{first} 至 {last} 共 {days} 个接单日无任何书面合同或协议，超过 {grace} 天宽限期；按劳动关系估算应付二倍工资差额 {exposure} 元',
      en: 'No written contract or agreement on {days} active days from {first} to {last}, beyond the {grace}-day grace period; estimated double-wage exposure {exposure} yuan',
    },
    notCoveredWithExposure: {
      zh: '{first} 至 {last} 共 {days} 个接单日不在任何合同或协议期限内，超过 {grace} 天宽限期；按劳动关系估算应付二倍工资差额 {exposure} 元',
      en: '{days} active days from {first} to {last} fall outside every contract or agreement, beyond the {grace}-day grace period; estimated double-wage exposure {exposure} yuan',
    },
    oralOnlyWithExposure: {
      zh: '{first} 至 {last} 共 {days} 个接单日仅有口头约定（口头协议仅适用于非全日制用工），超过 {grace} 天宽限期；按劳动关系估算应付二倍工资差额 {exposure} 元',
      en: 'Only an oral agreement on {days} active days from {first} to {last} (oral agreements are allowed for part-time work only), beyond the {grace}-day grace period; estimated double-wage exposure {exposure} yuan',
    },
  },
  requires: ['orders', 'contracts'],
  computesArrears: true,
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
