// A quoted field that is never closed (a truncated export, a stray quote) is one rejected row
// from the line where it opens to the end of the file; the rows before it are used and the
// run goes on (data contract, "Bad input"). Through the real CLI: the built bin as a process
// for the report itself, main() in process for the rest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { csv, dateRange, days, ORDER_HEADER } from '../helpers/exports.js';

const BIN = join(resolve(__dirname, '../..'), 'bin/gigaudit.js');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const ENV = { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', LANGUAGE: '' };

const HEADER = 'order_id,worker_id,accepted_at,completed_at,platform';
/** The file: one good row, then a row whose last field opens a quote and the file ends. */
const TRUNCATED = `${HEADER}\nA1,W1,2025-03-01 08:00:00,2025-03-01 09:00:00,P\nA2,W1,2025-03-01 10:00:00,2025-03-01 11:00:00,"P\n`;

function file(name: string, text: string, dir = mkdtempSync(join(tmpdir(), 'gigaudit-quote-'))) {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function spawn(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...ENV } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), env: ENV, cwd: tmpdir() };
  const code = await main(args, io);
  return { code, stdout: stdout.replace(ANSI, ''), stderr };
}

const counts = (report: { run: { inputs: { rowsRead: number; rowsUsed: number; rowsRejected: number }[] } }) =>
  report.run.inputs.map((i) => [i.rowsRead, i.rowsUsed, i.rowsRejected]);

describe('a quoted field that is never closed', () => {
  it('the issue: A1 is used, line 3 is one rejected row in column platform; 2 read, 1 used, 1 rejected; exit 0', () => {
    const p = file('trunc.csv', TRUNCATED);
    const r = spawn(['audit', p, '--format', 'json', '--fail-on', 'never']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rejected).toEqual([{ file: p, line: 3, column: 'platform', reason: 'a quoted field is never closed (from line 3 to the end of the file)' }]);
    expect(counts(report)).toEqual([[2, 1, 1]]);
  });

  it('the exit code is that of the findings: the rows before the broken one are audited', async () => {
    // Ten back-to-back 30-minute orders: a warning (continuous order time), no error.
    const rows = csv(ORDER_HEADER, days(dateRange('2025-03-04', 1), { worker: 'W1', orders: 10, minutes: 30, gap: 0 }));
    const p = file('orders.csv', rows + 'X1,W1,2025-03-05 08:00:00,"2025-03-05 08:30:00,P,永川区,外卖,5\nX2,W1,2025-03-05 09:00:00,2025-03-05 09:30:00,P,永川区,外卖,5\n');
    const warn = await run(['audit', p, '--format', 'json', '--fail-on', 'warning']);
    expect(warn.code).toBe(1);
    const report = JSON.parse(warn.stdout);
    expect(counts(report)).toEqual([[11, 10, 1]]);
    expect(report.rejected).toEqual([{ file: p, line: 12, column: 'completed_at', reason: 'a quoted field is never closed (from line 12 to the end of the file)' }]);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('continuous-order-time');
    expect((await run(['audit', p, '--format', 'json', '--fail-on', 'error'])).code).toBe(0);
  });

  it('a quote opened mid-field with several physical lines after it: one row from its line to the end', async () => {
    const text = [
      HEADER, // 1
      'A1,W1,2025-03-01 08:00:00,2025-03-01 09:00:00,P', // 2
      'A2,W1,"2025-03-01 10:00:00', // 3: the quote opens here
      '2025-03-01 11:00:00,P', // 4
      'A3,W1,2025-03-01 12:00:00,2025-03-01 13:00:00,P', // 5
      '', // 6
      'A4,W1,2025-03-01 14:00:00,2025-03-01 15:00:00,P', // 7
    ].join('\r\n');
    const p = file('orders.csv', text + '\r\n');
    const r = await run(['audit', p, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rejected).toEqual([{ file: p, line: 3, column: 'accepted_at', reason: 'a quoted field is never closed (from line 3 to the end of the file)' }]);
    expect(counts(report)).toEqual([[2, 1, 1]]);
  });

  it('a header name, then the field number, when the field is no canonical column', async () => {
    const named = file('a.csv', `${HEADER},备注\nA1,W1,2025-03-01 08:00:00,2025-03-01 09:00:00,P,"x\n`);
    const extra = file('b.csv', `${HEADER}\nA1,W1,2025-03-01 08:00:00,2025-03-01 09:00:00,P,"x\n`);
    const a = JSON.parse((await run(['audit', named, '--format', 'json', '--fail-on', 'never'])).stdout);
    expect(a.rejected).toEqual([{ file: named, line: 2, column: '备注', reason: 'a quoted field is never closed (from line 2 to the end of the file)' }]);
    const b = JSON.parse((await run(['audit', extra, '--format', 'json', '--fail-on', 'never'])).stdout);
    expect(b.rejected).toEqual([{ file: extra, line: 2, column: '#6', reason: 'a quoted field is never closed (from line 2 to the end of the file)' }]);
  });

  it('--strict fails the run (exit 2) on it, as on any rejected row', async () => {
    const p = file('trunc.csv', TRUNCATED);
    const r = await run(['audit', p, '--format', 'json', '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--strict: 1 row(s) rejected; first: ${p} line 3 column platform: a quoted field is never closed (from line 3 to the end of the file)`);
  });

  it('check: counts and the rejection, in Chinese with --lang zh; exit 1 as for any rejected row', async () => {
    const p = file('trunc.csv', TRUNCATED);
    const en = await run(['check', p, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`${p}:3 [platform] a quoted field is never closed (from line 3 to the end of the file)`);
    const zh = await run(['check', p, '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(`${p}:3 [platform] 引号字段没有闭合（从第 3 行到文件末尾）`);
    expect(zh.stdout).toMatch(/│ 2\s+│ 1\s+│ 1\s+│/);
  });

  it('inside a folder: the export is read and the row rejected, not the file skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigaudit-quote-dir-'));
    const p = file('orders.csv', TRUNCATED, dir);
    const r = await run(['audit', dir, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.run.inputs.map((i: { path: string }) => i.path)).toEqual([p]);
    expect(report.rejected.map((x: { line: number; column: string }) => [x.line, x.column])).toEqual([[3, 'platform']]);
  });

  it('a broken header is still no export: an explicit file stops the run (exit 2), a folder member is skipped', async () => {
    const broken = `order_id,"worker_id,accepted_at,completed_at,platform\nA1,W1,2025-03-01 08:00:00,2025-03-01 09:00:00,P\n`;
    const p = file('orders.csv', broken);
    const r = await run(['audit', p, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/orders\.csv: line 1: a quoted field is never closed\n$/);
    const dir = mkdtempSync(join(tmpdir(), 'gigaudit-quote-dir-'));
    file('orders.csv', TRUNCATED, dir);
    const notes = file('notes.csv', broken, dir);
    const check = await run(['check', dir, '--json']);
    const out = JSON.parse(check.stdout);
    expect(out.skipped).toEqual([{ path: notes, reason: 'not a CSV export (line 1: a quoted field is never closed)' }]);
    expect(out.inputs.map((i: { rowsRead: number; rowsRejected: number }) => [i.rowsRead, i.rowsRejected])).toEqual([[2, 1]]);
  });
});
