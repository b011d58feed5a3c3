// Self-checks of the generator of all-rule export sets (tests/support/synth-further.ts).
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ALL_RULES, FURTHER_RULES, RULE_SCOPE, synthesizeFurther, type FurtherSet } from './synth-further.js';

const strictUtf8 = (bytes: Buffer): string => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

const parsed = new WeakMap<Buffer, string[][]>();
function table(set: FurtherSet, index: number): string[][] {
  const bytes = set.files[index].bytes;
  let rows = parsed.get(bytes);
  if (!rows) {
    const text = strictUtf8(bytes);
    rows = set.files[index].name.endsWith('.txt')
      ? text.replace(/^\ufeff/, '').split('\r\n').filter((l) => l !== '').map((l) => l.split('\t'))
      : (parse(text, { relax_column_count: false }) as string[][]);
    parsed.set(bytes, rows);
  }
  return rows;
}

// The headers of synth.ts's 'zh' dialect: the txt dialect must name its columns differently.
const ZH_HEADERS = [
  '订单号', '骑手ID', '接单时间', '完成时间', '平台', '配送商', '区县', '业务类型', '订单收入', '订单状态',
  '结算周期开始', '结算周期结束', '应发工资', '加班费', '特殊津贴', '实发工资', '发放日期', '支付方式', '是否提供工资清单',
  '合同类型', '合同开始日期', '合同结束日期', '签订日期', '形式', '险种', '参保日期', '停保日期', '参保状态',
];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idValid = (id: string) => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11] === id[17];
};

describe('synthesizeFurther', () => {
  const en = synthesizeFurther({ dialect: 'en', seed: 7, workers: 80 });
  const txt = synthesizeFurther({ dialect: 'txt', seed: 7, workers: 80 });

  it('is deterministic for a seed and varies with the seed', () => {
    const again = synthesizeFurther({ dialect: 'en', seed: 7, workers: 80 });
    expect(again.files.map((f) => f.name)).toEqual(en.files.map((f) => f.name));
    for (let i = 0; i < en.files.length; i++) expect(again.files[i].bytes.equals(en.files[i].bytes)).toBe(true);
    for (const r of ALL_RULES) expect([...again.truth[r]]).toEqual([...en.truth[r]]);
    const other = synthesizeFurther({ dialect: 'en', seed: 8, workers: 80 });
    expect(other.files[0].bytes.equals(en.files[0].bytes)).toBe(false);
  });

  it('writes comma-separated UTF-8 .csv files with English headers, ISO dates and plain amounts', () => {
    expect(en.files.map((f) => f.name)).toEqual(['orders.csv', 'pay.csv', 'contracts.csv', 'insurance.csv', 'workers.csv']);
    for (const f of en.files) expect(f.bytes[0]).not.toBe(0xef); // no BOM
    const orders = table(en, 0);
    expect(orders[0]).toEqual(['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'employer', 'region', 'business_line', 'order_pay', 'status']);
    expect(orders.slice(1).filter((r) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/.test(r[2]) || !/^\d+\.\d{2}$/.test(r[8]))).toEqual([]);
    const pay = table(en, 1);
    expect(pay[0]).toContain('deduction_reason');
    expect(pay.slice(1).filter((r) => !/^\d{4}-\d{2}-\d{2}$/.test(r[2]) || !/^\d+\.\d{2}$/.test(r[4]))).toEqual([]);
    expect(table(en, 2)[0]).toEqual(['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'signed_date', 'form', 'dispatch_agency', 'agency_licensed', 'exclusive']);
    expect(table(en, 4)[0]).toContain('safety_training_at');
  });

  it('writes tab-separated .txt files with a UTF-8 BOM, other Chinese aliases, compact dates and 元 amounts', () => {
    expect(txt.files.map((f) => f.name)).toEqual(['运单明细.txt', '薪酬发放.txt', '用工协议.txt', '参保记录.txt', '配送员名册.txt']);
    for (const [i, f] of txt.files.entries()) {
      expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const header = table(txt, i)[0];
      expect(header.filter((h) => ZH_HEADERS.includes(h)), f.name).toEqual([]);
      expect(header.every((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
    }
    const orders = table(txt, 0);
    expect(orders[0].slice(0, 4)).toEqual(['运单号', '配送员ID', '派单时间', '送达时间']);
    const bad = orders.slice(1).filter(
      (r) => !/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/.test(r[2]) || !/^\d{1,3}(,\d{3})*\.\d{2}元$/.test(r[8]) || !/^\d{6}$/.test(r[6]) || !['完成', '取消'].includes(r[9]),
    );
    expect(bad).toEqual([]);
    const pay = table(txt, 1);
    expect(pay.slice(1).filter((r) => !/^\d{8}$/.test(r[2]) || !/^\d{1,3}(,\d{3})*\.\d{2}元$/.test(r[4]))).toEqual([]);
    expect(pay.slice(1).some((r) => r[4].includes(','))).toBe(true); // thousands separators occur
    const roster = table(txt, 4);
    expect(roster.slice(1).filter((r) => r[2] !== '' && !idValid(r[2]))).toEqual([]);
    expect(roster.slice(1).filter((r) => r[3] !== '' && !/^\d{8}$/.test(r[3]))).toEqual([]);
  });

  it('has rows of the header width only, plausible orders and unique order ids', () => {
    for (const set of [en, txt]) {
      for (let i = 0; i < set.files.length; i++) {
        const rows = table(set, i);
        expect(rows.slice(1).filter((r) => r.length !== rows[0].length), set.files[i].name).toEqual([]);
      }
      const ids = table(set, 0).slice(1).map((r) => `${r[4]}|${r[0]}`);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has the same underlying data in both dialects', () => {
    for (let i = 0; i < en.files.length; i++) expect(table(txt, i).length).toBe(table(en, i).length);
    for (const r of ALL_RULES) expect(txt.truth[r].size, r).toBe(en.truth[r].size);
  });

  it('has truth sets inside their scope that every further rule uses, none of them everything', () => {
    const big = synthesizeFurther({ dialect: 'txt', seed: 9, workers: 300 });
    const seen = new Set(table(big, 0).slice(1).map((r) => `${r[1]}|${r[4]}`));
    expect(seen).toEqual(big.universe['worker-platform']);
    expect(big.universe.platform.size).toBe(12);
    for (const r of FURTHER_RULES) {
      const t = big.truth[r];
      const all = big.universe[RULE_SCOPE[r]];
      expect(t.size, r).toBeGreaterThan(RULE_SCOPE[r] === 'platform' ? 2 : 4);
      expect(t.size, r).toBeLessThan(0.6 * all.size);
      for (const k of t) expect(all.has(k), `${r} ${k}`).toBe(true);
    }
    // negatives that look like positives are there too
    const tags = [...big.details.values()].flat();
    for (const tag of ['agency=unknown', 'agency=licensed', 'holiday=premium-record', 'holiday=premium-orders', 'roster=adult-near18', 'small-fine']) {
      expect(tags, tag).toContain(tag);
    }
  });

  it('stays consistent over seeds and months (the generator re-derives every label and throws on a thin margin)', () => {
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
    for (let seed = 200; seed < 206; seed++) {
      expect(() => synthesizeFurther({ dialect: seed % 2 ? 'txt' : 'en', seed, workers: 60, month: months[seed % 5] })).not.toThrow();
    }
    expect(() => synthesizeFurther({ dialect: 'en', seed: 1, workers: 10, month: '2025-06' })).toThrow(/2025-05/);
  });
});
