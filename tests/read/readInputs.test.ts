import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import type { CanonicalRecord } from '../../src/model.js';
import { type InputSpec, readInputs, sniffFile } from '../../src/read/index.js';
import { Clock } from '../../src/time.js';
import { put, tmpDir } from './tmpfiles.js';

const clock = new Clock('Asia/Shanghai');

async function run(specs: InputSpec[], extra: { platform?: string; map?: Record<string, string> } = {}) {
  const records: CanonicalRecord[] = [];
  const result = await readInputs(specs, { clock, ...extra }, (r) => records.push(r));
  return { result, records };
}

const ORDERS = '订单号,骑手ID,接单时间,完成时间,配送费(元),状态';
const PAY = '骑手ID,月份,应发工资,实发工资,扣款,扣款原因';
const CONTRACTS = '骑手ID,合同类型,生效日期,终止日期';
const INSURANCE = '骑手ID,险种,参保日期,参保状态';
const WORKERS = '骑手ID,姓名,身份证号,出生日期';

describe('rows and rejections', () => {
  it('messy orders: every row used or rejected, with file, line, column and reason', async () => {
    const d = await tmpDir();
    const text = [
      ORDERS, // 1
      'A1,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,"1,234.50元",已完成', // 2 ok
      'A2,w1,2025-13-01 08:00:00,2025-03-01 08:30:00,5,', // 3 bad date
      'A3,,2025-03-01 08:00:00,2025-03-01 08:30:00,5,', // 4 empty worker
      'A4,w1,2025-03-01 08:00:00,2025-03-01 08:30:00', // 5 ragged (short)
      'A5,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,5,,extra', // 6 ragged (long)
      'A6,w1,2025-03-01 09:00:00,2025-03-01 08:30:00,5,', // 7 ends before start
      'A7,w1,2025-03-01 08:00:00,2025-03-02 09:00:00,5,', // 8 > 24 h
      'A1,w2,2025-03-01 10:00:00,2025-03-01 10:30:00,5,', // 9 duplicate
      'A8,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,five,', // 10 bad amount
      'A9,w1,2025/3/1 8:00,2025/3/1 8:20,,已取消', // 11 ok
      'A10,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,5,配送中', // 12 bad status
      '"A11",w1,2025-03-01 08:00:00,2025-03-01 08:30:00,5,"已', // 13-14 ok: the line break inside 已完成 is ignored like a space
      '完成"',
      'A12,w1,45717.34375,45717.375,0.1,', // 15 ok, Excel serials
    ].join('\n');
    const p = await put(d, 'orders.csv', text);
    const { result, records } = await run([{ path: p }]);
    const s = result.inputs[0];
    expect(s.rowsRead).toBe(s.rowsUsed + s.rowsRejected);
    expect(s).toMatchObject({ rowsRead: 13, rowsUsed: 4, rowsRejected: 9 });
    expect(records.map((r) => r.record.line)).toEqual([2, 11, 13, 15]);
    expect(result.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, 'accepted_at', 'unparseable date-time "2025-13-01 08:00:00"'],
      [4, 'worker_id', 'required value is empty'],
      [5, 'order_pay', 'row has 4 fields, the header has 6'], // the first missing column
      [6, '#7', 'row has 7 fields, the header has 6'], // the first extra field, by number
      [7, 'completed_at', 'order ends before it starts'],
      [8, 'completed_at', 'order lasts longer than 24 hours (implausible)'],
      [9, 'order_id', `duplicate order id A1 (first at ${p} line 2)`],
      [10, 'order_pay', 'unparseable amount "five"'],
      [12, 'status', 'unknown order status "配送中"'],
    ]);
    expect(result.rejected.every((r) => r.file === p)).toBe(true);
    const cancelled = records.find((r) => r.kind === 'orders' && r.record.orderId === 'A9');
    expect(cancelled?.kind === 'orders' && cancelled.record.status).toBe('cancelled');
  });

  it('the accounting invariant holds per file on random garbage', async () => {
    const d = await tmpDir();
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['A', 'w1', '2025-03-01 08:00', '2025-03-01 08:30', '', '"', ',', '\n', '2025-02-30', '¥5', 'x'];
    const lines = [ORDERS];
    for (let i = 0; i < 400; i++) {
      const n = 1 + Math.floor(rnd() * 8);
      const cells = Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)].replace(/"/g, '""'));
      lines.push(cells.map((c) => (c.includes(',') || c.includes('\n') || c.includes('"') ? `"${c}"` : c)).join(','));
    }
    const p = await put(d, 'garbage.csv', lines.join('\n'));
    const { result, records } = await run([{ path: p }]);
    const s = result.inputs[0];
    expect(s.rowsRead).toBeGreaterThan(300);
    expect(s.rowsRead).toBe(s.rowsUsed + s.rowsRejected);
    expect(records.length).toBe(s.rowsUsed);
    expect(result.rejected.length).toBe(s.rowsRejected);
  });

  it('duplicate order ids across files of one platform, not across platforms', async () => {
    const d = await tmpDir();
    const a = await put(d, 'a.csv', `${ORDERS},平台\nX1,w1,2025-03-01 08:00,2025-03-01 08:30,1,,美团\nX2,w1,2025-03-01 08:00,2025-03-01 08:30,1,,美团\n`);
    const b = await put(d, 'b.csv', `${ORDERS},平台\nX1,w1,2025-03-01 08:00,2025-03-01 08:30,1,,饿了么\nX2,w9,2025-03-02 08:00,2025-03-02 08:30,1,,美团\n`);
    const { result } = await run([{ path: a }, { path: b }]);
    expect(result.rejected).toEqual([{ file: b, line: 3, column: 'order_id', reason: `duplicate order id X2 (first at ${a} line 3)` }]);
  });

  it('order platform: column, else --platform, else the file name', async () => {
    const d = await tmpDir();
    const p = await put(d, 'didi-2025-03.csv', `${ORDERS}\nX1,w1,2025-03-01 08:00,2025-03-01 08:30,1,\n`);
    const plat = async (extra = {}) => {
      const { records } = await run([{ path: p }], extra);
      return records[0].kind === 'orders' ? records[0].record.platform : undefined;
    };
    expect(await plat()).toBe('didi-2025-03');
    expect(await plat({ platform: '滴滴' })).toBe('滴滴');
  });

  it('other kinds: platform column, else --platform, else undefined', async () => {
    const d = await tmpDir();
    const p = await put(d, 'contracts.csv', `${CONTRACTS}\nw1,劳动合同,2025-01-01,\n`);
    const get = async (extra = {}) => {
      const { records } = await run([{ path: p }], extra);
      return records[0].kind === 'contracts' ? records[0].record.platform : 'wrong kind';
    };
    expect(await get()).toBeUndefined();
    expect(await get({ platform: 'mt' })).toBe('mt');
  });

  it('reads every kind with Origin.file = index in inputs', async () => {
    const d = await tmpDir();
    const files = [
      await put(d, '1.csv', `${ORDERS}\nX1,w1,2025-03-01 08:00,2025-03-01 08:30,1,\n`),
      await put(d, '2.csv', `${PAY}\nw1,2025-03,3000,2800,50,押金\n`),
      await put(d, '3.csv', `${CONTRACTS}\nw1,合作协议,2025-01-01,\n`),
      await put(d, '4.csv', `${INSURANCE}\nw1,职业伤害保障,2025-01-01,\n`),
      await put(d, '5.csv', `${WORKERS}\nw1,张三,11010519491231002X,\n`),
    ];
    const { result, records } = await run(files.map((path) => ({ path })));
    expect(result.inputs.map((i) => i.kind)).toEqual(['orders', 'pay', 'contracts', 'insurance', 'workers']);
    expect(records.map((r) => [r.kind, r.record.file, r.record.line])).toEqual([
      ['orders', 0, 2],
      ['pay', 1, 2],
      ['contracts', 2, 2],
      ['insurance', 3, 2],
      ['workers', 4, 2],
    ]);
    expect(result.rejected).toEqual([]);
  });
});

describe('summaries', () => {
  it('sha256 and byte count of the exact bytes, encoding, delimiter, columns and ignored columns', async () => {
    const d = await tmpDir();
    const text = `${ORDERS},备注,\nX1,w1,2025-03-01 08:00,2025-03-01 08:30,1,,hi,\n`;
    const p = await put(d, 'o.csv', text);
    const { result } = await run([{ path: p }]);
    const bytes = await readFile(p);
    expect(result.inputs[0]).toEqual({
      path: p,
      kind: 'orders',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      encoding: 'utf-8',
      delimiter: ',',
      rowsRead: 1,
      rowsUsed: 1,
      rowsRejected: 0,
      columns: ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'order_pay', 'status'],
      ignoredColumns: ['备注'],
    });
    expect(result.ignoredColumns).toEqual([{ path: p, columns: ['备注'] }]);
  });

  it('hashes large files completely', async () => {
    const d = await tmpDir();
    const lines = [ORDERS];
    for (let i = 0; i < 20000; i++) lines.push(`X${i},w${i % 13},2025-03-01 08:00:00,2025-03-01 08:30:00,1.5,已完成`);
    const p = await put(d, 'big.csv', lines.join('\n'));
    const { result, records } = await run([{ path: p }]);
    const bytes = await readFile(p);
    expect(result.inputs[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.inputs[0].bytes).toBe(bytes.length);
    expect(records.length).toBe(20000);
    expect(records[19999].record.line).toBe(20001);
  });
});

describe('kinds and explicit flags', () => {
  it('a file given explicitly that matches no kind is an InputError naming the closest kind and missing columns', async () => {
    const d = await tmpDir();
    const p = await put(d, 'mystery.csv', '订单号,骑手ID,备注\n1,2,3\n');
    await expect(run([{ path: p }])).rejects.toThrow(InputError);
    await expect(run([{ path: p }])).rejects.toThrow(
      `${p}: not a recognised export: closest kind is orders, missing required columns: accepted_at (接单时间), completed_at (完成时间)`,
    );
  });

  it('an explicit kind overrides detection', async () => {
    const d = await tmpDir();
    // This header is detected as workers; --contracts says otherwise and has the columns.
    const p = await put(d, 'x.csv', '骑手ID,姓名,合同类型,生效日期\nw1,张三,劳动合同,2025-01-01\n');
    const { result } = await run([{ path: p, kind: 'contracts' }]);
    expect(result.inputs[0].kind).toBe('contracts');
    expect(result.inputs[0].ignoredColumns).toEqual(['姓名']);
  });

  it('an explicit kind whose required columns are missing is an InputError', async () => {
    const d = await tmpDir();
    const p = await put(d, 'pay.csv', `${ORDERS}\n`);
    await expect(run([{ path: p, kind: 'pay' }])).rejects.toThrow(
      /pay\.csv: given as pay but the header lacks required columns: period_start \(结算周期开始\) \+ period_end \(结算周期结束\) or month \(月份\), gross_pay \(应发工资\)$/,
    );
  });

  it('--map makes unusual headers usable; unknown map keys are a usage error', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.csv', '单据,人,开始,结束\nX1,w1,2025-03-01 08:00,2025-03-01 08:30\n');
    await expect(run([{ path: p }])).rejects.toThrow(InputError);
    const { result, records } = await run([{ path: p }], { map: { order_id: '单据', worker_id: '人', accepted_at: '开始', completed_at: '结束' } });
    expect(result.inputs[0].kind).toBe('orders');
    expect(records).toHaveLength(1);
    await expect(run([{ path: p }], { map: { orderid: '单据' } })).rejects.toThrow(UsageError);
  });

  it('unknown --encoding is a usage error', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.csv', `${ORDERS}\n`);
    await expect(readInputs([{ path: p }], { clock, encoding: 'ebcdic' }, () => {})).rejects.toThrow(/unknown encoding "ebcdic"/);
  });
});

describe('folders', () => {
  it('expand to .csv/.tsv/.txt members sorted by name; unrelated files are skipped with a reason', async () => {
    const d = await tmpDir();
    const dir = join(d, 'exports');
    await put(dir, 'b_orders.csv', `${ORDERS}\nX1,w1,2025-03-01 08:00,2025-03-01 08:30,1,\n`);
    await put(dir, 'a_pay.CSV', `${PAY}\nw1,2025-03,3000,,,\n`);
    await put(dir, 'c_readme.txt', 'This folder holds the March exports.\n');
    await put(dir, 'c_zz_notes.txt', '"Notes\nthe quote above is never closed\n');
    await put(dir, 'd_empty.tsv', '');
    await put(dir, 'e_notes.md', '# not data\n');
    await put(dir, 'f_roster.tsv', '工号\t姓名\nw1\t张三\n');
    await put(join(dir, 'sub'), 'nested.csv', `${ORDERS}\n`);
    const { result } = await run([{ path: dir }]);
    expect(result.inputs.map((i) => [i.path, i.kind])).toEqual([
      [join(dir, 'a_pay.CSV'), 'pay'],
      [join(dir, 'b_orders.csv'), 'orders'],
      [join(dir, 'f_roster.tsv'), 'workers'],
    ]);
    expect(result.skipped).toEqual([
      { path: join(dir, 'c_readme.txt'), reason: expect.stringMatching(/^not a recognised export/) },
      { path: join(dir, 'c_zz_notes.txt'), reason: 'not a CSV export (line 1: a quoted field is never closed)' },
      { path: join(dir, 'd_empty.tsv'), reason: 'the file is empty' },
    ]);
  });

  it('files are read in the order given, folders in place, duplicates once', async () => {
    const d = await tmpDir();
    const dir = join(d, 'in');
    const z = await put(d, 'z.csv', `${CONTRACTS}\nw1,劳动合同,2025-01-01,\n`);
    const a = await put(dir, 'a.csv', `${INSURANCE}\nw1,工伤保险,2025-01-01,\n`);
    const b = await put(dir, 'b.csv', `${WORKERS}\nw1,张三,,\n`);
    const { result } = await run([{ path: z }, { path: dir }, { path: a }, { path: join(d, '.', 'z.csv') }]);
    expect(result.inputs.map((i) => i.path)).toEqual([z, a, b]);
  });

  it('a folder with no data files is an InputError', async () => {
    const d = await tmpDir();
    await put(join(d, 'nothing'), 'x.md', 'x');
    await expect(run([{ path: join(d, 'nothing') }])).rejects.toThrow(/has no \.csv, \.tsv or \.txt files/);
  });

  it('inside a folder, a file that looks like an export is read up to a quote that never closes, which is rejected', async () => {
    const d = await tmpDir();
    const dir = join(d, 'x');
    const p = await put(dir, 'orders.csv', `${ORDERS}\nX1,"w1,2025-03-01 08:00,2025-03-01 08:30,1,\n`);
    const { result } = await run([{ path: dir }]);
    expect(result.skipped).toEqual([]);
    expect(result.inputs.map((i) => [i.path, i.rowsRead, i.rowsUsed, i.rowsRejected])).toEqual([[p, 1, 0, 1]]);
    expect(result.rejected).toEqual([{ file: p, line: 2, column: 'worker_id', reason: 'a quoted field is never closed (from line 2 to the end of the file)' }]);
  });

  it('an Excel workbook inside a folder still stops the run', async () => {
    const d = await tmpDir();
    const dir = join(d, 'x');
    await put(dir, 'orders.csv', Buffer.from('PK\x03\x04rest-of-zip'));
    await expect(run([{ path: dir }])).rejects.toThrow(/orders\.csv: this is an Excel workbook/);
  });
});

describe('sniffFile', () => {
  it('reports kind, encoding, delimiter and columns from the header', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.tsv', '订单号\t骑手ID\t接单时间\t完成时间\t备注\n1\t2\t3\t4\t5\n');
    expect(await sniffFile(p, { clock })).toEqual({
      kind: 'orders',
      encoding: 'utf-8',
      delimiter: '\t',
      columns: ['order_id', 'worker_id', 'accepted_at', 'completed_at'],
      missing: [],
    });
  });
  it('names missing columns of the closest kind instead of throwing', async () => {
    const d = await tmpDir();
    const p = await put(d, 'p.csv', '骑手ID,应发工资\n');
    expect(await sniffFile(p, { clock })).toEqual({
      kind: undefined,
      encoding: 'utf-8',
      delimiter: ',',
      columns: ['worker_id', 'gross_pay'],
      missing: ['period_start', 'period_end'],
    });
  });
  it('throws for unreadable files', async () => {
    const d = await tmpDir();
    await expect(sniffFile(join(d, 'none.csv'), { clock })).rejects.toThrow(/file not found/);
    await expect(sniffFile(d, { clock })).rejects.toThrow(/is a folder/);
  });
});
