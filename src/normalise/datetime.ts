// Date-time, date and month parsers for the formats in data-contract.md "Value formats".
// They run once per cell on files with millions of rows: the common ISO shape takes a
// char-code fast path, the rest go through a few anchored regexes. No Date objects.

import { Clock, civilFromDay, dayFromCivil, isValidCivil, monthOfDay } from '../time.js';
import { hasWideChars } from './text.js';

/** Excel stores day numbers counted from 1899-12-30 (which absorbs its 1900 leap-year bug). */
const EXCEL_EPOCH_DAY = dayFromCivil(1899, 12, 30);
/** Plausible Excel serials: 1954-10-03 … 2173-10-14. Keeps 5-digit ids or amounts from passing as dates. */
const EXCEL_MIN = 20000;
const EXCEL_MAX = 99999;

const ISO_DT =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\s*|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const COMPACT_DT = /^(\d{4})(\d{2})(\d{2})(?:[T ]\s*)(\d{1,2}):?(\d{2})(?::?(\d{2}))?$/i;
const COMPACT14 = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const ZH_DT = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]\s*(\d{1,2})[:时点](\d{1,2})分?(?::?(\d{1,2})秒?)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
const EXCEL = /^(\d{5})(?:\.(\d+))?$/;

const ISO_D = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[T ]\s*|\s+)\d{1,2}:\d{1,2}(?::\d{1,2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT_D = /^(\d{4})(\d{2})(\d{2})$/;
const ZH_D = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*\d{1,2}[:时点]\d{1,2}.*)?$/;

const MONTH = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月份?|(\d{2}))$/;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function n2(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** `.5` → 500, `.123456` → 123: fractional seconds to whole milliseconds (truncated). */
function fracMs(f: string | undefined): number {
  if (!f) return 0;
  return Number((f + '00').slice(0, 3));
}

/** Offset text (`Z`, `+08:00`, `+0800`, `+08`) to minutes east of UTC; undefined if malformed. */
function offsetMinutes(o: string): number | undefined {
  if (o === 'Z' || o === 'z') return 0;
  const sign = o.charCodeAt(0) === 45 ? -1 : 1;
  const h = Number(o.slice(1, 3));
  const m = o.length > 3 ? Number(o.slice(-2)) : 0;
  if (h > 14 || m > 59) return undefined;
  return sign * (h * 60 + m);
}

function instant(
  clock: Clock,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: string | undefined,
): number | undefined {
  if (h > 23 || mi > 59 || s > 59 || !isValidCivil(y, mo, d)) return undefined;
  if (offset === undefined) return clock.fromLocal(y, mo, d, h, mi, s, ms);
  const off = offsetMinutes(offset);
  if (off === undefined) return undefined;
  return (dayFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000 + ms - off * 60_000;
}

/** Local wall time of an Excel serial (its fraction is the time of day), to the nearest second. */
function excelInstant(intPart: string, frac: string | undefined, clock: Clock): number | undefined {
  const serial = Number(intPart);
  if (serial < EXCEL_MIN || serial > EXCEL_MAX) return undefined;
  let secs = frac ? Math.round(Number('0.' + frac) * 86400) : 0;
  let day = EXCEL_EPOCH_DAY + serial;
  if (secs >= 86400) {
    day += 1;
    secs -= 86400;
  }
  const c = civilFromDay(day);
  return clock.fromLocal(c.y, c.m, c.d, Math.floor(secs / 3600), Math.floor((secs % 3600) / 60), secs % 60);
}

/**
 * Parses a date-time cell to epoch milliseconds. Without an explicit offset the wall time is
 * read in the clock's zone. A date without a time is refused: an order timestamp needs one.
 */
export function parseDateTime(raw: string, clock: Clock): number | undefined {
  let s = raw;
  // Fast path: `YYYY-MM-DD HH:MM:SS` (also `/` and `T`), the shape nearly every export uses.
  if (s.length === 19) {
    const sep = s.charCodeAt(4);
    const mid = s.charCodeAt(10);
    if (
      (sep === 45 || sep === 47) &&
      s.charCodeAt(7) === sep &&
      (mid === 32 || mid === 84) &&
      s.charCodeAt(13) === 58 &&
      s.charCodeAt(16) === 58
    ) {
      const y = n2(s, 0) * 100 + n2(s, 2);
      const mo = n2(s, 5);
      const d = n2(s, 8);
      const h = n2(s, 11);
      const mi = n2(s, 14);
      const sec = n2(s, 17);
      if (y < 0 || n2(s, 0) < 0 || n2(s, 2) < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
      return instant(clock, y, mo, d, h, mi, sec, 0, undefined);
    }
  }
  if (hasWideChars(s)) s = s.normalize('NFKC');
  let m = ISO_DT.exec(s);
  if (m) {
    return instant(clock, +m[1], +m[3], +m[4], +m[5], +m[6], m[7] ? +m[7] : 0, fracMs(m[8]), m[9]);
  }
  m = ZH_DT.exec(s);
  if (m) return instant(clock, +m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, 0, undefined);
  if (EPOCH.test(s)) return s.length === 10 ? Number(s) * 1000 : Number(s);
  m = EXCEL.exec(s);
  if (m) return excelInstant(m[1], m[2], clock);
  m = COMPACT_DT.exec(s) ?? COMPACT14.exec(s);
  if (m) return instant(clock, +m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, 0, undefined);
  return undefined;
}

function civilDay(y: number, m: number, d: number): number | undefined {
  return isValidCivil(y, m, d) ? dayFromCivil(y, m, d) : undefined;
}

/**
 * Parses a date cell to a day number. A date-time is accepted and its time (and offset) is
 * ignored: the calendar date as written is the date meant. Epoch numbers are read in the
 * clock's zone; Excel serials are already local.
 */
export function parseDate(raw: string, clock: Clock): number | undefined {
  let s = raw;
  if (s.length === 10) {
    const sep = s.charCodeAt(4);
    if ((sep === 45 || sep === 47) && s.charCodeAt(7) === sep) {
      const hi = n2(s, 0);
      const lo = n2(s, 2);
      const mo = n2(s, 5);
      const d = n2(s, 8);
      if (hi >= 0 && lo >= 0 && mo >= 0 && d >= 0) return civilDay(hi * 100 + lo, mo, d);
    }
  }
  if (hasWideChars(s)) s = s.normalize('NFKC');
  let m = ISO_D.exec(s);
  if (m) return civilDay(+m[1], +m[3], +m[4]);
  m = COMPACT_D.exec(s);
  if (m) return civilDay(+m[1], +m[2], +m[3]);
  m = ZH_D.exec(s);
  if (m) return civilDay(+m[1], +m[2], +m[3]);
  m = EXCEL.exec(s);
  if (m) {
    const serial = Number(m[1]);
    return serial >= EXCEL_MIN && serial <= EXCEL_MAX ? EXCEL_EPOCH_DAY + serial : undefined;
  }
  if (EPOCH.test(s)) return clock.dayOf(s.length === 10 ? Number(s) * 1000 : Number(s));
  return undefined;
}

/**
 * Parses a pay-month cell (`2025-03`, `2025/3`, `2025年3月`, `202503`) to a month index
 * (y*12 + m-1, as in time.ts). A full date also counts: Excel likes to turn `2025-03` into
 * `2025/3/1`, and the month it falls in is what was meant.
 */
export function parseMonth(raw: string, clock: Clock): number | undefined {
  let s = raw;
  if (hasWideChars(s)) s = s.normalize('NFKC');
  const m = MONTH.exec(s);
  if (m) {
    const mo = Number(m[2] ?? m[3] ?? m[4]);
    if (mo < 1 || mo > 12) return undefined;
    return Number(m[1]) * 12 + mo - 1;
  }
  const day = parseDate(s, clock);
  return day === undefined ? undefined : monthOfDay(day);
}
