// Runs the real CLI (main() with a fake io, in process) on one broken or hostile export set
// and checks what must hold for every such set (issue 6): exit 0 or 2 under --fail-on never,
// no stack trace, rows read = used + rejected per file, the CSV report has no live formula,
// the HTML and Markdown reports no raw markup from the inputs, the terminal no escape
// sequence from the inputs, the inputs are byte-identical afterwards, and a second run
// gives the same report.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, expect } from 'vitest';
import { main } from '../../src/cli/program.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A temp folder whose path has spaces and Chinese characters, as exports on a Chinese desktop do. */
export function hostileDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'gigaudit 稳健 '));
  made.push(root);
  const dir = join(root, '平台 导出 (2025年3月)');
  mkdirSync(dir);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
    paths[name] = p;
  }
  return paths;
}

/** RFC 4180 with every risky character quoted (delimiters of any kind, quotes, line breaks). */
export function csvText(rows: (string | number | undefined)[][], eol = '\n'): string {
  const q = (c: string | number | undefined) => {
    const s = c === undefined ? '' : String(c);
    return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(q).join(',')).join(eol) + eol;
}

export const ORDERS = ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'region', 'business_line', 'order_pay', 'status'];

const pad = (n: number) => String(n).padStart(2, '0');
let seq = 0;

/**
 * `n` back-to-back orders of 30 minutes from 08:00 on `date`: ten of them are a 300-minute
 * span, over the 240-minute continuous-order limit, so the worker shows up in findings.
 */
export function shiftRows(worker: string, date: string, n: number, o: { platform?: string; region?: string; pay?: string } = {}): string[][] {
  const rows: string[][] = [];
  for (let k = 0; k < n; k++) {
    const a = 8 * 60 + k * 30;
    const b = a + 30;
    rows.push([
      `R${++seq}`,
      worker,
      `${date} ${pad(Math.floor(a / 60))}:${pad(a % 60)}:00`,
      `${date} ${pad(Math.floor(b / 60))}:${pad(b % 60)}:00`,
      o.platform ?? '速达',
      o.region ?? '永川区',
      '外卖',
      o.pay ?? '6.5',
      '已完成',
    ]);
  }
  return rows;
}

export const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${sha256(p)} ${statSync(p).size}`;
    }
  };
  walk(dir);
  return out;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
  report?: any;
  csv?: string;
  html?: string;
  md?: string;
}

/** One audit through main(): every file format to a file outside the inputs, the table to stdout. */
export async function audit(args: string[], extra: string[] = []): Promise<RunResult> {
  const out = mkdtempSync(join(tmpdir(), 'gigaudit-robust-out-'));
  made.push(out);
  let stdout = '';
  let stderr = '';
  const code = await main(
    [
      'audit',
      ...args,
      '--fail-on',
      'never',
      '--lang',
      'en',
      '--format',
      `json:${join(out, 'r.json')}`,
      '--format',
      `csv:${join(out, 'r.csv')}`,
      '--format',
      `html:${join(out, 'r.html')}`,
      '--format',
      `markdown:${join(out, 'r.md')}`,
      '--format',
      'table',
      ...extra,
    ],
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { LANG: 'en_US.UTF-8' }, cwd: out },
  );
  const read = (name: string) => {
    try {
      return readFileSync(join(out, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const json = read('r.json');
  return { code, stdout, stderr, out, report: json ? JSON.parse(json) : undefined, csv: read('r.csv'), html: read('r.html'), md: read('r.md') };
}

/** Payloads that must never appear raw in an HTML or Markdown report. */
export const MARKUP = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', '<iframe src=javascript:alert(1)>'];

// eslint-disable-next-line no-control-regex
const TERMINAL_BAD = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Exit 0 or 2, no stack trace, nothing a terminal would act on beyond chalk's own colours. */
export function checkProcess(r: RunResult): void {
  expect([0, 2]).toContain(r.code);
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toMatch(/internal error/);
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).not.toMatch(TERMINAL_BAD);
    expect(plain).not.toContain('\u001b');
  }
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^gigaudit: /);
  if (r.code === 2) {
    // One clear sentence: the last line is the error, notes (if any) come before it.
    expect(r.stderr.trim().split('\n').at(-1)).not.toMatch(/^gigaudit: note:/);
    expect(r.report).toBeUndefined();
  }
}

/** The report's own checks: accounting per file, capped lists say what they leave out, safe CSV/HTML/Markdown. */
export function checkReports(r: RunResult): void {
  const rep = r.report;
  expect(rep).toBeDefined();
  let rejected = 0;
  for (const i of rep.run.inputs) {
    expect(i.rowsRead, i.path).toBe(i.rowsUsed + i.rowsRejected);
    rejected += i.rowsRejected;
  }
  expect(rep.rejected.length + rep.rejectedOmitted).toBe(rejected);
  expect(rep.rejected.length).toBeLessThanOrEqual(1000);
  const badEvidence = rep.findings.filter((f: { evidence: unknown[]; evidenceOmitted?: number }) => f.evidence.length > 50 || (f.evidenceOmitted !== undefined && !(f.evidenceOmitted > 0)));
  expect(badEvidence, 'evidence lists over 50, or an empty omitted count').toEqual([]);

  // CSV: no cell a spreadsheet would run as a formula.
  const cells: string[][] = parseCsv(r.csv!, { bom: true, relax_column_count: false });
  expect(cells.length).toBe(rep.findings.length + 1);
  // (Collected, then one assertion: an expect per cell is slow on large reports.)
  const live = cells.flat().filter((c) => /^[=+\-@\t\r]/.test(c));
  expect(live, 'CSV cells a spreadsheet would run').toEqual([]);
  // eslint-disable-next-line no-control-regex
  expect(r.csv!).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);

  // HTML and Markdown: input values are text, never markup. Markdown code spans are
  // literal text (CommonMark: no HTML, no entities inside), so only the rest is checked.
  const md = r.md!.replace(/`[^`\n]*`/g, '``');
  for (const doc of [r.html!, md]) {
    for (const m of MARKUP) expect(doc).not.toContain(m);
    const unsafe: string[] = [];
    for (const t of tags(doc)) {
      if (['iframe', 'object', 'embed', 'img', 'form', 'base', 'link', 'a'].includes(t.name)) unsafe.push(`<${t.name}>`);
      for (const [name, value] of t.attrs) {
        if (/^on/.test(name) || /^\s*(javascript|data|vbscript):/i.test(value)) unsafe.push(`<${t.name} ${name}="${value}">`);
      }
    }
    expect(unsafe, 'markup from the inputs').toEqual([]);
  }
  const scripts = tags(r.html!).filter((t) => t.name === 'script');
  expect(scripts.length).toBeLessThanOrEqual(1);
  for (const t of scripts) expect(t.attrs).toEqual([]);
  expect(md).not.toMatch(/<[a-z]/i);
  expect(r.html!).toMatch(/Content-Security-Policy/);
}

/** Start tags of an HTML text with their attributes (quoted values parsed as HTML does; enough for a check). */
export function tags(doc: string): { name: string; attrs: [string, string][] }[] {
  const out: { name: string; attrs: [string, string][] }[] = [];
  // Skip the contents of <script> and <style>: raw text, not markup.
  const text = doc.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3');
  const tag = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const attr = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of text.matchAll(tag)) {
    const attrs: [string, string][] = [];
    for (const a of m[2].matchAll(attr)) attrs.push([a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** The report without the run's timing fields: what two runs on the same inputs must share. */
export function stable(report: any): any {
  const copy = structuredClone(report);
  delete copy.run.startedAt;
  delete copy.run.finishedAt;
  return copy;
}

export interface CaseExpectation {
  /** 0 (read, some rows maybe rejected) or 2 (the whole input refused). */
  code: 0 | 2;
  /** For exit 2: the one-line reason. */
  error?: RegExp;
  /** Per input file name (as written by writeFiles): exactly these lines are rejected. */
  rejectedLines?: Record<string, number[]>;
  /** Per input file name: rows read. */
  rowsRead?: Record<string, number>;
}

/**
 * Writes the files, audits `args` (default: the folder), checks every invariant, audits
 * again and compares; returns the first run for case-specific checks.
 */
export async function hostileCase(
  files: Record<string, string | Uint8Array>,
  expectation: CaseExpectation,
  o: { args?: (paths: Record<string, string>, dir: string) => string[]; extra?: string[] } = {},
): Promise<RunResult & { dir: string; paths: Record<string, string> }> {
  const dir = hostileDir();
  const paths = writeFiles(dir, files);
  const before = snapshot(dir);
  const args = o.args ? o.args(paths, dir) : [dir];
  const first = await audit(args, o.extra);
  checkProcess(first);
  expect(first.code, first.stderr).toBe(expectation.code);
  if (expectation.code === 2) {
    expect(first.stderr).toMatch(expectation.error ?? /./);
  } else {
    checkReports(first);
    const byName = (name: string) => first.report.run.inputs.find((i: { path: string }) => i.path === paths[name]);
    for (const [name, lines] of Object.entries(expectation.rejectedLines ?? {})) {
      const got = first.report.rejected.filter((x: { file: string }) => x.file === paths[name]).map((x: { line: number }) => x.line);
      expect(got, `${name}: ${JSON.stringify(first.report.rejected)}`).toEqual(lines);
      expect(byName(name)?.rowsRejected, name).toBe(lines.length);
    }
    for (const [name, n] of Object.entries(expectation.rowsRead ?? {})) expect(byName(name)?.rowsRead, name).toBe(n);
  }
  // Inputs untouched: same bytes, no file added or removed next to them.
  expect(snapshot(dir)).toEqual(before);

  const second = await audit(args, o.extra);
  expect(second.code).toBe(first.code);
  if (first.report) {
    expect(stable(second.report)).toEqual(stable(first.report));
    expect(second.csv).toBe(first.csv);
  } else {
    expect(second.stderr).toBe(first.stderr);
  }
  return { ...first, dir, paths };
}
