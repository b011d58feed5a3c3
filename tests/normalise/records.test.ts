import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../../src/model.js';
import { OrderIdIndex } from '../../src/normalise/orderIds.js';
import { type ConvertContext, RowReject, makeConverter } from '../../src/normalise/records.js';
import { Clock, dayFromCivil } from '../../src/time.js';

const clock = new Clock('Asia/Shanghai');
const cst = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi) - 8 * 3600_000;

function ctx(over: Partial<ConvertContext> = {}): ConvertContext {
  return { clock, file: 0, fileStem: 'meituan', orderIds: new OrderIdIndex(), pathOf: () => 'orders.csv', ...over };
}
/** Column index from a header list of canonical names. */
const cols = (names: string[]) => Object.fromEntries(names.map((n, i) => [n, i]));

const ORDER_COLS = ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'employer', 'region', 'business_line', 'order_pay', 'status'];

function ok(r: CanonicalRecord | RowReject): CanonicalRecord {
  if (r instanceof RowReject) throw new Error(`rejected: ${r.column} ${r.reason}`);
  return r;
}
function rej(r: CanonicalRecord | RowReject): RowReject {
  if (!(r instanceof RowReject)) throw new Error('expected a rejection');
  return r;
}

describe('orders', () => {
  it('builds a full record', () => {
    const conv = makeConverter('orders', cols(ORDER_COLS), ctx());
    const r = ok(conv(['A1', ' w1 ', '2025-03-01 08:00:00', '2025-03-01 08:30:00', '饿了么', '某站点公司', '永川区', '外卖', '¥6.50', '已完成'], 7));
    expect(r).toEqual({
      kind: 'orders',
      record: {
        file: 0,
        line: 7,
        orderId: 'A1',
        workerId: 'w1',
        acceptedAt: cst(2025, 3, 1, 8),
        completedAt: cst(2025, 3, 1, 8, 30),
        platform: '饿了么',
        employer: '某站点公司',
        region: '永川区',
        businessLine: 'takeaway',
        orderPayFen: 650,
        status: 'completed',
      },
    });
  });

  it('defaults: status completed, platform from --platform then file name', () => {
    const c = cols(['order_id', 'worker_id', 'accepted_at', 'completed_at', 'status']);
    const row = ['A1', 'w1', '2025-03-01 08:00', '2025-03-01 08:30', ''];
    const a = ok(makeConverter('orders', c, ctx())(row, 2));
    expect(a.kind === 'orders' && a.record.status).toBe('completed');
    expect(a.kind === 'orders' && a.record.platform).toBe('meituan');
    const b = ok(makeConverter('orders', c, ctx({ platform: 'didi' }))(row, 2));
    expect(b.kind === 'orders' && b.record.platform).toBe('didi');
  });

  it('rejects rows with the failing column and a quoted value', () => {
    const conv = makeConverter('orders', cols(ORDER_COLS), ctx());
    const base = ['A1', 'w1', '2025-03-01 08:00:00', '2025-03-01 08:30:00', '', '', '', '', '', ''];
    const with_ = (i: number, v: string) => base.map((x, j) => (j === i ? v : x));
    expect(rej(conv(with_(0, ''), 2))).toEqual(new RowReject('order_id', 'required value is empty'));
    expect(rej(conv(with_(1, '  '), 2))).toEqual(new RowReject('worker_id', 'required value is empty'));
    expect(rej(conv(with_(2, '2025-13-01 08:00'), 2))).toEqual(new RowReject('accepted_at', 'unparseable date-time "2025-13-01 08:00"'));
    expect(rej(conv(with_(3, 'soon'), 2)).column).toBe('completed_at');
    expect(rej(conv(with_(8, '12块'), 2))).toEqual(new RowReject('order_pay', 'unparseable amount "12块"'));
    expect(rej(conv(with_(9, '配送中'), 2))).toEqual(new RowReject('status', 'unknown order status "配送中"'));
  });

  it('rejects implausible orders', () => {
    const conv = makeConverter('orders', cols(ORDER_COLS.slice(0, 4)), ctx());
    expect(rej(conv(['A1', 'w1', '2025-03-01 09:00', '2025-03-01 08:59'], 3)).reason).toBe('order ends before it starts');
    expect(rej(conv(['A2', 'w1', '2025-03-01 08:00', '2025-03-02 08:01'], 4)).reason).toBe('order lasts longer than 24 hours (implausible)');
    // exactly 24 hours and zero length are plausible
    expect(ok(conv(['A3', 'w1', '2025-03-01 08:00', '2025-03-02 08:00'], 5)).kind).toBe('orders');
    expect(ok(conv(['A4', 'w1', '2025-03-01 08:00', '2025-03-01 08:00'], 6)).kind).toBe('orders');
  });

  it('rejects duplicate ids per platform, naming the first occurrence', () => {
    const ids = new OrderIdIndex();
    const c = cols(['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform']);
    const f0 = makeConverter('orders', c, ctx({ orderIds: ids, file: 0, pathOf: (i) => ['a.csv', 'b.csv'][i] }));
    const f1 = makeConverter('orders', c, ctx({ orderIds: ids, file: 1, pathOf: (i) => ['a.csv', 'b.csv'][i] }));
    const row = (id: string, p: string) => [id, 'w', '2025-03-01 08:00', '2025-03-01 08:30', p];
    ok(f0(row('X1', 'mt'), 2));
    ok(f0(row('X1', 'ele'), 3)); // another platform may reuse the id
    expect(rej(f1(row('X1', 'mt'), 9))).toEqual(new RowReject('order_id', 'duplicate order id X1 (first at a.csv line 2)'));
    // a rejected row does not claim its id
    expect(rej(f1(['X2', 'w', '2025-03-01 08:00', '2025-03-01 07:00', 'mt'], 10)).reason).toMatch(/ends before/);
    ok(f1(row('X2', 'mt'), 11));
  });
});

describe('pay', () => {
  const PAY = ['worker_id', 'period_start', 'period_end', 'gross_pay', 'platform', 'net_pay', 'pay_date', 'payment_method', 'payslip_provided', 'hours_worked', 'overtime_pay', 'holiday_pay', 'allowances', 'deduction', 'deduction_reason'];
  it('builds a full record', () => {
    const r = ok(
      makeConverter('pay', cols(PAY), ctx())(
        ['w1', '2025-03-01', '2025-03-31', '3,000.00', '美团', '2,800', '2025-04-10', '银行转账', '是', '176.5', '100', '50', '¥30', '-50', '超时罚款'],
        4,
      ),
    );
    expect(r).toEqual({
      kind: 'pay',
      record: {
        file: 0,
        line: 4,
        workerId: 'w1',
        periodStart: dayFromCivil(2025, 3, 1),
        periodEnd: dayFromCivil(2025, 3, 31),
        grossFen: 300000,
        platform: '美团',
        netFen: 280000,
        payDate: dayFromCivil(2025, 4, 10),
        paymentMethod: 'bank',
        payslipProvided: true,
        hoursWorked: 176.5,
        overtimeFen: 10000,
        holidayFen: 5000,
        allowancesFen: 3000,
        deductionFen: 5000,
        deductionReason: 'fine',
      },
    });
  });

  it('a month column stands for the whole month', () => {
    const conv = makeConverter('pay', cols(['worker_id', 'month', 'gross_pay']), ctx({ platform: 'p' }));
    const r = ok(conv(['w1', '2024年2月', '100'], 2));
    expect(r.kind === 'pay' && [r.record.periodStart, r.record.periodEnd, r.record.platform]).toEqual([
      dayFromCivil(2024, 2, 1),
      dayFromCivil(2024, 2, 29),
      'p',
    ]);
    expect(rej(conv(['w1', '2024-13', '100'], 3))).toEqual(new RowReject('month', 'unparseable month "2024-13"'));
  });

  it('optional fields are undefined when empty; platform falls back to --platform or stays undefined', () => {
    const c = cols(['worker_id', 'period_start', 'period_end', 'gross_pay', 'pay_date', 'platform']);
    const r = ok(makeConverter('pay', c, ctx())(['w1', '2025-03-01', '2025-03-31', '1', '', ''], 2));
    expect(r.kind === 'pay' && r.record.payDate).toBeUndefined();
    expect(r.kind === 'pay' && r.record.platform).toBeUndefined();
  });

  it('rejects bad optional values, naming the column', () => {
    const c = cols(PAY);
    const conv = makeConverter('pay', c, ctx());
    const base = ['w1', '2025-03-01', '2025-03-31', '100', '', '', '', '', '', '', '', '', '', '', ''];
    const with_ = (name: string, v: string) => base.map((x, j) => (j === PAY.indexOf(name) ? v : x));
    expect(rej(conv(with_('gross_pay', ''), 2))).toEqual(new RowReject('gross_pay', 'required value is empty'));
    expect(rej(conv(with_('pay_date', '2025-02-30'), 2))).toEqual(new RowReject('pay_date', 'unparseable date "2025-02-30"'));
    expect(rej(conv(with_('payslip_provided', 'perhaps'), 2))).toEqual(new RowReject('payslip_provided', 'unrecognised yes/no value "perhaps"'));
    expect(rej(conv(with_('payment_method', 'bitcoin'), 2))).toEqual(new RowReject('payment_method', 'unknown payment method "bitcoin"'));
    expect(rej(conv(with_('hours_worked', 'lots'), 2)).column).toBe('hours_worked');
    expect(rej(conv(with_('period_end', '2025-02-01'), 2))).toEqual(new RowReject('period_end', 'pay period ends before it starts'));
  });
});

describe('contracts', () => {
  const C = ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'signed_date', 'dispatch_agency', 'agency_licensed', 'exclusive', 'form'];
  it('builds a record with defaults', () => {
    const r = ok(makeConverter('contracts', cols(C), ctx())(['w1', '劳务派遣', '2025/1/1', '', '', '', '某派遣公司', '否', '是', ''], 3));
    expect(r).toEqual({
      kind: 'contracts',
      record: {
        file: 0,
        line: 3,
        workerId: 'w1',
        contractType: 'dispatch_contract',
        startDay: dayFromCivil(2025, 1, 1),
        endDay: undefined,
        platform: undefined,
        signedDay: undefined,
        dispatchAgency: '某派遣公司',
        agencyLicensed: false,
        exclusive: true,
        form: 'written',
      },
    });
  });
  it('rejects unknown contract types and reversed dates', () => {
    const conv = makeConverter('contracts', cols(C.slice(0, 4)), ctx());
    expect(rej(conv(['w1', '实习', '2025-01-01', ''], 2))).toEqual(new RowReject('contract_type', 'unknown contract type "实习"'));
    expect(rej(conv(['w1', '劳动合同', '2025-01-01', '2024-12-31'], 2))).toEqual(new RowReject('end_date', 'contract ends before it starts'));
    expect(rej(conv(['w1', '劳动合同', '', ''], 2)).column).toBe('start_date');
  });
});

describe('insurance', () => {
  const I = ['worker_id', 'insurance_type', 'start_date', 'end_date', 'platform', 'status', 'premium_paid'];
  it('status defaults to active when empty or absent', () => {
    const r = ok(makeConverter('insurance', cols(I), ctx({ platform: 'mt' }))(['w1', '职业伤害保障', '2025-01-01', '', '', '', '1.5'], 2));
    expect(r).toEqual({
      kind: 'insurance',
      record: {
        file: 0,
        line: 2,
        workerId: 'w1',
        insuranceType: 'occupational_injury',
        startDay: dayFromCivil(2025, 1, 1),
        endDay: undefined,
        platform: 'mt',
        status: 'active',
        premiumFen: 150,
      },
    });
    const r2 = ok(makeConverter('insurance', cols(I.slice(0, 3)), ctx())(['w1', '工伤保险', '2025-01-01'], 2));
    expect(r2.kind === 'insurance' && r2.record.status).toBe('active');
  });
  it('reads statuses and rejects unknown types', () => {
    const conv = makeConverter('insurance', cols(I), ctx());
    const r = ok(conv(['w1', '养老保险', '2025-01-01', '2025-06-30', '', '停保', ''], 2));
    expect(r.kind === 'insurance' && [r.record.status, r.record.endDay]).toEqual(['lapsed', dayFromCivil(2025, 6, 30)]);
    expect(rej(conv(['w1', '生育保险', '2025-01-01', '', '', '', ''], 2)).reason).toBe('unknown insurance type "生育保险"');
  });
});

describe('workers', () => {
  const W = ['worker_id', 'name', 'id_number', 'birth_date', 'phone', 'region', 'hired_at', 'safety_training_at'];
  it('derives the birth date from the ID when the birth date is empty', () => {
    const r = ok(makeConverter('workers', cols(W), ctx())(['w1', '张三', '11010519491231002x', '', '13800000000', '永川区', '2025-01-02', '2025-01-03'], 2));
    expect(r).toEqual({
      kind: 'workers',
      record: {
        file: 0,
        line: 2,
        workerId: 'w1',
        name: '张三',
        idNumber: '11010519491231002X',
        birthDay: dayFromCivil(1949, 12, 31),
        phone: '13800000000',
        region: '永川区',
        hiredDay: dayFromCivil(2025, 1, 2),
        safetyTrainingDay: dayFromCivil(2025, 1, 3),
      },
    });
  });
  it('keeps an explicit birth date', () => {
    const r = ok(makeConverter('workers', cols(W), ctx())(['w1', '', '11010519491231002X', '1950-01-01', '', '', '', ''], 2));
    expect(r.kind === 'workers' && r.record.birthDay).toBe(dayFromCivil(1950, 1, 1));
  });
  it('rejects an invalid ID number', () => {
    const r = rej(makeConverter('workers', cols(W), ctx())(['w1', '', '110105194912310021', '', '', '', '', ''], 2));
    expect(r.column).toBe('id_number');
    expect(r.reason).toMatch(/check digit/);
  });
});

describe('OrderIdIndex', () => {
  it('packs file and line and reports the first origin', () => {
    const ids = new OrderIdIndex();
    expect(ids.claim('p', 'a', 3, 4_000_000_000)).toBeUndefined();
    expect(ids.claim('p', 'a', 5, 9)).toEqual({ file: 3, line: 4_000_000_000 });
    expect(ids.claim('q', 'a', 5, 9)).toBeUndefined();
    expect(ids.size).toBe(2);
  });
});
