// Work spans (rules.md "Shared definitions"): orders sorted by acceptance merge into a
// span while each starts before the span's end plus the bridge gap. Waiting between
// orders inside a span is working time (人社厅发〔2023〕50号 guideline art. 4: order time
// plus online-waiting allowance time); stacked orders are not double-counted.
import { MS_PER_MINUTE, type Clock } from '../time.js';
import type { OrderLog } from './orderLog.js';

export interface Span {
  start: number; // epoch ms
  end: number; // epoch ms
  first: number; // position in the sorted index of the first order
  last: number; // position in the sorted index of the last order (inclusive)
}

export function buildSpans(log: OrderLog, sorted: Int32Array, gapMinutes: number): Span[] {
  const spans: Span[] = [];
  const gap = gapMinutes * MS_PER_MINUTE;
  let cur: Span | undefined;
  for (let p = 0; p < sorted.length; p++) {
    const i = sorted[p];
    const a = log.acceptedAt[i];
    const c = log.completedAt[i];
    if (cur && a < cur.end + gap) {
      if (c > cur.end) cur.end = c;
      cur.last = p;
    } else {
      cur = { start: a, end: c, first: p, last: p };
      spans.push(cur);
    }
  }
  return spans;
}

export function spanMinutes(s: Span): number {
  return (s.end - s.start) / MS_PER_MINUTE;
}

/** Adds each span's minutes to the local days it covers, split at midnight. */
export function minutesByDay(spans: Span[], clock: Clock): Map<number, number> {
  const byDay = new Map<number, number>();
  for (const s of spans) {
    let from = s.start;
    let day = clock.dayOf(from);
    while (from < s.end) {
      const next = clock.startOfDay(day + 1);
      const to = Math.min(s.end, next);
      byDay.set(day, (byDay.get(day) ?? 0) + (to - from) / MS_PER_MINUTE);
      from = to;
      day++;
    }
  }
  return byDay;
}
