// What a session-6 review of the CLI against cli-and-report.md found, held by tests: the
// legal figures a rule applies shown by `rules` and `explain`; no colour codes in a pipe;
// personal data masked in `check` and in the --strict error; findings sorted by the worker
// id the report shows; every rule that computes money owed listed in the arrears; a
// platform-level finding placed where most of the platform's workforce works.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { Report } from '../../src/report/model.js';
import { csv, days, dateRange, ORDER_HEADER, writeSet } from '../helpers/exports.js';

const BIN = join(resolve(__dirname, '../..'), 'bin/gigaudit.js');
const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: '', LANGUAGE: '' };

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), env: { ...NO_LOCALE }, cwd: tmpdir() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const PHONE_A = '13811110001';
const PHONE_B = '13822220000';

describe('rules and explain show the legal figures a rule applies', () => {
  // 永川区: monthly minimum 2100 yuan from 2022-04-01, 2330 from 2025-01-01 (渝人社发〔2024〕22号).
  it.each([
    ['2024-12-31', 210000, 2100],
    ['2025-01-01', 233000, 2300],
  ])('rules --json on %s: minimum-wage carries the standard in force', async (date, monthly, hourly) => {
    const r = await run(['rules', '--ruleset', 'cn-chongqing-yongchuan', '--date', date, '--json']);
    expect(r.code).toBe(0);
    const rule = JSON.parse(r.stdout).rules.find((x: { id: string }) => x.id === 'minimum-wage');
    expect(rule.parameters['minimum_wage.monthly_fen']).toBe(monthly);
    expect(rule.parameters['minimum_wage.hourly_fen']).toBe(hourly);
    expect(rule.parameters['pay.days_per_month']).toBe(21.75);
  });

  it('explain minimum-wage lists each standard with its date and source', async () => {
    const r = await run(['explain', 'minimum-wage', '--ruleset', 'cn-chongqing-yongchuan', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/minimum_wage\.monthly_fen = 210000 from 2022-04-01 \[cn-chongqing\].*渝人社发〔2021〕52号/);
    expect(r.stdout).toMatch(/minimum_wage\.monthly_fen = 233000 from 2025-01-01 \[cn-chongqing\]/);
  });

  it('explain injury-insurance shows the occupational-injury scheme', async () => {
    const r = await run(['explain', 'injury-insurance', '--ruleset', 'cn-chongqing-yongchuan', '--lang', 'en']);
    expect(r.stdout).toContain('occupational_injury.scheme = ');
  });
});

describe('no colour codes in a pipe', () => {
  it.each([
    [['check', 'samples']],
    [['rules', '--date', '2025-01-15']],
    [['rulesets']],
    [['audit', 'samples', '--fail-on', 'never']],
  ])('gigaudit %j', (args) => {
    const env = { ...process.env, ...NO_LOCALE } as Record<string, string | undefined>;
    delete env.FORCE_COLOR;
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: resolve(__dirname, '../..'), env });
    expect(r.stdout.length).toBeGreaterThan(100);
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('personal data in check and in the --strict error', () => {
  const dir = () =>
    writeSet({
      'orders.csv': csv(ORDER_HEADER, [
        ['O1', 'W1', '2025-03-01 08:00:00', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5],
        ['O2', 'W1', '13987654321', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5],
        ['O3', 'W1', '110101199003074512', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5],
        ['O4', 'W1', '张三丰', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5],
      ]),
      'workers.csv': csv(['worker_id', 'name'], [['W1', '张三丰']]),
    });

  it('check masks names, ID numbers and phones quoted in reasons, table and --json; --no-mask shows them', async () => {
    const d = dir();
    for (const json of [[], ['--json']]) {
      const masked = await run(['check', d, '--lang', 'en', ...json]);
      expect(masked.code).toBe(1);
      expect(masked.stdout).toContain('139****4321');
      expect(masked.stdout).toContain('1101**********4512');
      expect(masked.stdout).toContain('张**');
      for (const raw of ['13987654321', '110101199003074512', '张三丰']) expect(masked.stdout).not.toContain(raw);
      const plain = await run(['check', d, '--lang', 'en', '--no-mask', ...json]);
      for (const raw of ['13987654321', '110101199003074512', '张三丰']) expect(plain.stdout).toContain(raw);
    }
  });

  it('the --strict error quotes the first rejected value masked, unless --no-mask', async () => {
    const d = dir();
    const masked = await run(['audit', d, '--strict']);
    expect(masked.code).toBe(2);
    expect(masked.stderr).toContain('139****4321');
    expect(masked.stderr).not.toContain('13987654321');
    const plain = await run(['audit', d, '--strict', '--no-mask']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('13987654321');
  });
});

describe('the JSON report', () => {
  async function json(dir: string, extra: string[] = []): Promise<Report> {
    const r = await run(['audit', dir, '--format', 'json', '--fail-on', 'never', ...extra]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Report;
  }

  it('sorts findings by the worker id it shows: masked phone numbers in their masked order', async () => {
    // Two workers with 13 h days: daily-work-time and continuous-order-time for both.
    const long = (worker: string) => days(dateRange('2025-03-03', 2), { worker, orders: 13, minutes: 60, gap: 0 });
    const dir = writeSet({ 'orders.csv': csv(ORDER_HEADER, [...long(PHONE_A), ...long(PHONE_B)]) });
    for (const [mask, first, second] of [
      [[], '138****0000', '138****0001'],
      [['--no-mask'], PHONE_A, PHONE_B],
    ] as const) {
      const report = await json(dir, [...mask]);
      const daily = report.findings.filter((f) => f.rule === 'daily-work-time');
      expect(daily.length).toBe(4);
      expect(daily.map((f) => f.workerId)).toEqual([first, first, second, second]);
      const key = (f: Report['findings'][number]) => [f.rule, f.platform ?? '', f.workerId ?? '', f.period.from];
      const keys = report.findings.map(key);
      const sorted = [...keys].sort((a, b) => {
        for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
        return 0;
      });
      expect(keys).toEqual(sorted);
    }
  });

  it('lists every rule that computes money owed in employment.arrears, 0 when nothing is owed', async () => {
    const dir = writeSet({
      'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 3), { worker: 'W1', orders: 2, payYuan: 40 })),
    });
    const report = await json(dir);
    expect(report.employment.arrears).toEqual({
      'minimum-wage': 0,
      'written-contract': 0,
      'holiday-pay': 0,
      'deposit-charged': 0,
      'late-payment': 0,
      'excessive-deduction': 0,
    });
  });

  it('places a dispatch-share finding where most of the platform’s workforce works', async () => {
    // Platform A: two dispatched workers in 城口县, one labour worker in 永川区 (2 of 3 > 10 %).
    const orders = [
      ...days(dateRange('2025-03-03', 3), { worker: 'D1', orders: 2, region: '城口县' }),
      ...days(dateRange('2025-03-03', 3), { worker: 'D2', orders: 2, region: '城口县' }),
      ...days(dateRange('2025-03-03', 3), { worker: 'A1', orders: 2, region: '永川区' }),
    ];
    const contracts = csv(
      ['worker_id', 'contract_type', 'start_date', 'platform', 'dispatch_agency'],
      [
        ['A1', '劳动合同', '2025-01-01', '速达', ''],
        ['D1', '劳务派遣', '2025-01-01', '速达', '渝才人力'],
        ['D2', '劳务派遣', '2025-01-01', '速达', '渝才人力'],
      ],
    );
    const report = await json(writeSet({ 'orders.csv': csv(ORDER_HEADER, orders), 'contracts.csv': contracts }));
    const share = report.findings.filter((f) => f.rule === 'dispatch-share');
    expect(share).toHaveLength(1);
    expect(share[0].region).toBe('城口县');
  });
});
