// 赔偿经济损失的扣款: deductions to compensate a loss may take at most 20 % of the month's
// wage, and what is left must not fall below the local monthly minimum (工资支付暂行规定
// art. 16); other than tax, the worker's own social insurance and deductions the law allows,
// wages may not be withheld (art. 15; 劳动法 art. 50 "不得克扣").
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { Jurisdiction } from '../law/types.js';
import type { DeductionReason } from '../model.js';
import { firstDayOfMonth, formatMonth, lastDayOfMonth, monthOfDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, tierFor, yuan } from './util.js';
import { capEvidence, EMPLOYEE, payEvidence, relationOver, shareIn } from './util-pay.js';

const params = z.object({ max_share: z.number().min(0).max(1) });
type Params = z.infer<typeof params>;

/** Fines and compensation for loss; tax, social insurance and insurance premiums are lawful (art. 15). */
const COMPENSATION: ReadonlySet<DeductionReason> = new Set(['fine', 'equipment', 'other']);
const isCompensation = (reason: DeductionReason | undefined) => reason !== undefined && COMPENSATION.has(reason);

/** The monthly minimum, pro-rated by active days as the minimum-wage rule does; undefined = cannot tell. */
function minimumDue(d: Dossier, ctx: RuleContext, j: Jurisdiction | undefined, month: number, out: RuleOutput) {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  if (!j) {
    out.notAssessed('no region or ruleset for the place of work');
    return undefined;
  }
  const { j: place } = tierFor(ctx, j, 'minimum_wage.monthly_fen', first);
  const min = ctx.law.param<number>(place.rulesetId, 'minimum_wage.monthly_fen', first, place.tier);
  const perMonth = ctx.law.param<number>(j.rulesetId, 'pay.days_per_month', first);
  if (!min || !perMonth) {
    out.notAssessed(`no monthly minimum wage in ruleset ${j.rulesetId} for region ${j.region}`);
    return undefined;
  }
  const active = d.activeDays.filter((x) => x >= first && x <= last).length;
  const unverified = min.verified ? [] : [`minimum_wage.monthly_fen ${min.value} (${min.source})`];
  return { fen: Math.round(min.value * Math.min(1, active / perMonth.value)), unverified };
}

function checkMonth(d: Dossier, month: number, ctx: RuleContext, out: RuleOutput) {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const records = d.pay.filter((r) => shareIn(r, first, last) > 0);
  let gross = 0;
  let comparable = 0;
  let deducted = 0;
  for (const r of records) {
    const s = shareIn(r, first, last);
    gross += r.grossFen * s;
    comparable += (r.grossFen - (r.overtimeFen ?? 0) - (r.holidayFen ?? 0) - (r.allowancesFen ?? 0)) * s;
    if (isCompensation(r.deductionReason)) deducted += (r.deductionFen ?? 0) * s;
  }
  const grossFen = Math.round(gross);
  const dedFen = Math.round(deducted);
  if (dedFen <= 0) return;
  const relation = relationOver(d, first, last);
  if (relation === 'independent') return;

  const j = ctx.jurisdictionOf(d, first, last);
  const { values: p, unverified } = ctx.params<Params>(excessiveDeduction, j, first, d.platform);
  const allowedFen = Math.floor(grossFen * p.max_share + 1e-6);
  const overShare = dedFen > allowedFen;
  // The floor of the monthly minimum applies to employees, whose pay the minimum is monthly for.
  const minimum = EMPLOYEE.has(relation) ? minimumDue(d, ctx, j, month, out) : undefined;
  const required = minimum?.fen;
  const remainingFen = Math.round(comparable) - dedFen;
  const belowMinimum = required !== undefined && remainingFen < required;
  if (!overShare && !belowMinimum) return;

  const lawfulFen = Math.max(0, Math.min(allowedFen, required === undefined ? allowedFen : Math.round(comparable) - required));
  const owedFen = dedFen - lawfulFen;
  const share = grossFen > 0 ? dedFen / grossFen : 1;
  out.finding({
    messageId: overShare && belowMinimum ? 'overShareBelowMinimum' : overShare ? 'overShare' : 'belowMinimum',
    data: {
      month: formatMonth(month),
      deduction: fmtYuan(dedFen),
      gross: fmtYuan(grossFen),
      share: (share * 100).toFixed(2),
      limit: +(p.max_share * 100).toFixed(2),
      remaining: fmtYuan(remainingFen),
      required: required === undefined ? '-' : fmtYuan(required),
      owed: fmtYuan(owedFen),
    },
    metrics: {
      month: formatMonth(month),
      relation,
      grossYuan: yuan(grossFen),
      deductionYuan: yuan(dedFen),
      share: Math.round(share * 10000) / 10000,
      maxShare: p.max_share,
      remainingYuan: yuan(remainingFen),
      ...(required !== undefined ? { minimumDueYuan: yuan(required) } : {}),
      arrearsYuan: yuan(owedFen),
    },
    period: dayPeriod(first, last),
    jurisdiction: j,
    unverified: [...unverified, ...(minimum?.unverified ?? [])],
    ...capEvidence(records.map((r) => payEvidence(ctx, r))),
  });
}

export const excessiveDeduction: Rule<Params> = {
  id: 'excessive-deduction',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '罚款或赔偿扣款过高', en: 'Excessive fines or compensation deductions' },
  description: {
    zh: '按自然月：罚款、装备及其他赔偿性扣款超过当月报酬的20%，或劳动关系/劳务派遣扣款后剩余报酬低于当地月最低工资（按出勤天数折算）。个税、社保个人部分、保险费不计入。',
    en: 'Per calendar month: fines, equipment and other compensation deductions above 20 % of the month’s pay, or, for labour and dispatch relations, leaving less than the local monthly minimum (pro-rated by active days). Tax, the worker’s social insurance and premiums are not counted.',
  },
  parameters: params,
  messages: {
    overShare: {
      zh: '{month} 罚款/赔偿扣款 {deduction} 元，占当月报酬 {gross} 元的 {share}%，超过 {limit}%（应退 {owed} 元）',
      en: '{month}: fines and compensation deductions of {deduction} yuan are {share} % of the month’s pay of {gross} yuan, above {limit} % ({owed} yuan owed back)',
    },
    belowMinimum: {
      zh: '{month} 罚款/赔偿扣款 {deduction} 元后剩余报酬 {remaining} 元，低于月最低工资 {required} 元（应退 {owed} 元）',
      en: '{month}: after fines and compensation deductions of {deduction} yuan, {remaining} yuan is left, below the monthly minimum of {required} yuan ({owed} yuan owed back)',
    },
    overShareBelowMinimum: {
      zh: '{month} 罚款/赔偿扣款 {deduction} 元，占当月报酬 {gross} 元的 {share}%，超过 {limit}%，且剩余报酬 {remaining} 元低于月最低工资 {required} 元（应退 {owed} 元）',
      en: '{month}: fines and compensation deductions of {deduction} yuan are {share} % of the month’s pay of {gross} yuan, above {limit} %, and leave {remaining} yuan, below the monthly minimum of {required} yuan ({owed} yuan owed back)',
    },
  },
  requires: ['orders', 'pay'],
  computesArrears: true,
  lawParameters: ['minimum_wage.monthly_fen', 'pay.days_per_month'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) {
      const months = new Set<number>();
      for (const r of d.pay) {
        if (r.deductionFen && r.deductionReason === undefined) out.notAssessed('deduction without a reason');
        if (!isCompensation(r.deductionReason) || !r.deductionFen) continue;
        for (let m = monthOfDay(r.periodStart); m <= monthOfDay(r.periodEnd); m++) months.add(m);
      }
      for (const m of [...months].sort((a, b) => a - b)) checkMonth(d, m, ctx, out);
    }
  },
};
