import { describe, expect, it } from 'vitest';
import { cleanCell, normKey, quoteValue } from '../../src/normalise/text.js';

describe('normKey', () => {
  const cases: [string, string][] = [
    ['Order ID', 'orderid'],
    ['order_id', 'orderid'],
    ['order-id', 'orderid'],
    ['  ORDER id  ', 'orderid'],
    ['ＯｒｄｅｒＩＤ', 'orderid'],
    ['订单收入(元)', '订单收入'],
    ['订单收入（元）', '订单收入'],
    ['在线时长(小时)', '在线时长'],
    ['hours (h)', 'hours'],
    ['订单号【必填】', '订单号'],
    ['金额 [CNY]', '金额'],
    ['应发工资(元)(税前)', '应发工资'],
    ['(元)', '(元)'],
    ['*订单号', '订单号'],
    ['\ufeff订单号', '订单号'],
    ['骑手　ID', '骑手id'], // ideographic space
  ];
  it.each(cases)('%j → %j', (a, b) => expect(normKey(a)).toBe(b));
});

describe('cleanCell', () => {
  it.each([
    ['  a  ', 'a'],
    ['\tA1', 'A1'],
    ['="0012345"', '0012345'],
    ['= "x"', '= "x"'],
    ['\u3000值\u3000', '值'],
    ['', ''],
    [undefined, ''],
    ['plain', 'plain'],
  ] as [string | undefined, string][])('%j → %j', (a, b) => expect(cleanCell(a)).toBe(b));
});

describe('quoteValue', () => {
  it('quotes and shortens long values', () => {
    expect(quoteValue('2025-13-01')).toBe('"2025-13-01"');
    const q = quoteValue('x'.repeat(200));
    expect(q.length).toBeLessThan(70);
    expect(q.endsWith('..."')).toBe(true);
  });
});
