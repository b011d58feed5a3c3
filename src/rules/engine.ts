// Runs the rules over the dossiers and turns their drafts into findings: severity and
// basis from the rulesets (and config), message text in the chosen language, fingerprint.
import { createHash } from 'node:crypto';
import type { Dossier } from '../assemble/index.js';
import { NotInForceError } from '../errors.js';
import { fillTemplate } from '../i18n/format.js';
import type { Basis, Severity } from '../law/types.js';
import type { Finding, Lang, NotAssessed } from '../report/model.js';
import type { Rule, RuleContext, RuleFindingDraft, RuleOutput } from './types.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
export const severityRank = (s: Severity) => RANK[s];

export function fingerprint(rule: string, workerId: string | undefined, platform: string | undefined, period: { from: string; to: string }) {
  return createHash('sha256')
    .update([rule, workerId ?? '', platform ?? '', period.from, period.to].join('\u0000'))
    .digest('hex')
    .slice(0, 20);
}

function dedupeBasis(list: Basis[]): Basis[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const k = `${b.document}\u0000${b.clause ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function groups(rule: Rule, dossiers: Dossier[]): { workerId?: string; platform?: string; dossiers: Dossier[] }[] {
  if (rule.scope === 'worker-platform') return dossiers.map((d) => ({ workerId: d.workerId, platform: d.platform, dossiers: [d] }));
  const by = new Map<string, Dossier[]>();
  for (const d of dossiers) {
    const k = rule.scope === 'worker' ? d.workerId : d.platform;
    const list = by.get(k);
    if (list) list.push(d);
    else by.set(k, [d]);
  }
  return [...by].map(([k, ds]) => (rule.scope === 'worker' ? { workerId: k, dossiers: ds } : { platform: k, dossiers: ds }));
}

export interface EngineResult {
  findings: Finding[];
  notAssessed: NotAssessed[];
}

export function runRules(rules: Rule[], dossiers: Dossier[], ctx: RuleContext, lang: Lang): EngineResult {
  const findings: Finding[] = [];
  const notAssessed: NotAssessed[] = [];
  for (const rule of rules) {
    const missing = rule.requires.filter((k) => !ctx.kindsPresent.has(k));
    if (missing.length) {
      notAssessed.push({ rule: rule.id, reason: `no ${missing.join(', ')} file`, workerPlatforms: dossiers.length });
      continue;
    }
    const reasons = new Map<string, Set<string>>();
    for (const g of groups(rule, dossiers)) {
      const fallback = g.dossiers[0];
      const out: RuleOutput = {
        notAssessed(reason) {
          if (!reasons.has(reason)) reasons.set(reason, new Set());
          const set = reasons.get(reason)!;
          for (const d of g.dossiers) set.add(d.key);
        },
        finding(draft: RuleFindingDraft) {
          const platform = draft.platform ?? g.platform;
          const j = draft.jurisdiction ?? ctx.jurisdictionOf(fallback, fallback.activeDays[0], fallback.activeDays[fallback.activeDays.length - 1]);
          const settings = ctx.law.ruleSettings(j?.rulesetId ?? 'cn', rule.id, platform);
          if (!settings.enabled) return;
          let severity = settings.severity ?? rule.defaultSeverity;
          if (draft.severity && RANK[draft.severity] < RANK[severity]) severity = draft.severity;
          const template = rule.messages[draft.messageId]?.[lang] ?? draft.messageId;
          const f: Finding = {
            id: fingerprint(rule.id, g.workerId, platform, draft.period),
            rule: rule.id,
            severity,
            ...(g.workerId !== undefined ? { workerId: g.workerId } : {}),
            ...(platform !== undefined ? { platform } : {}),
            ...(j ? { region: j.region } : {}),
            period: draft.period,
            message: fillTemplate(template, draft.data),
            messageId: draft.messageId,
            data: draft.data,
            metrics: draft.metrics,
            basis: dedupeBasis([...settings.basis, ...(draft.basis ?? [])]),
            evidence: draft.evidence,
          };
          if (draft.evidenceOmitted) f.evidenceOmitted = draft.evidenceOmitted;
          if (draft.unverified?.length) f.unverified = [...new Set(draft.unverified)].sort();
          findings.push(f);
        },
      };
      try {
        rule.check(g.dossiers, ctx, out);
      } catch (e) {
        // Work before a rule's parameters took effect is not judged by later law.
        if (!(e instanceof NotInForceError)) throw e;
        out.notAssessed(e.message.replace(/ on \d{4}-\d{2}-\d{2}/, ' on the day of the work'));
      }
    }
    for (const [reason, set] of [...reasons].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      notAssessed.push({ rule: rule.id, reason, workerPlatforms: set.size });
    }
  }
  return { findings, notAssessed };
}
