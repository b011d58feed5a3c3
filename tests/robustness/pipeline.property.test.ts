// The whole pipeline on odd but readable exports (issue 6: never crash): random orders,
// contracts, pay, insurance and roster rows with extreme dates, zero and negative amounts,
// cancelled orders, spans over midnight and DST changes, open-ended and inverted periods.
// Every run exits 0 under --fail-on never and its reports pass the harness's checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../src/normalise/idNumber.js';
import { audit, checkProcess, checkReports, csvText, hostileDir, writeFiles } from './harness.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dayText = (k: number) => new Date(Date.UTC(2019, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
/** Days from 2019-01-01: before most rule parameters took effect, through today, into the future. */
const dayIdx = fc.integer({ min: 0, max: 4000 });
const worker = fc.constantFrom('W1', 'W2', 'W3', '骑手A', 'x<y>&"z"');
const platform = fc.constantFrom('速达', 'FastGo', '速达配送公司', '');
const region = fc.constantFrom('永川区', '江北区', '德阳市', '昆明市', '500118', '火星', '');

const orderRow = fc
  .tuple(worker, dayIdx, fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1440 }), platform, region, fc.constantFrom('外卖', '网约车', '快递', '其他', ''), fc.oneof(fc.constant(''), fc.integer({ min: -5000, max: 100000 }).map((f) => (f / 100).toFixed(2))), fc.constantFrom('已完成', '已取消', ''))
  .map(([w, d, m, len, p, r, line, pay, status]) => {
    const a = Date.UTC(2019, 0, 1) + d * 86_400_000 + m * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    return [w, iso(a), iso(a + len * 60_000), p, r, line, pay, status];
  });

const contractRow = fc
  .tuple(worker, fc.constantFrom('劳动合同', '非全日制', '劳务派遣', '书面协议', '合作协议', '个体工商户'), dayIdx, fc.option(fc.integer({ min: -30, max: 800 }), { nil: undefined }), platform, fc.constantFrom('', '某派遣公司'), fc.constantFrom('', '是', '否'), fc.constantFrom('', '是', '否'), fc.constantFrom('', '书面', '口头', '电子'))
  .map(([w, t, s, len, p, agency, lic, excl, form]) => [w, t, dayText(s), len === undefined ? '' : dayText(Math.max(0, s + len)), p, agency, lic, excl, form]);

const payRow = fc
  .tuple(worker, dayIdx, fc.integer({ min: 0, max: 40 }), fc.integer({ min: -100000, max: 2000000 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom('', '押金', '罚款', '装备费', '个税'), fc.option(fc.integer({ min: -10, max: 90 }), { nil: undefined }), fc.constantFrom('', '银行转账', '积分', '购物卡'), fc.constantFrom('', '是', '否'), platform)
  .map(([w, s, len, gross, ded, reason, paid, method, slip, p]) => [w, dayText(s), dayText(s + len), (gross / 100).toFixed(2), ded ? (ded / 100).toFixed(2) : '', reason, paid === undefined ? '' : dayText(s + len + paid), method, slip, p]);

const insuranceRow = fc
  .tuple(worker, fc.constantFrom('工伤保险', '职业伤害保障', '养老保险', '医疗保险', '商业意外险', '雇主责任险'), dayIdx, fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }), fc.constantFrom('', '正常', '欠费', '停保'), platform)
  .map(([w, t, s, len, st, p]) => [w, t, dayText(s), len === undefined ? '' : dayText(s + len), st, p]);

const rosterRow = fc
  .tuple(worker, fc.integer({ min: 1950, max: 2015 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.option(dayIdx, { nil: undefined }), fc.option(dayIdx, { nil: undefined }))
  .map(([w, y, m, d, hired, trained]) => {
    const first17 = `500118${y}${pad(m)}${pad(d)}123`;
    return [w, '张三', first17 + idCheckChar(first17), '', '13800138000', hired === undefined ? '' : dayText(hired), trained === undefined ? '' : dayText(trained)];
  });

describe('the pipeline never crashes on odd but readable exports', () => {
  it('random exports of every kind, in random zones: exit 0, reports whole and safe', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderRow, { minLength: 1, maxLength: 60 }),
        fc.array(contractRow, { maxLength: 8 }),
        fc.array(payRow, { maxLength: 8 }),
        fc.array(insuranceRow, { maxLength: 8 }),
        fc.array(rosterRow, { maxLength: 5 }),
        fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/Sao_Paulo', 'Pacific/Chatham'),
        fc.constantFrom('en', 'zh'),
        async (orders, contracts, pay, insurance, roster, tz, lang) => {
          const files: Record<string, string> = {
            'orders.csv': csvText([['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'region', 'business_line', 'order_pay', 'status'], ...orders.map((r, k) => [`O${k}`, ...r])]),
          };
          if (contracts.length) files['contracts.csv'] = csvText([['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'dispatch_agency', 'agency_licensed', 'exclusive', 'form'], ...contracts]);
          if (pay.length) files['pay.csv'] = csvText([['worker_id', 'period_start', 'period_end', 'gross_pay', 'deduction', 'deduction_reason', 'pay_date', 'payment_method', 'payslip_provided', 'platform'], ...pay]);
          if (insurance.length) files['insurance.csv'] = csvText([['worker_id', 'insurance_type', 'start_date', 'end_date', 'status', 'platform'], ...insurance]);
          if (roster.length) files['workers.csv'] = csvText([['worker_id', 'name', 'id_number', 'birth_date', 'phone', 'hired_at', 'safety_training_at'], ...roster]);
          const dir = hostileDir();
          writeFiles(dir, files);
          const r = await audit([dir], ['--tz', tz, '--lang', lang, '--ruleset', 'cn-chongqing']);
          checkProcess(r);
          expect(r.code, r.stderr).toBe(0);
          checkReports(r);
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);
});
