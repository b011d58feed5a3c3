// The JSON report (json.ts) in pieces, for writing a large report without making it one
// string: the same text, piece by piece — each top-level value, and each finding and rejected
// row on its own, as JSON.stringify(report, null, 2) lays them out (nested values are indented
// by their depth, and a JSON string never holds a raw line break, so re-indenting a piece's
// lines gives the text of the whole). tests/reporters/jsonPieces.test.ts holds the two equal.
import type { Report } from '../report/model.js';
import { jsonText } from './escape.js';

const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);

/** Arrays written element by element. */
const STREAMED = new Set(['findings', 'rejected']);

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
      for (let i = 0; i < value.length; i++) {
        const el = value[i];
        const text = el === undefined || typeof el === 'function' ? 'null' : jsonText(el, 2);
        yield `    ${indent(text, '    ')}${i === value.length - 1 ? '' : ','}\n`;
      }
      yield `  ]${last ? '' : ','}\n`;
    } else {
      yield `${indent(jsonText(value, 2), '  ')}${last ? '' : ','}\n`;
    }
  }
  yield '}\n';
}
