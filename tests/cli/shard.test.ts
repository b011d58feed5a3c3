// `audit --shard K/N` and `gigaudit merge`: the merged shard reports are the report of a
// single run, byte for byte apart from the run's timestamps (issue 4).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/audit/shard.js';
import { csv, dateRange, days, ORDER_HEADER, writeSet } from '../helpers/exports.js';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/gigaudit.js');
const SAMPLES = join(ROOT, 'samples');
const tmp = () => mkdtempSync(join(tmpdir(), 'gigaudit-shard-'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The report text without the run's timestamps. */
const normal = (path: string) =>
  readFileSync(path, 'utf8').replace(/"(startedAt|finishedAt)": "[^"]*"/g, '"$1": "…"');

function shardAndMerge(input: string, n: number, extra: string[] = []) {
  const dir = tmp();
  const single = join(dir, 'single.json');
  expect(run(['audit', input, '--format', 'json', '--out', single, '--fail-on', 'never', ...extra]).code).toBe(0);
  const shards: string[] = [];
  for (let k = 1; k <= n; k++) {
    const out = join(dir, `shard-${k}.json`);
    const r = run(['audit', input, '--shard', `${k}/${n}`, '--format', 'json', '--out', out, '--fail-on', 'never', ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    shards.push(out);
  }
  const merged = join(dir, 'merged.json');
  const m = run(['merge', ...shards.reverse(), '--format', 'json', '--out', merged, '--fail-on', 'never']);
  expect(m.stderr).toBe('');
  expect(m.code).toBe(0);
  return { single, merged, shards };
}

describe('--shard and merge', () => {
  it('merged 3-shard output equals the single run on the samples', () => {
    const { single, merged, shards } = shardAndMerge(SAMPLES, 3);
    expect(normal(merged)).toBe(normal(single));
    // every shard read every row and carries its part only
    const parts = shards.map((s) => JSON.parse(readFileSync(s, 'utf8')));
    const whole = JSON.parse(readFileSync(single, 'utf8'));
    for (const p of parts) expect(p.run.inputs).toEqual(whole.run.inputs);
    expect(parts.reduce((n, p) => n + p.summary.workers, 0)).toBe(whole.summary.workers);
    expect(parts.every((p) => p.summary.workers > 0 && p.summary.workers < whole.summary.workers)).toBe(true);
    expect(parts[0].shard).toMatchObject({ count: 3, key: 'fnv1a32-utf8', platformRules: ['dispatch-share'] });
    expect(whole.shard).toBeUndefined();
    expect(whole.employment.counts).toBeDefined();
  }, 120_000);

  it('also with Chinese output, unmasked data and one shard per worker-ish', () => {
    const set = writeSet({
      'orders.csv': csv(ORDER_HEADER, [
        ...days(dateRange('2025-03-01', 20), { worker: 'R1', orders: 14, minutes: 25, gap: 3, payYuan: 6 }),
        ...days(dateRange('2025-03-01', 12), { worker: '13800138000', orders: 6, payYuan: 30 }),
        ...days(dateRange('2025-03-05', 9), { worker: 'R3', orders: 10, minutes: 40, gap: 2, platform: '快跑' }),
        ...days(dateRange('2025-03-02', 7), { worker: 'R4', orders: 3 }),
      ]),
      'contracts.csv': 'worker_id,contract_type,platform,start_date,dispatch_agency\nR1,劳务派遣,速达,2024-01-01,渝才\nR3,劳动合同,快跑,2024-01-01,\nR4,劳务派遣,速达,2024-01-01,渝才\n',
    });
    for (const extra of [['--lang', 'zh'], ['--lang', 'en', '--no-mask']]) {
      const { single, merged } = shardAndMerge(set, 5, extra);
      expect(normal(merged)).toBe(normal(single));
    }
  }, 120_000);

  it('refuses what cannot be merged', () => {
    const { shards } = shardAndMerge(SAMPLES, 2);
    const dir = tmp();
    expect(run(['merge', shards[0], '--format', 'json', '--out', join(dir, 'x.json')]).stderr).toMatch(/shard 1\/2 missing|shard 2\/2 missing/);
    expect(run(['merge', shards[0], shards[0]]).stderr).toMatch(/both shard/);
    const other = JSON.parse(readFileSync(shards[1], 'utf8'));
    other.run.inputs[0].rowsRead += 1;
    writeFileSync(join(dir, 'other.json'), JSON.stringify(other));
    expect(run(['merge', shards[0], join(dir, 'other.json')]).stderr).toMatch(/differ in inputs/);
    expect(run(['audit', SAMPLES, '--shard', '3/2', '--format', 'json']).stderr).toMatch(/--shard expects/);
    expect(run(['audit', SAMPLES, '--shard', '1/2']).stderr).toMatch(/--format json/);
  }, 120_000);

  it('assigns workers by a stable hash', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('0/8')).toBeUndefined();
    expect(parseShard('9/8')).toBeUndefined();
    expect(shardOf('R1001', 1)).toBe(1);
    // FNV-1a 32 of "a" is 0xe40c292c
    expect(shardOf('a', 1000)).toBe(1 + (0xe40c292c % 1000));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`R${i}`, 4) - 1]++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});
