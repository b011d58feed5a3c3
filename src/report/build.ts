// Builds the report model: sorted findings, summary, employment report, accounting.
import type { Dossier } from '../assemble/index.js';
import type { Severity } from '../law/types.js';
import type { InputSummary, Rejection } from '../model.js';
import type { Rule, RuleContext } from '../rules/types.js';
import { formatDay } from '../time.js';
import { employmentReport } from './employment.js';
import type { Finding, Lang, NotAssessed, ParameterSource, Report } from './model.js';

/** Rejected rows listed in a report at most; the count is never capped. */
export const REJECTED_CAP = 1000;

const cmp = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      cmp(a.rule, b.rule) ||
      cmp(a.platform, b.platform) ||
      cmp(a.workerId, b.workerId) ||
      cmp(a.period.from, b.period.from) ||
      cmp(a.period.to, b.period.to) ||
      cmp(a.id, b.id),
  );
}

/** Findings sorted as the report sorts them, ids that tie numbered `-2`, `-3` … in that order. */
export function numberDuplicateIds(sorted: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  for (const f of sorted) {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    if (n > 1) f.id = `${f.id}-${n}`;
  }
  return sorted;
}

export interface BuildInput {
  version: string;
  startedAt: string;
  finishedAt: string;
  lang: Lang;
  timezone: string;
  rulesets: { id: string; version: string }[];
  period: { from?: number; to?: number };
  inputs: InputSummary[];
  rejected: Rejection[];
  rules: Rule[];
  dossiers: Dossier[];
  findings: Finding[];
  notAssessed: NotAssessed[];
  ctx: RuleContext;
  parameterSources: ParameterSource[];
  skipped?: { path: string; reason: string }[];
  /** First and last active day over all worker-platforms of the run (a shard's dossiers are only its own). */
  activeDays?: { first?: number; last?: number };
}

/** Evidence items listed per finding at most (as the rules cap them); the rest is counted in evidenceOmitted. */
export const EVIDENCE_LISTED = 50;

/** A finding whose rule listed more evidence than a report carries: the list capped, the count kept. */
function capEvidence(f: Finding): Finding {
  if (f.evidence.length <= EVIDENCE_LISTED) return f;
  return { ...f, evidence: f.evidence.slice(0, EVIDENCE_LISTED), evidenceOmitted: (f.evidenceOmitted ?? 0) + f.evidence.length - EVIDENCE_LISTED };
}

export function buildReport(b: BuildInput): Report {
  const findings = numberDuplicateIds(sortFindings(b.findings.map(capEvidence)));
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = Object.fromEntries(b.rules.map((r) => [r.id, 0]));
  for (const f of findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  let first: number | undefined;
  let last: number | undefined;
  for (const d of b.dossiers) {
    const a = d.activeDays[0];
    const z = d.activeDays[d.activeDays.length - 1];
    if (a !== undefined && (first === undefined || a < first)) first = a;
    if (z !== undefined && (last === undefined || z > last)) last = z;
  }
  if (b.activeDays) ({ first, last } = b.activeDays);
  const from = b.period.from ?? first;
  const to = b.period.to ?? last;
  return {
    schemaVersion: 1,
    tool: { name: 'gigaudit', version: b.version },
    run: {
      startedAt: b.startedAt,
      finishedAt: b.finishedAt,
      rulesets: b.rulesets,
      period: { from: from === undefined ? null : formatDay(from), to: to === undefined ? null : formatDay(to) },
      timezone: b.timezone,
      lang: b.lang,
      inputs: b.inputs,
      ...(b.skipped?.length ? { skipped: b.skipped } : {}),
      ...(b.parameterSources.length ? { parameterSources: b.parameterSources } : {}),
    },
    summary: {
      workers: new Set(b.dossiers.map((d) => d.workerId)).size,
      workerPlatforms: b.dossiers.length,
      findings: findings.length,
      bySeverity,
      byRule,
    },
    findings,
    employment: employmentReport(b.dossiers, findings, b.ctx, to, b.rules),
    notAssessed: b.notAssessed,
    rejected: b.rejected.slice(0, REJECTED_CAP),
    rejectedOmitted: Math.max(0, b.rejected.length - REJECTED_CAP),
  };
}
