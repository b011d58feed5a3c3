// Every reason the readers can give for rejecting a row, made from real CSV text, reads in
// Chinese in a zh report (src/i18n/rejections.ts) and stays English in an en one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { localiseRejection } from '../../src/i18n/rejections.js';
import { REPORTERS } from '../../src/reporters/index.js';
import { readInputs } from '../../src/read/index.js';
import { Clock } from '../../src/time.js';
import { put, tmpDir } from '../read/tmpfiles.js';

const clock = new Clock('Asia/Shanghai');
const long = 'x'.repeat(5000);

const FILES: Record<string, string[]> = {
  'orders.csv': [
    'order_id,worker_id,accepted_at,completed_at,order_pay,status,remark',
    'A1,w1,2025-03-01 08:00:00,2025-03-01 08:30:00,5.00,completed,',
    'A2,,2025-03-01 08:00:00,2025-03-01 08:30:00,5.00,completed,', // empty required value
    'A3,w1,2025-13-01 08:00:00,2025-03-01 08:30:00,5.00,completed,', // date-time
    'A4,w1,2025-03-01 09:00:00,2025-03-01 08:30:00,5.00,completed,', // ends before it starts
    'A5,w1,2025-03-01 08:00:00,2025-03-03 08:30:00,5.00,completed,', // over 24 hours
    'A1,w1,2025-03-01 10:00:00,2025-03-01 10:30:00,5.00,completed,', // duplicate
    'A6,w1,2025-03-01 11:00:00,2025-03-01 11:30:00,abc,completed,', // amount
    'A7,w1,2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,lost,', // order status
    'A8,w1,2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed', // ragged
    'A9,w1\0,2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed,', // NUL
    'A10,w\uFFFD,2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed,', // damaged, used column
    'A11,w1,2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed,\uFFFD', // damaged, ignored field
    `A12,${long},2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed,`, // too long
    'A13,"w1\nA14,w1,2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed,",2025-03-01 11:00:00,2025-03-01 11:30:00,5.00,completed,', // spans lines
  ],
  'contracts.csv': [
    'worker_id,contract_type,start_date,end_date,exclusive,form',
    'w1,labor_contract,2025-01-01,2025-12-31,no,written',
    'w1,handshake,2025-01-01,,no,written', // contract type
    'w1,labor_contract,2025-02-30,,no,written', // date
    'w1,labor_contract,2025-03-01,2025-02-01,no,written', // ends before it starts
    'w1,labor_contract,2025-01-01,,perhaps,written', // yes/no
    'w1,labor_contract,2025-01-01,,no,telepathic', // contract form
  ],
  'insurance.csv': [
    'worker_id,insurance_type,start_date,end_date,status',
    'w1,work_injury,2025-01-01,,active',
    'w1,lottery,2025-01-01,,active', // insurance type
    'w1,work_injury,2025-01-01,,dormant', // insurance status
    'w1,work_injury,2025-03-01,2025-02-01,active', // coverage ends before it starts
  ],
  'pay.csv': [
    'worker_id,month,period_start,period_end,gross_pay,payment_method,hours_worked,deduction,deduction_reason',
    'w1,,2025-03-01,2025-03-31,3000,bank,100,,',
    'w1,2025-15,,,3000,bank,100,,', // month
    'w1,,2025-03-31,2025-03-01,3000,bank,100,,', // pay period ends before it starts
    'w1,,2025-03-01,2025-03-31,3000,seashells,100,,', // payment method
    'w1,,2025-03-01,2025-03-31,3000,bank,lots,,', // hours
  ],
  'workers.csv': [
    'worker_id,name,id_number',
    'w1,张三,11010519491231002X',
    'w2,李四,1234', // length
    'w3,王五,110105194912310021', // check digit
    'w4,赵六,110105194913310021', // birth date
    'w5,"孙七,110105194912310021', // a quote never closed (last: it runs to the end of the file)
  ],
};

async function rejections() {
  const d = await tmpDir();
  const specs = [];
  for (const [name, lines] of Object.entries(FILES)) specs.push({ path: await put(d, name, lines.join('\n') + '\n') });
  const result = await readInputs(specs, { clock }, () => {});
  return result.rejected;
}

describe('rejection reasons in Chinese', () => {
  it('every reason the readers give is translated, with the quoted values kept', async () => {
    const rejected = await rejections();
    const reasons = [...new Set(rejected.map((r) => r.reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N')))];
    // One of each kind the rows above were written to produce.
    expect(reasons.length).toBeGreaterThanOrEqual(28);
    expect(rejected.map((r) => r.reason)).toContain('a quoted field is never closed (from line 6 to the end of the file)');
    for (const r of rejected) {
      const zh = localiseRejection(r.reason, 'zh');
      expect(zh, r.reason).not.toBe(r.reason);
      expect(zh, r.reason).toMatch(/[\u4e00-\u9fff]/);
      // English words left over would mean a half translation (values from the input aside).
      expect(zh.replace(/"[^"]*"/g, '').replace(/--encoding|UTF-16|NUL|X|A\d+|orders\.csv|\/[^ ）]*/g, ''), r.reason).not.toMatch(/[a-z]{3,}/);
      expect(localiseRejection(r.reason, 'en')).toBe(r.reason);
    }
  });

  it('quoted input values and numbers are carried over', () => {
    expect(localiseRejection('unparseable date-time "2025-13-01 08:00:00"', 'zh')).toBe('无法识别的日期时间 "2025-13-01 08:00:00"');
    expect(localiseRejection('unknown order status "lost"', 'zh')).toBe('未知的订单状态 "lost"');
    expect(localiseRejection('duplicate order id A1 (first at data/orders.csv line 2)', 'zh')).toBe('重复的订单号 A1（首次出现于 data/orders.csv 第 2 行）');
    expect(localiseRejection('row has 6 fields, the header has 7', 'zh')).toBe('该行有 6 个字段，表头有 7 个');
    expect(localiseRejection('a quoted field is never closed (from line 12 to the end of the file)', 'zh')).toBe('引号字段没有闭合（从第 12 行到文件末尾）');
  });

  it('the table and HTML reports of a zh audit show them in Chinese, the JSON keeps English', async () => {
    const d = await tmpDir();
    await put(d, 'orders.csv', FILES['orders.csv'].slice(0, 5).join('\n') + '\n');
    for (const lang of ['zh', 'en'] as const) {
      const report = await runAudit({ inputs: [{ path: d }], lang, now: () => new Date('2026-01-01T00:00:00Z') });
      expect(report.rejected.map((r) => r.reason)).toContain('order ends before it starts');
      const zhText = '订单完成时间早于接单时间';
      for (const format of ['table', 'html'] as const) {
        if (lang === 'zh') expect(REPORTERS[format](report), format).toContain(zhText);
        else expect(REPORTERS[format](report), format).not.toContain(zhText);
      }
      expect(REPORTERS.json(report)).not.toContain(zhText);
    }
  });

  it('an unknown reason passes through unchanged', () => {
    expect(localiseRejection('something new', 'zh')).toBe('something new');
  });
});
