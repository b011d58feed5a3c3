// 未成年工特殊保护: workers aged 16–17 get special protection — no heavy, night-time or
// hazardous work, health checks, registration with the labour bureau (劳动法 art. 58, 64–65;
// 未成年工特殊保护规定 art. 6, 9; 未成年人保护法 art. 61). Long days are flagged against the
// standard working day (劳动法 art. 36).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { civilFromDay, dayFromCivil, formatDay } from '../time.js';
import { childLabour } from './child-labour.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, hours, orderEvidence, recordEvidence } from './util.js';
import { ageOn, firstOrders, ordersTouching, workedDays } from './util-time.js';

const params = z.object({ adult_age: z.number().int().positive(), max_daily_minutes: z.number().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  const w = d.worker;
  if (!w) return out.notAssessed('worker not in the roster');
  if (w.birthDay === undefined) return out.notAssessed('no birth date or resident ID number in the roster');
  const birth = w.birthDay;
  const all = workedDays(d);
  const j = ctx.jurisdictionOf(d, all[0], all[all.length - 1]);
  const unverified = new Set<string>();
  const minor: { day: number; p: Params }[] = [];
  for (const day of all) {
    const p = ctx.params<Params>(minorWorker, j, day, d.platform);
    const child = ctx.params<{ min_age: number }>(childLabour, j, day, d.platform);
    const age = ageOn(birth, day);
    if (age < child.values.min_age || age >= p.values.adult_age) continue;
    [...p.unverified, ...child.unverified].forEach((u) => unverified.add(u));
    minor.push({ day, p: p.values });
  }
  if (minor.length === 0) return;
  const first = minor[0].day;
  const last = minor[minor.length - 1].day;
  const b = civilFromDay(birth);
  // Protection lasts until the day before the adult birthday (29 February → 1 March).
  const adult = dayFromCivil(b.y + minor[minor.length - 1].p.adult_age, b.m, b.d);
  const roster = recordEvidence(ctx, w, 'roster');
  const ev = orderEvidence(d, ctx, firstOrders(d, minor.map((m) => m.day)));
  const minutes = minor.reduce((s, m) => s + (d.dayMinutes.get(m.day) ?? 0), 0);
  out.finding({
    messageId: 'minorWorker',
    data: { first: formatDay(first), last: formatDay(last), days: minor.length, age: ageOn(birth, first), adultAge: minor[minor.length - 1].p.adult_age, until: formatDay(adult - 1) },
    metrics: { ageOnFirstDay: ageOn(birth, first), minorDays: minor.length, firstDay: formatDay(first), lastDay: formatDay(last), hours: hours(minutes), protectedUntil: formatDay(adult - 1) },
    period: dayPeriod(first, adult - 1),
    jurisdiction: j,
    severity: 'info',
    unverified: [...unverified],
    evidence: [roster, ...ev.evidence],
    evidenceOmitted: ev.evidenceOmitted,
  });
  for (const { day, p } of minor) {
    const dayMinutes = d.dayMinutes.get(day) ?? 0;
    if (dayMinutes <= p.max_daily_minutes) continue;
    const dayEv = orderEvidence(d, ctx, ordersTouching(d, day));
    out.finding({
      messageId: 'minorLongDay',
      data: { day: formatDay(day), age: ageOn(birth, day), hours: hours(dayMinutes), limit: hours(p.max_daily_minutes) },
      metrics: { day: formatDay(day), age: ageOn(birth, day), hours: hours(dayMinutes), limitHours: hours(p.max_daily_minutes), overMinutes: Math.round(dayMinutes - p.max_daily_minutes) },
      period: dayPeriod(day, day),
      jurisdiction: j,
      severity: 'warning',
      unverified: [...unverified],
      evidence: [roster, ...dayEv.evidence],
      evidenceOmitted: dayEv.evidenceOmitted,
    });
  }
}

export const minorWorker: Rule<Params> = {
  id: 'minor-worker',
  scope: 'worker-platform',
  defaultSeverity: 'warning',
  title: { zh: '未成年工（16至17周岁）', en: 'Minor worker (aged 16–17)' },
  description: {
    zh: '已满最低就业年龄、未满成年年龄（默认18周岁）的劳动者接单：列出以便落实未成年工特殊保护（提示）；一日工作时间超过上限（默认8小时）记为警告。',
    en: 'Work by a person past the minimum working age but under the adult age (18 by default): listed for special protection (info); a day with working time above the limit (8 hours by default) is a warning.',
  },
  parameters: params,
  messages: {
    minorWorker: {
      zh: '未成年工：{first} 至 {last} 共 {days} 个接单日未满 {adultAge} 周岁（首个接单日 {age} 岁），至 {until} 应予特殊保护',
      en: 'Minor worker: {days} days of work from {first} to {last} while under {adultAge} (aged {age} on the first), under special protection until {until}',
    },
    minorLongDay: {
      zh: '{day} 未成年工（{age} 岁）工作 {hours} 小时，超过每日 {limit} 小时',
      en: '{day}: minor worker (aged {age}) worked {hours} h, over {limit} h in a day',
    },
  },
  requires: ['orders', 'workers'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
