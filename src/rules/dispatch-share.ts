// 劳务派遣用工比例: dispatched workers may be at most 10 % of an employer's workforce, where
// the workforce = workers on labour contracts + dispatched workers (劳务派遣暂行规定 art. 4;
// 劳动合同法 art. 66 "辅助性…岗位"). Counted per platform and calendar month over the
// worker-platforms active that month, by the relation governing most of their active days.
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { Jurisdiction } from '../law/types.js';
import type { Relation } from '../model.js';
import { firstDayOfMonth, formatMonth, lastDayOfMonth } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, recordEvidence } from './util.js';
import { activeDaysByMonth, capEvidence } from './util-pay.js';
import { dominantRelation } from './util.js';

const params = z.object({ max_share: z.number().min(0).max(1) });
type Params = z.infer<typeof params>;

/**
 * The jurisdiction of most of the month's workforce (ties: the first region by name): the
 * share is the platform's, wherever its workers are, and the finding names where most of them work.
 */
function workforceJurisdiction(ds: Dossier[], ctx: RuleContext, first: number, last: number): Jurisdiction | undefined {
  const count = new Map<string, { j: Jurisdiction; n: number }>();
  let best: { j: Jurisdiction; n: number } | undefined;
  for (const d of ds) {
    const j = ctx.jurisdictionOf(d, first, last);
    if (!j) continue;
    const c = count.get(j.region) ?? { j, n: 0 };
    count.set(j.region, c);
    c.n++;
    if (!best || c.n > best.n || (c.n === best.n && c.j.region < best.j.region)) best = c;
  }
  return best?.j;
}

function check(dossiers: Dossier[], ctx: RuleContext, out: RuleOutput) {
  const platform = dossiers[0].platform;
  // Each worker-platform's relation per active month, by the relation of most of its active days.
  const byMonth = new Map<number, { d: Dossier; relation: Relation; lastDay: number }[]>();
  for (const d of dossiers) {
    for (const [m, days] of activeDaysByMonth(d)) {
      const relation = dominantRelation(d, days)!;
      if (relation !== 'dispatch' && relation !== 'labor') continue;
      const list = byMonth.get(m) ?? [];
      list.push({ d, relation, lastDay: days[days.length - 1] });
      byMonth.set(m, list);
    }
  }
  for (const [month, members] of [...byMonth].sort((a, b) => a[0] - b[0])) {
    const first = firstDayOfMonth(month);
    const last = lastDayOfMonth(month);
    const dispatched = members.filter((x) => x.relation === 'dispatch');
    if (dispatched.length === 0) continue;
    const labor = members.length - dispatched.length;
    const total = members.length;
    const j = workforceJurisdiction(members.map((x) => x.d), ctx, first, last);
    const { values: p, unverified } = ctx.params<Params>(dispatchShare, j, first, platform);
    const share = dispatched.length / total;
    // Compared in whole workers: at most floor(total × share) may be dispatched.
    if (dispatched.length <= Math.floor(total * p.max_share + 1e-9)) continue;
    const contracts = dispatched.flatMap(({ d, lastDay }) => {
      const c = d.contractOn(lastDay);
      return c ? [recordEvidence(ctx, c, `worker ${d.workerId}: dispatch_contract${c.dispatchAgency ? `, agency ${c.dispatchAgency}` : ''}`)] : [];
    });
    out.finding({
      messageId: 'overShare',
      data: {
        month: formatMonth(month),
        dispatch: dispatched.length,
        labor,
        total,
        share: (share * 100).toFixed(1),
        limit: +(p.max_share * 100).toFixed(2),
        platform,
      },
      metrics: { month: formatMonth(month), dispatch: dispatched.length, labor, share: Math.round(share * 10000) / 10000, maxShare: p.max_share },
      period: dayPeriod(first, last),
      jurisdiction: j,
      unverified,
      ...capEvidence(contracts),
    });
  }
}

export const dispatchShare: Rule<Params> = {
  id: 'dispatch-share',
  scope: 'platform',
  defaultSeverity: 'warning',
  title: { zh: '劳务派遣用工超过用工总量的10%', en: 'Dispatched workers above 10 % of the workforce' },
  description: {
    zh: '按平台和自然月：当月有接单的劳务派遣人员超过该平台（含合作用工企业）当月劳动合同用工与劳务派遣用工合计人数的10%。平台层面的问题，不针对个人。',
    en: 'Per platform and calendar month: dispatched workers active in the month above 10 % of the platform’s (partner companies included) labour-contract plus dispatched workers active that month. A platform-level finding, not about one worker.',
  },
  parameters: params,
  messages: {
    overShare: {
      zh: '{month} {platform}的劳务派遣人员 {dispatch} 人，占劳动合同与派遣用工合计 {total} 人的 {share}%，超过 {limit}%',
      en: '{month}: {dispatch} dispatched workers on {platform} are {share} % of the {total} workers on labour or dispatch contracts, above {limit} %',
    },
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    if (dossiers.length) check(dossiers, ctx, out);
  },
};
