// Runs the rules over the dossiers and turns their drafts into findings: severity and
// basis from the rulesets (and config), message text in the chosen language, fingerprint.
import crypto from 'node:crypto';
import type { Dossier } from '../assemble/index.js';
import { NotInForceError } from '../errors.js';
import { fillTemplate } from '../i18n/format.js';
import type { Basis, Severity } from '../law/types.js';
import { makeMasker } from '../report/mask.js';
import type { Evidence, Finding, Lang, NotAssessed } from '../report/model.js';
import { parseIsoDay } from '../time.js';
import type { Rule, RuleContext, RuleFindingDraft, RuleOutput } from './types.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
export const severityRank = (s: Severity) => RANK[s];

/** One-shot sha256 in hex (crypto.hash, Node ≥ 20.12: no Hash object per finding), else createHash. */
const sha256hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => (crypto as unknown as { hash(alg: string, data: string, enc: string): string }).hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function fingerprint(rule: string, workerId: string | undefined, platform: string | undefined, period: { from: string; to: string }, extra?: string) {
  const parts = [rule, workerId ?? '', platform ?? '', period.from, period.to];
  if (extra !== undefined) parts.push(extra);
  return sha256hex(parts.join('\u0000')).slice(0, 20);
}

/** Resident ID numbers and mobile numbers in a worker id, masked as every report masks them. */
const maskNumbers = makeMasker();

/**
 * A finding's id. Reports show it next to the masked worker id, so where the worker id is
 * itself an ID or phone number the id is not a hash of it: `138****5678` leaves 10 000
 * candidates, and an unkeyed hash of the raw id would tell which one it is. Such ids hash
 * the masked form with the finding's first order id (orders of two workers never share one);
 * what still ties is numbered in the report (build.ts numberDuplicateIds). Other ids (pseudonymous
 * already) keep their hash of the worker id, stable from export to export.
 */
export function findingId(rule: string, workerId: string | undefined, platform: string | undefined, period: { from: string; to: string }, evidence: readonly Evidence[]) {
  const shown = workerId === undefined ? undefined : maskNumbers(workerId);
  if (shown === workerId) return fingerprint(rule, workerId, platform, period);
  return fingerprint(rule, shown, platform, period, evidence.find((e) => e.orderId !== undefined)?.orderId ?? '');
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

function groups(rule: Rule, dossiers: Dossier[]): Group[] {
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

interface Group {
  workerId?: string;
  platform?: string;
  dossiers: Dossier[];
}

export interface EngineResult {
  findings: Finding[];
  notAssessed: NotAssessed[];
}

/** One rule's state through a run: the group it is checking and the reasons it could not assess. */
class RuleRun implements RuleOutput {
  readonly reasons = new Map<string, Set<string>>();
  g: Group = { dossiers: [] };
  constructor(
    readonly rule: Rule,
    private readonly ctx: RuleContext,
    private readonly lang: Lang,
    private readonly findings: Finding[],
  ) {}

  notAssessed(reason: string): void {
    let set = this.reasons.get(reason);
    if (!set) this.reasons.set(reason, (set = new Set()));
    for (const d of this.g.dossiers) set.add(d.key);
  }

  finding(draft: RuleFindingDraft): void {
    const { rule, ctx, g } = this;
    const fallback = g.dossiers[0];
    const platform = draft.platform ?? g.platform;
    const j = draft.jurisdiction ?? ctx.jurisdictionOf(fallback, fallback.activeDays[0], fallback.activeDays[fallback.activeDays.length - 1]);
    const settings = ctx.law.ruleSettings(j?.rulesetId ?? 'cn', rule.id, platform);
    if (!settings.enabled) return;
    let severity = settings.severity ?? rule.defaultSeverity;
    if (draft.severity && RANK[draft.severity] < RANK[severity]) severity = draft.severity;
    const template = rule.messages[draft.messageId]?.[this.lang] ?? draft.messageId;
    const f: Finding = {
      id: findingId(rule.id, g.workerId, platform, draft.period, draft.evidence),
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
      // Only instruments in force by the end of the work the finding is about.
      basis: dedupeBasis(ctx.law.citedOn([...settings.basis, ...(draft.basis ?? [])], parseIsoDay(draft.period.to.slice(0, 10)) ?? Infinity)),
      evidence: draft.evidence,
    };
    if (draft.evidenceOmitted) f.evidenceOmitted = draft.evidenceOmitted;
    if (draft.unverified?.length) f.unverified = [...new Set(draft.unverified)].sort();
    this.findings.push(f);
  }

  check(g: Group): void {
    this.g = g;
    try {
      this.rule.check(g.dossiers, this.ctx, this);
    } catch (e) {
      // Work before a rule's parameters took effect is not judged by later law.
      if (!(e instanceof NotInForceError)) throw e;
      this.notAssessed(e.message.replace(/ on \d{4}-\d{2}-\d{2}/, ' on the day of the work'));
    }
  }
}

/**
 * Runs the rules over the dossiers. Rules about workers run worker by worker (every rule over
 * one worker's dossiers, then the next worker), so that what a dossier builds on demand for
 * its rules (spans, minutes per day) dies young instead of living through a whole batch;
 * `done` is told when a worker's rules are over. Findings come out in another order than
 * rule by rule, which the report's sort makes no matter: findings that tie in it are of one
 * rule and one group, and keep their order. Rules about platforms run rule by rule.
 */
export function runRules(rules: Rule[], dossiers: Dossier[], ctx: RuleContext, lang: Lang, done?: (worker: Dossier[]) => void): EngineResult {
  const findings: Finding[] = [];
  const notAssessed: NotAssessed[] = [];
  const runs: (RuleRun | undefined)[] = rules.map((rule) => {
    const missing = rule.requires.filter((k) => !ctx.kindsPresent.has(k));
    if (missing.length) return undefined;
    return new RuleRun(rule, ctx, lang, findings);
  });
  if (rules.every((r) => r.scope !== 'platform')) {
    const byWorker = new Map<string, Dossier[]>();
    for (const d of dossiers) {
      const list = byWorker.get(d.workerId);
      if (list) list.push(d);
      else byWorker.set(d.workerId, [d]);
    }
    for (const [workerId, ds] of byWorker) {
      // The groups of this worker, made once for all rules (rules only read them).
      const worker: Group = { workerId, dossiers: ds };
      const own: Group[] = ds.map((d) => ({ workerId: d.workerId, platform: d.platform, dossiers: [d] }));
      for (const run of runs) {
        if (!run) continue;
        if (run.rule.scope === 'worker') run.check(worker);
        else for (const g of own) run.check(g);
      }
      done?.(ds);
    }
  } else {
    for (const run of runs) if (run) for (const g of groups(run.rule, dossiers)) run.check(g);
    if (done) for (const d of dossiers) done([d]);
  }
  rules.forEach((rule, k) => {
    const run = runs[k];
    if (!run) {
      const missing = rule.requires.filter((x) => !ctx.kindsPresent.has(x));
      notAssessed.push({ rule: rule.id, reason: `no ${missing.join(', ')} file`, workerPlatforms: dossiers.length });
      return;
    }
    for (const [reason, set] of [...run.reasons].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      notAssessed.push({ rule: rule.id, reason, workerPlatforms: set.size });
    }
  });
  return { findings, notAssessed };
}
