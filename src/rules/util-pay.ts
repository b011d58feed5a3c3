// Shared pieces of the pay, contract and insurance rules: relation over a period, pay
// records by month, record evidence, and the "today" of an audit.
import { monthOf, type Dossier } from '../assemble/index.js';
import type { Kind, PayRecord, Relation } from '../model.js';
import type { Evidence } from '../report/model.js';
import { formatDay } from '../time.js';
import type { RuleContext } from './types.js';
import { dominantRelation, EVIDENCE_CAP, fmtYuan, recordEvidence } from './util.js';

/** Relations of an employee, for which monthly wage and social-insurance law apply in full. */
export const EMPLOYEE: ReadonlySet<Relation> = new Set(['labor', 'dispatch']);

/**
 * The "today" of an audit: the end of the audited data, never the date of the run. Without
 * the run's as-of day, the latest day this worker-platform's own data reaches.
 */
export function auditedUntil(ctx: RuleContext, d: Dossier): number {
  if (ctx.asOf !== undefined) return ctx.asOf;
  let last = d.activeDays[d.activeDays.length - 1] ?? Number.NEGATIVE_INFINITY;
  for (const r of d.pay) if (r.payDate !== undefined && r.payDate > last) last = r.payDate;
  return last;
}

/** Whether any pay file of the run has the column. */
export const payColumn = (ctx: RuleContext, column: string): boolean => ctx.columns('pay').has(column);


/** The relation governing most active days between two days; with none, the relation on the last day. */
export function relationOver(d: Dossier, from: number, to: number): Relation {
  return dominantRelation(d, d.activeDays.filter((day) => day >= from && day <= to)) ?? d.relationOn(to);
}

/** Active days by month (y*12+m-1), ascending within each month. */
export function activeDaysByMonth(d: Dossier): Map<number, number[]> {
  const by = new Map<number, number[]>();
  for (const day of d.activeDays) {
    const m = monthOf(day);
    const list = by.get(m);
    if (list) list.push(day);
    else by.set(m, [day]);
  }
  return by;
}

export const periodDays = (r: PayRecord) => r.periodEnd - r.periodStart + 1;

/** Share of a pay record's period that falls between two days (pay is pro-rated by days). */
export function shareIn(r: PayRecord, from: number, to: number): number {
  const overlap = Math.min(r.periodEnd, to) - Math.max(r.periodStart, from) + 1;
  return overlap <= 0 ? 0 : overlap / periodDays(r);
}

/** Pay actually handed over: net pay where given, else gross. */
export const paidFen = (r: PayRecord) => r.netFen ?? r.grossFen;

/** A pay record as evidence: its file and line, with period, amounts and payment in the note. */
export function payEvidence(ctx: RuleContext, r: PayRecord, extra?: string): Evidence {
  const parts = [`${formatDay(r.periodStart)}–${formatDay(r.periodEnd)}`, `gross ${fmtYuan(r.grossFen)}`];
  if (r.netFen !== undefined) parts.push(`net ${fmtYuan(r.netFen)}`);
  if (r.deductionFen) parts.push(`deduction ${fmtYuan(r.deductionFen)}${r.deductionReason ? ` (${r.deductionReason})` : ''}`);
  if (r.payDate !== undefined) parts.push(`paid ${formatDay(r.payDate)}`);
  if (r.paymentMethod) parts.push(`by ${r.paymentMethod}`);
  if (extra) parts.push(extra);
  return recordEvidence(ctx, r, parts.join(', '));
}

/** Caps an evidence list, reporting how many were left out. */
export function capEvidence(list: Evidence[]): { evidence: Evidence[]; evidenceOmitted?: number } {
  if (list.length <= EVIDENCE_CAP) return { evidence: list };
  return { evidence: list.slice(0, EVIDENCE_CAP), evidenceOmitted: list.length - EVIDENCE_CAP };
}
