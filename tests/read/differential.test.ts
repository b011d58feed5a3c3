// Differential tests of the fast reader (src/read/fast/) against csv-parse, the reference:
// on generated corpora (random quoting, delimiters, quotes and line breaks inside fields,
// BOM, CRLF, lone CRs, line endings mixed in one file, ragged rows, blank lines, GB18030) and
// on adversarial cases, the byte
// scanner must give exactly what csv-parse gives — fields, start lines, errors, row counts —
// and the columnar orders path (in-process and on worker threads) exactly the records,
// rejections and accounting of the row-at-a-time path.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Collector, type Period } from '../../src/assemble/collect.js';
import { runAudit } from '../../src/audit/run.js';
import type { CanonicalRecord } from '../../src/model.js';
import { OrderIdIndex, hashId, keyHash } from '../../src/normalise/orderIds.js';
import { streamCsv, type BrokenRecord, type Engine } from '../../src/read/csvStream.js';
import { CR as CR_, CsvScanner, LF as LF_, ScanStatus } from '../../src/read/fast/scan.js';
import { parallelAvailable, parallelStats } from '../../src/read/fast/parallel.js';
import { readInputs } from '../../src/read/index.js';
import { json } from '../../src/reporters/json.js';
import { Clock } from '../../src/time.js';
import { Rng } from '../support/rng.js';
import { put, tmpDir } from './tmpfiles.js';

const clock = new Clock('Asia/Shanghai');

/** The corpora's generator: the seed times 2654435761 as its state, as these corpora have always been drawn. */
const corpusRng = (seed: number) => Rng.fromState(seed * 2654435761);

/** What a pass over a file produced: every record with its line, or the error. */
async function trace(path: string, engine: Engine, extra: { readSize?: number; encoding?: 'gb18030' | 'utf-8' } = {}) {
  const rows: [number, string[]][] = [];
  try {
    const res = await streamCsv({
      path,
      engine,
      readSize: extra.readSize,
      encoding: extra.encoding,
      onHeader: (fields, line) => {
        rows.push([line, fields]);
        return (f: string[], l: number) => {
          rows.push([l, f]);
        };
      },
    });
    return { rows, res: { ...res, engine: undefined } };
  } catch (e) {
    // A file that fails, fails whole: the rows handed on before the error are not compared
    // (the scanner reads ahead in larger pieces, and the run stops either way).
    return { error: (e as Error).message };
  }
}

// ------------------------------------------------------------------ corpus
const WORDS = ['a', 'b', 'xyz', '速达配送', '永川区', '外卖', '42', '3.14', ' ', '  pad  ', '="007"', 'é', '🚀', 'Ｆｕｌｌ', '\u3000x\u3000', ''];
const SPECIAL = [',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' "', '" '];

function field(r: Rng, delim: string): string {
  let v = '';
  const parts = r.int(0, 3);
  for (let i = 0; i < parts; i++) v += r.chance(0.25) ? r.pick(SPECIAL) : r.pick(WORDS);
  const needs = v.includes(delim) || v.includes('"') || v.includes('\n') || v.includes('\r');
  const quote = needs ? !r.chance(0.05) : r.chance(0.2); // sometimes leave a field that needs quotes bare
  if (quote) return `"${v.replace(/"/g, r.chance(0.97) ? '""' : '"')}"`;
  return v;
}

function corpus(seed: number): { text: string; delim: string } {
  const r = corpusRng(seed);
  const delim = r.pick([',', ',', ',', '\t', ';']);
  const eol = r.pick(['\n', '\r\n', '\r\n', '\n']);
  const width = r.int(1, 7);
  const lines: string[] = [];
  const n = r.int(0, 60);
  for (let i = 0; i < n; i++) {
    if (r.chance(0.05)) {
      lines.push(''); // blank line
      continue;
    }
    if (r.chance(0.03)) {
      lines.push(delim.repeat(width - 1)); // `,,,` row
      continue;
    }
    const w = r.chance(0.1) ? r.int(1, width + 2) : width; // ragged
    const fs: string[] = [];
    for (let k = 0; k < w; k++) fs.push(field(r, delim));
    lines.push(fs.join(delim));
  }
  // A third of the files mix their line endings: each line ends at a CRLF, an LF or a lone CR
  // (from a stream of its own, so that the rest of each file is as it was).
  const m = new Rng(seed + 1_000_003);
  const mixed = m.chance(0.33);
  const end = () => (mixed ? m.pick(['\n', '\r\n', '\r\n', '\n', '\r']) : eol);
  let text = lines.map((l, i) => (i === 0 ? l : end() + l)).join('');
  if (r.chance(0.5)) text += end();
  if (r.chance(0.1)) text += end() + end(); // trailing blank lines
  if (r.chance(0.05)) text = '\uFEFF' + text;
  if (r.chance(0.05)) text = text.replace(/\r?\n/, '\r'); // a lone CR somewhere
  return { text, delim };
}

describe('byte scanner vs csv-parse', () => {
  it('generated corpora give the same records, lines and errors (UTF-8, every read size)', async () => {
    const d = await tmpDir();
    for (let seed = 1; seed <= 400; seed++) {
      const { text } = corpus(seed);
      const p = await put(d, `c${seed}.csv`, text);
      const ref = await trace(p, 'csv-parse');
      for (const readSize of [undefined, 1, 7, 64]) {
        const got = await trace(p, 'fast', { readSize });
        expect(got, `seed ${seed} read ${readSize}: ${JSON.stringify(text.slice(0, 200))}`).toEqual(ref);
      }
    }
  }, 120_000);

  it('GB18030 files after decoding', async () => {
    const d = await tmpDir();
    for (let seed = 500; seed <= 560; seed++) {
      const { text } = corpus(seed);
      // GB18030 cannot carry a BOM the way UTF-8 does; the rest is fair game (emoji included).
      const p = await put(d, `g${seed}.csv`, iconv.encode(text.replace(/^\uFEFF/, ''), 'gb18030'));
      const ref = await trace(p, 'csv-parse', { encoding: 'gb18030' });
      for (const readSize of [undefined, 5]) {
        expect(await trace(p, 'fast', { encoding: 'gb18030', readSize }), `seed ${seed}`).toEqual(ref);
      }
    }
  }, 60_000);

  const ADVERSARIAL: [string, string | Uint8Array][] = [
    ['empty', ''],
    ['only blank lines', '\n\n\r\n'],
    ['header only, no newline', 'a,b,c'],
    ['unclosed quote', 'a,b\n1,"never closed\n2,3\n'],
    ['unclosed quote at the very end', 'a,b\n1,"x'],
    ['quote then text (relax_quotes)', 'a,b\n1,"abc"def\n2,3\n'],
    ['quote then text with escapes', 'a,b\n1,"a""b"c\n2,3\n'],
    ['quote then NUL', 'a,b\n1,"abc"\u0000x\n2,3\n'],
    ['quote mid-field', 'a,b\n1,ab"c\n2,5"\n'],
    ['lone CR record delimiter', 'a,b\r1,2\r3,4\r'],
    ['CRLF file with bare LF', 'a,b\r\n1,x\ny\r\n2,3\r\n'],
    ['LF file with CRLF rows', 'a,b\n1,2\r\n3,4\r\n'],
    // Mixed line endings: every CRLF, LF and lone CR ends a record, at the start, middle, end.
    ['CRLF header, LF rows', 'a,b\r\n1,2\n3,4\n'],
    ['one CRLF row in an LF file', 'a,b\n1,2\r\n3,4\n5,6\n'],
    ['CRLF on the last row of an LF file only', 'a,b\n1,2\n3,4\r\n'],
    ['LF header, CRLF rows', 'a,b\n1,2\r\n3,4\r\n'],
    ['one LF row in a CRLF file', 'a,b\r\n1,2\r\n3,4\n5,6\r\n'],
    ['LF on the last row of a CRLF file only, no final ending', 'a,b\r\n1,2\r\n3,4\n5,6'],
    ['lone CR row in a CRLF file', 'a,b\r\n1,2\r3,4\r\n5,6\r\n'],
    ['lone CR row in an LF file', 'a,b\n1,2\r3,4\n5,6\n'],
    ['LF rows in a lone-CR file', 'a,b\r1,2\n3,4\r5,6\n'],
    ['LF then CR (two endings)', 'a,b\n\r1,2\n\r3,4\n\r'],
    ['empty lines of every kind', '\r\n\r\n\n\ra,b\n\r\n\r\r\n\n1,2\r\r\n\n3,4\n\r\r\n'],
    ['empty lines of every kind at the end, no header ending', 'a,b\r\r\n\n\r'],
    ['quoted fields with every ending, in a mixed file', 'a,b\n1,"x\ry\r\nz\nw"\r2,"\r\n"\n3,"\n\r"\r\n4,"\r"\r5,"\n"\n'],
    ['closing quote then a lone CR, CRLF, LF', 'a,b\n1,"x"\r2,"y"\r\n3,"z"\n4,"w"\r'],
    ['a CR last in a quoted field, then LF', 'a,b\r\n1,"x\r"\n2,3\r'],
    ['ragged rows with mixed endings', 'a,b,c\r\n1\n1,2,3,4\r5,6\r\n'],
    ['unclosed quote after mixed endings', 'a,b\r\n1,2\n3,4\r5,"never\r\nclosed\n6,7\r'],
    ['relax_quotes repair after mixed endings', 'a,b\n1,2\r3,"x"y\r\n4,5\n'],
    ['CR before LF in quotes', 'a,b\r\n1,"x\r\ny"\r\n2,"\r"\r\n'],
    ['CR at end of file', 'a,b\r\n1,2\r'],
    ['escaped quotes only', 'a,b\n"""",""""""\n'],
    ['empty quoted', 'a,b\n"",""\n'],
    ['closing quote at EOF', 'a,b\n1,"x"'],
    ['trailing delimiter at EOF', 'a,b\n1,'],
    ['BOM', '\uFEFFa,b\n1,2\n'],
    ['double BOM', '\uFEFF\uFEFFa,b\n1,2\n'],
    ['blank rows of delimiters', 'a,b,c\n,,\n1,2,3\n , ,\n'],
    ['whitespace-only row', 'a,b\n   \n1,2\n'],
    ['="" blank row', 'a,b\n="",\n1,2\n'],
    ['quoted newline spanning many lines', 'a,b\n1,"l1\nl2\r\nl3\rl4"\n2,3\n'],
    ['long field', `a,b\n1,"${'x'.repeat(300_000)}"\n2,3\n`],
    ['header after blank lines', '\n\r\n\na,b\n1,2\n'],
    ['tab delimited', 'a\tb\n1\t"2\t3"\n'],
    ['semicolons', 'a;b\n1;"2;3"\n'],
    ['invalid UTF-8 late', Buffer.concat([Buffer.from('a,b\n' + '1,2\n'.repeat(40_000)), Buffer.from([0xff, 0x0a])])],
    ['truncated UTF-8 at the end', Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xe9, 0x80])])],
    ['NUL bytes', 'a,b\n1,\u0000\n'],
    ['U+FFFD in the text', 'a,b\n1,\uFFFD\n'],
  ];

  it.each(ADVERSARIAL)('%s', async (_name, content) => {
    const d = await tmpDir();
    const p = await put(d, 'x.csv', content);
    const ref = await trace(p, 'csv-parse');
    expect(await trace(p, 'fast')).toEqual(ref);
    if (content.length < 2000) for (const readSize of [1, 3]) expect(await trace(p, 'fast', { readSize })).toEqual(ref);
  });

  it('mixed line endings: records and lines are those a text editor shows, in both engines', async () => {
    const d = await tmpDir();
    const text =
      'a,b\r\n' + // 1
      '1,2\n' + // 2
      '\r' + // 3 (empty)
      '3,"x\r\ny"\r' + // 4-5
      '5,6\r\n' + // 6
      '\n' + // 7 (empty)
      '7,"p\rq\nr"\n' + // 8-10
      '9,10'; // 11
    const p = await put(d, 'mixed.csv', text);
    const want = {
      rows: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
        [4, ['3', 'x\r\ny']],
        [6, ['5', '6']],
        [8, ['7', 'p\rq\nr']],
        [11, ['9', '10']],
      ],
    };
    expect(await trace(p, 'csv-parse')).toMatchObject(want);
    for (const readSize of [undefined, 1, 2, 3, 5]) expect(await trace(p, 'fast', { readSize }), `read ${readSize}`).toMatchObject(want);
    // A quote that never closes, after mixed endings: the error names the line where it opened.
    const q = await put(d, 'unclosed.csv', 'a,b\r\n1,2\n3,4\r\r\n5,"never\r\nclosed\n6,7\r');
    const err = { error: expect.stringMatching(/: line 5: a quoted field is never closed$/) };
    expect(await trace(q, 'csv-parse')).toEqual(err);
    for (const readSize of [undefined, 1, 3]) expect(await trace(q, 'fast', { readSize })).toEqual(err);
  });

  it('hands a file it cannot take to csv-parse from the record concerned', () => {
    const s = new CsvScanner(44);
    const b = Buffer.from('a,b\n1,2\n3,"x"y\n4,5\n');
    const lines: number[] = [];
    expect(s.scan(b, 0, b.length, true, (_r, l) => void lines.push(l))).toBe(ScanStatus.Bail);
    expect(lines).toEqual([1, 2]);
    expect(b.subarray(s.pos).toString()).toBe('3,"x"y\n4,5\n');
    expect(s.line).toBe(3);
  });
});

// ------------------------------------------------------------------ orders, column by column
const ORDER_HEADER = 'order_id,worker_id,accepted_at,completed_at,platform,employer,region,business_line,order_pay,status,note';

function orderRow(r: Rng, i: number): string {
  const pick = r.pick.bind(r);
  const day = r.int(1, 28);
  const h = r.int(0, 22);
  const at = (m: number) => `2025-03-${String(day).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
  let accepted = at(r.int(0, 30));
  let completed = at(r.int(30, 59));
  if (r.chance(0.05)) accepted = pick(['2025/3/4 8:05', '2025-03-04T08:05:00+08:00', '2025年3月4日 8时5分', '1741046700', '2025-02-30 10:00:00', '2025-13-01 00:00:00', 'yesterday', '', ' 2025-03-04 08:05:00', '2025-03-04 8:05:00', '45720.5']);
  if (r.chance(0.02)) [accepted, completed] = [completed, accepted];
  if (r.chance(0.01)) completed = '2025-03-29 23:59:59';
  let id = `O${i}`;
  if (r.chance(0.03)) id = `O${r.int(0, i)}`; // duplicate (or itself)
  if (r.chance(0.02)) id = pick(['', ' ', `="O${i}"`, ` O${i} `, `O"${i}`, `O\u3000${i}`, `"O""${i}"`]);
  const worker = r.chance(0.02) ? pick(['', ' w1 ', '="w2"', 'w\u00a0', '骑手1']) : `w${r.int(1, 12)}`;
  const platform = r.chance(0.1) ? pick(['', ' 速达配送 ', '"快跑, 出行"', '速达配送\u3000']) : pick(['速达配送', '快跑出行']);
  const employer = pick(['', '', '永捷配送', '"旌达, 物流"']);
  const region = pick(['永川区', '城口县', '', '"永川区"', '旌阳区', ' 永川区']);
  const line = pick(['外卖', 'takeaway', '', '网约车', '跑腿', 'unknown line', '"外卖"']);
  let pay = pick(['12.50', '3', '0.005', '-1.25', '', '1,234.50', '¥12', '12.5元', 'abc', '12.', '.5', '9999999999999', '99999999999999', '-0.00']);
  if (r.chance(0.01)) pay = '"1,234.56"';
  const status = pick(['已完成', 'completed', '', '已取消', 'cancel', 'lost']);
  let note = pick(['', '', 'ok', '"a, b"', '"line\nbreak"', '"CR\r\nLF"', '"say ""hi"""']);
  if (r.chance(0.005)) note = `"${'n'.repeat(1200)}"`;
  const cells = [id, worker, accepted, completed, platform, employer, region, line, pay, status, note];
  if (r.chance(0.01)) cells.pop(); // ragged
  if (r.chance(0.005)) cells[0] = `"${'L'.repeat(1200)}"`; // too long for an id
  if (r.chance(0.005)) cells[1] = 'w\u0000';
  return cells.join(',');
}

function ordersFile(seed: number, rows: number): string {
  const r = corpusRng(seed);
  const out = [ORDER_HEADER];
  for (let i = 0; i < rows; i++) {
    if (r.chance(0.01)) out.push('');
    out.push(orderRow(r, i));
  }
  return out.join(r.chance(0.5) ? '\r\n' : '\n') + '\n';
}

async function readAll(paths: string[], engine: Engine, threads = 0, rangeBytes = 4096) {
  const records: CanonicalRecord[] = [];
  const res = await readInputs(
    paths.map((path) => ({ path })),
    { clock, engine, threads, parallelMinBytes: 1, parallelRangeBytes: rangeBytes },
    (r) => records.push(r),
  );
  delete res.engines;
  return JSON.parse(JSON.stringify({ res, records }));
}

describe('rows swallowed by a stray quote, in every range of a parallel read', () => {
  // A ditto mark (`"`) opens a quote that a later `x"` closes: the row swallows the lines in
  // between. Rejections name the absolute line and no line numbers a range could get wrong.
  it.runIf(parallelAvailable())('the same rejections, lines and reasons from csv-parse and from threads over small ranges', async () => {
    const d = await tmpDir();
    const lines = ['order_id,worker_id,accepted_at,completed_at,platform,region,order_pay,remark'];
    for (let i = 1; i <= 3000; i++) {
      const remark = i % 700 === 0 ? '"ditto' : i % 700 === 3 ? 'x"' : '';
      lines.push(`A${i},W${i % 50},2025-03-0${1 + (i % 9)} 08:${String(i % 60).padStart(2, '0')}:00,2025-03-0${1 + (i % 9)} 09:00:00,速达,永川区,5.00,${remark}`);
    }
    const a = await put(d, 'ditto.csv', lines.join('\n') + '\n');
    const ref = await readAll([a], 'csv-parse');
    expect(ref.res.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason.slice(0, 36)])).toEqual(
      [701, 1401, 2101, 2801].map((line) => [line, 'the row spans 4 lines from its own: ']),
    );
    expect(await readAll([a], 'fast', 2, 8 * 1024)).toEqual(ref);
  });
});

describe('orders: columns vs rows', () => {
  it('records, rejections and accounting are those of the row-at-a-time path', async () => {
    const d = await tmpDir();
    for (let seed = 1; seed <= 12; seed++) {
      const a = await put(d, `a${seed}.csv`, ordersFile(seed, 300));
      const b = await put(d, `b${seed}.csv`, ordersFile(seed + 1000, 200)); // duplicates across files too
      const ref = await readAll([a, b], 'csv-parse');
      expect(ref.res.rejected.length).toBeGreaterThan(10);
      expect(await readAll([a, b], 'fast'), `seed ${seed}`).toEqual(ref);
    }
  }, 60_000);

  it.runIf(parallelAvailable())('on worker threads over byte ranges (cut inside quoted fields too)', async () => {
    const d = await tmpDir();
    const before = { ...parallelStats };
    for (let seed = 20; seed <= 26; seed++) {
      const a = await put(d, `p${seed}.csv`, ordersFile(seed, 1500));
      const ref = await readAll([a], 'csv-parse');
      const got = await readAll([a], 'fast', 2);
      expect(got, `seed ${seed}`).toEqual(ref);
    }
    // A quoted note with a line break right after a cut: that range was parsed again.
    const multi = ORDER_HEADER + '\n' + Array.from({ length: 400 }, (_, i) => `Q${i},w1,2025-03-01 08:00:00,2025-03-01 08:30:00,速达配送,,永川区,外卖,12.50,已完成,"${'x'.repeat(30)}\n${'y'.repeat(40)}"`).join('\n') + '\n';
    const m = await put(d, 'multi.csv', multi);
    expect(await readAll([m], 'fast', 2)).toEqual(await readAll([m], 'csv-parse'));
    expect(parallelStats.ranges).toBeGreaterThan(before.ranges + 20);
    expect(parallelStats.redone).toBeGreaterThan(before.redone);
    // Each read started its two threads before reaching the file, and took both.
    expect(parallelStats.prestarted - before.prestarted).toBe(2 * 8);
    expect(parallelStats.taken - before.taken).toBe(2 * 8);
    expect(parallelStats.endedUntaken).toBe(before.endedUntaken);
  }, 120_000);

  it.runIf(parallelAvailable())('threads started ahead for a large input that is no orders file end unused', async () => {
    const d = await tmpDir();
    const rows = Array.from({ length: 300 }, (_, i) => `w${i},速达配送,2025-03-01,2025-03-31,${1000 + i}.00,${1000 + i}.00,2025-04-08,银行转账,是`);
    const pay = await put(d, 'pay.csv', ['工号,平台,结算周期开始,结算周期结束,应发工资,实发工资,发放日期,支付方式,是否提供工资清单', ...rows].join('\n') + '\n');
    const before = { ...parallelStats };
    const got = await readAll([pay], 'fast', 2);
    expect(parallelStats.prestarted - before.prestarted).toBe(2);
    expect(parallelStats.taken).toBe(before.taken);
    expect(parallelStats.endedUntaken - before.endedUntaken).toBe(2);
    expect(got.res.inputs[0]).toMatchObject({ kind: 'pay', rowsRead: 300, rowsUsed: 300 });
    expect(got).toEqual(await readAll([pay], 'fast', 0));
  }, 60_000);

  it.runIf(parallelAvailable())('mixed line endings on worker threads: cuts between CR and LF, at and after lone LFs and CRs', async () => {
    // A mostly-CRLF orders file with LF rows, lone-CR rows and empty lines of each kind, and no
    // line break inside a quoted field: every cut is then at a true line start, found without
    // a second try, wherever it falls among the bytes of a line ending.
    const r = new Rng(41);
    const eol = () => r.pick(['\r\n', '\r\n', '\r\n', '\n', '\r']);
    let text = ORDER_HEADER + '\r\n';
    for (let i = 0; i < 600; i++) {
      if (r.chance(0.03)) text += eol(); // an empty line
      const accepted = r.chance(0.05) ? 'bad' : '2025-03-01 08:00:00';
      text += `M${i},w${i % 7},${accepted},2025-03-01 08:30:00,速达配送,,永川区,外卖,12.50,已完成,${'n'.repeat(r.int(0, 40))}${eol()}`;
    }
    const d = await tmpDir();
    const a = await put(d, 'mixed.csv', text);
    const bytes = Buffer.from(text);
    const offset = Buffer.byteLength(ORDER_HEADER) + 2;
    const ref = await readAll([a], 'csv-parse');
    expect(ref.res.rejected.length).toBeGreaterThan(10);
    // Range sizes that put a cut at each kind of place, a few of each.
    const kinds = {
      betweenCrAndLf: (c: number) => bytes[c - 1] === CR_ && bytes[c] === LF_,
      atLoneLf: (c: number) => bytes[c] === LF_ && bytes[c - 1] !== CR_,
      afterLoneLf: (c: number) => bytes[c - 1] === LF_ && bytes[c - 2] !== CR_,
      afterLoneCr: (c: number) => bytes[c - 1] === CR_ && bytes[c] !== LF_,
      afterCrLf: (c: number) => bytes[c - 1] === LF_ && bytes[c - 2] === CR_,
    };
    const sizes = new Set<number>();
    for (const [, is] of Object.entries(kinds)) {
      let found = 0;
      for (let size = 1000; size < 4000 && found < 2; size++) {
        let hit = false;
        for (let c = offset + size; c < bytes.length; c += size) if (is(c)) hit = true;
        if (hit) {
          sizes.add(size);
          found++;
        }
      }
      expect(found).toBe(2);
    }
    const before = { ...parallelStats };
    for (const size of sizes) expect(await readAll([a], 'fast', 2, size), `range ${size}`).toEqual(ref);
    expect(parallelStats.ranges).toBeGreaterThan(before.ranges + sizes.size * 5);
    expect(parallelStats.redone).toBe(before.redone);
    expect(parallelStats.bailed).toBe(before.bailed);
  }, 120_000);

  it.runIf(parallelAvailable())('a range the scanner cannot take goes on in csv-parse', async () => {
    const d = await tmpDir();
    const text = ordersFile(31, 1000).replace(/\n(O500,[^\n]*)/, '\n"O500"x,$1');
    const a = await put(d, 'bail.csv', text);
    const before = parallelStats.bailed;
    expect(await readAll([a], 'fast', 2)).toEqual(await readAll([a], 'csv-parse'));
    expect(parallelStats.bailed).toBe(before + 1);
  }, 60_000);

  it('the collector holds the same orders, rejections and counts either way, with and without a period', async () => {
    const d = await tmpDir();
    const a = await put(d, 'o.csv', ordersFile(77, 800));
    const b = await put(d, 'p.csv', ordersFile(78, 500)); // duplicates of o.csv's ids too
    const logs = async (engine: Engine, period: Period, deferred = false) => {
      const ids = new OrderIdIndex({ deferred });
      const c = new Collector(clock, period, ids);
      const res = await readInputs([{ path: a }, { path: b }], { clock, engine, threads: 0, orderIds: ids }, c.add);
      expect(res.rejected.filter((r) => r.reason.startsWith('duplicate')).length).toBeGreaterThan(2);
      return { rejected: res.rejected, counts: res.inputs.map((i) => [i.rowsRead, i.rowsUsed, i.rowsRejected]), outside: c.ordersOutsidePeriod, logs: [...c.orders.values()]
        .map((wp) => ({
          key: `${wp.workerId}|${wp.platform}`,
          orders: Array.from({ length: wp.log.length }, (_, i) => [
            wp.log.orderIdAt(i),
            wp.log.acceptedAt[i],
            wp.log.completedAt[i],
            wp.log.payFen[i],
            wp.log.line[i],
            c.strings.get(wp.log.region[i]),
            c.strings.get(wp.log.employer[i]),
            wp.log.businessLine[i],
            wp.log.cancelled[i],
          ]),
        }))
        .sort((x, y) => (x.key < y.key ? -1 : 1)) };
    };
    const ref = await logs('csv-parse', {});
    expect(await logs('fast', {})).toEqual(ref);
    // Duplicates found after reading (as the audit does) leave the same orders and rejections.
    expect(await logs('fast', {}, true)).toEqual(ref);
    expect(await logs('csv-parse', {}, true)).toEqual(ref);
    const march = { from: clock.dayOf(Date.UTC(2025, 2, 1)), to: clock.dayOf(Date.UTC(2025, 2, 15)) };
    const inPeriod = await logs('csv-parse', march);
    expect(inPeriod.outside).toBeGreaterThan(0);
    expect(await logs('fast', march)).toEqual(inPeriod);
    expect(await logs('fast', march, true)).toEqual(inPeriod);
    expect(await logs('csv-parse', march, true)).toEqual(inPeriod);
  });

  it('a deferred duplicate check finds what the table finds, collisions of the 32-bit hash included', () => {
    // Different ids with the same table hash, found by brute force (about 10 pairs in 300 000).
    const seen = new Map<number, string>();
    const colliding: string[] = [];
    const enc = new TextEncoder();
    const pa = new OrderIdIndex().platformId('a');
    for (let i = 0; i < 300_000; i++) {
      const id = `O-${(Math.imul(i, 2654435761) >>> 0).toString(36)}`;
      const b = enc.encode(id);
      const h = keyHash(hashId(b, 0, b.length), pa);
      const other = seen.get(h);
      if (other !== undefined) colliding.push(other, id);
      else seen.set(h, id);
    }
    expect(colliding.length).toBeGreaterThanOrEqual(4);
    const claim = (ids: OrderIdIndex, platform: string, id: string, line: number) => ids.claim(platform, id, 0, line);
    const now = new OrderIdIndex();
    const later = new OrderIdIndex({ deferred: true });
    const r = corpusRng(5);
    const expected: number[] = [];
    for (let line = 1; line <= 20000; line++) {
      const id = r.chance(0.2) ? colliding[r.int(0, colliding.length - 1)] : `X${r.int(0, 12000)}`;
      const platform = r.chance(0.5) ? 'a' : 'b';
      if (claim(now, platform, id, line) !== undefined) expected.push(line);
      expect(claim(later, platform, id, line)).toBeUndefined();
    }
    const d = later.resolveDuplicates();
    expect(Array.from(d.later, (e) => later.originOf(e).line)).toEqual(expected);
    for (let i = 0; i < d.later.length; i++) {
      expect(later.idAt(d.first[i])).toBe(later.idAt(d.later[i]));
      expect(d.first[i]).toBeLessThan(d.later[i]);
    }
    expect(expected.length).toBeGreaterThan(5000);
  });
});

describe('a quote that never closes: the same rows and the same one rejected record from every engine', () => {
  /** A pass whose handler takes the broken record (readInputs' handlers do): rows, then what broke. */
  async function traceBroken(path: string, engine: Engine, readSize?: number) {
    const rows: [number, string[]][] = [];
    const broken: BrokenRecord[] = [];
    try {
      await streamCsv({
        path,
        engine,
        readSize,
        onHeader: (fields, line) => {
          rows.push([line, fields]);
          return Object.assign((f: string[], l: number) => void rows.push([l, f]), { broken: (b: BrokenRecord) => void broken.push(b) });
        },
      });
      return { rows, broken };
    } catch (e) {
      return { rows, broken, error: (e as Error).message };
    }
  }

  const CASES: [string, string, BrokenRecord | undefined, string?][] = [
    ['at the end, no line ending', 'a,b\n1,2\n3,"x', { line: 3, field: 1, reason: 'a quoted field is never closed (from line 3 to the end of the file)' }],
    ['then many lines', 'a,b,c\n1,2,3\n4,"x\n5,6,7\n8,9,10\n\n11,12,13\n', { line: 3, field: 1, reason: 'a quoted field is never closed (from line 3 to the end of the file)' }],
    ['in the first field, after blank lines', 'a,b\n\n1,2\n\r\n\n"x,y\nz\n', { line: 6, field: 0, reason: 'a quoted field is never closed (from line 6 to the end of the file)' }],
    ['after CRLFs in quoted fields and mixed endings', 'a,b\r\n1,"p\r\nq"\r3,4\n5,"never\r\nclosed\n6,7\r', { line: 5, field: 1, reason: 'a quoted field is never closed (from line 5 to the end of the file)' }],
    ['past the header width', 'a,b\n1,2\n3,4,"x\n', { line: 3, field: 2, reason: 'a quoted field is never closed (from line 3 to the end of the file)' }],
    ['in the header: the file fails as before', 'a,"b\n1,2\n', undefined, 'line 1: a quoted field is never closed'],
  ];

  it.each(CASES)('%s', async (_name, text, want, error) => {
    const d = await tmpDir();
    const p = await put(d, 'x.csv', text);
    const ref = await traceBroken(p, 'csv-parse');
    if (want) {
      expect(ref.error).toBeUndefined();
      expect(ref.broken).toEqual([want]);
      // Every record before it was handed on.
      expect(ref.rows.length).toBeGreaterThan(1);
    } else {
      expect(ref.error).toBe(`${p}: ${error}`);
      expect(ref.rows).toEqual([]);
    }
    for (const readSize of [undefined, 1, 3, 7]) expect(await traceBroken(p, 'fast', readSize), `read ${readSize}`).toEqual(ref);
  });

  it('a handler without `broken` still gets the error (the file fails as before)', async () => {
    const d = await tmpDir();
    const p = await put(d, 'x.csv', 'a,b\n1,2\n3,"x\n');
    for (const engine of ['csv-parse', 'fast'] as const) expect(await trace(p, engine)).toEqual({ error: `${p}: line 3: a quoted field is never closed` });
  });

  /** Orders with all sorts of quoting, then a row whose quote never closes, then quote-free rows (the quote cannot close). */
  function brokenOrders(seed: number, before: number, after: number, field = 2, tail = '') {
    const prefix = ordersFile(seed, before);
    const cells = ['B1', 'w1', '2025-03-01 08:00:00', '2025-03-01 08:30:00', '速达配送', '', '永川区', '外卖', '12.50', '已完成', 'note'];
    cells[field] = '"' + cells[field];
    const rest = Array.from({ length: after }, (_, i) => `C${i},w${i % 5},2025-03-02 08:00:00,2025-03-02 08:30:00,速达配送,,永川区,外卖,3,已完成,`);
    const text = prefix + cells.join(',') + '\n' + rest.join('\n') + '\n' + tail;
    expect(text.slice(prefix.length)).not.toMatch(/"[^]*"/); // one quote only after the prefix
    return { text, line: prefix.split(/\r\n|\r|\n/).length };
  }

  it.runIf(parallelAvailable())('orders: csv-parse, the scanner and worker threads give the same records, rejections and counts', async () => {
    const d = await tmpDir();
    const cases = [
      { name: 'mid-file', ...brokenOrders(40, 800, 700), column: 'accepted_at' },
      { name: 'last row', ...brokenOrders(41, 1200, 0, 10), column: 'note' },
      // More than the scanner takes in one record (1 MiB) after the quote: it hands over before the end.
      { name: 'long tail', ...brokenOrders(42, 600, 14_000, 4), column: 'platform' },
    ];
    for (const c of cases) {
      const a = await put(d, `${c.name}.csv`, c.text);
      const ref = await readAll([a], 'csv-parse');
      const last = ref.res.rejected.at(-1);
      expect(last, c.name).toEqual({ file: a, line: c.line, column: c.column, reason: `a quoted field is never closed (from line ${c.line} to the end of the file)` });
      const input = ref.res.inputs[0];
      expect(input.rowsRead, c.name).toBe(input.rowsUsed + input.rowsRejected);
      // Only the rows before the broken one were read (the random prefix has some rows with quoted line breaks).
      expect(ref.records.every((r: { record: { line: number } }) => r.record.line < c.line), c.name).toBe(true);
      expect(input.rowsUsed, c.name).toBeGreaterThan(250);
      expect(await readAll([a], 'fast', 0), `${c.name}: scanner`).toEqual(ref);
      const bailed = parallelStats.bailed;
      expect(await readAll([a], 'fast', 2), `${c.name}: threads`).toEqual(ref);
      expect(parallelStats.bailed, c.name).toBe(bailed + 1);
    }
  }, 120_000);

  it.runIf(parallelAvailable())('orders: a record past 8 MiB fails the file at its line from every engine', async () => {
    const d = await tmpDir();
    const filler = ('x'.repeat(99) + '\n').repeat(90_000); // 9 MB, no quote
    const prefix = ordersFile(43, 500);
    const a = await put(d, 'huge.csv', prefix + 'B1,"w1,' + filler);
    const line = prefix.split(/\r\n|\r|\n/).length;
    // The file fails at the record's line, the same from every engine (the rows after it may be sound).
    const failure = new RegExp(`: line ${line}: a record is longer than 8 MiB`);
    await expect(readAll([a], 'csv-parse')).rejects.toThrow(failure);
    await expect(readAll([a], 'fast', 0)).rejects.toThrow(failure);
    await expect(readAll([a], 'fast', 2, 64 * 1024)).rejects.toThrow(failure);
  }, 120_000);
});

describe('whole audits', () => {
  const audit = (dir: string, engine: Engine, threads: number) =>
    runAudit({
      inputs: [{ path: dir }],
      lang: 'en',
      engine,
      threads,
      now: () => new Date('2026-01-01T00:00:00Z'),
      readTuning: { parallelMinBytes: 1, parallelRangeBytes: 16 * 1024 },
    }).then((r) => json(r));

  it.runIf(parallelAvailable())('samples: the same JSON report from csv-parse, the scanner and worker threads', async () => {
    const ref = await audit('samples', 'csv-parse', 0);
    expect(await audit('samples', 'fast', 0)).toBe(ref);
    expect(await audit('samples', 'fast', 2)).toBe(ref);
  }, 60_000);

  it.runIf(parallelAvailable())('rules in batches, on rule threads too: the same JSON report', async () => {
    const run = (threads: number, ruleBatch: number) =>
      runAudit({
        inputs: [{ path: 'samples' }],
        lang: 'zh',
        threads,
        ruleBatch,
        ruleThreadsMin: 1,
        ruleThreadsMinBytes: 0,
        ruleCores: 4,
        now: () => new Date('2026-01-01T00:00:00Z'),
      }).then((r) => json(r));
    const ref = await run(0, 1_000_000);
    expect(await run(0, 3)).toBe(ref);
    expect(await run(3, 5)).toBe(ref);
  }, 60_000);
});
