// A file whose first 64 KiB (the encoding sample) are ASCII says nothing about UTF-8 versus
// GB18030. Its first byte that is not ASCII decides; a GB18030 file read without a flag must
// give exactly what --encoding gb18030 gives, on every parser: csv-parse, the byte scanner and
// the worker threads of large orders files (forced here by tiny thresholds).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CanonicalRecord, OrderRecord } from '../../src/model.js';
import { SAMPLE_BYTES } from '../../src/read/csvStream.js';
import { parallelAvailable, parallelStats } from '../../src/read/fast/parallel.js';
import { type ReadOptions, readInputs } from '../../src/read/index.js';
import { Clock } from '../../src/time.js';
import { put, tmpDir } from './tmpfiles.js';

const clock = new Clock('Asia/Shanghai');
const HEADER = 'order_id,worker_id,accepted_at,completed_at,platform,region\n';
const ascii = (i: number) => `A${i},W${i % 7},2025-03-01 08:15:00,2025-03-01 09:00:00,mt,yc\n`;
const chinese = (i: number) => `B${i},骑手${i % 5},2025-03-01 08:15:00,2025-03-01 09:00:00,美团,重庆市永川区${'区'.repeat(i % 3)}\n`;
const gbk = (s: string) => iconv.encode(s, 'gbk');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

type Config = Pick<ReadOptions, 'engine' | 'threads' | 'parallelMinBytes' | 'parallelRangeBytes'>;
const CONFIGS: [string, Config][] = [
  ['csv-parse', { engine: 'csv-parse', threads: 0 }],
  ['scanner', { engine: 'fast', threads: 0 }],
  ...(parallelAvailable()
    ? ([['threads', { engine: 'fast', threads: 2, parallelMinBytes: 1, parallelRangeBytes: 16 * 1024 }]] as [string, Config][])
    : []),
];

async function read(path: string, config: Config, encoding?: string) {
  const records: CanonicalRecord[] = [];
  const res = await readInputs([{ path }], { clock, encoding, ...config }, (r) => records.push(r));
  const engine = res.engines?.[0].engine;
  delete res.engines;
  const orders = records.map((r) => r.record as OrderRecord);
  return { engine, orders, out: JSON.parse(JSON.stringify({ res, records })) };
}

/** ASCII rows up to (at least) `bytes`, then `tail`. */
function asciiThen(bytes: number, tail: Buffer): Buffer {
  let text = HEADER;
  for (let i = 0; text.length < bytes; i++) text += ascii(i);
  return Buffer.concat([Buffer.from(text), tail]);
}

/** No flag reads exactly as --encoding gb18030 does (rows, values, lines, counts, encoding, hash). */
async function expectSameAsGb18030(path: string, config: Config) {
  const got = await read(path, config);
  const ref = await read(path, config, 'gb18030');
  expect(got.out.res.inputs[0].encoding).toBe('gb18030');
  expect(got.out).toEqual(ref.out);
  return got;
}

describe('GB18030 after an ASCII start, with no flag', () => {
  it.each(CONFIGS)('the repro (one GBK row after 2000 ASCII ones) reads as with --encoding gb18030: %s', async (_name, config) => {
    const d = await tmpDir();
    const body = Buffer.concat([Buffer.from(HEADER), Buffer.from(Array.from({ length: 2000 }, (_, i) => ascii(i)).join('')), gbk(chinese(1))]);
    const p = await put(d, 'late.csv', body);
    expect(body.subarray(0, SAMPLE_BYTES).every((b) => b < 0x80)).toBe(true);
    const got = await expectSameAsGb18030(p, config);
    expect(got.out.res.inputs[0]).toMatchObject({ kind: 'orders', rowsRead: 2001, rowsUsed: 2001, rowsRejected: 0 });
    expect(got.orders).toHaveLength(2001);
    expect(got.orders[2000]).toMatchObject({ orderId: 'B1', workerId: '骑手1', platform: '美团', region: '重庆市永川区区', line: 2002 });
    expect(got.orders[1999]).toMatchObject({ orderId: 'A1999', platform: 'mt', line: 2001 });
  });

  it.each(CONFIGS)('many GBK rows after 100 KiB of ASCII, every one delivered once: %s', async (_name, config) => {
    const d = await tmpDir();
    const rows = Array.from({ length: 3000 }, (_, i) => chinese(i));
    // A quoted line break, and a quote the scanner leaves to csv-parse (relax_quotes), in the GBK part.
    rows[1000] = 'Q1,骑手,2025-03-01 08:15:00,2025-03-01 09:00:00,美团,"永川\n区"\n';
    rows[2000] = 'Q2,骑手,2025-03-01 08:15:00,2025-03-01 09:00:00,"美团"x,永川区\n';
    const p = await put(d, 'late.csv', asciiThen(100 * 1024, gbk(rows.join(''))));
    const got = await expectSameAsGb18030(p, config);
    const ids = got.orders.map((o) => o.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(got.orders.find((o) => o.orderId === 'Q1')).toMatchObject({ region: '永川\n区' });
    expect(got.orders.find((o) => o.orderId === 'Q2')).toMatchObject({ region: '永川区' });
    const b = got.orders.filter((o) => o.orderId.startsWith('B'));
    expect(b).toHaveLength(2998);
    expect(b.at(-1)).toMatchObject({ orderId: 'B2999', workerId: '骑手4', region: '重庆市永川区区区' });
    expect(got.orders.every((o) => !o.region!.includes('\uFFFD'))).toBe(true);
    if (config.threads) expect(got.engine).toBe('parallel');
  });

  // The first GBK character starts at these offsets: both its bytes in the sample (decided by
  // the sample itself), its lead byte the sample's last (cut: the sample looks like ASCII),
  // and the first bytes after the sample.
  const AT = [SAMPLE_BYTES - 2, SAMPLE_BYTES - 1, SAMPLE_BYTES, SAMPLE_BYTES + 1];
  it.each(CONFIGS)('the first GBK byte at and just after the 64 KiB sample boundary: %s', async (_name, config) => {
    const d = await tmpDir();
    for (const at of AT) {
      let text = HEADER;
      for (let i = 0; text.length < at - 200; i++) text += ascii(i);
      const prefix = 'P1,W1,2025-03-01 08:15:00,2025-03-01 09:00:00,mt,';
      const pad = 'x'.repeat(at - text.length - prefix.length);
      const file = Buffer.concat([Buffer.from(text + prefix + pad), gbk('永川区\n' + chinese(7) + chinese(8))]);
      expect(file.subarray(0, at).every((b) => b < 0x80)).toBe(true);
      expect(file[at]).toBe(gbk('永')[0]);
      // 永 is D3 C0 in GBK: D3 is a UTF-8 lead byte, so a sample ending on it looks cut, not bad.
      expect(file[at]).toBeGreaterThanOrEqual(0xc2);
      const p = await put(d, `at${at}.csv`, file);
      const got = await expectSameAsGb18030(p, config);
      const last = got.orders.slice(-3);
      expect(last.map((o) => [o.orderId, o.region])).toEqual([
        ['P1', pad + '永川区'],
        ['B7', '重庆市永川区区'],
        ['B8', '重庆市永川区区区'],
      ]);
    }
  });
});

describe('UTF-8 evidence before the bad bytes: the clear error stays', () => {
  it.each(CONFIGS)('UTF-8 Chinese in the sample, GBK after it: %s', async (_name, config) => {
    const d = await tmpDir();
    let text = HEADER + chinese(1);
    for (let i = 0; text.length < 100 * 1024; i++) text += ascii(i);
    const p = await put(d, 'mixed.csv', Buffer.concat([utf8(text), gbk(chinese(2))]));
    await expect(read(p, config)).rejects.toThrow(/mixed\.csv: not valid UTF-8 after byte \d+ although the start of the file is; .*--encoding gb18030/);
    // and the flag still reads it (the UTF-8 row garbled, the GBK one right)
    const forced = await read(p, config, 'gb18030');
    expect(forced.orders.at(-1)).toMatchObject({ orderId: 'B2', region: '重庆市永川区区区' });
  });

  it.each(CONFIGS)('ASCII sample, then a UTF-8 Chinese row, then GBK more than 64 KiB later: %s', async (_name, config) => {
    const d = await tmpDir();
    // The 64 KiB from the first byte that is not ASCII are valid UTF-8: the file is UTF-8, and
    // the GBK rows far after it are too many for damage.
    let middle = chinese(1);
    for (let i = 0; middle.length < 70 * 1024; i++) middle += ascii(5000 + i);
    const gbkRows = gbk(Array.from({ length: 50 }, (_, i) => chinese(9000 + i)).join(''));
    const p = await put(d, 'mixed.csv', Buffer.concat([asciiThen(80 * 1024, utf8(middle)), gbkRows]));
    await expect(read(p, config)).rejects.toThrow(/mixed\.csv: not valid UTF-8 after byte \d+ although the start of the file is; .*--encoding gb18030/);
  });

  it.each(CONFIGS)('ASCII sample, then UTF-8 Chinese: read as UTF-8, as csv-parse reads it: %s', async (_name, config) => {
    const d = await tmpDir();
    const tail = utf8(Array.from({ length: 3000 }, (_, i) => chinese(i)).join(''));
    const p = await put(d, 'late8.csv', asciiThen(100 * 1024, tail));
    const before = parallelStats.bailed;
    const got = await read(p, config);
    expect(got.out.res.inputs[0].encoding).toBe('utf-8');
    expect(got.out).toEqual((await read(p, { engine: 'csv-parse', threads: 0 }, 'utf-8')).out);
    expect(got.orders.at(-1)).toMatchObject({ orderId: 'B2999', workerId: '骑手4', region: '重庆市永川区区区' });
    if (config.threads) {
      // The threads stopped at the first Chinese row and took the rest over again.
      expect(got.engine).toBe('parallel');
      expect(parallelStats.bailed).toBe(before + 1);
    }
  });

  it.each(CONFIGS)('ASCII sample, then one bad byte among plenty of UTF-8 Chinese: damaged UTF-8, its row rejected: %s', async (_name, config) => {
    const d = await tmpDir();
    const tail = Buffer.concat([
      Buffer.from('C1,W1,2025-03-01 08:15:00,2025-03-01 09:00:00,mt,bad'),
      Buffer.from([0xff]),
      Buffer.from('\n'),
      utf8(Array.from({ length: 2000 }, (_, i) => chinese(i)).join('')),
    ]);
    const p = await put(d, 'damaged.csv', asciiThen(100 * 1024, tail));
    const got = await read(p, config);
    expect(got.out.res.inputs[0]).toMatchObject({ encoding: 'utf-8', rowsRejected: 1 });
    expect(got.out.res.rejected[0].reason).toMatch(/not valid text/);
    expect(got.orders.at(-1)).toMatchObject({ orderId: 'B1999', region: '重庆市永川区区' });
  });
});
