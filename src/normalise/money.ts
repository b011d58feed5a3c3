// Money and plain-number parsers. Amounts become integer fen by decimal-string arithmetic:
// `Number('0.29') * 100` is 28.999999999999996, which is how pay audits go wrong by a fen.
//
// More than two decimals (some platforms export per-order pay to 0.001 yuan) is rounded to
// the fen, half away from zero: `1.005` → 101, `-1.005` → -101. Rejecting such cells would
// throw away otherwise sound pay records over a sub-fen remainder.

import { hasWideChars } from './text.js';

const PLAIN = /^(-?)(\d{1,13})(?:\.(\d*))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;
const CURRENCY_PREFIX = /^(?:¥|rmb|cny|人民币)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|rmb|cny|人民币元|人民币)$/i;

function toFen(sign: number, intDigits: string, frac: string | undefined): number | undefined {
  if (intDigits.length > 13) return undefined; // beyond 2^53 fen precision; no real pay is that large
  const f = frac ?? '';
  let fen = Number(intDigits) * 100 + (f.length === 0 ? 0 : f.length === 1 ? Number(f) * 10 : Number(f.slice(0, 2)));
  if (f.length > 2 && f.charCodeAt(2) >= 53 /* '5' */) fen += 1;
  return fen === 0 ? 0 : sign * fen;
}

/** Parses a CNY amount (`1234.5`, `1,234.50`, `¥1234.5`, `1234.5元`, `RMB 1234.5`, `-12.5`, `(12.50)`) to integer fen. */
export function parseMoneyFen(raw: string): number | undefined {
  let m = PLAIN.exec(raw);
  if (m) return toFen(m[1] ? -1 : 1, m[2], m[3]);

  let s = raw;
  if (hasWideChars(s)) s = s.normalize('NFKC'); // ￥ → ¥, full-width digits and commas
  s = s.replace(/\u2212/g, '-').trim();
  let sign = 1;
  // Accounting style negatives: (12.50)
  if (s.startsWith('(') && s.endsWith(')')) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-')) {
    sign = -sign;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trimStart();
  }
  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  // A sign may also follow the currency symbol: ¥-12.50
  if (s.startsWith('-') && sign === 1) {
    sign = -1;
    s = s.slice(1);
  }
  m = PLAIN.exec(s);
  if (m && !m[1]) return toFen(sign, m[2], m[3]);
  m = GROUPED.exec(s);
  if (m) return toFen(sign, m[1].replace(/,/g, ''), m[2]);
  return undefined;
}

const HOURS = /^(\d+(?:\.\d+)?|\.\d+)\s*(?:h|hr|hrs|hours?|小时|个小时|时)?$/i;
const HOURS_CLOCK = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;

/** Parses a non-negative duration in hours: `8`, `7.5`, `7.5h`, `7.5小时`, or `7:30` (h:mm). */
export function parseHours(raw: string): number | undefined {
  let s = raw;
  if (hasWideChars(s)) s = s.normalize('NFKC');
  let m = HOURS.exec(s);
  if (m) return Number(m[1]);
  m = HOURS_CLOCK.exec(s);
  if (m) return Number(m[1]) + Number(m[2]) / 60 + (m[3] ? Number(m[3]) / 3600 : 0);
  return undefined;
}
