// 劳务派遣单位: dispatch needs a licensed agency (劳动合同法 art. 57; 劳务派遣行政许可实施办法)
// that signs the labour contract with the worker (art. 58); an employer may not dispatch
// workers to itself (art. 67). Platforms choosing dispatch must use an agency with lawful
// qualifications (云南 实施意见 (二); 城人社发〔2022〕97号 (四); 永人社发〔2025〕20号).
import { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import { covers } from '../assemble/index.js';
import type { ContractRecord } from '../model.js';
import { formatDay } from '../time.js';
import type { Rule, RuleContext, RuleOutput } from './types.js';
import { dayPeriod, recordEvidence } from './util.js';

function problem(c: ContractRecord, d: Dossier): 'noAgency' | 'selfDispatch' | 'unlicensed' | 'unknown' | undefined {
  if (!c.dispatchAgency) return 'noAgency';
  if (c.dispatchAgency === d.platform) return 'selfDispatch';
  if (c.agencyLicensed === false) return 'unlicensed';
  return c.agencyLicensed === undefined ? 'unknown' : undefined;
}

function check(d: Dossier, ctx: RuleContext, out: RuleOutput) {
  for (const c of d.contracts) {
    if (c.contractType !== 'dispatch_contract') continue;
    const messageId = problem(c, d);
    if (messageId === 'unknown') out.notAssessed('agency licence not recorded');
    if (!messageId || messageId === 'unknown') continue;
    const worked = d.activeDays.filter((day) => covers(c, day));
    out.finding({
      messageId,
      data: {
        start: formatDay(c.startDay),
        end: c.endDay === undefined ? '-' : formatDay(c.endDay),
        agency: c.dispatchAgency ?? '',
        platform: d.platform,
        days: worked.length,
      },
      metrics: { agency: c.dispatchAgency ?? '', ...(c.agencyLicensed !== undefined ? { agencyLicensed: c.agencyLicensed } : {}), activeDays: worked.length },
      period: dayPeriod(c.startDay, c.endDay ?? worked[worked.length - 1] ?? c.startDay),
      jurisdiction: worked.length ? ctx.jurisdictionOf(d, worked[0], worked[worked.length - 1]) : undefined,
      evidence: [recordEvidence(ctx, c, `dispatch_contract${c.dispatchAgency ? `, agency ${c.dispatchAgency}` : ', no agency'}`)],
    });
  }
}

export const dispatchAgency: Rule<Record<string, never>> = {
  id: 'dispatch-agency',
  scope: 'worker-platform',
  defaultSeverity: 'error',
  title: { zh: '劳务派遣单位缺失或无派遣资质', en: 'Dispatch without a licensed agency' },
  description: {
    zh: '劳务派遣合同未写明劳务派遣单位、派遣单位不具备劳务派遣行政许可，或由平台自身派遣：平台采取劳务派遣用工的，应选择具备合法经营资质的劳务派遣企业。',
    en: 'A dispatch contract with no dispatch agency named, with an agency that has no dispatch licence, or with the platform itself as the agency: platforms using dispatch must use a lawfully licensed agency.',
  },
  parameters: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  messages: {
    noAgency: {
      zh: '{platform}的劳务派遣合同（{start} 至 {end}）未写明劳务派遣单位（期间接单 {days} 天）',
      en: 'The dispatch contract with {platform} ({start} to {end}) names no dispatch agency ({days} active days under it)',
    },
    unlicensed: {
      zh: '劳务派遣合同（{start} 至 {end}）的派遣单位{agency}不具备劳务派遣资质（期间在{platform}接单 {days} 天）',
      en: 'The dispatch agency {agency} of the dispatch contract ({start} to {end}) has no dispatch licence ({days} active days on {platform})',
    },
    selfDispatch: {
      zh: '劳务派遣合同（{start} 至 {end}）的派遣单位即用工平台{platform}本身，用人单位不得向本单位派遣劳动者',
      en: 'The dispatch contract ({start} to {end}) names {platform} itself as the agency: an employer may not dispatch workers to itself',
    },
  },
  requires: ['orders', 'contracts'],
  check(dossiers, ctx, out) {
    for (const d of dossiers) check(d, ctx, out);
  },
};
