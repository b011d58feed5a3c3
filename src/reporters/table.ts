// The terminal report: what was read, a summary per rule and severity, the findings,
// the employment report, and what could not be assessed.
import chalk from 'chalk';
import Table from 'cli-table3';
import { fillTemplate } from '../i18n/format.js';
import { LABELS } from '../i18n/labels.js';
import { localiseReason } from '../i18n/reasons.js';
import { localiseRejection } from '../i18n/rejections.js';
import type { Severity } from '../law/types.js';
import type { Finding, Report } from '../report/model.js';
import { findRule } from '../rules/index.js';
import { isCurrent } from './common.js';
import { terminalText } from './escape.js';

/** Values come from untrusted inputs: no control characters or escape sequences reach the terminal. */
// eslint-disable-next-line no-control-regex
export const clean = terminalText;

const paint: Record<Severity, (s: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.cyan };
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** No rule between rows: one line per row keeps long lists readable. */
// No colour from cli-table3 either: it paints borders grey even in a pipe or a file; chalk
// alone decides (it knows whether stdout is a terminal).
export const PLAIN_TABLE = { head: [] as string[], border: [] as string[] };
const COMPACT = { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' }, style: PLAIN_TABLE };
/** Findings listed in the terminal at most; the JSON report has them all. */
const TABLE_FINDINGS_CAP = 200;

function when(f: Finding): string {
  const a = f.period.from.slice(0, 16).replace('T', ' ');
  const b = f.period.to.slice(0, 16).replace('T', ' ');
  return a === b ? a : `${a} ~ ${b}`;
}

export function table(report: Report): string {
  const L = LABELS[report.run.lang];
  const lang = report.run.lang;
  const out: string[] = [];
  out.push(chalk.bold(L.title));
  out.push(`${L.period}: ${report.run.period.from ?? '—'} ~ ${report.run.period.to ?? '—'}  (${report.run.timezone})`);
  out.push(`${L.rulesets}: ${report.run.rulesets.map((r) => `${r.id}@${r.version}`).join(', ')}`);

  const inputs = new Table({ head: [L.file, L.kind, L.rows, 'SHA-256'], ...COMPACT });
  for (const i of report.run.inputs) {
    inputs.push([clean(i.path), i.kind, `${i.rowsRead}/${i.rowsUsed}/${i.rowsRejected}`, i.sha256.slice(0, 16)]);
  }
  out.push(`\n${chalk.bold(L.inputs)}`, inputs.toString());

  // Findings carried over from a baseline as `absent` are listed, not counted.
  const current = report.findings.filter(isCurrent);
  const summary = new Table({ head: [L.rule, '', ...SEVERITIES.map((s) => L[s]), L.total], ...COMPACT });
  for (const rule of Object.keys(report.summary.byRule)) {
    const mine = current.filter((f) => f.rule === rule);
    const counts = SEVERITIES.map((s) => mine.filter((f) => f.severity === s).length);
    const title = findRule(rule)?.title[lang] ?? rule;
    summary.push([rule, title, ...counts.map((c, k) => (c ? paint[SEVERITIES[k]](String(c)) : '·')), mine.length ? chalk.bold(String(mine.length)) : '·']);
  }
  out.push(`\n${chalk.bold(L.summary)}`, summary.toString());

  if (report.findings.length === 0) out.push(`\n${chalk.green(L.none)}`);
  else {
    const findings = new Table({
      head: [L.severity, L.rule, L.worker, L.platform, L.when, L.message, L.basis],
      colWidths: [10, 24, 14, 14, 20, 56, 24],
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const f of report.findings.slice(0, TABLE_FINDINGS_CAP)) {
      const status = [
        f.baseline && f.baseline !== 'new' ? L[f.baseline] : '',
        f.suppressed ? `${L.suppressed} ${L.until} ${f.suppressed.expires}: ${clean(f.suppressed.reason)}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const msg = clean(f.message) + (f.unverified?.length ? chalk.dim(` (${L.unverified})`) : '') + (status ? chalk.dim(` [${status}]`) : '');
      const basis = f.basis.map((b) => (b.clause ? `${b.document} ${b.clause}` : b.document)).join('; ');
      findings.push([paint[f.severity](L[f.severity]), f.rule, clean(f.workerId ?? '—'), clean(f.platform ?? '—'), when(f), msg, basis]);
    }
    out.push(`\n${chalk.bold(L.findings)} (${report.findings.length})`, findings.toString());
    if (report.findings.length > TABLE_FINDINGS_CAP) out.push(fillTemplate(L.more, { n: report.findings.length - TABLE_FINDINGS_CAP }));
  }

  const e = report.employment;
  const emp = new Table(COMPACT);
  emp.push(
    [L.workers, String(e.workers)],
    [L.workerPlatforms, String(e.workerPlatforms)],
    [L.coverageContract, pct(e.coverage.contract)],
    [L.coverageInjury, pct(e.coverage.injury)],
    [L.coverageSocial, pct(e.coverage.social)],
    [L.overLimits, `${e.overLimits.continuous} / ${e.overLimits.daily}`],
    [L.arrears, Object.entries(e.arrears).map(([r, y]) => `${r}: ${y.toFixed(2)}`).join('\n') || '0'],
  );
  out.push(`\n${chalk.bold(L.employment)} (${e.asOf})`, emp.toString());

  if (report.notAssessed.length) {
    out.push(`\n${chalk.bold(L.notAssessed)}`);
    for (const n of report.notAssessed) {
      out.push(`  ${n.rule}: ${clean(localiseReason(n.reason, lang))}${n.workerPlatforms ? ` (${fillTemplate(L.notAssessedCount, { n: n.workerPlatforms })})` : ''}`);
    }
  }
  const rejected = report.run.inputs.reduce((s, i) => s + i.rowsRejected, 0);
  if (rejected) {
    out.push(`\n${chalk.bold(L.rejected)} (${rejected})`);
    for (const r of report.rejected.slice(0, 20)) out.push(`  ${clean(r.file)}:${r.line}${r.column ? ` [${clean(r.column)}]` : ''} ${clean(localiseRejection(r.reason, lang))}`);
    if (rejected > 20) out.push(`  ${fillTemplate(L.more, { n: rejected - 20 })}`);
  }
  return `${out.join('\n')}\n`;
}
