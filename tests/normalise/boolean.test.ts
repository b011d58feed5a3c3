import { describe, expect, it } from 'vitest';
import { parseBool } from '../../src/normalise/boolean.js';

describe('parseBool', () => {
  const yes = ['是', '有', 'Y', 'y', 'yes', 'YES', 'Yes', 'true', 'TRUE', '1', '已提供', '提供', '已签订', '具备', '√', ' 是 '.trim(), 'Ｙ'];
  const no = ['否', '无', 'N', 'n', 'no', 'NO', 'false', 'False', '0', '未提供', '不提供', '不具备', '×', 'Ｎ'];
  it.each(yes)('%j is true', (v) => expect(parseBool(v)).toBe(true));
  it.each(no)('%j is false', (v) => expect(parseBool(v)).toBe(false));
  it.each(['', 'maybe', '2', '是否', 'unknown', '-1'])('%j is not a yes/no answer', (v) => expect(parseBool(v)).toBeUndefined());
});
