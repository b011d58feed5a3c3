import { describe, expect, it } from 'vitest';
import { detectKind, explainNoKind } from '../../src/read/detect.js';

describe('detectKind', () => {
  it.each([
    [['订单号', '骑手ID', '接单时间', '完成时间'], 'orders'],
    [['order_id', 'worker_id', 'accepted_at', 'completed_at', 'status'], 'orders'],
    [['工号', '结算周期开始', '结算周期结束', '应发工资'], 'pay'],
    [['骑手ID', '月份', '应发工资', '实发工资'], 'pay'],
    [['司机ID', '合同类型', '生效日期', '终止日期'], 'contracts'],
    [['配送员ID', '险种', '参保日期', '参保状态'], 'insurance'],
    [['工号', '姓名', '身份证号'], 'workers'],
    [['rider_id', 'region'], 'workers'],
  ])('%j → %s', (header, kind) => {
    expect(detectKind(header).kind).toBe(kind);
  });

  it('ties on required columns go to the kind with more matched columns', () => {
    // start/end satisfy contracts and insurance equally; the extra insurance column decides.
    const h = ['worker_id', 'contract_type', 'insurance_type', 'start', 'end', '参保状态'];
    expect(detectKind(h).kind).toBe('insurance');
    const h2 = ['worker_id', 'contract_type', 'insurance_type', 'start', 'end', '签订日期'];
    expect(detectKind(h2).kind).toBe('contracts');
  });

  it('equal counts follow orders > pay > contracts > insurance', () => {
    expect(detectKind(['worker_id', 'contract_type', 'insurance_type', 'start_date']).kind).toBe('contracts');
  });

  it('workers only when no other kind fits and a roster column is present', () => {
    expect(detectKind(['工号', '备注']).kind).toBeUndefined();
    expect(detectKind(['工号', '姓名', '接单时间']).kind).toBe('workers');
    expect(detectKind(['工号', '姓名', '合同类型', '生效日期']).kind).toBe('contracts');
  });

  it('explains a header that fits nothing using the closest kind', () => {
    const d = detectKind(['订单号', '骑手ID', '备注']);
    expect(d.kind).toBeUndefined();
    expect(d.best.kind).toBe('orders');
    expect(d.best.missing).toEqual(['accepted_at', 'completed_at']);
    expect(explainNoKind(d)).toBe(
      'not a recognised export: closest kind is orders, missing required columns: accepted_at (接单时间), completed_at (完成时间)',
    );
  });

  it('mentions the month alternative for pay', () => {
    const d = detectKind(['骑手ID', '应发工资']);
    expect(d.best.kind).toBe('pay');
    expect(explainNoKind(d)).toBe(
      'not a recognised export: closest kind is pay, missing required columns: period_start (结算周期开始) + period_end (结算周期结束) or month (月份)',
    );
  });

  it('says so when no column is known at all', () => {
    expect(explainNoKind(detectKind(['foo', 'bar']))).toMatch(/no known column names/);
  });

  it('uses --map', () => {
    expect(detectKind(['a', 'b', 'c', 'd']).kind).toBeUndefined();
    expect(detectKind(['a', 'b', 'c', 'd'], { order_id: 'a', worker_id: 'b', accepted_at: 'c', completed_at: 'd' }).kind).toBe('orders');
  });
});
