// Typed cell readers shared by the per-kind row converters. A bad cell throws a RowReject
// (a plain object, no stack capture) which the converter turns into the row's rejection;
// rejections are rare, so the happy path pays nothing for this.

import type { Clock } from '../time.js';
import { parseBool } from './boolean.js';
import { parseDate, parseDateTime, parseMonth } from './datetime.js';
import { parseHours, parseMoneyFen } from './money.js';
import { cleanCell, quoteValue } from './text.js';

export class RowReject {
  constructor(
    readonly column: string | undefined,
    readonly reason: string,
  ) {}
}

const EMPTY = 'required value is empty';

/** Cleaned cell at index i; '' when the column is absent (i < 0) or the row is short. */
export function cell(fields: string[], i: number): string {
  return i < 0 ? '' : cleanCell(fields[i]);
}

export function reqText(v: string, col: string): string {
  if (v === '') throw new RowReject(col, EMPTY);
  return v;
}

export function optText(v: string): string | undefined {
  return v === '' ? undefined : v;
}

export function reqDateTime(v: string, col: string, clock: Clock): number {
  if (v === '') throw new RowReject(col, EMPTY);
  const t = parseDateTime(v, clock);
  if (t === undefined) throw new RowReject(col, `unparseable date-time ${quoteValue(v)}`);
  return t;
}

export function optDay(v: string, col: string, clock: Clock): number | undefined {
  if (v === '') return undefined;
  const d = parseDate(v, clock);
  if (d === undefined) throw new RowReject(col, `unparseable date ${quoteValue(v)}`);
  return d;
}

export function reqDay(v: string, col: string, clock: Clock): number {
  if (v === '') throw new RowReject(col, EMPTY);
  return optDay(v, col, clock) as number;
}

export function reqMonth(v: string, col: string, clock: Clock): number {
  if (v === '') throw new RowReject(col, EMPTY);
  const m = parseMonth(v, clock);
  if (m === undefined) throw new RowReject(col, `unparseable month ${quoteValue(v)}`);
  return m;
}

export function optFen(v: string, col: string): number | undefined {
  if (v === '') return undefined;
  const f = parseMoneyFen(v);
  if (f === undefined) throw new RowReject(col, `unparseable amount ${quoteValue(v)}`);
  return f;
}

export function reqFen(v: string, col: string): number {
  if (v === '') throw new RowReject(col, EMPTY);
  return optFen(v, col) as number;
}

export function optHours(v: string, col: string): number | undefined {
  if (v === '') return undefined;
  const h = parseHours(v);
  if (h === undefined) throw new RowReject(col, `unparseable hours ${quoteValue(v)}`);
  return h;
}

export function optBool(v: string, col: string): boolean | undefined {
  if (v === '') return undefined;
  const b = parseBool(v);
  if (b === undefined) throw new RowReject(col, `unrecognised yes/no value ${quoteValue(v)}`);
  return b;
}

export function optEnum<T>(v: string, col: string, parse: (s: string) => T | undefined, what: string): T | undefined {
  if (v === '') return undefined;
  const e = parse(v);
  if (e === undefined) throw new RowReject(col, `unknown ${what} ${quoteValue(v)}`);
  return e;
}

export function reqEnum<T>(v: string, col: string, parse: (s: string) => T | undefined, what: string): T {
  if (v === '') throw new RowReject(col, EMPTY);
  return optEnum(v, col, parse, what) as T;
}
