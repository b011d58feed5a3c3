// 最低工资: pay for normal work must reach the minimum of the place of work (劳动法 art. 48;
// 最低工资规定 art. 5, 12; 劳动合同法实施条例 art. 14). Monthly standard for labour and
// dispatch relations; hourly standard for part-time and the intermediate category
// (人社厅发〔2023〕50号 guideline ch. 3).
import { z } from 'zod';
import { monthOf, type Dossier } from '../assemble/index.js';
import type { Jurisdiction, ParamValue } from '../law/types.js';
import type { Relation } from '../model.js';
import { firstDayOfMonth, formatMonth, lastDayOfMonth } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, dominantRelation, fmtYuan, hours, orderEvidence, recordEvidence, tierFor, yuan } from './util.js';

const MONTHLY: ReadonlySet<Relation> = new Set(['labor', 'dispatch']);

/** The month split where the standard changes (a new standard applies from its date). */
function segments(ctx: RuleContext, j: Jurisdiction, key: string, first: number, last: number) {
  const segs: { from: number; to: number; value: ParamValue<number> }[] = [];
  for (let day = first; day <= last; day++) {
    const v = ctx.law.param<number>(j.rulesetId, key, day, j.tier);
    if (!v) return undefined;
    const cur = segs[segs.length - 1];
    if (cur && cur.value.since === v.since && cur.value.rulesetId === v.rulesetId) cur.to = day;
    else segs.push({ from: day, to: day, value: v });
  }
  return segs;
}


/** Order pay by month of acceptance, and the orders that carry it, in order (for months without pay records). */
type OrderPay = Map<number, { fen: number; positions: number[] }>;

function orderPayByMonth(d: Dossier, ctx: RuleContext): OrderPay {
  const by: OrderPay = new Map();
  const pay = d.log.payFen;
  const sameClock = d.clock === ctx.clock;
  for (let p = 0; p < d.sorted.length; p++) {
    const fen = pay[d.sorted[p]];
    if (Number.isNaN(fen)) continue;
    const m = monthOf(sameClock ? d.accDay[p] : ctx.clock.dayOf(d.log.acceptedAt[d.sorted[p]]));
    let e = by.get(m);
    if (!e) by.set(m, (e = { fen: 0, positions: [] }));
    e.fen += fen;
    e.positions.push(p);
  }
  return by;
}

function checkMonth(d: Dossier, month: number, ctx: RuleContext, out: RuleOutput, orderPay: () => OrderPay) {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const active = d.activeDays.filter((x) => x >= first && x <= last);
  let computedMinutes = 0;
  for (let day = first; day <= last; day++) computedMinutes += d.dayMinutes.get(day) ?? 0;
  if (computedMinutes <= 0 || active.length === 0) return;
  const relation = dominantRelation(d, active) ?? 'unknown';
  if (relation === 'independent') return;
  const place = ctx.jurisdictionOf(d, first, last);
  if (!place) return out.notAssessed('no region or ruleset for the place of work');

  // Comparable pay: gross less overtime, holiday pay and allowances (最低工资规定 art. 12).
  // Where the audited period cuts the month (--from/--to), its orders outside were left out:
  // pay records count for the days inside it only, pro-rated as across months.
  const lo = Math.max(first, ctx.period.from ?? first);
  const hi = Math.min(last, ctx.period.to ?? last);
  let payFen = 0;
  let reportedHours: number | undefined;
  const payRecords = d.pay.filter((r) => r.periodStart <= hi && r.periodEnd >= lo);
  for (const r of payRecords) {
    const overlap = Math.min(r.periodEnd, hi) - Math.max(r.periodStart, lo) + 1;
    const share = overlap / (r.periodEnd - r.periodStart + 1);
    payFen += (r.grossFen - (r.overtimeFen ?? 0) - (r.holidayFen ?? 0) - (r.allowancesFen ?? 0)) * share;
    if (r.hoursWorked !== undefined) reportedHours = (reportedHours ?? 0) + r.hoursWorked * share;
  }
  let orderPositions: number[] = [];
  if (payRecords.length === 0) {
    // The month's order pay, summed in order once per dossier (not a scan of every order per month).
    const m = orderPay().get(month);
    if (!m) return out.notAssessed('no pay record or order pay for the month');
    payFen += m.fen;
    orderPositions = m.positions;
  }
  const minutes = Math.max(computedMinutes, (reportedHours ?? 0) * 60);

  const monthly = MONTHLY.has(relation);
  const key = monthly ? 'minimum_wage.monthly_fen' : 'minimum_wage.hourly_fen';
  const { j, assumedTier } = tierFor(ctx, place, key, first);
  const segs = segments(ctx, j, key, first, last);
  if (!segs) return out.notAssessed(`no minimum wage in ruleset ${j.rulesetId} for region ${j.region}`);
  let requiredFen = 0;
  if (monthly) {
    const perMonth = ctx.law.param<number>(j.rulesetId, 'pay.days_per_month', first);
    if (!perMonth) return out.notAssessed('no paid-days-per-month parameter');
    const factor = Math.min(1, active.length / perMonth.value);
    for (const s of segs) {
      const segActive = active.filter((x) => x >= s.from && x <= s.to).length;
      requiredFen += s.value.value * factor * (segActive / active.length);
    }
  } else {
    for (const s of segs) {
      let segMinutes = 0;
      for (let day = s.from; day <= s.to; day++) segMinutes += d.dayMinutes.get(day) ?? 0;
      // Reported hours above computed time raise every segment in proportion.
      requiredFen += (s.value.value * (segMinutes * (minutes / computedMinutes))) / 60;
    }
  }
  requiredFen = Math.round(requiredFen);
  payFen = Math.round(payFen);
  if (payFen >= requiredFen) return;

  const standard = segs[segs.length - 1].value;
  const shortfall = requiredFen - payFen;
  const rate = payFen / (minutes / 60);
  const evidence = payRecords.length
    ? { evidence: payRecords.map((r) => recordEvidence(ctx, r)), evidenceOmitted: undefined }
    : orderEvidence(d, ctx, orderPositions);
  const unverified = segs.filter((s) => !s.value.verified).map((s) => `${key} ${s.value.value} (${s.value.source})`);
  out.finding({
    messageId: monthly ? 'belowMonthly' : 'belowHourly',
    data: {
      month: formatMonth(month),
      pay: fmtYuan(payFen),
      hours: hours(minutes),
      rate: fmtYuan(rate),
      minimum: fmtYuan(standard.value),
      required: fmtYuan(requiredFen),
      shortfall: fmtYuan(shortfall),
      region: j.region,
    },
    metrics: {
      month: formatMonth(month),
      relation,
      test: monthly ? 'monthly' : 'hourly',
      hours: hours(minutes),
      computedHours: hours(computedMinutes),
      ...(reportedHours !== undefined ? { reportedHours: Math.round(reportedHours * 100) / 100 } : {}),
      activeDays: active.length,
      payYuan: yuan(payFen),
      rateYuanPerHour: yuan(rate),
      [monthly ? 'minimumYuanPerMonth' : 'minimumYuanPerHour']: yuan(standard.value),
      requiredYuan: yuan(requiredFen),
      shortfallYuan: yuan(shortfall),
      arrearsYuan: yuan(shortfall),
      ...(assumedTier !== undefined ? { tier: assumedTier, tierAssumed: 'lowest (no region)' } : {}),
      instrument: standard.document ?? standard.source,
      payFrom: payRecords.length ? 'pay records' : 'order pay',
    },
    period: dayPeriod(first, last),
    jurisdiction: j,
    basis: standard.document ? [{ document: standard.document }] : [],
    unverified,
    ...evidence,
  });
}

export const minimumWage: Rule<Record<string, never>> = {
  id: 'minimum-wage',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '报酬低于当地最低工资', en: 'Pay below the local minimum wage' },
  description: {
    zh: '按自然月核对：劳动关系/劳务派遣按月最低工资（按出勤天数折算，21.75天），非全日制、不完全符合确立劳动关系情形及无合同者按小时最低工资；剔除加班费、节假日报酬和特殊津贴；以工作地、工作发生当日有效的标准为准。',
    en: 'Per calendar month: labour and dispatch relations against the monthly minimum (pro-rated by active days over 21.75), part-time, intermediate-category and uncontracted work against the hourly minimum; overtime, holiday pay and allowances excluded; the standard of the place of work in force on the day of the work.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    belowHourly: {
      zh: '{month} 在{region}时薪 {rate} 元，低于小时最低工资 {minimum} 元（工作 {hours} 小时，报酬 {pay} 元，应不低于 {required} 元，差额 {shortfall} 元）',
      en: '{month} in {region}: {rate} yuan per hour, below the hourly minimum of {minimum} yuan ({hours} h worked, paid {pay} yuan, at least {required} yuan due, shortfall {shortfall} yuan)',
    },
    belowMonthly: {
      zh: '{month} 在{region}月报酬 {pay} 元，低于按出勤折算的月最低工资 {required} 元（标准 {minimum} 元/月，差额 {shortfall} 元）',
      en: '{month} in {region}: paid {pay} yuan, below the pro-rated monthly minimum of {required} yuan (standard {minimum} yuan per month, shortfall {shortfall} yuan)',
    },
  },
  requires: ['orders'],
  computesArrears: true,
  lawParameters: ['minimum_wage.monthly_fen', 'minimum_wage.hourly_fen', 'pay.days_per_month', 'work_span.bridge_gap_minutes'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) {
      let orderPay: OrderPay | undefined;
      const lazyOrderPay = () => (orderPay ??= orderPayByMonth(d, ctx));
      for (const m of d.months()) checkMonth(d, m, ctx, out, lazyOrderPay);
    }
  },
};
