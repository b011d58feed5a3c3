// 工伤保险 / 职业伤害保障: every active day needs injury cover paid by the platform the work
// was done for — each platform separately (工伤保险条例 art. 2, 10; 人社部发〔2021〕110号;
// 人社部发〔2025〕24号 "按单缴费、每单必保"; 永人社发〔2025〕20号 item 8; 城人社发〔2022〕97号 (十)).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { covers } from '../assemble/index.js';
import type { InsuranceType } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, orderEvidence } from './util.js';

type DayStatus = { day: number; status: 'ok' | 'missing' | 'inactive' | 'commercialOnlyMissing'; unverified?: string };

function hasCover(d: Dossier, day: number, types: readonly InsuranceType[], status: 'active' | 'any') {
  for (const r of d.insurance) if (types.includes(r.insuranceType) && covers(r, day) && (status === 'any' || r.status === 'active')) return true;
  return false;
}

const EMPLOYEE_COVER: readonly InsuranceType[] = ['work_injury'];
const OTHER_COVER: readonly InsuranceType[] = ['work_injury', 'occupational_injury'];
const COMMERCIAL_COVER: readonly InsuranceType[] = ['accident', 'employer_liability'];

type Status = DayStatus['status'];

/** The unverified source behind the last status statusOn gave (scheme lookups only). */
let lastUnverified: string | undefined;

/** Status of a day, or undefined when the scheme's reach cannot be told; its unverified note in lastUnverified. No object per day. */
function statusOn(d: Dossier, day: number, ctx: RuleContext): Status | undefined {
  lastUnverified = undefined;
  const relation = d.relationOn(day);
  const employee = relation === 'labor' || relation === 'part_time' || relation === 'dispatch';
  const injuryTypes = employee ? EMPLOYEE_COVER : OTHER_COVER;
  if (hasCover(d, day, injuryTypes, 'active')) return 'ok';
  const lapsed = hasCover(d, day, injuryTypes, 'any');
  if (employee) return lapsed ? 'inactive' : 'missing';

  // Outside an employment relation the occupational-injury scheme decides whether cover is
  // mandatory on this day; where it does not yet reach, commercial cover is encouraged.
  const p = d.firstOrderOn(day);
  const region = p < 0 ? undefined : d.strings.get(d.regionIdAt(p));
  const j = ctx.jurisdiction(region);
  if (!j) return undefined;
  const scheme = ctx.law.occupationalInjuryCovers(j.province, d.businessLineOn(day), day);
  const unverified = scheme.verified ? undefined : `occupational_injury.scheme (${scheme.source})`;
  if (scheme.value) {
    lastUnverified = unverified;
    return lapsed ? 'inactive' : 'missing';
  }
  if (hasCover(d, day, COMMERCIAL_COVER, 'active')) return 'ok';
  lastUnverified = unverified;
  return 'commercialOnlyMissing';
}

/** Injury cover status of a day as this rule judges it; undefined when the scheme's reach cannot be told. */
export function injuryStatusOn(d: Dossier, day: number, ctx: RuleContext): DayStatus | undefined {
  const status = statusOn(d, day, ctx);
  if (status === undefined) return undefined;
  return lastUnverified === undefined ? { day, status } : { day, status, unverified: lastUnverified };
}

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  // Statuses of the days that have one, as columns.
  const days: number[] = [];
  const statuses: Status[] = [];
  const notes: (string | undefined)[] = [];
  let unknown = false;
  for (const day of d.activeDays) {
    const s = statusOn(d, day, ctx);
    if (s === undefined) unknown = true;
    else {
      days.push(day);
      statuses.push(s);
      notes.push(lastUnverified);
    }
  }
  if (unknown) out.notAssessed('no region or ruleset to tell whether the occupational-injury scheme applies');
  // Runs of days with the same status (days without one are skipped over, not a break).
  for (let k = 0; k < days.length; ) {
    let e = k;
    while (e + 1 < days.length && statuses[e + 1] === statuses[k]) e++;
    if (statuses[k] !== 'ok') runFinding(d, ctx, out, days.slice(k, e + 1), statuses[k], notes.slice(k, e + 1));
    k = e + 1;
  }
}

function runFinding(d: Dossier, ctx: RuleContext, out: RuleOutput, run: number[], kind: Status, notes: (string | undefined)[]) {
  const first = run[0];
  const last = run[run.length - 1];
  const positions: number[] = [];
  const accDay = d.accDay;
  for (const day of run) {
    for (let p = d.firstOrderOn(day); p >= 0 && p < accDay.length && accDay[p] === day; p++) positions.push(p);
  }
  const relation = d.relationOn(first);
  const ev = orderEvidence(d, ctx, positions);
  out.finding({
    messageId: kind === 'commercialOnlyMissing' ? 'noCommercialCover' : kind === 'inactive' ? 'lapsed' : 'noCover',
    data: { first: formatDay(first), last: formatDay(last), days: run.length, orders: positions.length, platform: d.platform },
    metrics: {
      firstUncoveredDay: formatDay(first),
      lastUncoveredDay: formatDay(last),
      uncoveredActiveDays: run.length,
      ordersWithoutCover: positions.length,
      relation,
    },
    period: dayPeriod(first, last),
    jurisdiction: ctx.jurisdictionOf(d, first, last),
    severity: kind === 'commercialOnlyMissing' ? 'warning' : undefined,
    unverified: [...new Set(notes.filter((u): u is string => Boolean(u)))],
    ...ev,
  });
}

export const injuryInsurance: Rule<Record<string, never>> = {
  id: 'injury-insurance',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '接单期间无该平台的工伤/职业伤害保障', en: 'Active work without injury cover from that platform' },
  description: {
    zh: '每个接单日都须有该平台（或其合作用工企业、派遣单位）缴费且状态正常的保障：劳动关系、非全日制为工伤保险；不完全符合确立劳动关系情形及其他情形，在职业伤害保障覆盖该省份和行业之日起为职业伤害保障（工伤保险亦可）；尚未覆盖时无商业意外险记为警告。多平台就业由各平台分别参保。',
    en: 'Each active day needs cover paid by that platform (or its partner company or dispatch agency) and in force: work-injury insurance for labour and part-time relations; for the intermediate category and others, occupational-injury protection where the scheme covers the province and business line on that day (work-injury insurance also counts), otherwise a warning where there is no commercial accident cover. Each platform insures a multi-platform worker separately.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    noCover: {
      zh: '{first} 至 {last} 共 {days} 个接单日（{orders} 单）无{platform}缴纳的工伤保险或职业伤害保障',
      en: '{days} active days ({orders} orders) from {first} to {last} without work-injury or occupational-injury cover paid by {platform}',
    },
    lapsed: {
      zh: '{first} 至 {last} 共 {days} 个接单日（{orders} 单）参保记录为欠费或停保状态，未实际覆盖',
      en: '{days} active days ({orders} orders) from {first} to {last} where the enrolment is unpaid or lapsed and gives no cover',
    },
    noCommercialCover: {
      zh: '{first} 至 {last} 共 {days} 个接单日（{orders} 单）职业伤害保障尚未覆盖，且无商业意外险或雇主责任险',
      en: '{days} active days ({orders} orders) from {first} to {last} before the occupational-injury scheme applied, with no commercial accident or employer-liability cover',
    },
  },
  requires: ['orders', 'insurance'],
  lawParameters: ['occupational_injury.scheme'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
