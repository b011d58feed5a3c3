// The JSON report (json.ts) in pieces, for writing a large report without making it one
// string: the same text, piece by piece — each top-level value, and each finding and rejected
// row on its own, as JSON.stringify(report, null, 2) lays them out (nested values are indented
// by their depth, and a JSON string never holds a raw line break, so re-indenting a piece's
// lines gives the text of the whole). tests/reporters/jsonPieces.test.ts holds the two equal.
import type { Report } from '../report/model.js';
import { jsonText } from './escape.js';

const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);

/** Arrays written a run of elements at a time. */
const STREAMED = new Set(['findings', 'rejected']);
const CHUNK = 256;
/** What JSON.stringify({ x: [...] }, null, 2) puts around the elements. */
const HEAD = '{\n  "x": [\n';
const TAIL = '\n  ]\n}';

export function* jsonPieces(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k];
    const last = k === entries.length - 1;
    yield `  ${jsonText(key)}: `;
    if (STREAMED.has(key) && Array.isArray(value) && value.length > 0) {
      yield '[\n';
      // A run of elements at a time, laid out by JSON.stringify at their depth in the report:
      // as the array of a top-level key, less that key's line and the closing lines.
      for (let i = 0; i < value.length; i += CHUNK) {
        const end = Math.min(value.length, i + CHUNK);
        const text = jsonText({ x: value.slice(i, end) }, 2);
        yield `${text.slice(HEAD.length, text.length - TAIL.length)}${end === value.length ? '' : ','}\n`;
      }
      yield `  ]${last ? '' : ','}\n`;
    } else {
      yield `${indent(jsonText(value, 2), '  ')}${last ? '' : ','}\n`;
    }
  }
  yield '}\n';
}
