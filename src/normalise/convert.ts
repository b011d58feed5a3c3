// Types shared by the per-kind row converters (kept apart from records.ts so the
// converters and the dispatcher do not import each other).

import type { CanonicalRecord } from '../model.js';
import type { Clock } from '../time.js';
import { RowReject } from './cells.js';
import type { OrderIdIndex } from './orderIds.js';
import { cleanCell } from './text.js';

/** Canonical column name -> index of its field in the row. Absent columns are not listed. */
export type ColumnIndex = Partial<Record<string, number>>;

export interface ConvertContext {
  clock: Clock;
  /** Index of the file in the run's inputs (Origin.file). */
  file: number;
  /** --platform value. */
  platform?: string;
  /** File name without extension: the platform of orders when neither column nor flag names one. */
  fileStem: string;
  /** Order ids seen so far in the run, for duplicate detection across files. */
  orderIds: OrderIdIndex;
  /** Display path of an earlier input, for "first at FILE line N". */
  pathOf: (file: number) => string;
}

export type RowConverter = (fields: string[], line: number) => CanonicalRecord | RowReject;

export function col(cols: ColumnIndex, name: string): number {
  return cols[name] ?? -1;
}

/** Runs a converter body, turning a thrown RowReject into the returned rejection. */
export function guarded(body: (fields: string[], line: number) => CanonicalRecord | RowReject): RowConverter {
  return (fields, line) => {
    try {
      return body(fields, line);
    } catch (e) {
      if (e instanceof RowReject) return e;
      throw e;
    }
  };
}

/**
 * A label per field position, for a rejection about a position rather than a value: the
 * canonical column read from it, else the header's own name there.
 */
export function columnLabels(header: readonly string[], cols: ColumnIndex): string[] {
  const labels = header.map((h) => cleanCell(h));
  for (const [name, i] of Object.entries(cols)) if (i !== undefined && i >= 0 && i < labels.length) labels[i] = name;
  return labels;
}

/**
 * The column where a row of `count` fields departs from its header ("file, line, column and
 * reason", data-contract.md): the first missing column of a short row, or the first extra
 * field of a long one by its 1-based number (`#9`: the header names no column there).
 */
export function raggedColumn(labels: readonly string[], count: number): string {
  return count < labels.length ? labels[count] || `#${count + 1}` : `#${labels.length + 1}`;
}

/** The reason given with raggedColumn. */
export const raggedReason = (count: number, width: number) => `row has ${count} fields, the header has ${width}`;
