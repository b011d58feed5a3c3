import { describe, expect, it } from 'vitest';
import { explainResidentId, idCheckChar, parseResidentId } from '../../src/normalise/idNumber.js';
import { dayFromCivil } from '../../src/time.js';

/** Builds a valid ID from its first 17 digits. */
const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard example with its check digit', () => {
    // 11010519491231002X is the widely published GB 11643 example.
    expect(parseResidentId('11010519491231002X')).toEqual({ id: '11010519491231002X', birthDay: dayFromCivil(1949, 12, 31) });
  });
  it('accepts a lower-case x and returns it upper-case', () => {
    expect(parseResidentId('11010519491231002x')?.id).toBe('11010519491231002X');
  });
  it('computes check characters', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052419800101001')).toBe('3');
    expect(parseResidentId('440524198001010013')?.birthDay).toBe(dayFromCivil(1980, 1, 1));
  });
  it('derives the birth date', () => {
    const id = withCheck('50011820000229123');
    expect(parseResidentId(id)?.birthDay).toBe(dayFromCivil(2000, 2, 29));
  });
  const bad: [string, RegExp][] = [
    ['11010519491231002Y', /18 characters/],
    ['110105194912310021', /check digit/],
    ['1101051949123100', /18 characters/],
    ['110105491231002', /18 characters/], // old 15-digit form
    [withCheck('50011820010229123'), /birth date 20010229/],
    [withCheck('50011820011301123'), /not a valid date/],
    ['ABCDEFGHIJKLMNOPQR', /18 characters/],
    [withCheck('44052418800101001'), /not a valid date/], // before 1900: not a living worker
  ];
  it.each(bad)('rejects %s', (id, why) => {
    expect(parseResidentId(id)).toBeUndefined();
    expect(explainResidentId(id)).toMatch(why);
  });
});
