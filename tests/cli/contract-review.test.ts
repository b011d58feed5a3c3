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

describe('data contract: kinds, folders and ragged rows', () => {
  const ORDERS_OK = csv(ORDER_HEADER, days(dateRange('2025-03-03', 2), { worker: 'W1', orders: 2, payYuan: 40 }));

  it('an explicit kind flag overrides detection for a file that also comes in through a folder', async () => {
    // A roster with no roster column beyond the id, and an insurance file whose header also fits contracts.
    const dir = writeSet({
      'orders.csv': ORDERS_OK,
      'w.csv': 'worker_id,notes\nW1,x\n',
      'ci.csv': 'worker_id,合同类型,生效日期,险种\nW1,劳动合同,2025-01-01,工伤保险\n',
    });
    for (const order of ['flags first', 'folder first'] as const) {
      const flags = ['--workers', join(dir, 'w.csv'), '--insurance', join(dir, 'ci.csv')];
      const args = order === 'flags first' ? [...flags, dir] : [dir, ...flags];
      const r = await run(['audit', ...args, '--format', 'json', '--fail-on', 'never']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      const kinds = Object.fromEntries(report.run.inputs.map((i) => [i.path.split('/').pop(), i.kind]));
      expect(kinds).toEqual({ 'orders.csv': 'orders', 'w.csv': 'workers', 'ci.csv': 'insurance' });
      expect(report.run.skipped ?? []).toEqual([]);
    }
  });

  it('two different kind flags for one file are an input error', async () => {
    const dir = writeSet({ 'orders.csv': ORDERS_OK });
    const f = join(dir, 'orders.csv');
    const r = await run(['audit', '--orders', f, '--pay', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('given as both orders and pay');
  });

  it('a folder member with known columns that fits no kind is an error naming the file and the missing columns', async () => {
    const dir = writeSet({ 'orders.csv': ORDERS_OK, 'bad.csv': 'order_id,worker_id,accepted_at\nA2,W1,2025-03-01 08:15:00\n' });
    const r = await run(['audit', dir, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.csv: not a recognised export: closest kind is orders, missing required column: completed_at/);
  });

  it('a folder member with no known column (notes) is skipped and said, the audit goes on', async () => {
    const dir = writeSet({ 'orders.csv': ORDERS_OK, 'notes.csv': 'remark,author\nhello,me\n' });
    const r = await run(['audit', dir, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.run.skipped?.map((s) => s.path.split('/').pop())).toEqual(['notes.csv']);
  });

  it.each([
    ['a short row: its first missing column', 'A2,W1,2025-03-01 10:00:00', 'completed_at', 'row has 3 fields, the header has 8'],
    ['a long row: the first extra field by number', 'A2,W1,2025-03-01 10:00:00,2025-03-01 10:30:00,速达,永川区,外卖,5,x', '#9', 'row has 9 fields, the header has 8'],
  ])('%s', async (_name, row, column, reason) => {
    const dir = writeSet({ 'orders.csv': `${ORDERS_OK}${row}\n` });
    const r = await run(['audit', dir, '--format', 'json', '--fail-on', 'never']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.rejected).toEqual([{ file: join(dir, 'orders.csv'), line: 6, column, reason }]);
    const input = report.run.inputs[0];
    expect([input.rowsRead, input.rowsUsed, input.rowsRejected]).toEqual([5, 4, 1]);
  });
});

describe('check takes the inputs as audit does', () => {
  it('explicit kinds and --map: a file that needs them can be checked', async () => {
    const dir = writeSet({
      'roster.csv': 'worker_id,notes\nW1,x\n',
      'odd.csv': 'ref,rider,start,end,firm\nA1,W1,2025-03-01 08:00:00,2025-03-01 08:30:00,速达\n',
    });
    const map = join(dir, 'map.json');
    await import('node:fs').then((fs) => fs.writeFileSync(map, JSON.stringify({ order_id: 'ref', worker_id: 'rider', accepted_at: 'start', completed_at: 'end', platform: 'firm' })));
    const without = await run(['check', join(dir, 'odd.csv'), '--json']);
    expect(without.code).toBe(2);
    const r = await run(['check', '--workers', join(dir, 'roster.csv'), '--orders', join(dir, 'odd.csv'), '--map', map, '--json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as { inputs: { path: string; kind: string; rowsUsed: number }[] };
    expect(res.inputs.map((i) => [i.path.split('/').pop(), i.kind, i.rowsUsed])).toEqual([
      ['odd.csv', 'orders', 1],
      ['roster.csv', 'workers', 1],
    ]);
  });

  it('no input at all is a usage error', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no input');
  });
});

describe('finding ids do not give masked personal data away', () => {
  // Two workers whose ids are phone numbers with the same masked form, 138****5678.
  const P1 = '13812345678';
  const P2 = '13899995678';
  const PAY_HEADER = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'net_pay', 'pay_date', 'payslip_provided', 'platform'];
  const dir = () =>
    writeSet({
      'orders.csv': csv(ORDER_HEADER, [
        ...days(dateRange('2025-03-03', 2), { worker: P1, orders: 13, minutes: 60, gap: 0 }),
        ...days(dateRange('2025-03-03', 2), { worker: P2, orders: 13, minutes: 60, gap: 0 }),
      ]),
      // Paid without a pay slip: payslip findings with pay-record evidence only (no order id).
      'pay.csv': csv(PAY_HEADER, [
        [P1, '2025-03-01', '2025-03-31', '3000', '3000', '2025-04-10', '否', '速达'],
        [P2, '2025-03-01', '2025-03-31', '3000', '3000', '2025-04-10', '否', '速达'],
      ]),
    });

  it('no candidate behind the masked worker id hashes to the id; ids are the same with --no-mask; ties are numbered', async () => {
    const { fingerprint } = await import('../../src/rules/engine.js');
    const d = dir();
    const masked = JSON.parse((await run(['audit', d, '--format', 'json', '--fail-on', 'never'])).stdout) as Report;
    const plain = JSON.parse((await run(['audit', d, '--format', 'json', '--fail-on', 'never', '--no-mask'])).stdout) as Report;
    expect(masked.findings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(masked.findings.map((f) => f.id)).size).toBe(masked.findings.length);
    expect([...masked.findings.map((f) => f.id)].sort()).toEqual([...plain.findings.map((f) => f.id)].sort());
    for (const f of masked.findings) {
      expect(f.workerId).toBe('138****5678');
      for (let k = 0; k < 10_000; k++) {
        const candidate = `138${String(k).padStart(4, '0')}5678`;
        expect(fingerprint(f.rule, candidate, f.platform, f.period)).not.toBe(f.id.slice(0, 20));
      }
    }
    // The two payslip findings tie on everything shown: the second is numbered.
    const slips = masked.findings.filter((f) => f.rule === 'payslip').map((f) => f.id);
    expect(slips).toHaveLength(2);
    expect(slips[1]).toBe(`${slips[0]}-2`);
  });

  it('shards of such workers merge into the single run: the same ids, numbers and order', async () => {
    const d = dir();
    const single = JSON.parse((await run(['audit', d, '--format', 'json', '--fail-on', 'never'])).stdout) as Report;
    const outs: string[] = [];
    for (const k of [1, 2, 3]) {
      const out = join(d, `shard-${k}.json`);
      expect((await run(['audit', join(d, 'orders.csv'), join(d, 'pay.csv'), '--shard', `${k}/3`, '--format', 'json', '--out', out, '--fail-on', 'never'])).code).toBe(0);
      outs.push(out);
    }
    const merged = await run(['merge', ...outs, '--format', 'json', '--fail-on', 'never']);
    expect(merged.code).toBe(0);
    const m = JSON.parse(merged.stdout) as Report;
    expect(m.findings.map((f) => [f.id, f.rule, f.workerId, f.period.from])).toEqual(single.findings.map((f) => [f.id, f.rule, f.workerId, f.period.from]));
  });

  it('a pseudonymous worker id keeps the id it always had', async () => {
    const { fingerprint } = await import('../../src/rules/engine.js');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'R1', orders: 13, minutes: 60, gap: 0 })) });
    const report = JSON.parse((await run(['audit', d, '--format', 'json', '--fail-on', 'never'])).stdout) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.id).toBe(fingerprint(f.rule, f.workerId, f.platform, f.period));
  });
});

describe('a finding cites only instruments in force by the end of the work', () => {
  // 永人社发〔2025〕20号 (Yongchuan) is in force from 2025-02-11; the national guideline
  // 人社厅发〔2023〕50号 long before.
  it.each([
    ['2025-02-10', false],
    ['2025-02-11', true],
    ['2025-02-12', true],
  ])('a 5-hour span in 永川区 on %s: cites 永人社发〔2025〕20号: %s', async (day, cites) => {
    const dir = writeSet({ 'orders.csv': csv(ORDER_HEADER, days([day], { worker: 'W1', orders: 10, minutes: 30, gap: 0 })) });
    const r = await run(['audit', dir, '--format', 'json', '--fail-on', 'never']);
    const report = JSON.parse(r.stdout) as Report;
    const [f] = report.findings.filter((x) => x.rule === 'continuous-order-time');
    expect(f).toBeDefined();
    const docs = f.basis.map((b) => b.document);
    expect(docs.includes('永人社发〔2025〕20号')).toBe(cites);
    expect(docs).toContain('人社厅发〔2023〕50号');
  });
});

describe('inputs are never overwritten', () => {
  it.each([
    ['--format json:FILE onto the orders file given by name', (d: string) => ['audit', join(d, 'orders.csv'), '--format', `json:${join(d, 'orders.csv')}`]],
    ['--out onto a member of a folder given', (d: string) => ['audit', d, '--format', 'csv', '--out', join(d, 'orders.csv')]],
    ['through a symbolic link to the input', (d: string) => ['audit', d, '--format', `json:${join(d, 'link.csv')}`]],
  ])('%s: exit 2, the input unchanged, nothing written', async (_name, args) => {
    const fs = await import('node:fs');
    const text = csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2, payYuan: 40 }));
    const d = writeSet({ 'orders.csv': text });
    fs.symlinkSync(join(d, 'orders.csv'), join(d, 'link.csv'));
    const r = await run(args(d));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is an input of this run');
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(join(d, 'orders.csv'), 'utf8')).toBe(text);
  });

  it('merge does not write over a shard report', async () => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2, payYuan: 40 })) });
    const shards = [1, 2].map((k) => join(d, `s${k}.json`));
    for (const [k, out] of shards.entries()) await run(['audit', join(d, 'orders.csv'), '--shard', `${k + 1}/2`, '--format', 'json', '--out', out, '--fail-on', 'never']);
    const before = fs.readFileSync(shards[0], 'utf8');
    const r = await run(['merge', ...shards, '--format', `json:${shards[0]}`]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(shards[0], 'utf8')).toBe(before);
  });
});

describe('a file none of whose rows could be read', () => {
  it('is a warning on stderr, even under --quiet; the exit code still follows the findings', async () => {
    const rows = days(dateRange('2025-03-03', 2), { worker: 'W1', orders: 2 }).map((r) => [r[0], r[1], `12-01-2024 10:1${String(r[0]).slice(-1)}:00`, ...r.slice(3)]);
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, rows), 'notes.csv': 'remark,author\nx,y\n' });
    for (const quiet of [[], ['--quiet']]) {
      const r = await run(['audit', d, '--format', 'json', '--fail-on', 'never', ...quiet]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/gigaudit: warning: .*orders\.csv: all 4 rows rejected \(first: line 2 column accepted_at: unparseable date-time/);
    }
    const ok = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });
    expect((await run(['audit', ok, '--format', 'json', '--fail-on', 'never'])).stderr).not.toContain('warning');
  });
});

describe('parameter values against each rule’s own schema', () => {
  const orders = () => writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });

  it.each([
    [{ rules: { 'continuous-order-time': { parameters: { max_minutes: 0 } } } }, 'rules.continuous-order-time.parameters.max_minutes'],
    [{ rules: { 'dispatch-share': { parameters: { max_share: 5 } } } }, 'rules.dispatch-share.parameters.max_share'],
    [{ platforms: { 无此平台: { rules: { 'weekly-rest': { parameters: { max_consecutive_days: 2.5 } } } } } }, 'platforms.无此平台.rules.weekly-rest.parameters.max_consecutive_days'],
  ])('a config value the rule refuses is exit 2 naming the file and key path (%j)', async (config, path) => {
    const fs = await import('node:fs');
    const d = orders();
    const file = join(d, 'config.json');
    fs.writeFileSync(file, JSON.stringify(config));
    const r = await run(['audit', d, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}: ${path}: `);
  });

  it('a ruleset value the rule refuses names the ruleset file and key path; the shipped rulesets pass', async () => {
    const fs = await import('node:fs');
    const { loadLaw } = await import('../../src/law/index.js');
    const { checkRulesetValues } = await import('../../src/audit/checkParams.js');
    expect(() => checkRulesetValues(loadLaw())).not.toThrow();
    const dir = fs.mkdtempSync(join(tmpdir(), 'gigaudit-rulesets-'));
    const src = resolve(__dirname, '../../rulesets');
    for (const name of fs.readdirSync(src)) fs.copyFileSync(join(src, name), join(dir, name));
    const cn = JSON.parse(fs.readFileSync(join(dir, 'cn.json'), 'utf8'));
    const values = cn.rules['continuous-order-time'].parameters.max_minutes.values;
    const first = Object.keys(values)[0];
    values[first].value = -5;
    fs.writeFileSync(join(dir, 'cn.json'), JSON.stringify(cn));
    expect(() => checkRulesetValues(loadLaw(dir))).toThrow(`rulesets/cn.json: rules.continuous-order-time.parameters.max_minutes.values.${first}.value: `);
  });
});

describe('--map', () => {
  it('two columns mapped to one header are a usage error, not an orders file read as another kind', async () => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });
    const map = join(d, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ worker_id: 'order_id', order_id: 'order_id' }));
    const r = await run(['audit', d, '--map', map, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/columns "worker_id" and "order_id" are both mapped to the header "order_id"/);
  });
});

describe('output files are checked before the run', () => {
  it.each([
    ['a path under a regular file', (d: string) => join(d, 'orders.csv', 'sub', 'r.html'), /cannot write there \(.*orders\.csv is not a folder\)/],
    ['a folder given as the file', (d: string) => d, /is a folder: give a file name/],
  ])('%s: exit 2, nothing on stdout, no other output written', async (_name, target, message) => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });
    const json = join(tmpdir(), `gigaudit-first-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    const r = await run(['audit', d, '--format', `json:${json}`, '--format', 'table', '--format', `html:${target(d)}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(fs.existsSync(json)).toBe(false);
  });
});

describe('money in the HTML report', () => {
  it('every yuan metric shows two decimals', async () => {
    const r = await run(['audit', resolve(__dirname, '../../samples'), '--format', 'html', '--fail-on', 'never', '--lang', 'zh']);
    const cells = [...r.stdout.matchAll(/<code>(\w*Yuan\w*)<\/code><\/td><td>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(cells.length).toBeGreaterThan(20);
    for (const [key, value] of cells) expect(`${key} ${value}`).toMatch(/ -?\d+\.\d{2}$/);
  });
});

describe('pipes and devices are refused, not waited on', () => {
  it.each([
    ['an input', (fifo: string, d: string) => ['audit', fifo, d]],
    ['--config', (fifo: string, d: string) => ['audit', d, '--config', fifo]],
    ['--map', (fifo: string, d: string) => ['audit', d, '--map', fifo]],
    ['--baseline', (fifo: string, d: string) => ['audit', d, '--baseline', fifo]],
  ])('a FIFO as %s: exit 2 at once', async (_name, args) => {
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });
    const fifo = join(tmpdir(), `gigaudit-fifo-${process.pid}-${Math.random().toString(36).slice(2)}`);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await run(args(fifo, d));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  }, 10_000);

  it('a config file with a BOM (as Windows editors write it) is read', async () => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });
    const config = join(d, 'config.json');
    fs.writeFileSync(config, '\uFEFF{"rules":{"payslip":{"enabled":false}}}');
    expect((await run(['audit', d, '--config', config, '--format', 'json', '--fail-on', 'never'])).code).toBe(0);
  });
});

describe('merge refuses shard reports that are not sound', () => {
  type Edit = (r: Record<string, any>) => void;
  const cases: [string, Edit, RegExp][] = [
    ['a shard index beyond the count', (r) => (r.shard.index = 7), /shard: index must be from 1 to count/],
    ['a shard index that is not whole', (r) => (r.shard.index = 1.5), /shard\.index: /],
    ['a count given as a string', (r) => (r.summary.workers = '7'), /summary\.workers: /],
    ['a finding without a period', (r) => (r.findings[0].period = null), /findings\[0\]\.period: /],
    ['no findings list', (r) => (r.findings = null), /findings: /],
    ['an unknown severity', (r) => (r.findings[0].severity = 'fatal'), /findings\[0\]\.severity: /],
    ['a finding dropped by hand', (r) => r.findings.pop(), /summary\.findings is \d+, the report lists \d+/],
    ['a finding listed twice', (r) => { r.findings.push(r.findings[0]); r.summary.findings++; r.shard.workerRanks.push(r.shard.workerRanks[0]); }, /is listed twice/],
  ];
  it.each(cases)('%s: exit 2 naming the file and key path', async (_name, edit, message) => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, [
      ...days(dateRange('2025-03-03', 2), { worker: 'W1', orders: 13, minutes: 60, gap: 0 }),
      ...days(dateRange('2025-03-03', 2), { worker: 'W2', orders: 13, minutes: 60, gap: 0 }),
    ]) });
    const shards = [1, 2].map((k) => join(d, `s${k}.json`));
    for (const [k, out] of shards.entries()) expect((await run(['audit', join(d, 'orders.csv'), '--shard', `${k + 1}/2`, '--format', 'json', '--out', out, '--fail-on', 'never'])).code).toBe(0);
    const withFindings = shards.find((s) => JSON.parse(fs.readFileSync(s, 'utf8')).findings.length > 0)!;
    const report = JSON.parse(fs.readFileSync(withFindings, 'utf8'));
    edit(report);
    fs.writeFileSync(withFindings, JSON.stringify(report));
    const r = await run(['merge', ...shards, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`merge: ${withFindings}: `);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('order times outside 2000–2099', () => {
  it.each([
    ['1999-12-30 09:00:00', false],
    ['2000-01-01 00:00:00', true],
    ['2099-12-31 23:00:00', true],
    ['2100-01-02 09:00:00', false],
    ['2925-01-03 09:00:00', false],
  ])('accepted at %s: used %s; the period never moves to it', async (at, used) => {
    const end = at.replace(/:00:00$/, ':30:00');
    const good = days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 });
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, [...good, ['X1', 'W1', at, end, '速达', '永川区', '外卖', 5]]) });
    const report = JSON.parse((await run(['audit', d, '--format', 'json', '--fail-on', 'never'])).stdout) as Report;
    const rejected = report.rejected.filter((r) => r.line === 4);
    if (used) expect(rejected).toEqual([]);
    else {
      expect(rejected).toEqual([{ file: join(d, 'orders.csv'), line: 4, column: 'accepted_at', reason: 'order time outside 2000–2099 (implausible)' }]);
      expect(report.run.period.to).toBe('2025-03-03');
    }
  });
});

describe('typos in option files are said', () => {
  it('a config block for a platform not in the data, and a suppression that matches nothing, are notes (not under --quiet)', async () => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 13, minutes: 60, gap: 0 })) });
    const config = join(d, 'config.json');
    fs.writeFileSync(config, JSON.stringify({ platforms: { 速达配送x: { rules: { payslip: { enabled: false } } }, 速达: { rules: { payslip: { enabled: false } } } } }));
    const suppress = join(d, 'suppress.json');
    fs.writeFileSync(suppress, JSON.stringify([{ rule: 'written-contrct', workerId: 'W1', reason: 'typo', expires: '2099-12-31' }]));
    const r = await run(['audit', d, '--config', config, '--suppress', suppress, '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('platforms.速达配送x: no such platform in the data (速达)');
    expect(r.stderr).not.toContain('platforms.速达:');
    expect(r.stderr).toContain('suppression matches no finding: written-contrct W1');
    const quiet = await run(['audit', d, '--config', config, '--suppress', suppress, '--format', 'json', '--fail-on', 'never', '--quiet']);
    expect(quiet.stderr).toBe('');
  });
});

describe('JSON syntax errors in option files', () => {
  it.each([
    ['--config', 'invalid JSON: '],
    ['--baseline', 'not JSON ('],
    ['--suppress', 'not JSON ('],
  ])('%s: said by line and column', async (option, prefix) => {
    const fs = await import('node:fs');
    const d = writeSet({ 'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 1), { worker: 'W1', orders: 2 })) });
    const file = join(d, 'bad.json');
    fs.writeFileSync(file, '{\n  "rules": {\n    bad\n}');
    const r = await run(['audit', d, option, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(prefix);
    expect(r.stderr).toMatch(/at line 3 column 5/);
  });
});

describe('negative pay amounts', () => {
  it.each([
    [['W1', '2025-03-01', '2025-03-31', '-1000000', '0'], 'gross_pay', 'gross pay is negative'],
  ])('%j: the row is rejected at its column, no arrears come of it', async (row, column, reason) => {
    const d = writeSet({
      'orders.csv': csv(ORDER_HEADER, days(dateRange('2025-03-03', 3), { worker: 'W1', orders: 4 })),
      'pay.csv': csv(['worker_id', 'period_start', 'period_end', 'gross_pay', 'deduction'], [row]),
    });
    const report = JSON.parse((await run(['audit', d, '--format', 'json', '--fail-on', 'never'])).stdout) as Report;
    expect(report.rejected).toEqual([{ file: join(d, 'pay.csv'), line: 2, column, reason }]);
    expect(Object.values(report.employment.arrears).every((v) => v < 1000)).toBe(true);
  });
});
