// Dated values (OpenFisca-like): a value takes effect on its date and stays in force until
// the next one. Lookups are by binary search, as rules ask once per worker-month or span.
import { parseIsoDay } from '../time.js';

export interface DatedEntry {
  since: number; // day number the value took effect
  value: unknown;
  source: string;
  document?: string;
  verified: boolean | Record<string, boolean>; // per tier where a notice's tiers differ in certainty
}

export interface Series {
  rulesetId: string;
  tiered: boolean;
  entries: DatedEntry[]; // ascending by `since`
}

interface RawEntry {
  value: unknown;
  source: string;
  document?: string;
  verified: boolean | Record<string, boolean>;
}

export function compileSeries(rulesetId: string, values: Record<string, RawEntry>, tiered = false): Series {
  const entries = Object.entries(values)
    .map(([date, e]) => ({
      since: parseIsoDay(date)!, // validated by the schema
      value: e.value,
      source: e.source,
      document: e.document,
      verified: e.verified,
    }))
    .sort((a, b) => a.since - b.since);
  return { rulesetId, tiered, entries };
}

/** The entry in force on `day`, or undefined before the first one. */
export function entryAt(series: Series, day: number): DatedEntry | undefined {
  const e = series.entries;
  let lo = 0;
  let hi = e.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (e[mid].since <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? undefined : e[found];
}

/**
 * Walk a chain of series (most specific first): the first with a value in force on the day
 * answers, whole. A local series thus applies from its first date and its parent's before.
 */
export function lookupChain(chain: Series[], day: number): { series: Series; entry: DatedEntry } | undefined {
  for (const series of chain) {
    const entry = entryAt(series, day);
    if (entry) return { series, entry };
  }
  return undefined;
}

/** Every date on which the effective value of the chain changes, in order. */
export function chainHistory(chain: Series[]): { series: Series; entry: DatedEntry }[] {
  const days = [...new Set(chain.flatMap((s) => s.entries.map((e) => e.since)))].sort((a, b) => a - b);
  const out: { series: Series; entry: DatedEntry }[] = [];
  for (const d of days) {
    const hit = lookupChain(chain, d);
    if (hit && hit.entry.since === d && !out.some((o) => o.entry === hit.entry)) out.push(hit);
  }
  return out;
}

export function verifiedFor(entry: DatedEntry, tier: string | undefined): boolean {
  if (typeof entry.verified === 'boolean') return entry.verified;
  return tier !== undefined && entry.verified[tier] === true;
}
