// Pathological volume (issue 6): the shapes that expose quadratic work complete, and
// complete correctly. No timing here (machines differ); scripts/volume.mjs times the same
// shapes end to end. Runs the built CLI as a child process, as a user would.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the timing run
import { manyContractsFiles, manyWorkersFiles, oneWorkerLines } from '../../scripts/volume.mjs';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/gigaudit.js');
const root = mkdtempSync(join(tmpdir(), 'gigaudit-volume-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function audit(name: string, files: Record<string, string | Buffer | (string | Buffer)[]>, extra: string[] = []) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    const fd = openSync(join(dir, file), 'w');
    for (const part of Array.isArray(content) ? content : [content]) writeSync(fd, part);
    closeSync(fd);
  }
  return auditDir(dir, `${name}-${runs++}`, extra);
}

let runs = 0;
/** The report without the run's timing fields. */
const stable = (report: { run: Record<string, unknown> }) => JSON.stringify({ ...report, run: { ...report.run, startedAt: undefined, finishedAt: undefined } });

function auditDir(dir: string, name: string, extra: string[] = []) {
  const out = join(root, `${name}.json`);
  const r = spawnSync(process.execPath, [BIN, 'audit', dir, '--format', 'json', '--out', out, '--fail-on', 'never', '--quiet', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  for (const i of report.run.inputs) expect(i.rowsRead).toBe(i.rowsUsed + i.rowsRejected);
  return { dir, report };
}

describe('pathological volume', () => {
  it('one worker with 200 000 orders, and broken rows planted deep in the large file', () => {
    const lines: string[] = oneWorkerLines({ orders: 200_000, perDay: 500 });
    const row = (id: string, platform = '速达', date = '2025-06-01 23:00:00') => `${id},W1,${date},2025-06-01 23:10:00,${platform},永川区,外卖,1.20,已完成`;
    // Planted after these data rows (1-based), each a rejected record; the ditto quote swallows a line break.
    const plants: [number, (string | Buffer)[]][] = [
      [50_000, [row('P1').replace(',W1,', ',W\u00001,')]],
      [100_000, ['P2,W1,2025-06-01 23:00:00,2025-06-01 23:10:00,速', Buffer.from([0xff]), '达,永川区,外卖,1.20,已完成']],
      [120_000, ['P3,W1,2025-06-01 23:00:00']],
      [150_000, [`${row('P4', '"')}\n${row('P5', '"')}`]],
      [170_000, [row('P6', 'x'.repeat(2000))]],
      [190_000, [row('P7', '速达', '2025-06-31 23:00:00')]],
      [199_000, [row('O5')]],
    ];
    const parts: (string | Buffer)[] = [];
    const rejectedLines: number[] = [];
    let line = 1;
    let chunk: string[] = [lines[0]];
    let next = 0;
    for (let k = 1; k < lines.length; k++) {
      chunk.push(lines[k]);
      line++;
      if (next < plants.length && plants[next][0] === k) {
        parts.push(chunk.join('\n') + '\n');
        chunk = [];
        rejectedLines.push(line + 1);
        for (const p of plants[next][1]) parts.push(p);
        parts.push('\n');
        line += 1 + (plants[next][1].join('').match(/\n/g) ?? []).length;
        next++;
      }
    }
    parts.push(chunk.join('\n') + '\n');
    const { report } = audit('one', { 'orders.csv': parts });
    const input = report.run.inputs[0];
    expect(input).toMatchObject({ rowsRead: 200_007, rowsUsed: 200_000, rowsRejected: 7, encoding: 'utf-8' });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual(rejectedLines);
    expect(report.rejected.map((r: { column?: string }) => r.column)).toEqual(['worker_id', 'platform', 'completed_at', 'platform', 'platform', 'accepted_at', 'order_id']);
    expect(report.rejected[6].reason).toBe(`duplicate order id O5 (first at ${input.path} line 7)`);
    expect(report.summary.workers).toBe(1);
    // One 1000-minute span a day for 400 days: one finding each, its counts whole, its evidence capped and saying so.
    const spans = report.findings.filter((f: { rule: string }) => f.rule === 'continuous-order-time');
    expect(spans).toHaveLength(400);
    for (const f of spans) {
      expect(f.metrics.orders).toBe(500);
      expect(f.metrics.minutes).toBe(1000);
      expect(f.evidence).toHaveLength(50);
      expect(f.evidence.length + f.evidenceOmitted).toBe(500);
    }
  }, 180_000);

  it('the same large file gives the same report with worker threads, again, and without them', () => {
    // 300 000 orders of 3 000 workers, interleaved and out of time order, some rows broken.
    const lines = ['order_id,worker_id,accepted_at,completed_at,platform,region,business_line,order_pay,status'];
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 300_000; k++) {
      const day = `2025-0${1 + rnd(6)}-${String(1 + rnd(28)).padStart(2, '0')}`;
      const h = String(6 + rnd(14)).padStart(2, '0');
      const m = String(rnd(50)).padStart(2, '0');
      lines.push(k % 50_000 === 7 ? `B${k},W${rnd(3000)},${day} ${h}:${m}:00` : `O${k},W${rnd(3000)},${day} ${h}:${m}:00,${day} ${h}:${Number(m) + 9}:00,${rnd(3) ? '速达' : '美团'},永川区,外卖,${rnd(900) / 100},已完成`);
    }
    const first = audit('threads', { 'orders.csv': lines.join('\n') + '\n' });
    expect(first.report.run.inputs[0]).toMatchObject({ rowsRead: 300_000, rowsRejected: 6 });
    const again = auditDir(first.dir, 'threads-again');
    const single = auditDir(first.dir, 'threads-none', ['--threads', '0']);
    expect(stable(again.report)).toBe(stable(first.report));
    expect(stable(single.report)).toBe(stable(first.report));
  }, 180_000);

  it('200 000 workers with one order each', () => {
    const { orders } = manyWorkersFiles({ workers: 200_000, longEvery: 20_000 });
    const { report } = audit('many', { 'orders.csv': orders });
    expect(report.run.inputs[0]).toMatchObject({ rowsRead: 200_000, rowsUsed: 200_000 });
    expect(report.summary).toMatchObject({ workers: 200_000, workerPlatforms: 200_000 });
    expect(report.employment.workerPlatforms).toBe(200_000);
    // Every 20 000th worker has a 300-minute order: exactly those ten break the continuous limit.
    const long = report.findings.filter((f: { rule: string }) => f.rule === 'continuous-order-time').map((f: { workerId: string }) => f.workerId);
    expect(long.sort()).toEqual(Array.from({ length: 10 }, (_, k) => `W${(k + 1) * 20_000 - 1}`).sort());
  }, 180_000);

  // With a contracts file, dispatch-share (scope 'platform') groups all 200 000 dossiers of
  // one platform: grouping once copied the list per dossier (200 000 workers ~12 min).
  it('200 000 workers with one order and one contract each (platform-scoped rules)', () => {
    const f = manyWorkersFiles({ workers: 200_000, longEvery: 20_000 });
    const { report } = audit('many-contracts', { 'orders.csv': f.orders, 'contracts.csv': f.contracts });
    expect(report.summary.workerPlatforms).toBe(200_000);
    expect(report.employment.coverage.contract).toBe(1);
  }, 180_000);

  it('one worker with 10 000 contracts over 1 000 active days', () => {
    const f = manyContractsFiles({ contracts: 10_000, days: 1_000 });
    const { report } = audit('contracts', { 'orders.csv': f.orders, 'contracts.csv': f.contracts });
    const byKind = Object.fromEntries(report.run.inputs.map((i: { kind: string; rowsUsed: number }) => [i.kind, i.rowsUsed]));
    expect(byKind).toEqual({ orders: 1_000, contracts: 10_000 });
    expect(report.summary.workerPlatforms).toBe(1);
    // The last active day (day 999) is every 10th: no contract covers it.
    expect(report.employment.byRelation.unknown).toBe(1);
  }, 180_000);
});

