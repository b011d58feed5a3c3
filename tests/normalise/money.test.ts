import { describe, expect, it } from 'vitest';
import { parseHours, parseMoneyFen } from '../../src/normalise/money.js';

describe('parseMoneyFen', () => {
  const cases: [string, number][] = [
    ['0', 0],
    ['1234.5', 123450],
    ['1234.50', 123450],
    ['1234', 123400],
    ['1234.', 123400],
    ['1,234.50', 123450],
    ['1,234,567.89', 123456789],
    ['¥1234.5', 123450],
    ['￥1,234.50', 123450],
    ['¥ 1234.5', 123450],
    ['1234.5元', 123450],
    ['1,234.50元', 123450],
    ['1234.5 元', 123450],
    ['RMB 1234.5', 123450],
    ['rmb1234.5', 123450],
    ['CNY 1,234.50', 123450],
    ['1234.50 CNY', 123450],
    ['人民币1234.5元', 123450],
    ['-12.5', -1250],
    ['-0.01', -1],
    ['-0', 0],
    ['+12.5', 1250],
    ['¥-12.50', -1250],
    ['-¥12.50', -1250],
    ['(12.50)', -1250],
    ['\u221212.5', -1250], // unicode minus
    ['１２３４.５', 123450], // full-width digits
    // exactness where floats drift: 0.1+0.2, 0.29*100, 1.15*100, 4.35*100
    ['0.1', 10],
    ['0.2', 20],
    ['0.3', 30],
    ['0.29', 29],
    ['1.15', 115],
    ['4.35', 435],
    ['19.99', 1999],
    ['99999999999.99', 9999999999999],
    // more than two decimals: half away from zero
    ['1.004', 100],
    ['1.005', 101],
    ['1.0049999', 100],
    ['0.995', 100],
    ['2.999', 300],
    ['-1.005', -101],
    ['-1.004', -100],
    ['0.001', 0],
  ];
  it.each(cases)('%j → %i fen', (text, fen) => {
    expect(parseMoneyFen(text)).toBe(fen);
  });

  it('sums exactly where floating point would not', () => {
    expect(parseMoneyFen('0.1')! + parseMoneyFen('0.2')!).toBe(parseMoneyFen('0.3'));
    expect(0.1 + 0.2).not.toBe(0.3); // the reason for integer fen
  });

  const bad = ['', 'abc', '12a', '1.2.3', '1,23.00', '12,34', ',123', '1,2345', '--5', '¥', '元', '12 34', '1e5', '0x10', 'NaN', 'Infinity', '12345678901234', '$12'];
  it.each(bad)('rejects %j', (text) => {
    expect(parseMoneyFen(text)).toBeUndefined();
  });
});

describe('parseHours', () => {
  const cases: [string, number][] = [
    ['8', 8],
    ['7.5', 7.5],
    ['7.5h', 7.5],
    ['7.5 hours', 7.5],
    ['7.5小时', 7.5],
    ['7:30', 7.5],
    ['0', 0],
    ['176.25', 176.25],
    ['１０', 10],
  ];
  it.each(cases)('%j → %d', (text, h) => {
    expect(parseHours(text)).toBeCloseTo(h, 10);
  });
  it.each(['', '-1', 'abc', '7:75', '1e3', '八小时'])('rejects %j', (text) => {
    expect(parseHours(text)).toBeUndefined();
  });
});
