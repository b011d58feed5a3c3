import { describe, expect, it } from 'vitest';
import { makeMasker, maskIdNumber, maskName, maskPhone, maskReport } from '../../src/report/mask.js';
import { finding, report } from '../helpers/report.js';

describe('masking personal data', () => {
  it('masks names, ID numbers and phones in the documented forms', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('John Smith')).toBe('J*** S****');
    expect(maskIdNumber('500101199003071234')).toBe('5001**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('finds ID numbers and mobiles in text, not other digit runs', () => {
    const m = makeMasker();
    expect(m('身份证 50010119900307123X 电话 13812345678')).toBe('身份证 5001**********123X 电话 138****5678');
    expect(m('tel +86 138-1234-5678.')).toBe('tel 138****5678.');
    expect(m('order SD2412010004 at 2025-03-04T08:00:00+08:00, 12345678901234')).toBe('order SD2412010004 at 2025-03-04T08:00:00+08:00, 12345678901234');
    expect(m('12812345678 is no mobile')).toBe('12812345678 is no mobile');
    expect(m('2025030412345678901')).toBe('2025030412345678901'); // 19 digits: neither
  });

  it('masks roster names wherever they appear, longest first', () => {
    const m = makeMasker({ names: ['张三', '张三丰', '欧阳娜娜', '李'] });
    expect(m('张三丰和张三，欧阳娜娜；李四')).toBe('张**和张*，欧阳**；李四');
  });

  it('masks every free-text value of the report, never ids or files', () => {
    const f = finding({
      rule: 'written-contract',
      workerId: '13812345678',
      message: '劳动者张三（身份证 500101199003071234，电话 13987654321）',
      data: { name: '张三', n: 3 },
      metrics: { contact: '13987654321', minutes: 5 },
      evidence: [{ file: 'workers.csv', line: 4, note: '张三 500101199003071234' }],
    });
    const r = report({ findings: [f], notAssessed: [{ rule: 'x', reason: '张三 13987654321' }], rejected: [{ file: 'workers.csv', line: 9, reason: 'bad id "500101199003071234"' }] });
    const masked = maskReport(r, { names: ['张三'] });
    const text = JSON.stringify(masked);
    for (const secret of ['张三', '500101199003071234', '13987654321', '13812345678']) expect(text).not.toContain(secret);
    const g = masked.findings[0];
    expect(g.id).toBe(f.id); // fingerprints never change
    expect(g.workerId).toBe('138****5678');
    expect(g.message).toBe('劳动者张*（身份证 5001**********1234，电话 139****4321）');
    expect(g.data).toEqual({ name: '张*', n: 3 });
    expect(g.metrics).toEqual({ contact: '139****4321', minutes: 5 });
    expect(g.evidence[0]).toEqual({ file: 'workers.csv', line: 4, note: '张* 5001**********1234' });
    expect(masked.rejected[0].reason).toBe('bad id "5001**********1234"');
    // The input report is left as it was: --no-mask renders it.
    expect(JSON.stringify(r)).toContain('500101199003071234');
  });

  it('leaves ordinary worker ids readable', () => {
    const r = maskReport(report());
    expect(r.findings.map((f) => f.workerId)).toEqual(report().findings.map((f) => f.workerId));
  });
});
