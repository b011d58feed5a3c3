// Header row -> canonical columns, for one kind at a time.

import { KINDS, type Kind } from '../model.js';
import { UsageError } from '../errors.js';
import type { ColumnIndex } from '../normalise/records.js';
import { normKey } from '../normalise/text.js';
import { ALIAS_TABLES, ALL_COLUMN_NAMES, columnsOf } from './aliases.js';

export { normKey as normHeader } from '../normalise/text.js';

export interface KindMatch {
  kind: Kind;
  /** Canonical column -> field index. */
  cols: ColumnIndex;
  /** Canonical columns found, in header order. */
  columns: string[];
  /** Required columns not found (pay's period columns count as found when a month column is). */
  missing: string[];
  /** Required columns found. */
  requiredFound: number;
  /** Header names (as written) that this kind does not use. */
  ignored: string[];
}

/** Checks --map keys: canonical column -> header name in the file. */
export function validateMap(map: Record<string, string> | undefined): void {
  if (!map) return;
  for (const [k, v] of Object.entries(map)) {
    if (!ALL_COLUMN_NAMES.has(k)) {
      throw new UsageError(`--map: unknown column "${k}" (known columns: ${[...ALL_COLUMN_NAMES].join(', ')})`);
    }
    if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--map: column "${k}" needs a header name`);
  }
  // One header cannot hold two columns: the second would take it silently from the first
  // (and an orders file could then be read as some other kind).
  const byHeader = new Map<string, string>();
  for (const [k, v] of Object.entries(map)) {
    const other = byHeader.get(normKey(v));
    if (other !== undefined) throw new UsageError(`--map: columns "${other}" and "${k}" are both mapped to the header "${v}"`);
    byHeader.set(normKey(v), k);
  }
}

/** Matches a header row against one kind's columns; --map entries win over aliases. */
export function matchKind(kind: Kind, header: string[], map?: Record<string, string>): KindMatch {
  const keys = header.map((h) => normKey(h));
  const specs = columnsOf(kind);
  const names = new Set(specs.map((s) => s.name));
  const owner: (string | undefined)[] = new Array(header.length).fill(undefined);
  const cols: ColumnIndex = {};

  if (map) {
    for (const [column, headerName] of Object.entries(map)) {
      if (!names.has(column)) continue;
      const exact = header.findIndex((h, i) => owner[i] === undefined && h.trim() === headerName.trim());
      const wanted = normKey(headerName);
      const i = exact >= 0 ? exact : keys.findIndex((k, j) => owner[j] === undefined && k === wanted);
      if (i >= 0) {
        owner[i] = column;
        cols[column] = i;
      }
    }
  }
  const table = ALIAS_TABLES[kind];
  for (let i = 0; i < keys.length; i++) {
    if (owner[i] !== undefined || keys[i] === '') continue;
    const column = table.get(keys[i]);
    // First header naming a column wins; a second one (e.g. 开始日期 next to 合同开始日期) is ignored.
    if (column !== undefined && cols[column] === undefined) {
      owner[i] = column;
      cols[column] = i;
    }
  }

  const hasMonth = cols.month !== undefined;
  const missing = specs
    .filter((s) => s.required && cols[s.name] === undefined)
    .filter((s) => !(hasMonth && (s.name === 'period_start' || s.name === 'period_end')))
    .map((s) => s.name);
  const requiredCount = specs.filter((s) => s.required).length;
  return {
    kind,
    cols,
    columns: owner.filter((o): o is string => o !== undefined),
    missing,
    requiredFound: requiredCount - missing.length,
    ignored: header.filter((h, i) => owner[i] === undefined && h.trim() !== '').map((h) => h.trim()),
  };
}

export function matchAllKinds(header: string[], map?: Record<string, string>): Record<Kind, KindMatch> {
  const out = {} as Record<Kind, KindMatch>;
  for (const k of KINDS) out[k] = matchKind(k, header, map);
  return out;
}
