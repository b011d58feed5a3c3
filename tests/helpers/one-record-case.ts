// What the one-record cases of the record rules (deposit-charged, pay-in-kind,
// exclusivity-clause) share: worker W1 at work for 20 days, a second file whose one record is
// the case, and the same checks of the one finding the record must give (or not give).
import { expect } from 'vitest';
import type { Finding, Report } from '../../src/report/model.js';
import { audit, dateRange, days, findings, type Cell, type Shift } from './exports.js';

/** W1's orders: two a day on the 20 days from 2025-01-02 (on 速达 at 09:00 unless told). */
export const w1TwentyDays = (shift: Pick<Shift, 'platform' | 'start'> = {}): Cell[][] => days(dateRange('2025-01-02', 20), { worker: 'W1', orders: 2, ...shift });

/**
 * Audits `files` and checks that every row was read; then, with `expected` 'none', that `rule`
 * finds nothing for W1, otherwise that it finds exactly one thing: an error on 速达 matching
 * `expected`. Returns the report and that finding for the case's own checks.
 */
export async function auditOneRecordCase(
  rule: string,
  files: Record<string, string>,
  expected: 'none' | Partial<Finding>,
): Promise<{ report: Report; finding?: Finding }> {
  const report = await audit(files);
  expect(report.run.inputs.every((i) => i.rowsRejected === 0)).toBe(true);
  const got = findings(report, rule, 'W1');
  if (expected === 'none') {
    expect(got).toEqual([]);
    return { report };
  }
  expect(got).toHaveLength(1);
  expect(got[0]).toMatchObject({ severity: 'error', platform: '速达', ...expected });
  return { report, finding: got[0] };
}
