// 禁止使用童工: no employer or individual may take on a minor under 16 for work of any
// kind (禁止使用童工规定 art. 2; 劳动法 art. 15; 未成年人保护法 art. 61). Age is taken on each
// day of work, from the roster's birth date or the resident ID number (GB 11643).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, orderEvidence, recordEvidence } from './util.js';
import { ageOn, firstOrders } from './util-time.js';

const params = z.object({ min_age: z.number().int().positive() });
type Params = z.infer<typeof params>;

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  const w = d.worker;
  if (!w) return out.notAssessed('worker not in the roster');
  if (w.birthDay === undefined) return out.notAssessed('no birth date or resident ID number in the roster');
  const birth = w.birthDay;
  const start = d.activeDays[0];
  const end = d.activeDays[d.activeDays.length - 1];
  const j = ctx.jurisdictionOf(d, start, end);
  const unverified = new Set<string>();
  let minAge = 0;
  const under = d.activeDays.filter((day) => {
    const p = ctx.params<Params>(childLabour, j, day, d.platform);
    p.unverified.forEach((u) => unverified.add(u));
    const young = ageOn(birth, day) < p.values.min_age;
    if (young) minAge = p.values.min_age;
    return young;
  });
  if (under.length === 0) return;
  const first = under[0];
  const last = under[under.length - 1];
  const ev = orderEvidence(d, ctx, firstOrders(d, under));
  out.finding({
    messageId: 'childLabour',
    data: { first: formatDay(first), last: formatDay(last), days: under.length, age: ageOn(birth, start), minAge },
    metrics: {
      firstDayOfWork: formatDay(start),
      ageOnFirstDay: ageOn(birth, start),
      daysUnderAge: under.length,
      firstDayUnderAge: formatDay(first),
      lastDayUnderAge: formatDay(last),
      minAge,
    },
    period: dayPeriod(first, last),
    jurisdiction: j,
    unverified: [...unverified],
    evidence: [recordEvidence(ctx, w, 'roster'), ...ev.evidence],
    evidenceOmitted: ev.evidenceOmitted,
  });
}

export const childLabour: Rule<Params> = {
  id: 'child-labour',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '使用童工', en: 'Child labour' },
  description: {
    zh: '劳动者在接单当日未满最低就业年龄（默认16周岁）：年龄按人员名册的出生日期计算，缺出生日期时按居民身份证号码推算。名册中没有该劳动者或没有出生信息时记为无法评估。',
    en: 'Work by a person under the minimum working age (16 by default) on the day: age from the roster’s birth date, else from the resident ID number. A worker missing from the roster, or without a birth date, cannot be assessed.',
  },
  parameters: params,
  messages: {
    childLabour: {
      zh: '{first} 至 {last} 共 {days} 个接单日未满 {minAge} 周岁（首次接单时 {age} 岁）',
      en: 'Worked on {days} days from {first} to {last} while under {minAge} (aged {age} on the first day of work)',
    },
  },
  requires: ['orders', 'workers'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
