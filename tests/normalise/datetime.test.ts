import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime, parseMonth } from '../../src/normalise/datetime.js';
import { Clock, dayFromCivil } from '../../src/time.js';

const sh = new Clock('Asia/Shanghai');
const utc = new Clock('UTC');
const ny = new Clock('America/New_York');
/** Instant of a Shanghai wall time (UTC+8, no DST). */
const cst = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, mo - 1, d, h, mi, s, ms) - 8 * 3600_000;

describe('parseDateTime: accepted formats', () => {
  const cases: [string, number][] = [
    ['2025-03-01 08:15:00', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01T08:15:00', cst(2025, 3, 1, 8, 15)],
    ['2025/03/01 08:15:00', cst(2025, 3, 1, 8, 15)],
    ['2025/3/1 8:15', cst(2025, 3, 1, 8, 15)],
    ['2025-3-1 8:15:07', cst(2025, 3, 1, 8, 15, 7)],
    ['2025.03.01 08:15', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01  08:15', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01 08:15:00.250', cst(2025, 3, 1, 8, 15, 0, 250)],
    ['2025-03-01 08:15:00.123456', cst(2025, 3, 1, 8, 15, 0, 123)],
    ['2025-03-01T08:15:00+08:00', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01T08:15:00+0800', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01T08:15:00+08', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01T00:15:00Z', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01T00:15:00z', cst(2025, 3, 1, 8, 15)],
    ['2025-02-28T19:15:00-05:00', cst(2025, 3, 1, 8, 15)],
    ['2025-03-01 08:15:00 +08:00', cst(2025, 3, 1, 8, 15)],
    ['2025年3月1日 8:15', cst(2025, 3, 1, 8, 15)],
    ['2025年3月1日 08:00', cst(2025, 3, 1, 8, 0)],
    ['2025年03月01日08:00:30', cst(2025, 3, 1, 8, 0, 30)],
    ['2025年3月1日 8时15分', cst(2025, 3, 1, 8, 15)],
    ['2025年3月1日 8时15分30秒', cst(2025, 3, 1, 8, 15, 30)],
    ['20250407 08:00', cst(2025, 4, 7, 8, 0)],
    ['20250407 08:00:05', cst(2025, 4, 7, 8, 0, 5)],
    ['20250407080005', cst(2025, 4, 7, 8, 0, 5)],
    ['1740788100', 1740788100_000],
    ['1740788100123', 1740788100123],
    ['45717.34375', cst(2025, 3, 1, 8, 15)],
    ['45717', cst(2025, 3, 1, 0, 0)],
    ['45717.5', cst(2025, 3, 1, 12, 0)],
    ['45717.999999', cst(2025, 3, 2, 0, 0)], // rounds to the next midnight
    ['２０２５－０３－０１　０８：１５：００', cst(2025, 3, 1, 8, 15)], // full-width
    ['2025-03-01 00:00:00', cst(2025, 3, 1)], // midnight
    ['2025-03-01 23:59:59', cst(2025, 3, 1, 23, 59, 59)],
    ['2024-02-29 12:00:00', cst(2024, 2, 29, 12)], // leap day
    ['2000-02-29 12:00', cst(2000, 2, 29, 12)], // divisible by 400
  ];
  it.each(cases)('%s', (text, want) => {
    expect(parseDateTime(text, sh)).toBe(want);
  });
});

describe('parseDateTime: rejected values', () => {
  const bad = [
    '',
    '2025-13-01 08:00:00',
    '2025-00-10 08:00:00',
    '2025-02-29 08:00:00', // not a leap year
    '1900-02-29 08:00', // century, not divisible by 400
    '2025-04-31 08:00:00',
    '2025-03-01 24:00:00',
    '2025-03-01 08:60:00',
    '2025-03-01 08:15:60',
    '2025-03-01', // a date alone is not a date-time
    '20250301',
    '2025-03-01T08:15:00+15:00',
    '2025-03/01 08:15', // mixed separators
    '01/03/2025 08:15', // day-first is ambiguous
    '8:15',
    'abc',
    '2025年2月30日 8:15',
    '12345', // out of plausible Excel range
    '174078810', // 9 digits: neither seconds nor milliseconds
    '17407881001', // 11 digits
    '45717.3x',
    '2025-03-01 08:15:00 PM',
  ];
  it.each(bad)('%j', (text) => {
    expect(parseDateTime(text, sh)).toBeUndefined();
  });
});

describe('parseDateTime: time zones', () => {
  it('reads wall time in the clock zone when there is no offset', () => {
    expect(parseDateTime('2025-03-01 08:15:00', utc)).toBe(Date.UTC(2025, 2, 1, 8, 15));
    expect(parseDateTime('2025-07-01 08:00:00', ny)).toBe(Date.UTC(2025, 6, 1, 12, 0)); // EDT
    expect(parseDateTime('2025-01-01 08:00:00', ny)).toBe(Date.UTC(2025, 0, 1, 13, 0)); // EST
  });
  it('ignores the clock zone when an offset is given', () => {
    expect(parseDateTime('2025-03-01T08:15:00+08:00', ny)).toBe(cst(2025, 3, 1, 8, 15));
    expect(parseDateTime('2025-03-01T08:15:00Z', sh)).toBe(Date.UTC(2025, 2, 1, 8, 15));
  });
  it('tells epoch seconds from milliseconds by digit count', () => {
    expect(parseDateTime('1700000000', sh)).toBe(1_700_000_000_000);
    expect(parseDateTime('1700000000000', sh)).toBe(1_700_000_000_000);
  });
  it('reads Excel serials as local wall time in the clock zone', () => {
    expect(parseDateTime('45717.34375', utc)).toBe(Date.UTC(2025, 2, 1, 8, 15));
  });
});

describe('parseDate', () => {
  const cases: [string, number][] = [
    ['2025-03-01', dayFromCivil(2025, 3, 1)],
    ['2025/3/1', dayFromCivil(2025, 3, 1)],
    ['2025/03/01', dayFromCivil(2025, 3, 1)],
    ['2025.3.1', dayFromCivil(2025, 3, 1)],
    ['20250301', dayFromCivil(2025, 3, 1)],
    ['2025年3月1日', dayFromCivil(2025, 3, 1)],
    ['2025年3月1号', dayFromCivil(2025, 3, 1)],
    ['2025年3月1日 8:15', dayFromCivil(2025, 3, 1)],
    ['45717', dayFromCivil(2025, 3, 1)],
    ['45717.75', dayFromCivil(2025, 3, 1)],
    ['2025-03-01 23:30:00', dayFromCivil(2025, 3, 1)],
    ['2025-03-01T23:30:00Z', dayFromCivil(2025, 3, 1)], // the date as written
    ['2024-02-29', dayFromCivil(2024, 2, 29)],
    ['1970-01-01', 0],
    ['1740788100', dayFromCivil(2025, 3, 1)], // 2025-03-01 08:15 Shanghai
    ['1740758400000', dayFromCivil(2025, 3, 1)], // 2025-02-28T16:00Z = Shanghai midnight
    ['２０２５年３月１日', dayFromCivil(2025, 3, 1)],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(parseDate(text, sh)).toBe(want);
  });

  const bad = ['', '2025-02-29', '2025-02-30', '2025-13-01', '2025-04-31', '20251301', '2025-3', '3/1/2025', 'yesterday', '2025-03-01 garbage', '99', '12345'];
  it.each(bad)('rejects %j', (text) => {
    expect(parseDate(text, sh)).toBeUndefined();
  });

  it('epoch dates depend on the clock zone', () => {
    // 2025-02-28T20:00Z is 03-01 in Shanghai but 02-28 in UTC.
    expect(parseDate('1740772800', sh)).toBe(dayFromCivil(2025, 3, 1));
    expect(parseDate('1740772800', utc)).toBe(dayFromCivil(2025, 2, 28));
  });
});

describe('parseMonth', () => {
  const m = (y: number, mo: number) => y * 12 + mo - 1;
  const cases: [string, number][] = [
    ['2025-03', m(2025, 3)],
    ['2025/3', m(2025, 3)],
    ['2025.03', m(2025, 3)],
    ['2025年3月', m(2025, 3)],
    ['2025年03月份', m(2025, 3)],
    ['202503', m(2025, 3)],
    ['2025-12', m(2025, 12)],
    ['2025/3/1', m(2025, 3)], // Excel turned the month into a date
    ['2025-03-15', m(2025, 3)],
    ['45717', m(2025, 3)],
  ];
  it.each(cases)('%s', (text, want) => {
    expect(parseMonth(text, sh)).toBe(want);
  });
  it.each(['2025-13', '2025-00', '202513', '2025', '3月', 'March', ''])('rejects %j', (text) => {
    expect(parseMonth(text, sh)).toBeUndefined();
  });
});
