// Small shared pieces of rule logic: evidence lists, runs of days, money and time text.
import type { Dossier } from '../assemble/index.js';
import type { Jurisdiction } from '../law/types.js';
import type { Relation } from '../model.js';
import type { Evidence } from '../report/model.js';
import { formatDay } from '../time.js';
import type { RuleContext } from './types.js';

/** Evidence lists are capped per finding; the count left out is always reported. */
export const EVIDENCE_CAP = 50;

export function orderEvidence(d: Dossier, ctx: RuleContext, positions: Iterable<number>, note?: (p: number) => string | undefined) {
  const evidence: Evidence[] = [];
  let omitted = 0;
  const { log, sorted } = d;
  for (const p of positions) {
    if (evidence.length >= EVIDENCE_CAP) {
      omitted++;
      continue;
    }
    // Straight from the columns (as orderAt would give them, without a view per order).
    const i = sorted[p];
    const e: Evidence = { file: ctx.files[log.file[i]], line: log.line[i], orderId: log.orderIdAt(i) };
    const n = note?.(p);
    if (n) e.note = n;
    evidence.push(e);
  }
  return { evidence, evidenceOmitted: omitted || undefined };
}

export function recordEvidence(ctx: RuleContext, r: { file: number; line: number }, note?: string): Evidence {
  return note ? { file: ctx.files[r.file], line: r.line, note } : { file: ctx.files[r.file], line: r.line };
}

/** Splits ascending days into runs where `same(prev, next)` holds between neighbours. */
export function runsOf<T>(items: T[], same: (a: T, b: T) => boolean): T[][] {
  const runs: T[][] = [];
  for (const it of items) {
    const cur = runs[runs.length - 1];
    if (cur && same(cur[cur.length - 1], it)) cur.push(it);
    else runs.push([it]);
  }
  return runs;
}

export const yuan = (fen: number) => Math.round(fen) / 100;
export const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
export const dayPeriod = (from: number, to: number) => ({ from: formatDay(from), to: formatDay(to) });
export const fmtYuan = (fen: number) => (Math.round(fen) / 100).toFixed(2);

/** The relation governing most of the given days (ties: the first seen). */
export function dominantRelation(d: Dossier, days: readonly number[]): Relation | undefined {
  // Relations in the order first seen, with their counts (a handful at most; mostly one).
  const seen: Relation[] = [];
  const counts: number[] = [];
  for (const day of days) {
    const r = d.relationOn(day);
    const k = seen.indexOf(r);
    if (k >= 0) counts[k]++;
    else {
      seen.push(r);
      counts.push(1);
    }
  }
  let best = -1;
  for (let k = 0; k < seen.length; k++) if (best < 0 || counts[k] > counts[best]) best = k;
  return best < 0 ? undefined : seen[best];
}

/**
 * The jurisdiction to look a tiered standard up in. A place known only by a ruleset that
 * spans tiers (`--ruleset cn-chongqing` and no region in the records) gets the lowest tier:
 * its standard is owed wherever in the province the work was, so a shortfall against it
 * stands; `assumedTier` says so in the finding.
 */
export function tierFor(ctx: RuleContext, j: Jurisdiction, key: string, day: number): { j: Jurisdiction; assumedTier?: string } {
  if (j.tier !== undefined) return { j };
  const tier = ctx.law.lowestTier(j.rulesetId, key, day);
  return tier === undefined ? { j } : { j: { ...j, tier }, assumedTier: tier };
}
