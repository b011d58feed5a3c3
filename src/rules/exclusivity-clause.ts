// 不得限制多平台就业: outside a full labour relation a platform may not stop a worker from
// working on other platforms (永人社发〔2025〕20号 item 4; 德人社发〔2022〕95号 (四); 云南
// 实施意见 (五); 城人社发〔2022〕97号 (五)); part-time workers may work for several employers
// (劳动合同法 art. 69 para. 2). Labour and dispatch contracts may restrict it (art. 39(4)).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { covers } from '../assemble/index.js';
import type { ContractType } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, orderEvidence, recordEvidence } from './util.js';

const FREE_TO_WORK_ELSEWHERE: ReadonlySet<ContractType> = new Set([
  'written_agreement',
  'part_time_contract',
  'cooperation_agreement',
  'individual_business',
]);

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const c of d.contracts) {
    if (!c.exclusive || !FREE_TO_WORK_ELSEWHERE.has(c.contractType)) continue;
    const worked = d.activeDays.filter((day) => covers(c, day));
    const until = c.endDay ?? worked[worked.length - 1] ?? c.startDay;
    const firstOrder = worked.length ? d.firstOrderOn(worked[0]) : -1;
    const positions = firstOrder >= 0 ? [firstOrder] : [];
    const ev = orderEvidence(d, ctx, positions, () => 'first order under the clause');
    out.finding({
      messageId: c.contractType,
      data: {
        start: formatDay(c.startDay),
        end: c.endDay === undefined ? '-' : formatDay(c.endDay),
        platform: c.platform ?? d.platform,
        days: worked.length,
      },
      metrics: { contractType: c.contractType, activeDaysUnderClause: worked.length },
      period: dayPeriod(c.startDay, until),
      jurisdiction: worked.length ? ctx.jurisdictionOf(d, worked[0], worked[worked.length - 1]) : undefined,
      evidence: [recordEvidence(ctx, c, `${c.contractType}, exclusive`), ...ev.evidence],
    });
  }
}

const text = (zh: string, en: string) => ({
  zh: `与{platform}的${zh}（{start} 至 {end}）含限制在其他平台就业的排他条款（期间接单 {days} 天）`,
  en: `The ${en} with {platform} ({start} to {end}) has a clause forbidding work on other platforms ({days} active days under it)`,
});

export const exclusivityClause: Rule<Record<string, never>> = {
  id: 'exclusivity-clause',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '协议限制劳动者在多平台就业', en: 'Agreement forbids work on other platforms' },
  description: {
    zh: '书面协议、非全日制劳动合同、合作协议或个体工商户协议中含排他条款：企业不得违法限制不完全符合确立劳动关系情形的劳动者及非全日制劳动者在其他平台就业。劳动合同、劳务派遣合同不在此列。',
    en: 'A written agreement, part-time contract, cooperation agreement or individual-business agreement with an exclusivity clause: platforms may not stop such workers from working on other platforms. Labour and dispatch contracts are not covered.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    written_agreement: text('书面协议', 'written agreement'),
    part_time_contract: text('非全日制劳动合同', 'part-time contract'),
    cooperation_agreement: text('合作协议', 'cooperation agreement'),
    individual_business: text('个体工商户协议', 'individual-business agreement'),
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
