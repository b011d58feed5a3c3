// The reporting options end to end through the CLI (main() with a fake Io, no build needed).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { csv, dateRange, days, ORDER_HEADER, writeSet } from '../helpers/exports.js';

const SAMPLES = resolve(__dirname, '../../samples');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { LANG: 'en_US.UTF-8' }, cwd: mkdtempSync(join(tmpdir(), 'gigaudit-rep-')) });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'gigaudit-out-'));

describe('audit reporting options', () => {
  it('writes every format from one pass', async () => {
    const dir = tmp();
    const files = { csv: 'r.csv', markdown: 'r.md', html: 'r.html', sarif: 'r.sarif', json: 'r.json' };
    const r = await run(['audit', SAMPLES, ...Object.entries(files).flatMap(([f, n]) => ['--format', `${f}:${join(dir, n)}`])]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').trimEnd().split('\r\n').length).toBeGreaterThan(1);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('# gigaudit compliance audit');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).runs[0].results).toHaveLength(report.findings.length);
  });

  it('--baseline: the same data again is all unchanged and exits 0; a bad baseline exits 2 naming the file', async () => {
    const dir = tmp();
    const old = join(dir, 'old.json');
    expect((await run(['audit', SAMPLES, '--format', `json:${old}`])).code).toBe(1);
    const again = await run(['audit', SAMPLES, '--baseline', old, '--format', 'json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(new Set(report.findings.map((f: { baseline: string }) => f.baseline))).toEqual(new Set(['unchanged']));

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion":1}');
    const r = await run(['audit', SAMPLES, '--baseline', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--baseline ${bad}`);
    expect((await run(['audit', SAMPLES, '--baseline', join(dir, 'missing.json')])).stderr).toMatch(/missing\.json: cannot read/);
  });

  it('--suppress: suppressed findings do not fail; expired ones do, with a note', async () => {
    const dir = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-04', 1), { worker: 'W1', orders: 10, minutes: 30, gap: 0 })) });
    const first = await run(['audit', dir, '--format', 'json', '--fail-on', 'warning']);
    expect(first.code).toBe(1);
    const ids = JSON.parse(first.stdout).findings.map((f: { id: string }) => f.id);
    const file = join(tmp(), 'suppress.json');
    writeFileSync(file, JSON.stringify(ids.map((id: string) => ({ id, reason: 'rest reminder shipped in 2025-04', expires: '2025-04-30' }))));
    const ok = await run(['audit', dir, '--format', 'json', '--fail-on', 'warning', '--suppress', file]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).findings[0].suppressed).toEqual({ reason: 'rest reminder shipped in 2025-04', expires: '2025-04-30' });
    writeFileSync(file, JSON.stringify(ids.map((id: string) => ({ id, reason: 'old', expires: '2025-03-01' }))));
    const expired = await run(['audit', dir, '--format', 'json', '--fail-on', 'warning', '--suppress', file]);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/suppression expired 2025-03-01/);
  });

  it('masks phone-number worker ids by default; --no-mask shows them', async () => {
    const dir = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-04', 1), { worker: '13812345678', orders: 10, minutes: 30, gap: 0 })) });
    for (const format of ['json', 'csv', 'markdown', 'html', 'sarif']) {
      const masked = await run(['audit', dir, '--format', format, '--fail-on', 'never']);
      expect(masked.stdout).not.toContain('13812345678');
      expect(masked.stdout.replace(/\\/g, '')).toContain('138****5678'); // markdown escapes the stars
      const shown = await run(['audit', dir, '--format', format, '--fail-on', 'never', '--no-mask']);
      expect(shown.stdout).toContain('13812345678');
    }
  });

  it('accepts every contract format name', async () => {
    const r = await run(['audit', SAMPLES, '--format', 'markdown', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect((await run(['audit', SAMPLES, '--format', 'pdf'])).stderr).toMatch(/unknown --format "pdf" \(table, json, csv, markdown, html, sarif\)/);
  });
});
