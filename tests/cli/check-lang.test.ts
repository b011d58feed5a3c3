// `gigaudit check` in the reader's language, by the same rule as audit (--lang, else Chinese
// where the locale is zh): headings, kinds, skipped files and rejection reasons. --json is
// the same bytes whatever the language. CSV files in a temp folder, the CLI in process
// (main with a fake Io) and as a real process (bin/gigaudit.js, built by `npm test`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { localiseSkip } from '../../src/i18n/skips.js';
import { csv, ORDER_HEADER } from '../helpers/exports.js';

const BIN = join(resolve(__dirname, '../..'), 'bin/gigaudit.js');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** No locale unless a test gives one (the machine's own must not decide). */
const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: '', LANGUAGE: '' };

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'gigaudit-check-lang-'));
  const files = {
    'orders.csv': csv(ORDER_HEADER, [
      ['O1', 'W1', '2025-03-01 08:00:00', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5],
      ['O2', 'W1', '2025-13-01 08:00:00', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5],
      ['O3', 'W1', '2025-03-01 09:00:00', '2025-03-01 09:30:00', 'A', '永川区', '外卖', 'abc'],
    ]),
    'empty.csv': '',
    'notes.csv': 'foo,bar\n1,2\n',
    'roster.csv': 'worker_id,foo\nW1,x\n',
    'broken.csv': 'a,"b\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, path: (name: keyof typeof files) => join(dir, name) };
}

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), env: { ...NO_LOCALE, ...env }, cwd: tmpdir() };
  const code = await main(args, io);
  return { code, stdout: stdout.replace(ANSI, ''), stderr };
}

function spawn(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_LOCALE, ...env } });
  return { code: r.status, stdout: r.stdout.replace(ANSI, ''), stderr: r.stderr };
}

/** The words of the table's heading row. */
const heading = (out: string) =>
  out
    .split('\n')[1]
    .split('│')
    .map((c) => c.trim())
    .filter(Boolean);

describe('gigaudit check --lang', () => {
  it('zh: Chinese headings, kinds, skipped lines and rejection reasons; exit 1', async () => {
    const f = folder();
    const r = await run(['check', f.dir, '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(heading(r.stdout)).toEqual(['文件', '类型', '编码', '读取', '采用', '拒绝', 'sha256']);
    expect(r.stdout).toMatch(/│ 订单 +│ utf-8 +│ 3 +│ 1 +│ 2 +│/);
    expect(r.stdout).toContain(`${f.path('orders.csv')}:3 [accepted_at] 无法识别的日期时间 "2025-13-01 08:00:00"`);
    expect(r.stdout).toContain(`${f.path('orders.csv')}:4 [order_pay] 无法识别的金额 "abc"`);
    expect(r.stdout).toContain(`已跳过 ${f.path('empty.csv')}：文件为空`);
    expect(r.stdout).toContain(`已跳过 ${f.path('broken.csv')}：不是 CSV 导出文件（第 1 行：引号字段没有闭合）`);
    expect(r.stdout).toContain(`已跳过 ${f.path('notes.csv')}：不是可识别的导出文件：表头中没有已知的列名（订单文件需要：order_id (订单号)`);
    expect(r.stdout).toContain(`已跳过 ${f.path('roster.csv')}：不是可识别的导出文件：最接近的类型是订单，缺少必需的列：order_id (订单号)`);
    // No English frame left around the reasons.
    expect(r.stdout).not.toMatch(/skipped|unparseable|not a recognised|not a CSV|the file is empty|closest kind|│ orders /);
  });

  it('en: the English output check always had', async () => {
    const f = folder();
    const r = await run(['check', f.dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(heading(r.stdout)).toEqual(['file', 'kind', 'encoding', 'read', 'used', 'rejected', 'sha256']);
    expect(r.stdout).toMatch(/│ orders +│ utf-8 +│ 3 +│ 1 +│ 2 +│/);
    expect(r.stdout).toContain(`${f.path('orders.csv')}:3 [accepted_at] unparseable date-time "2025-13-01 08:00:00"`);
    expect(r.stdout).toContain(`skipped ${f.path('empty.csv')}: the file is empty`);
    expect(r.stdout).toContain(`skipped ${f.path('roster.csv')}: not a recognised export: closest kind is orders, missing required columns: order_id (订单号)`);
    expect(r.stdout).not.toMatch(/已跳过|无法识别|文件为空|类型|订单[^号]/);
  });

  it('the default follows the locale by the same rule as audit', async () => {
    const f = folder();
    const zh = (await run(['check', f.dir, '--lang', 'zh'])).stdout;
    const en = (await run(['check', f.dir, '--lang', 'en'])).stdout;
    expect(zh).not.toBe(en);
    const cases: [Record<string, string>, string][] = [
      [{ LANG: 'zh_CN.UTF-8' }, zh],
      [{ LANG: 'en_US.UTF-8' }, en],
      [{}, en],
      [{ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, zh],
      [{ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, en],
      [{ LANGUAGE: 'zh_CN' }, zh],
    ];
    for (const [env, want] of cases) {
      const r = await run(['check', f.dir], env);
      expect(r.code, JSON.stringify(env)).toBe(1);
      expect(r.stdout, JSON.stringify(env)).toBe(want);
      // audit, under the same environment, speaks the same language.
      const a = await run(['audit', f.path('orders.csv'), '--fail-on', 'never'], env);
      expect(a.code, JSON.stringify(env)).toBe(0);
      expect(a.stdout.includes('gigaudit 合规审计报告'), JSON.stringify(env)).toBe(want === zh);
    }
    // --lang wins over the locale, both ways.
    expect((await run(['check', f.dir, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).stdout).toBe(en);
    expect((await run(['check', f.dir, '--lang', 'zh'], { LANG: 'en_US.UTF-8' })).stdout).toBe(zh);
  });

  it('--json is the same bytes in every language: English kinds and reasons', async () => {
    const f = folder();
    const base = await run(['check', f.dir, '--json']);
    expect(base.code).toBe(1);
    const json = JSON.parse(base.stdout);
    expect(json.inputs.map((i: { kind: string }) => i.kind)).toEqual(['orders']);
    expect(json.rejected.map((x: { reason: string }) => x.reason)).toEqual(['unparseable date-time "2025-13-01 08:00:00"', 'unparseable amount "abc"']);
    expect(json.skipped.find((s: { path: string }) => s.path === f.path('empty.csv')).reason).toBe('the file is empty');
    for (const [args, env] of [
      [['--lang', 'zh'], {}],
      [['--lang', 'en'], {}],
      [[], { LANG: 'zh_CN.UTF-8' }],
      [['--lang', 'en'], { LC_ALL: 'zh_CN.UTF-8' }],
    ] as [string[], Record<string, string>][]) {
      const r = await run(['check', f.dir, '--json', ...args], env);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(base.stdout);
    }
  });

  it('exit codes stay: 0 without rejections, 2 for an unreadable file or a bad --lang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigaudit-check-lang-'));
    writeFileSync(join(dir, 'orders.csv'), csv(ORDER_HEADER, [['O1', 'W1', '2025-03-01 08:00:00', '2025-03-01 08:30:00', 'A', '永川区', '外卖', 5]]));
    const ok = await run(['check', dir, '--lang', 'zh']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toMatch(/已跳过|\.csv:\d/);
    const missing = await run(['check', join(dir, 'nope.csv'), '--lang', 'zh']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^gigaudit: .*nope\.csv/);
    const bad = await run(['check', dir, '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be zh or en');
    expect(bad.stdout).toBe('');
  });

  it('the real process: --lang zh, the zh locale by default, and the same --json', () => {
    const f = folder();
    const zh = spawn(['check', f.dir, '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('');
    expect(heading(zh.stdout)).toEqual(['文件', '类型', '编码', '读取', '采用', '拒绝', 'sha256']);
    expect(zh.stdout).toContain(`${f.path('orders.csv')}:3 [accepted_at] 无法识别的日期时间 "2025-13-01 08:00:00"`);
    expect(zh.stdout).toContain(`已跳过 ${f.path('empty.csv')}：文件为空`);
    expect(spawn(['check', f.dir], { LANG: 'zh_CN.UTF-8' }).stdout).toBe(zh.stdout);
    const en = spawn(['check', f.dir], { LANG: 'en_US.UTF-8' });
    expect(en.code).toBe(1);
    expect(heading(en.stdout)).toEqual(['file', 'kind', 'encoding', 'read', 'used', 'rejected', 'sha256']);
    expect(en.stdout).toContain(`${f.path('orders.csv')}:3 [accepted_at] unparseable date-time "2025-13-01 08:00:00"`);
    const jsonZh = spawn(['check', f.dir, '--json'], { LANG: 'zh_CN.UTF-8' });
    const jsonEn = spawn(['check', f.dir, '--json', '--lang', 'en']);
    expect(jsonZh.code).toBe(1);
    expect(jsonZh.stdout).toBe(jsonEn.stdout);
    expect(JSON.parse(jsonZh.stdout).rejected[0].reason).toBe('unparseable date-time "2025-13-01 08:00:00"');
  });
});

describe('localiseSkip', () => {
  it('translates what csvFailure says, keeps csv-parse words and unknown reasons', () => {
    expect(localiseSkip('not a CSV export (line 9: a record is longer than 16 MiB (probably a quoted field that is never closed))', 'zh')).toBe(
      '不是 CSV 导出文件（第 9 行：一条记录超过 16 MiB（可能是引号字段没有闭合））',
    );
    expect(localiseSkip('not a CSV export (line 2: cannot parse CSV (Invalid Closing Quote))', 'zh')).toBe('不是 CSV 导出文件（第 2 行：无法解析 CSV（Invalid Closing Quote））');
    expect(localiseSkip('not a recognised export: closest kind is pay, missing required column: gross_pay (应发工资)', 'zh')).toBe(
      '不是可识别的导出文件：最接近的类型是工资，缺少必需的列：gross_pay (应发工资)',
    );
    expect(localiseSkip('something new', 'zh')).toBe('something new');
    expect(localiseSkip('the file is empty', 'en')).toBe('the file is empty');
  });
});
