import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csv, dateRange, days, ORDER_HEADER, writeSet } from '../helpers/exports.js';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/gigaudit.js');
const SAMPLES = join(ROOT, 'samples');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const tmp = () => mkdtempSync(join(tmpdir(), 'gigaudit-cli-'));

describe('gigaudit audit (end to end)', () => {
  it('writes the JSON report with --fail-on never and exits 0; inputs are fingerprinted and unchanged', () => {
    const files = readdirSync(SAMPLES).filter((f) => /\.(csv|tsv|txt)$/.test(f)).map((f) => join(SAMPLES, f));
    const before = files.map(sha);
    const out = join(tmp(), 'report.json');
    const r = run(['audit', SAMPLES, '--format', 'json', '--out', out, '--fail-on', 'never']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe('gigaudit');
    expect(files.map(sha)).toEqual(before);
    for (const input of report.run.inputs) {
      expect(input.sha256).toBe(sha(input.path));
      expect(input.rowsRead).toBe(input.rowsUsed + input.rowsRejected);
    }
    const rules = new Set(report.findings.map((f: { rule: string }) => f.rule));
    for (const rule of ['minimum-wage', 'written-contract', 'injury-insurance', 'continuous-order-time']) expect(rules).toContain(rule);
    expect(report.employment.workerPlatforms).toBeGreaterThan(0);
  });

  it('exits 1 with error findings under the default --fail-on', () => {
    const r = run(['audit', SAMPLES, '--format', 'json', '--out', join(tmp(), 'r.json')]);
    expect(r.code).toBe(1);
  });

  it('exits 0 when the only findings are below --fail-on', () => {
    const dir = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-04', 1), { worker: 'W1', orders: 10, minutes: 30, gap: 0 })) });
    expect(run(['audit', dir, '--fail-on', 'error', '--format', 'json', '--out', join(tmp(), 'r.json')]).code).toBe(0);
    expect(run(['audit', dir, '--fail-on', 'warning', '--format', 'json', '--out', join(tmp(), 'r.json')]).code).toBe(1);
  });

  it.each([
    [['audit', SAMPLES, '--fail-on', 'sometimes'], /fail-on/],
    [['audit', SAMPLES, '--ruleset', 'cn-atlantis'], /unknown ruleset/],
    [['audit', join(SAMPLES, 'no-such-file.csv')], /no-such-file/],
    [['audit'], /no input/],
    [['audit', SAMPLES, '--from', '2025-13-01'], /--from/],
    [['audit', SAMPLES, '--frobnicate'], /unknown option/],
    [['explain', 'no-such-rule'], /unknown rule/],
  ])('bad usage %j exits 2 with a one-line reason', (args, pattern) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads a GB18030 file with Chinese headers and slash date-times', () => {
    const rows = days(dateRange('2025-03-04', 1), { worker: '骑手A', orders: 10, minutes: 30, gap: 0 }).map((r) => [
      r[0],
      r[1],
      String(r[2]).replace(/^(\d+)-0?(\d+)-0?(\d+) 0?(\d+):(\d+):00$/, '$1/$2/$3 $4:$5'),
      String(r[3]).replace(/^(\d+)-0?(\d+)-0?(\d+) 0?(\d+):(\d+):00$/, '$1/$2/$3 $4:$5'),
      r[4],
      r[5],
    ]);
    const text = csv(['订单号', '骑手ID', '接单时间', '完成时间', '平台', '区县'], rows);
    const dir = writeSet({ '订单 记录.csv': iconv.encode(text, 'gb18030') });
    const out = join(tmp(), 'r.json');
    const r = run(['audit', dir, '--format', 'json', '--out', out, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.run.inputs[0]).toMatchObject({ kind: 'orders', encoding: 'gb18030', rowsRead: 10, rowsRejected: 0 });
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'continuous-order-time')).toHaveLength(1);
    expect(report.findings[0].workerId).toBe('骑手A');
  });

  it('prints a Chinese table by default under a Chinese locale', () => {
    const r = run(['audit', SAMPLES, '--fail-on', 'never'], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用工情况报告');
    expect(r.stdout).toContain('minimum-wage');
  });

  it('writes json to a file and the table to stdout in one run', () => {
    const out = join(tmp(), 'r.json');
    const r = run(['audit', SAMPLES, '--format', 'table', '--format', `json:${out}`, '--fail-on', 'never', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Employment report');
    expect(existsSync(out)).toBe(true);
  });

  it('stays quiet when the reader of its output closes early (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" audit "${SAMPLES}" --fail-on never --lang en | head -1`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('gigaudit compliance audit');
    expect(r.stderr).toBe('');
  });

  it('gives byte-identical JSON apart from run timestamps', () => {
    const a = join(tmp(), 'a.json');
    const b = join(tmp(), 'b.json');
    run(['audit', SAMPLES, '--format', 'json', '--out', a, '--fail-on', 'never']);
    run(['audit', SAMPLES, '--format', 'json', '--out', b, '--fail-on', 'never']);
    const strip = (p: string) => readFileSync(p, 'utf8').replace(/"(startedAt|finishedAt)": "[^"]*"/g, '');
    expect(strip(a)).toBe(strip(b));
  });
});

describe('gigaudit rules / explain / rulesets / check', () => {
  it('lists the core rules with severities', () => {
    const r = run(['rules', '--json', '--ruleset', 'cn-chongqing-yongchuan', '--date', '2025-03-01']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    const byId = Object.fromEntries(list.rules.map((x: { id: string }) => [x.id, x]));
    expect(byId['continuous-order-time'].parameters.max_minutes).toBe(240);
    expect(byId['minimum-wage'].severity).toBe('error');
  });

  it('explains a rule with its parameters over time and sources', () => {
    const r = run(['explain', 'written-contract', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/grace_days = 30/);
    expect(r.stdout).toMatch(/劳动合同法/);
  });

  it('lists the rulesets and their regions', () => {
    const r = run(['rulesets', '--lang', 'zh']);
    expect(r.code).toBe(0);
    for (const id of ['cn', 'cn-chongqing', 'cn-chongqing-yongchuan', 'cn-chongqing-chengkou', 'cn-chongqing-tongliang', 'cn-sichuan', 'cn-sichuan-deyang', 'cn-yunnan']) {
      expect(r.stdout).toContain(`${id}@`);
    }
    expect(r.stdout).toContain('永川区');
  });

  it('check reports kinds and rejected rows with line and column, exit 1', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'orders.csv'), csv(ORDER_HEADER, [['O1', 'W1', '2025-03-01 08:00:00', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5], ['O2', 'W1', '2025-13-01 08:00:00', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5]]));
    const r = run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/orders\.csv:3 \[accepted_at\]/);
  });
});
