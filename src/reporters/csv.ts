// Findings as CSV, one per line, for spreadsheets and scripts. Columns are stable (scripts
// index them by name); RFC 4180 quoting and CRLF line ends; a UTF-8 BOM so Excel reads the
// Chinese text as UTF-8 instead of the local code page.
import type { Finding, Report } from '../report/model.js';
import { basisText, evidenceRef } from './common.js';

export const CSV_COLUMNS = [
  'id',
  'rule',
  'severity',
  'workerId',
  'platform',
  'region',
  'periodFrom',
  'periodTo',
  'message',
  'metrics',
  'basis',
  'evidence',
  'baseline',
  'suppressed',
] as const;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR before one) as a formula:
 * a hostile worker id or message could then exfiltrate data. A leading apostrophe makes the
 * cell text (OWASP "CSV injection").
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding a quote, comma or line break; double inner quotes. */
export function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Control characters other than tab and line breaks (an ESC from an input, C1 controls, bidi
 * overrides) are dropped: a spreadsheet shows them as junk and a terminal would act on them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const field = (v: string | undefined) => quote(neutralise((v ?? '').replace(UNSAFE, '')));

function row(f: Finding): string[] {
  const evidence = f.evidence.map(evidenceRef);
  if (f.evidenceOmitted) evidence.push(`+${f.evidenceOmitted} more`);
  return [
    f.id,
    f.rule,
    f.severity,
    f.workerId,
    f.platform,
    f.region,
    f.period.from,
    f.period.to,
    f.message,
    JSON.stringify(f.metrics),
    f.basis.map(basisText).join('; '),
    evidence.join('; '),
    f.baseline,
    f.suppressed ? `${f.suppressed.reason} (until ${f.suppressed.expires})` : undefined,
  ].map(field);
}

export function csv(report: Report): string {
  const lines = [[...CSV_COLUMNS].join(','), ...report.findings.map((f) => row(f).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
