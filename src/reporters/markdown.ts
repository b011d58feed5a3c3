// A Markdown summary for a CI job summary ($GITHUB_STEP_SUMMARY), a merge request comment or
// an email: what was read, counts per rule and severity, the employment report, the most
// severe findings (capped, saying how many are left out) and what could not be assessed.
import { fillTemplate } from '../i18n/format.js';
import { LABELS } from '../i18n/labels.js';
import { localiseReason } from '../i18n/reasons.js';
import { RELATIONS } from '../model.js';
import type { Finding, Report } from '../report/model.js';
import { terminalText } from './escape.js';
import { baselineCounts, basisText, byAttention, evidenceRef, pct, ruleRows, ruleTitle, SEVERITIES, when } from './common.js';

/** Findings listed at most: a job summary is read, not searched (GitHub caps it at 1 MiB). */
export const MARKDOWN_FINDINGS_CAP = 50;
const EVIDENCE_CAP = 3;

/**
 * Makes an untrusted value inert text in Markdown, including inside a table cell: HTML is
 * written as entities, Markdown punctuation is backslash-escaped, line breaks become spaces,
 * and a leading block marker (#, -, +, =, 1.) cannot start a heading or a list.
 */
export function escapeMarkdown(value: unknown): string {
  let s = String(value ?? '')
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;') // no @mention pings from a worker id
    .replace(/[\\`*_[\]{}()|~!]/g, (c) => `\\${c}`);
  // `1.` starts an ordered list only before a space: versions such as 0.1.0 stay as they are.
  s = s.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
  return s;
}

const e = escapeMarkdown;
/** A code span: literal inside, but a `|` still ends a table cell in GFM unless escaped. */
const code = (value: string) => `\`${terminalText(value).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/[\r\n\t]+/g, ' ')}\``;
const cells = (values: string[]) => `| ${values.join(' | ')} |`;
function table(head: string[], rows: string[][]): string[] {
  return [cells(head), cells(head.map(() => '---')), ...rows.map(cells)];
}

function status(f: Finding, report: Report): string {
  const L = LABELS[report.run.lang];
  const parts: string[] = [];
  if (f.baseline) parts.push(L[f.baseline]);
  if (f.suppressed) parts.push(`${L.suppressed} ${L.until} ${e(f.suppressed.expires)}: ${e(f.suppressed.reason)}`);
  return parts.join('; ');
}

function findingRow(f: Finding, report: Report): string[] {
  const L = LABELS[report.run.lang];
  const evidence = f.evidence.slice(0, EVIDENCE_CAP).map((x) => code(evidenceRef(x)));
  const more = f.evidence.length - EVIDENCE_CAP + (f.evidenceOmitted ?? 0);
  if (more > 0) evidence.push(`+${more}`);
  const message = e(f.message) + (f.unverified?.length ? ` _(${e(L.unverified)})_` : '');
  return [
    L[f.severity],
    code(f.rule),
    e(f.workerId ?? '—'),
    e(f.platform ?? '—'),
    e(f.region ?? '—'),
    e(when(f)),
    message,
    f.basis.map((b) => e(basisText(b))).join('; ') || '—',
    evidence.join(' ') || '—',
    status(f, report) || '—',
  ];
}

export function markdown(report: Report): string {
  const lang = report.run.lang;
  const L = LABELS[lang];
  const out: string[] = [];
  const { period } = report.run;
  out.push(`# ${e(L.title)}`, '');
  out.push(
    `**${L.period}**: ${e(period.from ?? '—')} ~ ${e(period.to ?? '—')} (${e(report.run.timezone)}) · ` +
      `**${L.rulesets}**: ${report.run.rulesets.map((r) => `${e(r.id)}@${e(r.version)}`).join(', ') || '—'} · ` +
      `**${L.toolVersion}**: gigaudit ${e(report.tool.version)}`,
    '',
  );

  out.push(`## ${L.inputs}`, '');
  out.push(
    ...table(
      [L.file, L.kind, L.rows, 'SHA-256'],
      report.run.inputs.map((i) => [e(i.path), e(i.kind), `${i.rowsRead}/${i.rowsUsed}/${i.rowsRejected}`, code(i.sha256.slice(0, 16))]),
    ),
    '',
  );

  out.push(`## ${L.summary}`, '');
  const rows = ruleRows(report);
  const totals = SEVERITIES.map((s) => rows.reduce((n, r) => n + r.counts[s], 0));
  out.push(
    ...table(
      [L.rule, ...SEVERITIES.map((s) => L[s]), L.total],
      [
        ...rows.map((r) => [`${code(r.rule)} ${e(ruleTitle(r.rule, lang))}`, ...SEVERITIES.map((s) => String(r.counts[s])), String(r.total)]),
        [`**${L.total}**`, ...totals.map((n) => `**${n}**`), `**${rows.reduce((n, r) => n + r.total, 0)}**`],
      ],
    ),
    '',
  );
  const b = baselineCounts(report);
  if (b.states) out.push(`**${L.baseline}**: ${L.new} ${b.states.new} · ${L.unchanged} ${b.states.unchanged} · ${L.absent} ${b.states.absent}`, '');
  if (b.suppressed) out.push(`**${L.suppressed}**: ${b.suppressed}`, '');

  const emp = report.employment;
  out.push(`## ${L.employment} (${L.asOf} ${e(emp.asOf)})`, '');
  out.push(
    ...table(
      ['', ''],
      [
        [L.workers, String(emp.workers)],
        [L.workerPlatforms, String(emp.workerPlatforms)],
        [L.coverageContract, pct(emp.coverage.contract)],
        [L.coverageInjury, pct(emp.coverage.injury)],
        [L.coverageSocial, pct(emp.coverage.social)],
        [L.overLimits, `${emp.overLimits.continuous} / ${emp.overLimits.daily}`],
        [L.arrears, Object.entries(emp.arrears).map(([r, y]) => `${code(r)} ${y.toFixed(2)}`).join('; ') || '0'],
        [L.byRelation, RELATIONS.filter((r) => emp.byRelation[r]).map((r) => `${L.relation[r]} ${emp.byRelation[r]}`).join('; ') || '—'],
      ],
    ),
    '',
  );
  if (emp.byPlatform.length) {
    out.push(
      ...table(
        [L.platform, L.workerPlatforms, L.coverageContract, L.coverageInjury, L.coverageSocial],
        emp.byPlatform.map((p) => [e(p.platform), String(p.workerPlatforms), pct(p.coverage.contract), pct(p.coverage.injury), pct(p.coverage.social)]),
      ),
      '',
    );
  }

  out.push(`## ${L.findings} (${report.summary.findings})`, '');
  if (report.findings.length === 0) out.push(L.none, '');
  else {
    const listed = byAttention(report.findings).slice(0, MARKDOWN_FINDINGS_CAP);
    out.push(fillTemplate(L.topFindings, { n: MARKDOWN_FINDINGS_CAP }), '');
    out.push(...table([L.severity, L.rule, L.worker, L.platform, L.region, L.when, L.message, L.basis, L.evidence, L.status], listed.map((f) => findingRow(f, report))), '');
    const left = report.findings.length - listed.length;
    if (left > 0) out.push(e(fillTemplate(L.moreSeeFull, { n: left })), '');
  }

  if (report.notAssessed.length) {
    out.push(`## ${L.notAssessed}`, '');
    for (const n of report.notAssessed) {
      out.push(`- ${code(n.rule)}: ${e(localiseReason(n.reason, lang))}${n.workerPlatforms ? ` (${e(fillTemplate(L.notAssessedCount, { n: n.workerPlatforms }))})` : ''}`);
    }
    out.push('');
  }
  const rejected = report.run.inputs.reduce((s, i) => s + i.rowsRejected, 0);
  if (rejected) out.push(`**${L.rejected}**: ${rejected}`, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
