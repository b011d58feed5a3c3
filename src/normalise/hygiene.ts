// Checks every row makes before its values are read: bytes that did not decode, NUL bytes,
// a quote that swallowed the rows after it, a value too long to be an id or a name. Each
// makes the row unusable; the row is rejected with the reason, never kept with a wrong value.

import { RowReject } from './cells.js';
import type { ColumnIndex, RowConverter } from './convert.js';
import { cleanCell } from './text.js';

/**
 * A used value longer than this is no id, name, date or amount: a broken or hostile export
 * (it would otherwise be copied into every finding and report that names it).
 */
export const MAX_VALUE_CHARS = 1000;

/** Any of: NUL, line breaks, U+FFFD (what the decoders put in place of invalid bytes). */
const SUSPECT = /[\0\n\r\uFFFD]/;

const DAMAGED =
  'bytes that are not valid text in the file\u2019s encoding (a damaged file, or another encoding: see --encoding)';
const NUL = 'NUL bytes in the row (a damaged file, or UTF-16 text: see --encoding)';

function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function delimiters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 9 || c === 59) n++;
  }
  return n;
}

/**
 * The reason for a row that swallowed the lines after it. It counts lines from the row's own
 * line (the rejection's `line`) rather than naming line numbers: a worker thread parsing a
 * byte range knows its lines only from the range's start.
 */
function spans(fields: string[]): string {
  let breaks = 0;
  for (const f of fields) if (f) breaks += lineBreaks(f);
  return `the row spans ${breaks + 1} lines from its own: a quote opened on it is not closed where it should be, or a value has line breaks`;
}

/**
 * Wraps a row converter with the checks above. `cols` names the fields the converter uses:
 * those must be of sane length. Any field may span lines (Excel's Alt+Enter), unless it
 * also holds a whole row's worth of delimiters: then a stray quote has swallowed the rows
 * after it, and the row is rejected at the line where that quote opened.
 */
export function withRowChecks(cols: ColumnIndex, convert: RowConverter): RowConverter {
  // Canonical column name by field index (undefined: a field the converter ignores).
  const used: (string | undefined)[] = [];
  for (const [name, i] of Object.entries(cols)) if (i !== undefined && i >= 0 && used[i] === undefined) used[i] = name;
  return (fields, line) => {
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      if (f === undefined) continue;
      const suspect = SUSPECT.test(f);
      if (!suspect && f.length <= MAX_VALUE_CHARS) continue;
      const column = used[k];
      if (!suspect && column === undefined) continue;
      const where = column ?? `field ${k + 1}`;
      if (suspect) {
        if (f.indexOf('\uFFFD') >= 0) return new RowReject(column, column ? DAMAGED : `${DAMAGED}, in ${where}`);
        if (f.indexOf('\0') >= 0) return new RowReject(column, NUL);
        // Values may span lines (Excel's Alt+Enter); one that holds a row's worth of
        // delimiters as well is rows swallowed by a quote that closes too late.
        if (lineBreaks(f) > 0 && delimiters(f) >= Math.max(1, fields.length - 1)) {
          return new RowReject(column, column ? spans(fields) : `${spans(fields)} (${where})`);
        }
      }
      if (column !== undefined) {
        const n = cleanCell(f).length;
        if (n > MAX_VALUE_CHARS) {
          return new RowReject(column, `value is ${n} characters long (at most ${MAX_VALUE_CHARS}): not a value of this column`);
        }
      }
    }
    return convert(fields, line);
  };
}
