// Which kind of export a header row is, and why not when it is none.

import type { Kind } from '../model.js';
import { COLUMNS, PAY_MONTH } from './aliases.js';
import { type KindMatch, matchAllKinds } from './headers.js';

/** Preference on equal evidence, from data-contract.md: orders > pay > contracts > insurance > workers. */
const PRIORITY: Kind[] = ['orders', 'pay', 'contracts', 'insurance'];
const ROSTER_COLUMNS = ['name', 'id_number', 'birth_date', 'phone', 'hired_at', 'safety_training_at', 'region'];

export interface Detection {
  /** Detected kind; undefined when the header fits none. */
  kind?: Kind;
  matches: Record<Kind, KindMatch>;
  /** The detected kind's match, or the closest kind's when none fits. */
  best: KindMatch;
}

export function detectKind(header: string[], map?: Record<string, string>): Detection {
  const matches = matchAllKinds(header, map);
  const complete = PRIORITY.map((k) => matches[k]).filter((m) => m.missing.length === 0);
  if (complete.length > 0) {
    // Stable sort keeps PRIORITY order among equal counts.
    complete.sort((a, b) => b.columns.length - a.columns.length);
    return { kind: complete[0].kind, matches, best: complete[0] };
  }
  const w = matches.workers;
  if (w.missing.length === 0 && w.columns.some((c) => ROSTER_COLUMNS.includes(c))) {
    return { kind: 'workers', matches, best: w };
  }
  const closest = [...PRIORITY]
    .map((k) => matches[k])
    .sort((a, b) => b.requiredFound - a.requiredFound || b.columns.length - a.columns.length)[0];
  return { matches, best: closest };
}

/** `accepted_at (接单时间)`: the canonical name with its first Chinese alias as a hint. */
export function describeColumn(kind: Kind, column: string): string {
  const spec = [...COLUMNS[kind], PAY_MONTH].find((s) => s.name === column);
  const zh = spec?.aliases.find((a) => /[\u4e00-\u9fff]/.test(a));
  return zh ? `${column} (${zh})` : column;
}

export function describeMissing(m: KindMatch): string {
  const items = m.missing.map((c) => describeColumn(m.kind, c));
  if (m.kind === 'pay') {
    // Both period columns can be replaced by one month column; say so where they are listed.
    const i = m.missing.indexOf('period_start');
    const j = m.missing.indexOf('period_end');
    if (i >= 0 && j >= 0) {
      items.splice(j, 1);
      items[i] = `${describeColumn('pay', 'period_start')} + ${describeColumn('pay', 'period_end')} or ${describeColumn('pay', 'month')}`;
    }
  }
  return items.join(', ');
}

/** One sentence for a header that fits no kind, naming the closest kind's missing columns. */
export function explainNoKind(d: Detection): string {
  const m = d.best;
  if (m.requiredFound === 0 && m.columns.length === 0) {
    return `not a recognised export: no known column names in the header (an ${m.kind} file needs: ${describeMissing(m)})`;
  }
  return `not a recognised export: closest kind is ${m.kind}, missing required column${m.missing.length > 1 ? 's' : ''}: ${describeMissing(m)}`;
}
