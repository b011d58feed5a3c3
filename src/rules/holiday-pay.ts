// 法定休假日工作报酬: work on a statutory holiday is paid at no less than 300 % of the wage
// (劳动法 art. 44(3); 工资支付暂行规定 art. 13(3)). For platform work outside an employment
// relation, holiday work must be paid above the normal rate (人社厅发〔2023〕50号 guideline
// ch. 3; 永人社发〔2025〕20号 item 6; 德人社发〔2022〕95号 (六)). Statutory days follow the
// dated calendar (全国年节及纪念日放假办法, 国务院令第795号 from 2025).
import { z } from 'zod';
import { monthOf, type Dossier } from '../assemble/index.js';
import { civilFromDay, formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, fmtYuan, hours, orderEvidence, recordEvidence, yuan } from './util.js';
import { EMPLOYEE, jurisdictionOn, workedDays } from './util-time.js';

const params = z.object({ labor_multiplier: z.number().positive(), other_min_multiplier: z.number().positive() });
type Params = z.infer<typeof params>;

/** Order pay, order count and minutes of the orders accepted on a day; undefined when any order has no pay. */
function dayPay(d: Dossier, day: number) {
  const positions = [...d.ordersOn(day)];
  let fen = 0;
  for (const p of positions) {
    const pay = d.orderAt(p).payFen;
    if (Number.isNaN(pay)) return undefined;
    fen += pay;
  }
  return { fen, orders: positions.length, minutes: d.dayMinutes.get(day) ?? 0, positions };
}

/** The normal rate of a month: order pay on its worked days that are not statutory holidays. */
function normalRate(d: Dossier, ctx: RuleContext, month: number) {
  let fen = 0;
  let orders = 0;
  let minutes = 0;
  for (const day of workedDays(d)) {
    if (monthOf(day) !== month || ctx.law.dayType(day) === 'statutory') continue;
    const p = dayPay(d, day);
    if (!p || p.orders === 0) continue;
    [fen, orders, minutes] = [fen + p.fen, orders + p.orders, minutes + p.minutes];
  }
  if (orders === 0) return undefined;
  return { perHour: minutes > 0 ? fen / (minutes / 60) : undefined, perOrder: fen / orders };
}

/** A pay record's holiday_pay shared over the statutory days worked in its period, by working time. */
function recordHolidayPay(d: Dossier, ctx: RuleContext, day: number) {
  let fen = 0;
  const records = d.pay.filter((r) => r.holidayFen && r.periodStart <= day && day <= r.periodEnd);
  for (const r of records) {
    const hols = workedDays(d).filter((x) => x >= r.periodStart && x <= r.periodEnd && ctx.law.dayType(x) === 'statutory');
    const total = hols.reduce((m, x) => m + (d.dayMinutes.get(x) ?? 0), 0);
    fen += total > 0 ? (r.holidayFen! * (d.dayMinutes.get(day) ?? 0)) / total : r.holidayFen! / hols.length;
  }
  return { fen, records };
}

function checkDay(d: Dossier, day: number, ctx: RuleContext, out: RuleOutput) {
  const worked = dayPay(d, day);
  if (worked?.orders === 0) return; // only the end of an order accepted the day before
  if (!worked) return out.notAssessed('no order pay on a statutory holiday');
  const rate = normalRate(d, ctx, monthOf(day));
  if (!rate) return out.notAssessed('no order pay on ordinary days of the month to set a normal rate');
  const j = jurisdictionOn(d, ctx, day);
  const { values: p, unverified } = ctx.params<Params>(holidayPay, j, day, d.platform);
  const relation = d.relationOn(day);
  const employee = EMPLOYEE.has(relation);
  const perHour = rate.perHour !== undefined && worked.minutes > 0;
  const normalFen = perHour ? rate.perHour! * (worked.minutes / 60) : rate.perOrder * worked.orders;
  const extra = recordHolidayPay(d, ctx, day);
  const paidFen = Math.round(worked.fen + extra.fen);
  const multiplier = employee ? p.labor_multiplier : p.other_min_multiplier;
  const requiredFen = Math.round(normalFen * multiplier);
  // Employees: at least the multiple; others: strictly above the normal rate.
  if (employee ? paidFen >= requiredFen : paidFen > requiredFen) return;
  const shortFen = Math.max(0, requiredFen - paidFen);
  const cal = ctx.law.calendarYears().find((c) => c.year === civilFromDay(day).y);
  const ev = orderEvidence(d, ctx, worked.positions);
  out.finding({
    messageId: employee ? 'belowStatutoryRate' : 'noPremium',
    data: {
      day: formatDay(day),
      hours: hours(worked.minutes),
      orders: worked.orders,
      pay: fmtYuan(paidFen),
      normal: fmtYuan(normalFen),
      multiplier,
      required: fmtYuan(requiredFen),
      short: fmtYuan(shortFen),
    },
    metrics: {
      day: formatDay(day),
      relation,
      rateBasis: perHour ? 'per hour' : 'per order',
      holidayHours: hours(worked.minutes),
      orders: worked.orders,
      payYuan: yuan(paidFen),
      orderPayYuan: yuan(worked.fen),
      holidayPayRecordYuan: yuan(extra.fen),
      normalRateYuan: yuan(perHour ? rate.perHour! : rate.perOrder),
      normalPayYuan: yuan(normalFen),
      multiplier,
      requiredYuan: yuan(requiredFen),
      premiumOwedYuan: yuan(shortFen),
      // Arrears only where the multiple is statutory (employment relations).
      ...(employee ? { arrearsYuan: yuan(shortFen) } : {}),
    },
    period: dayPeriod(day, day),
    jurisdiction: j,
    severity: employee ? undefined : 'warning',
    unverified: cal && !cal.verified ? [...unverified, `holiday calendar ${cal.year} (${cal.source})`] : unverified,
    evidence: [...extra.records.map((r) => recordEvidence(ctx, r, 'holiday_pay')), ...ev.evidence],
    evidenceOmitted: ev.evidenceOmitted,
  });
}

export const holidayPay: Rule<Params> = {
  id: 'holiday-pay',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '法定节假日工作报酬不足', en: 'Statutory holiday work underpaid' },
  description: {
    zh: '在法定节假日（按当年放假安排）接单：劳动关系/劳务派遣的报酬低于正常工作时间报酬的300%为违法；其他用工形式报酬未高于正常报酬记为警告。正常报酬按同月非法定节假日的平均每小时（或每单）订单收入计算；节假日报酬为当日订单收入加结算记录中的节假日报酬（按工作时间分摊）。',
    en: 'Work on a statutory holiday (per that year’s calendar): for labour and dispatch relations, pay below 300 % of the normal rate is a breach; for other forms of work, pay not above the normal rate is a warning. The normal rate is the average order pay per hour (or per order) on the other days of the same month; holiday pay is the day’s order pay plus pay-record holiday pay shared by working time.',
  },
  parameters: params,
  messages: {
    belowStatutoryRate: {
      zh: '{day} 法定节假日工作 {hours} 小时（{orders} 单），报酬 {pay} 元，低于正常报酬 {normal} 元的 {multiplier} 倍（应不低于 {required} 元，差额 {short} 元）',
      en: '{day} (statutory holiday): {hours} h worked ({orders} orders), paid {pay} yuan, below {multiplier} times the normal pay of {normal} yuan (at least {required} yuan due, short {short} yuan)',
    },
    noPremium: {
      zh: '{day} 法定节假日工作 {hours} 小时（{orders} 单），报酬 {pay} 元，未高于正常报酬 {normal} 元的 {multiplier} 倍（{required} 元）',
      en: '{day} (statutory holiday): {hours} h worked ({orders} orders), paid {pay} yuan, not above {multiplier} times the normal pay of {normal} yuan ({required} yuan)',
    },
  },
  requires: ['orders'],
  computesArrears: true,
  check(dossiers, ctx, out) {
    for (const d of dossiers) {
      const missing = new Set<number>();
      for (const day of d.activeDays) {
        const type = ctx.law.dayType(day);
        if (type === undefined) missing.add(civilFromDay(day).y);
        else if (type === 'statutory') checkDay(d, day, ctx, out);
      }
      for (const y of missing) out.notAssessed(`no holiday calendar for ${y}`);
    }
  },
};
