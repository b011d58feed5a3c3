// One run, six outputs: the table on stdout and JSON, HTML, CSV, Markdown and SARIF files,
// all rendered from the one report. Their findings must agree: same count, same ids
// (fingerprints), same rule, severity and worker for each id, same totals.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { CSV_COLUMNS } from '../../src/reporters/csv.js';
import type { Finding, Report } from '../../src/report/model.js';

const SAMPLES = resolve(__dirname, '../../samples');
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

interface Key {
  id: string;
  rule: string;
  severity: string;
  workerId: string;
}
const key = (f: Pick<Finding, 'id' | 'rule' | 'severity' | 'workerId'>): Key => ({ id: f.id, rule: f.rule, severity: f.severity, workerId: f.workerId ?? '' });
const byId = (a: Key, b: Key) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const count = <T,>(xs: T[], by: (x: T) => string) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[by(x)] = (m[by(x)] ?? 0) + 1;
  return m;
};

describe('all outputs of one run agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigaudit-agree-'));
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  let code: number;
  let stdout = '';
  let stderr = '';
  let report: Report;
  let expected: Key[];

  beforeAll(async () => {
    code = await main(
      ['audit', SAMPLES, '--format', 'table', '--format', 'json:R.json', '--format', 'html:R.html', '--format', 'csv:R.csv', '--format', 'markdown:R.md', '--format', 'sarif:R.sarif', '--fail-on', 'never'],
      { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { LANG: 'en_US.UTF-8' }, cwd: dir },
    );
    report = JSON.parse(read('R.json'));
    expected = report.findings.map(key).sort(byId);
  });

  it('writes the table to stdout and the five files, quietly, exit 0 under --fail-on never', () => {
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('gigaudit compliance audit');
    for (const f of ['R.json', 'R.html', 'R.csv', 'R.md', 'R.sarif']) expect(read(f).length).toBeGreaterThan(1000);
    // The samples give findings of several rules and all three severities: a real comparison.
    expect(report.findings.length).toBeGreaterThan(50);
    expect(new Set(report.findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
    expect(new Set(expected.map((k) => k.id)).size).toBe(expected.length); // ids are unique
    expect(report.summary.findings).toBe(report.findings.length);
  });

  it('CSV: one row per finding, same ids, rules, severities and workers', () => {
    const rows: Record<string, string>[] = parse(read('R.csv').replace(/^\uFEFF/, ''), { columns: true });
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => key({ id: r.id, rule: r.rule, severity: r.severity as Finding['severity'], workerId: r.workerId })).sort(byId)).toEqual(expected);
    // Same order as the JSON report, too.
    expect(rows.map((r) => r.id)).toEqual(report.findings.map((f) => f.id));
  });

  it('SARIF: one result per finding, its id as the partial fingerprint', () => {
    const log = JSON.parse(read('R.sarif'));
    const results: { ruleId: string; level: string; partialFingerprints: Record<string, string>; properties: { severity: string; workerId?: string } }[] = log.runs[0].results;
    expect(results.map((r) => key({ id: r.partialFingerprints['gigaudit/v1'], rule: r.ruleId, severity: r.properties.severity as Finding['severity'], workerId: r.properties.workerId })).sort(byId)).toEqual(expected);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const [i, r] of results.entries()) expect(r.level).toBe(level[report.findings[i].severity]);
    expect(log.runs[0].properties.summary).toEqual(report.summary);
  });

  it('HTML: one table row per finding, carrying its id, rule, severity and worker', () => {
    const page = read('R.html');
    const rows = [...page.matchAll(/<tr class="f[^"]*" ([^>]*)>/g)].map((m) => {
      const attr = (name: string) => new RegExp(`data-${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
      return { id: attr('id'), rule: attr('rule'), severity: attr('severity'), workerId: attr('worker') };
    });
    expect(rows.sort(byId)).toEqual(expected);
    expect(page).toContain(`(${report.summary.findings})</h2>`);
    // The summary table's totals row: per severity, then all.
    const totals = /<tr><th>Total<\/th>((?:<th class="n">\d+<\/th>)+)<\/tr>/.exec(page)![1];
    expect([...totals.matchAll(/>(\d+)</g)].map((m) => Number(m[1]))).toEqual([report.summary.bySeverity.error, report.summary.bySeverity.warning, report.summary.bySeverity.info, report.summary.findings]);
  });

  it('Markdown: the same totals per severity and per rule, and the findings count', () => {
    const md = read('R.md');
    const { error, warning, info } = report.summary.bySeverity;
    expect(md).toContain(`| **Total** | **${error}** | **${warning}** | **${info}** | **${report.summary.findings}** |`);
    expect(md).toContain(`## Findings (${report.summary.findings})`);
    for (const [rule, n] of Object.entries(report.summary.byRule)) {
      const row = md.split('\n').find((l) => l.startsWith(`| \`${rule}\` `))!;
      expect(row, rule).toBeDefined();
      expect(Number(row.split('|').at(-2)!.trim()), rule).toBe(n);
    }
    // The listed findings (capped) are all real ones.
    const listed = md.split('\n').filter((l) => /^\| (error|warning|info) \| `/.test(l));
    expect(listed.length).toBe(Math.min(50, report.findings.length));
    const workers = new Set(report.findings.map((f) => `${f.rule} ${f.workerId}`));
    for (const l of listed) {
      const [, rule, worker] = l.split(' | ').map((c) => c.replace(/`/g, '').replace(/^\| /, ''));
      expect(workers.has(`${rule} ${worker}`), l).toBe(true);
    }
  });

  it('table: the findings heading, the per-rule summary and one row per finding', () => {
    const text = stripAnsi(stdout);
    expect(text).toContain(`Findings (${report.findings.length})`);
    const lines = text.split('\n');
    for (const [rule, n] of Object.entries(report.summary.byRule)) {
      const row = lines.find((l) => l.startsWith(`│ ${rule} `))!;
      expect(row, rule).toBeDefined();
      const total = row.split('│').at(-2)!.trim();
      expect(total === '·' ? 0 : Number(total), rule).toBe(n);
    }
    // A finding's first line has its severity, rule and worker; wrapped lines have none.
    const rows = lines
      .map((l) => /^│ (error|warning|info) +│ ([a-z-]+) +│ (\S+) +│/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows.sort()).toEqual(report.findings.map((f) => `${f.severity} ${f.rule} ${f.workerId ?? '—'}`).sort());
  });

  it('every format counts the same findings per rule', () => {
    const json = count(report.findings, (f) => f.rule);
    const csv: Record<string, string>[] = parse(read('R.csv').replace(/^\uFEFF/, ''), { columns: true });
    const sarif: { ruleId: string }[] = JSON.parse(read('R.sarif')).runs[0].results;
    const html = [...read('R.html').matchAll(/<tr class="f[^"]*" [^>]*data-rule="([^"]*)"/g)].map((m) => m[1]);
    expect(count(csv, (r) => r.rule)).toEqual(json);
    expect(count(sarif, (r) => r.ruleId)).toEqual(json);
    expect(count(html, (r) => r)).toEqual(json);
    expect(Object.fromEntries(Object.entries(report.summary.byRule).filter(([, n]) => n > 0))).toEqual(json);
  });
});
