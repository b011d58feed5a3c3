// Property-based tests of the value parsers (issue 6): on any input they return a value or
// undefined and never throw; where a formatter exists, formatting then parsing gives back
// the value (dates, date-times, months, money to the fen, ID numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBool } from '../../src/normalise/boolean.js';
import { cleanCell, normKey, quoteValue } from '../../src/normalise/text.js';
import { parseDate, parseDateTime, parseMonth } from '../../src/normalise/datetime.js';
import { parseBusinessLine, parseContractForm, parseContractType, parseDeductionReason, parseInsuranceStatus, parseInsuranceType, parseOrderStatus, parsePaymentMethod } from '../../src/normalise/enums.js';
import { explainResidentId, idCheckChar, parseResidentId } from '../../src/normalise/idNumber.js';
import { parseHours, parseMoneyFen } from '../../src/normalise/money.js';
import { Clock, civilFromDay, dayFromCivil, formatDay, formatMonth } from '../../src/time.js';
import { ENUM_TABLES } from '../helpers/enum-tables.js';

const RUNS = { numRuns: 200 };
const SHANGHAI = new Clock('Asia/Shanghai');
const ZONES = [SHANGHAI, new Clock('Europe/Berlin'), new Clock('America/New_York'), new Clock('UTC')];

/** Strings the parsers meet in broken exports: any code points, and near-misses of real values. */
const junk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789-/.:年月日号时点分秒 T Z+¥￥元,()RMBx'.split('')), maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: 20 }),
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MIN_DAY = dayFromCivil(1970, 1, 2);
const MAX_DAY = dayFromCivil(2099, 12, 30);
const day = fc.integer({ min: MIN_DAY, max: MAX_DAY });
/** Whole seconds between 1970 and 2099. */
const instant = fc.integer({ min: MIN_DAY * 86400, max: MAX_DAY * 86400 }).map((s) => s * 1000);

describe('value parsers never throw', () => {
  it.each([
    ['parseDateTime', (s: string) => parseDateTime(s, SHANGHAI)],
    ['parseDate', (s: string) => parseDate(s, SHANGHAI)],
    ['parseMonth', (s: string) => parseMonth(s, SHANGHAI)],
    ['parseMoneyFen', parseMoneyFen],
    ['parseHours', parseHours],
    ['parseBool', parseBool],
    ['parseResidentId', parseResidentId],
    ['explainResidentId', explainResidentId],
    ['parseContractType', parseContractType],
    ['parseInsuranceType', parseInsuranceType],
    ['parseInsuranceStatus', parseInsuranceStatus],
    ['parseOrderStatus', parseOrderStatus],
    ['parsePaymentMethod', parsePaymentMethod],
    ['parseDeductionReason', parseDeductionReason],
    ['parseBusinessLine', parseBusinessLine],
    ['parseContractForm', parseContractForm],
    ['cleanCell', cleanCell],
    ['normKey', normKey],
  ] as [string, (s: string) => unknown][])('%s', (_name, parse) => {
    fc.assert(
      fc.property(junk, (s) => {
        parse(s);
      }),
      RUNS,
    );
  });

  it('numbers come out finite and whole where they must', () => {
    fc.assert(
      fc.property(junk, (s) => {
        for (const v of [parseDateTime(s, SHANGHAI), parseDate(s, SHANGHAI), parseMonth(s, SHANGHAI), parseMoneyFen(s)]) {
          if (v !== undefined) expect(Number.isSafeInteger(v)).toBe(true);
        }
        const h = parseHours(s);
        if (h !== undefined) expect(Number.isFinite(h) && h >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('quoteValue gives short, printable text for any value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const q = quoteValue(s);
        expect(q.length).toBeLessThanOrEqual(6 * 60 + 5);
        // eslint-disable-next-line no-control-regex
        expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        if (s.length <= 60) expect(JSON.parse(q)).toBe(s);
      }),
      RUNS,
    );
  });
});

describe('dates: day → text → day', () => {
  const formats: [string, (y: number, m: number, d: number) => string][] = [
    ['YYYY-MM-DD', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`],
    ['YYYY/M/D', (y, m, d) => `${y}/${m}/${d}`],
    ['YYYY.MM.DD', (y, m, d) => `${y}.${pad(m)}.${pad(d)}`],
    ['YYYYMMDD', (y, m, d) => `${y}${pad(m)}${pad(d)}`],
    ['YYYY年M月D日', (y, m, d) => `${y}年${m}月${d}日`],
    ['full-width digits', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`.replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['date-time', (y, m, d) => `${y}-${pad(m)}-${pad(d)} 23:59:59`],
  ];
  it.each(formats)('%s', (_name, fmt) => {
    fc.assert(
      fc.property(day, (z) => {
        const { y, m, d } = civilFromDay(z);
        expect(parseDate(fmt(y, m, d), SHANGHAI)).toBe(z);
      }),
      RUNS,
    );
  });

  it('formatDay', () => {
    fc.assert(fc.property(day, (z) => {
        expect(parseDate(formatDay(z), SHANGHAI)).toBe(z);
      }), RUNS);
  });

  it('Excel serial day numbers', () => {
    const epoch = dayFromCivil(1899, 12, 30);
    fc.assert(fc.property(fc.integer({ min: 20000, max: 99999 }), (n) => {
        expect(parseDate(String(n), SHANGHAI)).toBe(epoch + n);
      }), RUNS);
  });

  it('impossible calendar dates are refused, not rolled over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 35 }), (y, m, d) => {
        const valid = d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
        const got = parseDate(`${y}-${pad(m)}-${pad(d)}`, SHANGHAI);
        expect(got === undefined).toBe(!valid);
      }),
      RUNS,
    );
  });

  it('months: month → text → month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970 * 12, max: 2099 * 12 + 11 }), (mo) => {
        const y = Math.floor(mo / 12);
        const m = (mo % 12) + 1;
        for (const s of [formatMonth(mo), `${y}/${m}`, `${y}年${m}月`, `${y}${pad(m)}`, `${y}-${pad(m)}-01`]) expect(parseMonth(s, SHANGHAI), s).toBe(mo);
      }),
      RUNS,
    );
  });
});

describe('date-times: instant → text → instant', () => {
  it('ISO 8601 with the offset, in zones with and without daylight saving time', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, clock) => {
        const text = clock.formatInstant(ms);
        expect(parseDateTime(text, clock)).toBe(ms);
        // The offset in the text decides, whatever the run's zone.
        expect(parseDateTime(text, SHANGHAI)).toBe(ms);
      }),
      RUNS,
    );
  });

  it('local wall-clock forms read in the run zone (Asia/Shanghai)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const t = SHANGHAI.formatInstant(ms); // YYYY-MM-DDTHH:MM:SS+08:00
        const [y, m, d, h, mi, s] = [t.slice(0, 4), t.slice(5, 7), t.slice(8, 10), t.slice(11, 13), t.slice(14, 16), t.slice(17, 19)].map(Number);
        expect(parseDateTime(`${t.slice(0, 10)} ${t.slice(11, 19)}`, SHANGHAI)).toBe(ms);
        expect(parseDateTime(`${t.slice(0, 10)}T${t.slice(11, 19)}`, SHANGHAI)).toBe(ms);
        expect(parseDateTime(`${y}/${m}/${d} ${h}:${pad(mi)}:${pad(s)}`, SHANGHAI)).toBe(ms);
        const minute = ms - s * 1000;
        expect(parseDateTime(`${y}/${m}/${d} ${h}:${pad(mi)}`, SHANGHAI)).toBe(minute);
        expect(parseDateTime(`${y}年${m}月${d}日 ${h}:${pad(mi)}`, SHANGHAI)).toBe(minute);
        expect(parseDateTime(`${y}${pad(m)}${pad(d)}${pad(h)}${pad(mi)}${pad(s)}`, SHANGHAI)).toBe(ms);
      }),
      RUNS,
    );
  });

  it('Unix epoch seconds and milliseconds', () => {
    const recent = fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }).map((s) => s * 1000);
    fc.assert(
      fc.property(recent, fc.integer({ min: 0, max: 999 }), (ms, extra) => {
        expect(parseDateTime(String(ms / 1000), SHANGHAI)).toBe(ms);
        expect(parseDateTime(String(ms + extra), SHANGHAI)).toBe(ms + extra);
      }),
      RUNS,
    );
  });

  it('a date without a time is not an instant', () => {
    fc.assert(fc.property(day, (z) => {
        expect(parseDateTime(formatDay(z), SHANGHAI)).toBeUndefined();
      }), RUNS);
  });
});

describe('money: fen → text → fen, exactly', () => {
  const fen = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 });
  const yuan = (f: number, o: { group?: boolean; two?: boolean } = {}) => {
    const a = Math.abs(f);
    let int = String(Math.floor(a / 100));
    if (o.group) int = int.replace(/\B(?=(\d{3})+$)/g, ',');
    const cents = a % 100;
    const frac = o.two || cents % 10 !== 0 ? `.${pad(cents)}` : cents ? `.${cents / 10}` : '';
    return { sign: f < 0 ? '-' : '', body: `${int}${frac}` };
  };
  it.each([
    ['1234.5', (f: number) => `${yuan(f).sign}${yuan(f).body}`],
    ['1,234.50', (f: number) => `${yuan(f).sign}${yuan(f, { group: true, two: true }).body}`],
    ['¥1234.5', (f: number) => `${yuan(f).sign}¥${yuan(f).body}`],
    ['￥1,234.50', (f: number) => `${yuan(f).sign}￥${yuan(f, { group: true, two: true }).body}`],
    ['1234.5元', (f: number) => `${yuan(f).sign}${yuan(f).body}元`],
    ['RMB 1234.5', (f: number) => `${yuan(f).sign}RMB ${yuan(f).body}`],
    ['(1234.50)', (f: number) => (f < 0 ? `(${yuan(f, { two: true }).body})` : yuan(f, { two: true }).body)],
    ['full-width', (f: number) => `${yuan(f).sign}${yuan(f).body}`.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ] as [string, (f: number) => string][])('%s', (_name, fmt) => {
    fc.assert(fc.property(fen, (f) => {
        expect(parseMoneyFen(fmt(f))).toBe(f);
      }), RUNS);
  });

  it('sub-fen digits round half away from zero, never by float arithmetic', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99 }), (f, third, more) => {
        const { sign, body } = yuan(f, { two: true });
        const text = `${sign}${body}${third}${more}`;
        const up = third >= 5 ? 1 : 0;
        const want = f < 0 ? f - up : f + up;
        expect(parseMoneyFen(text)).toBe(want === 0 ? 0 : want);
      }),
      RUNS,
    );
  });
});

describe('booleans and enumerations', () => {
  const variants = (w: string) => [w, ` ${w} `, w.toUpperCase(), w.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))];

  it('yes/no words in any case, width and padding', () => {
    for (const [w, b] of [['是', true], ['否', false], ['有', true], ['无', false], ['Y', true], ['N', false], ['yes', true], ['no', false], ['true', true], ['false', false], ['1', true], ['0', false]] as const) {
      for (const v of variants(w)) expect(parseBool(v), v).toBe(b);
    }
  });

  it.each(ENUM_TABLES)('%s: every listed word, in any case, width, spacing and separators', (_name, words, parse) => {
    const pairs = Object.entries(words).flatMap(([id, ws]) => [id, ...ws].map((w) => [w, id] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.constantFrom(' ', '_', '-', '　', ''), fc.boolean(), ([w, id], sep, upper) => {
        let v = w.replace(/ /g, sep || ' ');
        if (upper) v = v.toUpperCase();
        expect(parse(`  ${v} `)).toBe(id);
      }),
      RUNS,
    );
  });
});

describe('resident ID numbers', () => {
  const valid = fc
    .tuple(fc.integer({ min: 110000, max: 659999 }), fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2024, 12, 31) }), fc.integer({ min: 0, max: 999 }))
    .map(([region, z, seq]) => {
      const { y, m, d } = civilFromDay(z);
      const first17 = `${region}${y}${pad(m)}${pad(d)}${pad(seq, 3)}`;
      return { id: first17 + idCheckChar(first17), birthDay: z };
    });

  it('a valid number gives its birth date back; a lower-case x is the same number', () => {
    fc.assert(
      fc.property(valid, ({ id, birthDay }) => {
        expect(parseResidentId(id)).toEqual({ id, birthDay });
        expect(parseResidentId(id.toLowerCase())).toEqual({ id, birthDay });
      }),
      RUNS,
    );
  });

  it('any single changed character is caught by the check digit (or the date)', () => {
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'.split('')), ({ id }, k, c) => {
        fc.pre(id[k] !== c && (k === 17 || c !== 'X'));
        const changed = id.slice(0, k) + c + id.slice(k + 1);
        expect(parseResidentId(changed)).toBeUndefined();
        expect(explainResidentId(changed)).toMatch(/invalid resident ID number/);
      }),
      RUNS,
    );
  });
});
