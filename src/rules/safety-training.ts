// 岗前安全培训: workers must receive safety training before taking orders (德人社发〔2022〕95号
// (七); 安全生产法 art. 28: no one may work before passing safety training; 人社部发〔2021〕56号).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, orderEvidence, recordEvidence } from './util.js';

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  const w = d.worker;
  if (!w) return out.notAssessed('worker not in the roster');
  const trained = w.safetyTrainingDay;
  const positions: number[] = [];
  const days = new Set<number>();
  for (let p = 0; p < d.sorted.length; p++) {
    const day = ctx.clock.dayOf(d.orderAt(p).acceptedAt);
    if (trained !== undefined && day >= trained) break;
    positions.push(p);
    days.add(day);
  }
  if (positions.length === 0) return;
  const first = ctx.clock.dayOf(d.orderAt(positions[0]).acceptedAt);
  const last = ctx.clock.dayOf(d.orderAt(positions[positions.length - 1]).acceptedAt);
  const ev = orderEvidence(d, ctx, positions);
  out.finding({
    messageId: trained === undefined ? 'noTraining' : 'beforeTraining',
    data: { first: formatDay(first), last: formatDay(last), orders: positions.length, days: days.size, trained: trained === undefined ? '' : formatDay(trained) },
    metrics: {
      ordersBeforeTraining: positions.length,
      daysBeforeTraining: days.size,
      firstOrderDay: formatDay(first),
      lastOrderDay: formatDay(last),
      trainingDay: trained === undefined ? 'none' : formatDay(trained),
    },
    period: dayPeriod(first, last),
    jurisdiction: ctx.jurisdictionOf(d, first, last),
    evidence: [recordEvidence(ctx, w, 'roster'), ...ev.evidence],
    evidenceOmitted: ev.evidenceOmitted,
  });
}

export const safetyTraining: Rule<Record<string, never>> = {
  id: 'safety-training',
  scope: 'worker-platform',
  defaultSeverity: 'warning',
  title: { zh: '未经岗前安全培训接单', en: 'Orders before safety training' },
  description: {
    zh: '人员名册中的安全培训日期之前已接单，或名册没有安全培训日期；名册中没有该劳动者时记为无法评估。',
    en: 'Orders accepted before the safety training date in the roster, or no training date in the roster; a worker missing from the roster cannot be assessed.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    beforeTraining: {
      zh: '{first} 至 {last} 共 {orders} 单（{days} 天）在安全培训日期 {trained} 之前接单',
      en: '{orders} orders on {days} days from {first} to {last} before the safety training on {trained}',
    },
    noTraining: {
      zh: '名册中无安全培训日期：{first} 至 {last} 共 {orders} 单（{days} 天）未见培训记录',
      en: 'No safety training date in the roster: {orders} orders on {days} days from {first} to {last} without a training record',
    },
  },
  requires: ['orders', 'workers'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
