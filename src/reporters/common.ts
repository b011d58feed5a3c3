// What the csv, markdown, sarif and html reporters share: how evidence and basis read as
// text, the summary per rule and severity, and the baseline counts. Presentation only:
// nothing here filters or decides.
import type { Basis, Severity } from '../law/types.js';
import type { BaselineState, Evidence, Finding, Lang, Report } from '../report/model.js';
import { findRule } from '../rules/index.js';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** `file:line[:orderId]`, the form a person pastes into an editor or a grep. */
export const evidenceRef = (e: Evidence): string => `${e.file}:${e.line}${e.orderId ? `:${e.orderId}` : ''}`;

export const basisText = (b: Basis): string => (b.clause ? `${b.document} ${b.clause}` : b.document);

export const ruleTitle = (rule: string, lang: Lang): string => findRule(rule)?.title[lang] ?? rule;

/** Absent findings (gone since the baseline) are listed but are not part of today's counts. */
export const isCurrent = (f: Finding): boolean => f.baseline !== 'absent';

export interface RuleRow {
  rule: string;
  counts: Record<Severity, number>;
  total: number;
}

/**
 * Counts per rule and severity over the current findings. Rules keep the order of
 * summary.byRule (the registry's), so a rule with no finding still shows as 0.
 */
export function ruleRows(report: Report): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  const row = (rule: string) => {
    if (!rows.has(rule)) rows.set(rule, { rule, counts: { error: 0, warning: 0, info: 0 }, total: 0 });
    return rows.get(rule)!;
  };
  for (const rule of Object.keys(report.summary.byRule)) row(rule);
  for (const f of report.findings) {
    if (!isCurrent(f)) continue;
    const r = row(f.rule);
    r.counts[f.severity]++;
    r.total++;
  }
  return [...rows.values()];
}

/** Counts of baseline states and suppressions; undefined states when no baseline was applied. */
export function baselineCounts(report: Report): { states?: Record<BaselineState, number>; suppressed: number } {
  const any = report.findings.some((f) => f.baseline !== undefined);
  const states: Record<BaselineState, number> = { new: 0, unchanged: 0, absent: 0 };
  let suppressed = 0;
  for (const f of report.findings) {
    if (f.baseline) states[f.baseline]++;
    if (f.suppressed && isCurrent(f)) suppressed++;
  }
  return { states: any ? states : undefined, suppressed };
}

/** A finding's time span, minutes precision, one value when it is a single instant or day. */
export function when(f: Finding): string {
  const a = f.period.from.slice(0, 16).replace('T', ' ');
  const b = f.period.to.slice(0, 16).replace('T', ' ');
  return a === b ? a : `${a} ~ ${b}`;
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** Metrics as `name=value` pairs, in the order the rule gave them. */
export const metricsText = (m: Finding['metrics']): string =>
  Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The order for a capped list: what fails the run first (current, unsuppressed, most
 * severe), then the report's own stable order. Sorting a copy: the report stays as it is.
 */
export function byAttention(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => (f.baseline === 'absent' ? 2 : f.suppressed ? 1 : 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || (a.f.baseline === 'new' ? 0 : 1) - (b.f.baseline === 'new' ? 0 : 1) || a.i - b.i)
    .map((x) => x.f);
}
