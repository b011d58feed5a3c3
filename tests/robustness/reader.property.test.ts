// Property-based tests of the reader (issue 6): a generated orders file, written with random
// quoting, delimiter, encoding, line endings and blank lines, reads back to the records it
// was made from, on the lines they were written on; and no file, however broken, makes the
// reader throw anything but an InputError, or lose a row from its accounting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { CanonicalRecord, OrderRecord } from '../../src/model.js';
import { readInputs } from '../../src/read/index.js';
import { Clock } from '../../src/time.js';

const clock = new Clock('Asia/Shanghai');
const dir = mkdtempSync(join(tmpdir(), 'gigaudit-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

const HEADERS = {
  en: ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'order_pay', 'status', 'notes'],
  zh: ['订单号', '骑手ID', '接单时间', '完成时间', '平台', '订单收入', '订单状态', '备注'],
};

/** Text a person or a platform puts in an id or a name: CJK, punctuation, quotes, the delimiters, line breaks. */
const TEXT_CHARS = [...'abcXYZ019 -_./#', ...'骑手速达美团饿了么永川区张三', ...'，。（）￥', '"', "'", ',', ';', '\t', '\n', '\r\n', '\r'];
const text = fc
  .array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: 10 })
  .map((cs) => cs.join(''))
  // cleanCell trims values and unwraps Excel's ="…" guard: generate what survives both as is.
  .filter((s) => s.trim() === s && s.length > 0 && !/^="/.test(s))
  // A value spanning lines with a row's worth of delimiters is taken for swallowed rows (hygiene.ts).
  .filter((s) => !/[\r\n]/.test(s) || (s.match(/[,;\t]/g) ?? []).length < HEADERS.en.length - 1);

const pad = (n: number) => String(n).padStart(2, '0');
function wall(ms: number): [number, number, number, number, number, number] {
  const t = clock.formatInstant(ms);
  return [t.slice(0, 4), t.slice(5, 7), t.slice(8, 10), t.slice(11, 13), t.slice(14, 16), t.slice(17, 19)].map(Number) as never;
}
const DATE_FORMATS: ((ms: number) => string)[] = [
  (ms) => clock.formatInstant(ms).slice(0, 19).replace('T', ' '),
  (ms) => clock.formatInstant(ms),
  (ms) => {
    const [y, m, d, h, mi, s] = wall(ms);
    return `${y}/${m}/${d} ${h}:${pad(mi)}:${pad(s)}`;
  },
  (ms) => String(ms),
  (ms) => {
    const [y, m, d, h, mi, s] = wall(ms);
    return `${y}年${m}月${d}日 ${h}:${pad(mi)}:${pad(s)}`;
  },
];
const MONEY_FORMATS: ((fen: number) => string)[] = [
  (f) => (f / 100).toFixed(2),
  (f) => `¥${(f / 100).toFixed(2)}`,
  (f) => `${(f / 100).toFixed(2)}元`,
  (f) => `￥${(f / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
];

interface Row {
  id: string;
  worker: string;
  platform: string;
  accepted: number;
  minutes: number;
  fen?: number;
  status?: [string, 'completed' | 'cancelled'];
  notes: string;
  dateFormat: number;
  moneyFormat: number;
  quoteAll: boolean;
}

const row = fc.record({
  id: text,
  worker: text,
  platform: text,
  accepted: fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }).map((s) => s * 1000),
  minutes: fc.integer({ min: 0, max: 24 * 60 }),
  fen: fc.option(fc.integer({ min: 0, max: 100_000_00 }), { nil: undefined }),
  status: fc.option(fc.constantFrom<[string, 'completed' | 'cancelled']>(['已完成', 'completed'], ['已取消', 'cancelled'], ['delivered', 'completed'], ['取消', 'cancelled']), { nil: undefined }),
  notes: fc.oneof(fc.constant(''), text),
  dateFormat: fc.integer({ min: 0, max: DATE_FORMATS.length - 1 }),
  moneyFormat: fc.integer({ min: 0, max: MONEY_FORMATS.length - 1 }),
  quoteAll: fc.boolean(),
});

const layout = fc.record({
  delimiter: fc.constantFrom(',', '\t', ';'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
  /** Line endings, used in turn: one for the whole file, or a mix (CRLF, LF and lone CR). */
  eols: fc.oneof(
    fc.constantFrom('\n', '\r\n', '\r').map((e) => [e]),
    fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 2, maxLength: 7 }),
  ),
  lang: fc.constantFrom('en', 'zh'),
  finalEol: fc.boolean(),
  /** Blank lines before the row with this index (a random few). */
  blanks: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
});

function field(v: string, delimiter: string, force: boolean): string {
  const needs = v.includes(delimiter) || /["\r\n]/.test(v);
  return needs || force ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The file's bytes and, per row, the line it starts on. */
interface Layout {
  delimiter: string;
  encoding: string;
  eols: string[];
  lang: string;
  finalEol: boolean;
  blanks: number[];
}

function write(rows: Row[], l: Layout) {
  const header = l.lang === 'zh' || l.encoding === 'gb18030' ? HEADERS.zh : HEADERS.en;
  let e = 0;
  const eol = () => l.eols[e++ % l.eols.length];
  const parts: string[] = [header.join(l.delimiter) + eol()];
  let line = 2;
  const lines: number[] = [];
  rows.forEach((r, k) => {
    for (const b of l.blanks) {
      if (b === k) {
        // (An LF right after a lone CR would make the two one CRLF, not a blank line.)
        const end = eol();
        parts.push(end === '\n' && parts[parts.length - 1].endsWith('\r') ? '\r' : end);
        line++;
      }
    }
    const cells = [
      r.id,
      r.worker,
      DATE_FORMATS[r.dateFormat](r.accepted),
      DATE_FORMATS[r.dateFormat](r.accepted + r.minutes * 60_000),
      r.platform,
      r.fen === undefined ? '' : MONEY_FORMATS[r.moneyFormat](r.fen),
      r.status?.[0] ?? '',
      r.notes,
    ];
    lines.push(line);
    const rec = cells.map((c) => field(c, l.delimiter, r.quoteAll)).join(l.delimiter);
    // Line breaks inside values: \r\n counts once, like \n and a lone \r.
    line += 1 + (rec.match(/\r\n|\r|\n/g) ?? []).length;
    parts.push(rec + (k < rows.length - 1 || l.finalEol ? eol() : ''));
  });
  const body = parts.join('');
  const bytes =
    l.encoding === 'gb18030'
      ? iconv.encode(body, 'gb18030')
      : l.encoding === 'utf-8-bom'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])
        : Buffer.from(body);
  return { bytes, lines };
}

async function read(bytes: Uint8Array, name = 'orders.csv') {
  const p = join(dir, `${++fileNo}-${name}`);
  writeFileSync(p, bytes);
  const records: CanonicalRecord[] = [];
  const result = await readInputs([{ path: p }], { clock }, (r) => records.push(r));
  return { result, records };
}

describe('reader round trip', () => {
  it('random quoting, delimiters, encodings, line endings (mixed too) and blank lines give back the same records and lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 25, selector: (r) => r.id }),
        layout,
        async (rows, l) => {
          // Order ids are unique per platform: make them so, keeping the generated text.
          rows.forEach((r, k) => (r.id = `${k}${r.id}`));
          const { bytes, lines } = write(rows, l);
          const { result, records } = await read(bytes);
          const input = result.inputs[0];
          expect(result.rejected).toEqual([]);
          expect(input).toMatchObject({ rowsRead: rows.length, rowsUsed: rows.length, rowsRejected: 0, delimiter: l.delimiter });
          expect(input.encoding).toBe(l.encoding === 'gb18030' ? 'gb18030' : 'utf-8');
          const got = records.map((r) => r.record as OrderRecord);
          expect(got.map((o) => o.line)).toEqual(lines);
          expect(got.map((o) => [o.orderId, o.workerId, o.platform, o.acceptedAt, o.completedAt, o.orderPayFen, o.status])).toEqual(
            rows.map((r) => [r.id, r.worker, r.platform, r.accepted, r.accepted + r.minutes * 60_000, r.fen, r.status?.[1] ?? 'completed']),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the reader never throws anything but an InputError, and accounts for every row', () => {
  const check = async (bytes: Uint8Array, name?: string) => {
    try {
      const { result, records } = await read(bytes, name);
      for (const i of result.inputs) expect(i.rowsRead).toBe(i.rowsUsed + i.rowsRejected);
      expect(records.length).toBe(result.inputs.reduce((n, i) => n + i.rowsUsed, 0));
      expect(result.rejected.length).toBe(result.inputs.reduce((n, i) => n + i.rowsRejected, 0));
      for (const r of result.rejected) expect(r.line).toBeGreaterThan(1);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  };

  it('an orders header followed by random CSV-ish text', async () => {
    const chars = fc.constantFrom(...'ab1, ;\t"\n\r\u0000\u00ff速达-:/.'.split(''), '2025-03-01 08:00:00', 'O1', '\uFFFD', '\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 300 }), fc.constantFrom('utf-8', 'gb18030'), async (cs, encoding) => {
        const body = `${HEADERS.zh.join(',')}\n${cs.join('')}`;
        await check(encoding === 'gb18030' ? iconv.encode(body, 'gb18030') : Buffer.from(body));
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes, with or without a valid header first', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), fc.constantFrom('o.csv', 'o.tsv', 'o.txt'), async (b, header, name) => {
        await check(header ? Buffer.concat([Buffer.from(`${HEADERS.en.join(',')}\n`), b]) : b, name);
      }),
      { numRuns: 150 },
    );
  });
});
