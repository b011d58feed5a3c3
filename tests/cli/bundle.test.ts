// The bundle (scripts/bundle.mjs; `npm test` builds first) against dist/: it holds its
// dependencies, bin/gigaudit.js runs it (or dist/ without it), its reports are dist/'s, and
// its threads run the bundle's worker scripts, not dist/'s.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/gigaudit.js');
const BUNDLE = join(ROOT, 'dist/bundle');
const DIST_PROGRAM = join(ROOT, 'dist/cli/program.js');
const RUN_PROGRAM = join(ROOT, 'tests/helpers/run-program.mjs');
const SPY = pathToFileURL(join(ROOT, 'tests/helpers/thread-spy.mjs')).href;
const SAMPLES = join(ROOT, 'samples');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

const root = mkdtempSync(join(tmpdir(), 'gigaudit-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let runs = 0;
/**
 * `gigaudit audit … --format json` through bin/gigaudit.js, or through `program` as bin runs
 * it; the report, and the worker threads started with the kinds of their messages.
 */
function audit(args: string[], program?: string, env: Record<string, string> = {}) {
  const out = join(root, `report-${runs}.json`);
  const log = join(root, `threads-${runs++}.log`);
  const r = spawnSync(
    process.execPath,
    ['--import', SPY, ...(program ? [RUN_PROGRAM, program] : [BIN]), 'audit', ...args, '--format', 'json', '--out', out, '--fail-on', 'never', '--quiet'],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', GIGAUDIT_TEST_THREAD_LOG: log, ...env } },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const threads = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { report, threads };
}

/** The report without the run's timestamps. */
const stable = (report: { run: Record<string, unknown> }) => JSON.stringify({ ...report, run: { ...report.run, startedAt: undefined, finishedAt: undefined } });

const bundleFiles = (dir = BUNDLE): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bundleFiles(join(dir, e.name)) : [join(dir, e.name)]));

describe('the bundle', () => {
  it('holds the program, both worker scripts and every dependency (only Node built-ins are imported)', () => {
    for (const f of ['cli/program.js', 'read/fast/worker.js', 'audit/ruleWorker.js']) expect(existsSync(join(BUNDLE, f)), f).toBe(true);
    const builtins = new Set(builtinModules);
    const files = bundleFiles();
    expect(files.length).toBeGreaterThan(3); // shared code went into chunks
    for (const f of files) {
      // esbuild writes static imports at the start of a line, dynamic ones as import("…"), and a
      // CommonJS module's require("…") of a module it did not bundle as __require("…").
      const text = readFileSync(f, 'utf8');
      const specs = [...text.matchAll(/^(?:import|export)\b[^;]*?["']([^"']+)["'];/gm), ...text.matchAll(/\b(?:import|__require)\(\s*["']([^"']+)["']\s*\)/g)];
      expect(specs.length, f).toBeGreaterThan(0);
      for (const [, spec] of specs) {
        const isOurs = spec.startsWith('./') || spec.startsWith('../');
        expect(isOurs || spec.startsWith('node:') || builtins.has(spec), `${f} imports ${spec}`).toBe(true);
      }
    }
  });

  it('is what bin/gigaudit.js runs, and reports on the samples as dist/ does', () => {
    const v = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(v.stdout.trim()).toBe(VERSION);
    const bundled = audit([SAMPLES]);
    const dist = audit([SAMPLES], DIST_PROGRAM);
    expect(bundled.report.findings.length).toBeGreaterThan(0);
    expect(stable(bundled.report)).toBe(stable(dist.report));
  });

  it('without it bin/gigaudit.js runs dist/, and with neither it says to build, in one line', () => {
    const pkg = join(root, 'unbundled');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    mkdirSync(join(pkg, 'dist'));
    copyFileSync(BIN, join(pkg, 'bin/gigaudit.js'));
    const bin = join(pkg, 'bin/gigaudit.js');
    const none = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^gigaudit: not built: run `npm run build`[^\n]*\n$/);
    // Node runs a module from its real path: dist/cli/ resolves its imports and package.json in this checkout.
    symlinkSync(join(ROOT, 'dist/cli'), join(pkg, 'dist/cli'));
    const fallback = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(fallback.stderr).toBe('');
    expect(fallback.stdout.trim()).toBe(VERSION);
  });

  it(
    'on a large orders file starts its own parse and rule threads, which work, and reports as dist/ does',
    () => {
      // Over 64 MiB (the size from which the reader cuts ranges for threads is 32 MiB, rule
      // threads start from 64 MiB) and 4 500 workers (batches go to rule threads from 4 000
      // worker-platforms); a wide remark keeps the rows, and so the run, few.
      const dir = join(root, 'large');
      mkdirSync(dir);
      const fd = openSync(join(dir, 'orders.csv'), 'w');
      writeSync(fd, 'order_id,worker_id,accepted_at,completed_at,platform,region,business_line,order_pay,status,remark\n');
      const remark = `"${'备注，含逗号'.repeat(80)}"`;
      let bytes = 0;
      for (let k = 0; bytes < 66 * 1024 * 1024; k++) {
        const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(k / 4500))).toISOString().slice(0, 10);
        const line = `O${k},W${k % 4500},${day} 09:${String(k % 60).padStart(2, '0')}:00,${day} 10:00:00,速达,永川区,外卖,${(k % 40) + 5}.50,已完成,${remark}\n`;
        bytes += writeSync(fd, line);
      }
      closeSync(fd);
      // Rule threads start only with three cores or more; thread-spy.mjs says there are four.
      const args = [dir, '--threads', '2'];
      const bundled = audit(args, undefined, { GIGAUDIT_TEST_CORES: '4' });
      const dist = audit(args, DIST_PROGRAM, { GIGAUDIT_TEST_CORES: '4' });
      const bundleUrl = pathToFileURL(BUNDLE).href;
      const count = (threads: string[], line: string) => threads.filter((t) => t === line).length;
      for (const [threads, base] of [
        [bundled.threads, `${bundleUrl}/`],
        [dist.threads, `${pathToFileURL(join(ROOT, 'dist')).href}/`],
      ] as const) {
        expect(count(threads, `start ${base}read/fast/worker.js`)).toBeGreaterThanOrEqual(2);
        expect(count(threads, `done ${base}read/fast/worker.js`)).toBeGreaterThanOrEqual(2);
        expect(count(threads, `start ${base}audit/ruleWorker.js`)).toBe(1);
        expect(count(threads, `loaded ${base}audit/ruleWorker.js`)).toBe(1);
        expect(threads.filter((t) => t.includes('error'))).toEqual([]);
      }
      expect(dist.threads.filter((t) => t.includes(bundleUrl))).toEqual([]);
      expect(bundled.report.run.inputs[0].rowsRead).toBeGreaterThan(40_000);
      expect(stable(bundled.report)).toBe(stable(dist.report));
    },
    240_000,
  );
});
