// Parsing details through the public readInputs API: quoting, line numbers, encodings,
// delimiters and files that cannot be read at all.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { CanonicalRecord, OrderRecord } from '../../src/model.js';
import { readInputs } from '../../src/read/index.js';
import { Clock } from '../../src/time.js';
import { put, tmpDir } from './tmpfiles.js';

const clock = new Clock('Asia/Shanghai');

async function read(path: string, extra: { encoding?: string } = {}) {
  const records: CanonicalRecord[] = [];
  const result = await readInputs([{ path }], { clock, ...extra }, (r) => records.push(r));
  const orders = records.filter((r) => r.kind === 'orders').map((r) => r.record as OrderRecord);
  return { result, records, orders };
}

const HEADER = 'order_id,worker_id,accepted_at,completed_at,status';
const row = (id: string, extra = '') => `${id},w1,2025-03-01 08:00:00,2025-03-01 08:30:00,${extra}`;

describe('quoting and line numbers', () => {
  it('embedded delimiters, escaped quotes and newlines; records start on the right line', async () => {
    const d = await tmpDir();
    const text = [
      'order_id,worker_id,accepted_at,completed_at,region', // 1
      'A1,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,"永川区, 重庆"', // 2
      '"A2","w ""quoted""",2025-03-01 08:00:00,2025-03-01 08:30:00,"line one', // 3
      'line two', // 4
      'line three"', // 5
      'A3,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,', // 6
      '', // 7 blank
      'A4,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,x', // 8
    ].join('\n');
    const { orders, result } = await read(await put(d, 'o.csv', text));
    expect(orders.map((o) => [o.orderId, o.line])).toEqual([
      ['A1', 2],
      ['A2', 3],
      ['A3', 6],
      ['A4', 8],
    ]);
    expect(orders[0].region).toBe('永川区, 重庆');
    expect(orders[1].workerId).toBe('w "quoted"');
    expect(orders[1].region).toBe('line one\nline two\nline three');
    expect(result.inputs[0].rowsRead).toBe(4);
  });

  it('CRLF files, including CRLF inside quoted fields, count physical lines', async () => {
    const d = await tmpDir();
    const text =
      'order_id,worker_id,accepted_at,completed_at,region\r\n' + // 1
      'A1,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,"a\r\nb\r\nc"\r\n' + // 2-4
      'A2,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,"d\ne"\r\n' + // 5-6
      '\r\n' + // 7
      'A3,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,"f\r\ng"\r\n' + // 8-9
      'A4,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,h\r\n' + // 10
      'A5,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,h'; // 11, no final newline
    const { orders } = await read(await put(d, 'o.csv', text));
    expect(orders.map((o) => [o.orderId, o.line])).toEqual([
      ['A1', 2],
      ['A2', 5],
      ['A3', 8],
      ['A4', 10],
      ['A5', 11],
    ]);
    expect(orders[0].region).toBe('a\r\nb\r\nc');
  });

  it('rows of empty fields (Excel leftovers) and blank lines are not rows', async () => {
    const d = await tmpDir();
    const text = [HEADER, row('A1'), ',,,,', '', '  ,  ,,,', row('A2'), ',,,,', ''].join('\n');
    const { result, orders } = await read(await put(d, 'o.csv', text));
    expect(orders.map((o) => o.line)).toEqual([2, 6]);
    expect(result.inputs[0]).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0 });
  });

  it('blank lines before the header are skipped', async () => {
    const d = await tmpDir();
    const { orders } = await read(await put(d, 'o.csv', `\n\n${HEADER}\n${row('A1')}\n`));
    expect(orders[0].line).toBe(4);
  });

  it('an unquoted field containing a quote is kept as written', async () => {
    const d = await tmpDir();
    const { orders } = await read(await put(d, 'o.csv', `order_id,worker_id,accepted_at,completed_at,region\nA1,w1,2025-03-01 08:00,2025-03-01 08:30,5"区\n`));
    expect(orders[0].region).toBe('5"区');
  });

  it('a quote that never closes: the rows before it are used, the rest of the file is one rejected row at the line it opened', async () => {
    const d = await tmpDir();
    const lines = [HEADER, row('A1'), row('A2'), '', 'A3,"w1,2025-03-01 08:00:00,2025-03-01 08:30:00,', row('A4'), row('A5')];
    const p = await put(d, 'orders.csv', lines.join('\n'));
    const { result, orders } = await read(p);
    expect(orders.map((o) => o.orderId)).toEqual(['A1', 'A2']);
    expect(result.rejected).toEqual([{ file: p, line: 5, column: 'worker_id', reason: 'a quoted field is never closed (from line 5 to the end of the file)' }]);
    expect(result.inputs[0]).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
  });

  it('a record past 8 MiB fails the file at its line, not at the end of memory (the rows after it may be sound: they are not thrown away as one rejected row)', async () => {
    const d = await tmpDir();
    const filler = ('x'.repeat(99) + '\n').repeat(100_000); // 10 MB
    const p = await put(d, 'o.csv', `${HEADER}\n${row('A1')}\nA2,"w1,${filler}`);
    await expect(read(p)).rejects.toThrow(/: line 3: a record is longer than 8 MiB \(probably a quoted field that is never closed\)/);
    const unquoted = await put(d, 'u.csv', `${HEADER}\n${row('A1')}\nA2,w1,${'y'.repeat(9 << 20)}\n${row('A3')}\n`);
    await expect(read(unquoted)).rejects.toThrow(/: line 3: a record is longer than 8 MiB/);
  });

  it('an unclosed quote after multi-line records still reports its own line', async () => {
    const d = await tmpDir();
    const text = `order_id,worker_id,accepted_at,completed_at,region\r\nA1,w1,2025-03-01 08:00,2025-03-01 08:30,"x\r\ny"\r\nA2,w1,2025-03-01 08:00,2025-03-01 08:30,"oops\r\nA3,w1\r\n`;
    const p = await put(d, 'o.csv', text);
    const { result, orders } = await read(p);
    expect(orders.map((o) => [o.orderId, o.line])).toEqual([['A1', 2]]);
    expect(result.rejected).toEqual([{ file: p, line: 4, column: 'region', reason: 'a quoted field is never closed (from line 4 to the end of the file)' }]);
  });

  it('a header whose quote never closes is no export: the file fails, naming line 1', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.csv', `order_id,"worker_id,accepted_at,completed_at\n${row('A1')}\n`);
    await expect(read(p)).rejects.toThrow(InputError);
    await expect(read(p)).rejects.toThrow(`${p}: line 1: a quoted field is never closed`);
  });
});

describe('delimiters', () => {
  it.each([
    [',', 'o.csv'],
    ['\t', 'o.tsv'],
    ['\t', 'o.txt'],
    [';', 'o.csv'],
  ])('%j in %s', async (delim, name) => {
    const d = await tmpDir();
    const text = ['订单号', '骑手ID', '接单时间', '完成时间', '服务区域'].join(delim) + '\n' + ['A1', 'w1', '2025-03-01 08:00', '2025-03-01 08:30', '"永川区, 重庆"'].join(delim) + '\n';
    const { result, orders } = await read(await put(d, name, text));
    expect(result.inputs[0].delimiter).toBe(delim);
    expect(orders[0].region).toBe('永川区, 重庆');
    expect(orders[0].completedAt - orders[0].acceptedAt).toBe(30 * 60_000);
  });
});

describe('encodings', () => {
  const text = '订单号,骑手ID,接单时间,完成时间,服务区域\n单1,骑手甲,2025年3月1日 8:15,2025年3月1日 8:45,永川区\n';

  it('UTF-8', async () => {
    const d = await tmpDir();
    const { result, orders } = await read(await put(d, 'o.csv', text));
    expect(result.inputs[0].encoding).toBe('utf-8');
    expect(orders[0]).toMatchObject({ orderId: '单1', workerId: '骑手甲', region: '永川区' });
  });

  it('UTF-8 with BOM: BOM stripped from the first header', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const { result, orders } = await read(p);
    expect(result.inputs[0].encoding).toBe('utf-8');
    expect(result.inputs[0].columns[0]).toBe('order_id');
    expect(result.inputs[0].ignoredColumns).toEqual([]);
    expect(orders[0].orderId).toBe('单1');
  });

  it('GB18030 (Excel on Chinese Windows) with Chinese headers, no flag', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.csv', iconv.encode(text, 'gb18030'));
    const { result, orders } = await read(p);
    expect(result.inputs[0].encoding).toBe('gb18030');
    expect(result.inputs[0].kind).toBe('orders');
    expect(orders[0]).toMatchObject({ orderId: '单1', workerId: '骑手甲', region: '永川区' });
  });

  it('GB18030 beyond the 64 KiB sample, with characters across chunk boundaries', async () => {
    const d = await tmpDir();
    const rows = [text.split('\n')[0]];
    for (let i = 0; i < 5000; i++) rows.push(`单${i},骑手${i % 7},2025-03-01 08:00,2025-03-01 08:30,重庆市永川区${'区'.repeat(i % 5)}`);
    const p = await put(d, 'o.csv', iconv.encode(rows.join('\r\n'), 'gb18030'));
    const { result, orders } = await read(p);
    expect(result.inputs[0].bytes).toBeGreaterThan(200_000);
    expect(orders.length).toBe(5000);
    expect(orders[4999]).toMatchObject({ orderId: '单4999', workerId: '骑手1', region: '重庆市永川区区区区区', line: 5001 });
  });

  it('UTF-8 with a character cut at the 64 KiB sample boundary is still UTF-8', async () => {
    const d = await tmpDir();
    const header = Buffer.from(text.split('\n')[0] + '\n');
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) rows.push(`单${i},骑手甲,2025-03-01 08:00,2025-03-01 08:30,重庆市永川区`);
    let body = Buffer.from(rows.join('\n') + '\n');
    // Shift so that byte 65536 (the end of the sample) falls inside a 3-byte character.
    for (let pad = 0; pad < 3; pad++) {
      const all = Buffer.concat([header, Buffer.from(' '.repeat(pad)), body]);
      const b = all[65536];
      if ((b & 0xc0) === 0x80) {
        body = Buffer.concat([Buffer.from(' '.repeat(pad)), body]);
        break;
      }
    }
    const file = Buffer.concat([header, body]);
    expect(file[65536] & 0xc0).toBe(0x80);
    const { result, orders } = await read(await put(d, 'o.csv', file));
    expect(result.inputs[0].encoding).toBe('utf-8');
    expect(orders).toHaveLength(3000);
    expect(orders.every((o) => o.workerId === '骑手甲' && o.region === '重庆市永川区')).toBe(true);
  });

  it('--encoding gbk forces GB18030 decoding', async () => {
    const d = await tmpDir();
    const p = await put(d, 'o.csv', iconv.encode(text, 'gbk'));
    const { result, orders } = await read(p, { encoding: 'gbk' });
    expect(result.inputs[0].encoding).toBe('gb18030');
    expect(orders[0].workerId).toBe('骑手甲');
  });

  it('a file whose first 64 KiB are ASCII and later bytes GBK is GB18030 (more in lateEncoding.test.ts)', async () => {
    const d = await tmpDir();
    const ascii = [HEADER];
    for (let i = 0; i < 2000; i++) ascii.push(row(`A${i}`));
    const p = await put(d, 'o.csv', Buffer.concat([Buffer.from(ascii.join('\n') + '\n'), iconv.encode('B1,骑手,2025-03-01 08:00,2025-03-01 08:30,\n', 'gbk')]));
    const { result, orders } = await read(p);
    expect(result.inputs[0]).toMatchObject({ encoding: 'gb18030', rowsRead: 2001, rowsUsed: 2001 });
    expect(orders[2000]).toMatchObject({ orderId: 'B1', workerId: '骑手', line: 2002 });
  });

  it('UTF-8 Chinese in the first 64 KiB and GBK later fails clearly', async () => {
    const d = await tmpDir();
    const ascii = [HEADER, row('U1', 'completed').replace('w1', '骑手甲')];
    for (let i = 0; i < 2000; i++) ascii.push(row(`A${i}`));
    const p = await put(d, 'o.csv', Buffer.concat([Buffer.from(ascii.join('\n') + '\n'), iconv.encode('B1,骑手,2025-03-01 08:00,2025-03-01 08:30,\n', 'gbk')]));
    await expect(read(p)).rejects.toThrow(/not valid UTF-8 after byte \d+ .*--encoding gb18030/);
  });

  it('UTF-16LE with BOM, tab separated', async () => {
    const d = await tmpDir();
    const t = text.replace(/,/g, '\t');
    const p = await put(d, 'o.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]));
    const { result, orders } = await read(p);
    expect(result.inputs[0]).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(orders[0].region).toBe('永川区');
  });
});

describe('files that cannot be read', () => {
  it('an Excel workbook renamed .csv', async () => {
    const d = await tmpDir();
    const p = await put(d, 'orders.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    await expect(read(p)).rejects.toThrow(InputError);
    await expect(read(p)).rejects.toThrow(/Excel workbook.*save it as CSV/);
  });
  it('an empty file', async () => {
    const d = await tmpDir();
    await expect(read(await put(d, 'e.csv', ''))).rejects.toThrow(/e\.csv: the file is empty/);
    await expect(read(await put(d, 'b.csv', Buffer.from([0xef, 0xbb, 0xbf, 0x0a, 0x0a])))).rejects.toThrow(/b\.csv: the file is empty/);
  });
  it('a missing file', async () => {
    await expect(read('/nonexistent/gigaudit/orders.csv')).rejects.toThrow('/nonexistent/gigaudit/orders.csv: no such file or folder');
  });
  it('a header-only file reads zero rows', async () => {
    const d = await tmpDir();
    const { result } = await read(await put(d, 'h.csv', `${HEADER}\n`));
    expect(result.inputs[0]).toMatchObject({ kind: 'orders', rowsRead: 0, rowsUsed: 0, rowsRejected: 0 });
  });
});
