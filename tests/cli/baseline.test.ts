// Baselines end to end, as a nightly job uses them: today's run against yesterday's JSON.
// The same inputs are all `unchanged` and pass; one new violation is exactly one `new`
// finding and fails; the same rows in another order change nothing.
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { Finding, Report } from '../../src/report/model.js';

const SAMPLES = resolve(__dirname, '../../samples');

/** A private copy of the samples' CSV files, to change. */
function copySamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gigaudit-baseline-'));
  for (const f of readdirSync(SAMPLES)) if (f.endsWith('.csv')) copyFileSync(join(SAMPLES, f), join(dir, f));
  return dir;
}

async function audit(dir: string, args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'gigaudit-baseline-out-')), 'report.json');
  let stderr = '';
  const code = await main(['audit', dir, '--format', `json:${out}`, ...args], {
    stdout: () => {},
    stderr: (s) => void (stderr += s),
    env: { LANG: 'en_US.UTF-8' },
    cwd: dir,
  });
  return { code, report: code === 2 ? (undefined as unknown as Report) : JSON.parse(readFileSync(out, 'utf8')), stderr };
}

const states = (r: Report) => {
  const n: Record<string, number> = {};
  for (const f of r.findings) n[f.baseline ?? 'none'] = (n[f.baseline ?? 'none'] ?? 0) + 1;
  return n;
};
const notUnchanged = (r: Report) => r.findings.filter((f) => f.baseline !== 'unchanged');

/** orders.csv lines (CRLF) in a seeded random order, the header kept first. */
function shuffleOrders(dir: string, seed: number): void {
  const path = join(dir, 'orders.csv');
  const lines = readFileSync(path, 'utf8').split('\r\n');
  const header = lines.shift()!;
  if (lines.at(-1) === '') lines.pop();
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  writeFileSync(path, `${[header, ...lines].join('\r\n')}\r\n`);
}

/**
 * A new violation for a clean control: R1001 does not work on 2024-12-03; twelve 25-minute
 * orders five minutes apart, 10:00–15:55, make one span over the 240-minute limit.
 */
function appendLongShift(dir: string): void {
  const at = (m: number) => `2024-12-03 ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
  const rows = Array.from({ length: 12 }, (_, i) => `SD24120399${String(i + 1).padStart(2, '0')},R1001,${at(600 + i * 30)},${at(625 + i * 30)},速达配送,永捷配送,永川区,takeaway,15.00,completed\r\n`);
  appendFileSync(join(dir, 'orders.csv'), rows.join(''));
}

describe('baseline end to end', () => {
  let baselineFile: string;
  let first: Report;

  beforeAll(async () => {
    const dir = copySamples();
    const r = await audit(dir, []);
    expect(r.code).toBe(1); // the samples have errors
    first = r.report;
    baselineFile = join(mkdtempSync(join(tmpdir(), 'gigaudit-baseline-old-')), 'old.json');
    writeFileSync(baselineFile, JSON.stringify(first));
  });

  it('the same inputs again: every finding unchanged, nothing absent, exit 0 under --fail-on error', async () => {
    const r = await audit(copySamples(), ['--baseline', baselineFile, '--fail-on', 'error']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(states(r.report)).toEqual({ unchanged: first.findings.length });
    expect(r.report.findings.map((f) => f.id)).toEqual(first.findings.map((f) => f.id));
    // Even the strictest threshold passes: nothing is new.
    expect((await audit(copySamples(), ['--baseline', baselineFile, '--fail-on', 'info'])).code).toBe(0);
  });

  it('a removed contract row: exactly that written-contract finding is new, exit 1', async () => {
    const dir = copySamples();
    const path = join(dir, 'contracts.csv');
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    const kept = lines.filter((l) => !l.startsWith('R1001,')); // R1001: a clean control
    expect(kept.length).toBe(lines.length - 1);
    writeFileSync(path, kept.join('\n'));
    const r = await audit(dir, ['--baseline', baselineFile, '--fail-on', 'error']);
    expect(r.code).toBe(1);
    const changed = notUnchanged(r.report);
    expect(changed.map((f) => [f.baseline, f.rule, f.workerId, f.severity])).toEqual([['new', 'written-contract', 'R1001', 'error']]);
    expect(states(r.report)).toEqual({ unchanged: first.findings.length, new: 1 });
  });

  it('a long shift appended for a clean worker: exactly that span is new; only a threshold it reaches fails', async () => {
    const dir = copySamples();
    appendLongShift(dir);

    const r = await audit(dir, ['--baseline', baselineFile, '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    const changed = notUnchanged(r.report);
    expect(changed.map((f) => [f.baseline, f.rule, f.workerId, f.severity])).toEqual([['new', 'continuous-order-time', 'R1001', 'warning']]);
    expect(changed[0].period.from).toMatch(/^2024-12-03T10:00/);
    // Every other finding kept its fingerprint although 12 rows were added.
    expect(states(r.report)).toEqual({ unchanged: first.findings.length, new: 1 });
    // The new finding is a warning: under --fail-on error it does not fail the run.
    expect((await audit(dir, ['--baseline', baselineFile, '--fail-on', 'error'])).code).toBe(0);
  });

  it('with a suppression file: an accepted new finding passes until the suppression expires', async () => {
    const dir = copySamples();
    appendLongShift(dir);
    const file = join(mkdtempSync(join(tmpdir(), 'gigaudit-suppress-')), 'suppress.json');
    const accept = (expires: string) =>
      writeFileSync(file, JSON.stringify([{ rule: 'continuous-order-time', workerId: 'R1001', platform: '速达配送', reason: 'one-off event day, agreed with the union', expires }]));

    accept('2025-12-31');
    const ok = await audit(dir, ['--baseline', baselineFile, '--suppress', file, '--fail-on', 'warning']);
    expect(ok.code).toBe(0);
    const mine = notUnchanged(ok.report);
    expect(mine).toHaveLength(1);
    expect(mine[0].suppressed).toEqual({ reason: 'one-off event day, agreed with the union', expires: '2025-12-31' });

    // Expired before the audited period's end: the finding counts again, and a note says why.
    accept('2025-01-01');
    const expired = await audit(dir, ['--baseline', baselineFile, '--suppress', file, '--fail-on', 'warning']);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/suppression expired 2025-01-01/);
    expect(notUnchanged(expired.report)[0].suppressed).toBeUndefined();
  });

  it('a fixed violation is listed as absent and does not fail', async () => {
    const dir = copySamples();
    // R1006 had no contract at all: give it one from before its first order.
    appendFileSync(join(dir, 'contracts.csv'), 'R1006,HT-2024-9999,书面协议,速达配送,2024-01-01,,2024-01-01,书面,否,\r\n');
    const r = await audit(dir, ['--baseline', baselineFile, '--fail-on', 'info']);
    expect(r.code).toBe(0);
    const changed = notUnchanged(r.report);
    expect(changed.map((f) => [f.baseline, f.rule, f.workerId])).toEqual([['absent', 'written-contract', 'R1006']]);
    // Absent findings are listed, not counted.
    expect(r.report.summary.findings).toBe(first.findings.length - 1);
  });

  it('the rows of orders.csv in another order change nothing', async () => {
    for (const seed of [1, 42]) {
      const dir = copySamples();
      shuffleOrders(dir, seed);
      expect(readFileSync(join(dir, 'orders.csv'), 'utf8')).not.toBe(readFileSync(join(SAMPLES, 'orders.csv'), 'utf8'));
      const r = await audit(dir, ['--baseline', baselineFile, '--fail-on', 'info']);
      expect(r.code).toBe(0);
      expect(states(r.report)).toEqual({ unchanged: first.findings.length });
      // Same findings, same words and figures; only the evidence line numbers moved.
      const before = new Map(first.findings.map((f) => [f.id, f]));
      for (const f of r.report.findings) {
        const old = before.get(f.id) as Finding;
        expect(f.message).toBe(old.message);
        expect(f.metrics).toEqual(old.metrics);
        expect(f.evidence.map((e) => e.orderId).sort()).toEqual(old.evidence.map((e) => e.orderId).sort());
      }
      expect(r.report.summary).toEqual(first.summary);
      expect(r.report.employment).toEqual(first.employment);
    }
  });
});
