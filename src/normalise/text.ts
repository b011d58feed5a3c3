// Shared text clean-up for header names and enumeration words. Exports come from Excel
// templates typed by hand, so the same column shows up as `Order ID`, `order_id`,
// `订单号（必填）` or `ＯｒｄｅｒＩＤ`; one normal form lets a single alias table cover them.

const BRACKET_SUFFIX = /\s*(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)\s*$/u;
const SEPARATORS = /[\s_\-*:.·]+/gu;

/** Normal form used to compare header names and enumeration words. */
export function normKey(s: string): string {
  // NFKC folds full-width letters, digits and brackets （） to their ASCII forms.
  let t = s.normalize('NFKC').trim().toLowerCase();
  for (;;) {
    const stripped = t.replace(BRACKET_SUFFIX, '');
    // A name that is only a bracketed word keeps it: stripping would leave nothing to match.
    if (stripped === t || stripped === '') break;
    t = stripped;
  }
  return t.replace(SEPARATORS, '');
}

/**
 * Trims a raw field and unwraps Excel's `="…"` text guard (used to stop Excel from turning
 * long ids into numbers). Runs on every field, so the common case does no allocation.
 */
export function cleanCell(v: string | undefined): string {
  if (v === undefined || v.length === 0) return '';
  let t = v;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(t.length - 1);
  if (first <= 32 || last <= 32 || first >= 0x80 || last >= 0x80) t = t.trim();
  if (t.length >= 3 && t.charCodeAt(0) === 61 /* = */ && t.charCodeAt(1) === 34 && t.charCodeAt(t.length - 1) === 34) {
    t = t.slice(2, -1).trim();
  }
  return t;
}

/** Characters JSON.stringify leaves raw that a terminal or an editor may act on: C1 controls, bidi and line separators. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Quotes a value for a rejection reason, shortened so one bad cell cannot flood a report.
 * Control characters are written as escapes, so the reason is plain printable text.
 */
export function quoteValue(v: string): string {
  let s = v.length > 60 ? v.slice(0, 57) : v;
  // Do not cut a surrogate pair in two.
  if (s.length < v.length && /[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
  const q = JSON.stringify(s.length < v.length ? s + '...' : s);
  return q.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the string has characters that NFKC would change in ways parsers care about. */
export function hasWideChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff00 && c <= 0xffef) return true;
    if (c === 0x3000) return true;
  }
  return false;
}
