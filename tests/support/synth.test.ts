// Self-checks of the synthetic export generator (tests/support/synth.ts).
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { CORE_RULES, synthesize, type SynthSet } from './synth.js';

const strictUtf8 = (bytes: Buffer): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

const parsed = new WeakMap<Buffer, string[][]>();
function table(set: SynthSet, dialect: 'en' | 'zh', index: number): string[][] {
  const bytes = set.files[index].bytes;
  let rows = parsed.get(bytes);
  if (!rows) {
    const text = dialect === 'zh' ? iconv.decode(bytes, 'gb18030') : strictUtf8(bytes);
    rows = parse(text, { relax_column_count: false }) as string[][];
    parsed.set(bytes, rows);
  }
  return rows;
}

/** Minutes since the epoch (wall clock) from either dialect's date-time. */
function minutes(s: string): number {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) throw new Error(`bad date-time ${s}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) / 60000;
}

/** continuous-order-time straight from the orders file: any merged span (bridge < 20 min) over 240 min. */
function longSpanKeys(rows: string[][]): Set<string> {
  const by = new Map<string, [number, number][]>();
  for (const r of rows.slice(1)) {
    const key = `${r[1]}|${r[4]}`;
    if (!by.has(key)) by.set(key, []);
    by.get(key)!.push([minutes(r[2]), minutes(r[3])]);
  }
  const out = new Set<string>();
  for (const [key, list] of by) {
    list.sort((a, b) => a[0] - b[0]);
    let start = list[0][0];
    let end = list[0][1];
    for (const [a, c] of list.slice(1)) {
      if (a < end + 20) end = Math.max(end, c);
      else {
        if (end - start > 240) out.add(key);
        start = a;
        end = c;
      }
    }
    if (end - start > 240) out.add(key);
  }
  return out;
}

describe('synthesize', () => {
  const en = synthesize({ dialect: 'en', seed: 11, workers: 80 });
  const zh = synthesize({ dialect: 'zh', seed: 11, workers: 80 });

  it('is deterministic for a seed and varies with the seed', () => {
    const again = synthesize({ dialect: 'en', seed: 11, workers: 80 });
    expect(again.files.map((f) => f.name)).toEqual(en.files.map((f) => f.name));
    for (let i = 0; i < en.files.length; i++) expect(again.files[i].bytes.equals(en.files[i].bytes)).toBe(true);
    for (const r of CORE_RULES) expect([...again.truth[r]]).toEqual([...en.truth[r]]);
    const other = synthesize({ dialect: 'en', seed: 12, workers: 80 });
    expect(other.files[0].bytes.equals(en.files[0].bytes)).toBe(false);
  });

  it('writes English UTF-8 files with ISO date-times and plain amounts', () => {
    expect(en.files.map((f) => f.name)).toEqual(['orders.csv', 'pay.csv', 'contracts.csv', 'insurance.csv']);
    const orders = table(en, 'en', 0);
    expect(orders[0]).toEqual(['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'employer', 'region', 'business_line', 'order_pay', 'status']);
    const bad = orders.slice(1).filter(
      (r) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/.test(r[2]) || !/^\d+\.\d{2}$/.test(r[8]) || !['takeaway', 'instant_delivery', 'ride_hailing'].includes(r[7]),
    );
    expect(bad).toEqual([]);
    const pay = table(en, 'en', 1);
    expect(pay[0].slice(0, 5)).toEqual(['worker_id', 'platform', 'period_start', 'period_end', 'gross_pay']);
    expect(pay.slice(1).filter((r) => !/^\d+\.\d{2}$/.test(r[4]))).toEqual([]);
    expect(table(en, 'en', 2)[0][1]).toBe('contract_type');
    expect(table(en, 'en', 3)[0][1]).toBe('insurance_type');
  });

  it('writes Chinese GB18030 files that are not valid UTF-8', () => {
    for (const f of zh.files) {
      expect(() => strictUtf8(f.bytes)).toThrow();
      expect(iconv.decode(f.bytes, 'gb18030')).toContain('骑手ID');
    }
    const orders = table(zh, 'zh', 0);
    expect(orders[0]).toEqual(['订单号', '骑手ID', '接单时间', '完成时间', '平台', '配送商', '区县', '业务类型', '订单收入', '订单状态']);
    const bad = orders.slice(1).filter(
      (r) => !/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/.test(r[2]) || !/^¥[\d,]+\.\d{2}$/.test(r[8]) || !['已完成', '已取消'].includes(r[9]),
    );
    expect(bad).toEqual([]);
    const pay = table(zh, 'zh', 1);
    expect(pay[0].slice(0, 5)).toEqual(['骑手ID', '平台', '结算周期开始', '结算周期结束', '应发工资']);
    expect(pay.slice(1).filter((r) => !/^\d{4}\/\d{1,2}\/\d{1,2}$/.test(r[2]) || !/^¥\d{1,3}(,\d{3})*\.\d{2}$/.test(r[4]))).toEqual([]);
    expect(pay.slice(1).some((r) => r[4].includes(','))).toBe(true); // thousands separators occur (quoted fields)
    expect(table(zh, 'zh', 2)[0]).toContain('合同类型');
    expect(table(zh, 'zh', 3)[0]).toContain('险种');
  });

  it('has only rows that parse: valid times, plausible orders, unique order ids', () => {
    for (const [set, dialect] of [[en, 'en'], [zh, 'zh']] as const) {
      const orders = table(set, dialect, 0);
      const ids = new Set<string>();
      const bad: string[][] = [];
      for (const r of orders.slice(1)) {
        const a = minutes(r[2]);
        const c = minutes(r[3]);
        const id = `${r[4]}|${r[0]}`;
        if (r.length !== 10 || !(c > a) || c - a >= 24 * 60 || ids.has(id)) bad.push(r);
        ids.add(id);
      }
      expect(bad).toEqual([]);
      for (const i of [1, 2, 3]) {
        const rows = table(set, dialect, i);
        expect(rows.slice(1).filter((r) => r.length !== rows[0].length)).toEqual([]);
      }
    }
  });

  it('has the same underlying data in both dialects', () => {
    expect(table(zh, 'zh', 0).length).toBe(table(en, 'en', 0).length);
    expect(zh.workerPlatforms.size).toBe(en.workerPlatforms.size);
    for (const r of CORE_RULES) expect(zh.truth[r].size).toBe(en.truth[r].size);
  });

  it('labels continuous-order-time exactly as the orders file shows it', () => {
    expect(longSpanKeys(table(en, 'en', 0))).toEqual(en.truth['continuous-order-time']);
    expect(longSpanKeys(table(zh, 'zh', 0))).toEqual(zh.truth['continuous-order-time']);
  });

  it('has truth sets that are non-empty, not everything, and inside the worker-platforms', () => {
    const big = synthesize({ dialect: 'en', seed: 5, workers: 200 });
    const n = big.workerPlatforms.size;
    expect(n).toBeGreaterThan(200);
    const seen = new Set(table(big, 'en', 0).slice(1).map((r) => `${r[1]}|${r[4]}`));
    expect(seen).toEqual(big.workerPlatforms);
    for (const r of CORE_RULES) {
      const t = big.truth[r];
      expect(t.size).toBeGreaterThan(0.15 * n);
      expect(t.size).toBeLessThan(0.45 * n);
      for (const k of t) expect(big.workerPlatforms.has(k)).toBe(true);
    }
    expect(new Set(table(big, 'en', 0).slice(1).map((r) => r[4])).size).toBe(3);
  });

  it('includes multi-platform workers covered on one platform only', () => {
    const big = synthesize({ dialect: 'zh', seed: 5, workers: 200 });
    const platformsOf = new Map<string, string[]>();
    for (const k of big.workerPlatforms) {
      const [w, p] = k.split('|');
      platformsOf.set(w, [...(platformsOf.get(w) ?? []), p]);
    }
    const multi = [...platformsOf].filter(([, ps]) => ps.length === 2);
    expect(multi.length).toBeGreaterThan(10);
    const half = multi.filter(([w, ps]) => ps.filter((p) => big.truth['injury-insurance'].has(`${w}|${p}`)).length === 1);
    expect(half.length).toBeGreaterThan(0);
    expect([...big.details.values()].some((tags) => tags.includes('inj:other-platform-only'))).toBe(true);
  });

  it('covers the requested two months and refuses months before the 2025 minimums', () => {
    const july = synthesize({ dialect: 'en', seed: 3, workers: 20, month: '2025-07' });
    const months = new Set(table(july, 'en', 0).slice(1).map((r) => r[2].slice(0, 7)));
    expect([...months].sort()).toEqual(['2025-07', '2025-08']);
    const dec = synthesize({ dialect: 'zh', seed: 3, workers: 20, month: '2025-12' });
    const decMonths = new Set(table(dec, 'zh', 0).slice(1).map((r) => r[2].split(' ')[0].split('/').slice(0, 2).join('-')));
    expect([...decMonths].sort()).toEqual(['2025-12', '2026-1']);
    expect(() => synthesize({ dialect: 'en', seed: 3, workers: 20, month: '2024-12' })).toThrow(/2025-01/);
  });

  it('stays consistent over many seeds (the generator re-derives every label and throws on a thin margin)', () => {
    for (let seed = 100; seed < 106; seed++) {
      expect(() => synthesize({ dialect: seed % 2 ? 'zh' : 'en', seed, workers: 60 })).not.toThrow();
    }
  });
});
