// Hand-built Report objects for reporter, baseline and mask tests that do not need the
// pipeline: a plausible run with four findings, one per rule, overridable piece by piece.
import type { Finding, Report } from '../../src/report/model.js';
import { fingerprint } from '../../src/rules/engine.js';

export function finding(over: Partial<Finding> & Pick<Finding, 'rule'>): Finding {
  const period = over.period ?? { from: '2025-03-01', to: '2025-03-31' };
  const f: Finding = {
    id: '',
    severity: 'error',
    workerId: 'R1001',
    platform: '速达',
    region: '永川区',
    period,
    message: 'a finding',
    messageId: 'm',
    data: {},
    metrics: {},
    basis: [{ document: '永人社发〔2025〕20号', clause: '6' }],
    evidence: [{ file: 'orders.csv', line: 12, orderId: 'O1' }],
    ...over,
  };
  if (!over.id) f.id = fingerprint(f.rule, f.workerId, f.platform, f.period);
  return f;
}

export const FINDINGS: Finding[] = [
  finding({
    rule: 'continuous-order-time',
    severity: 'warning',
    period: { from: '2025-03-04T08:00:00+08:00', to: '2025-03-04T13:05:00+08:00' },
    message: 'Continuous order time of 305 minutes',
    metrics: { minutes: 305, limitMinutes: 240, overMinutes: 65 },
    evidence: [
      { file: 'orders.csv', line: 20, orderId: 'O20' },
      { file: 'orders.csv', line: 31, orderId: 'O31' },
    ],
  }),
  finding({
    rule: 'injury-insurance',
    workerId: 'R1002',
    period: { from: '2025-03-01', to: '2025-03-10' },
    message: '10 active days without cover',
    metrics: { uncoveredActiveDays: 10, ordersWithoutCover: 40, firstUncoveredDay: '2025-03-01' },
  }),
  finding({
    rule: 'minimum-wage',
    workerId: 'R1003',
    platform: '闪送达',
    region: '江北区',
    message: '2025-03: 18.5 yuan per hour, below the hourly minimum of 21 yuan',
    metrics: { month: '2025-03', rateYuanPerHour: 18.5, minimumYuanPerHour: 21, arrearsYuan: 120.5 },
    basis: [{ document: '渝人社发〔2024〕22号' }],
    evidence: [{ file: '结算记录.csv', line: 5 }],
  }),
  finding({
    rule: 'written-contract',
    severity: 'info',
    workerId: 'R1004',
    message: 'no written agreement',
    metrics: { relation: 'not_fully' },
    evidence: [],
  }),
];

export function report(over: Partial<Report> = {}): Report {
  const findings = over.findings ?? FINDINGS.map((f) => structuredClone(f));
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = { 'minimum-wage': 0, 'written-contract': 0, 'injury-insurance': 0, 'continuous-order-time': 0 };
  for (const f of findings) {
    if (f.baseline === 'absent') continue;
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return {
    schemaVersion: 1,
    tool: { name: 'gigaudit', version: '0.1.0' },
    run: {
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      rulesets: [
        { id: 'cn', version: '2025.1' },
        { id: 'cn-chongqing', version: '2025.1' },
      ],
      period: { from: '2025-03-01', to: '2025-03-31' },
      timezone: 'Asia/Shanghai',
      lang: 'en',
      inputs: [
        {
          path: 'orders.csv',
          kind: 'orders',
          sha256: 'a'.repeat(64),
          bytes: 1234,
          encoding: 'utf-8',
          delimiter: ',',
          rowsRead: 100,
          rowsUsed: 99,
          rowsRejected: 1,
          columns: ['order_id'],
          ignoredColumns: [],
        },
        {
          path: '结算记录.csv',
          kind: 'pay',
          sha256: 'b'.repeat(64),
          bytes: 99,
          encoding: 'gb18030',
          delimiter: ',',
          rowsRead: 5,
          rowsUsed: 5,
          rowsRejected: 0,
          columns: ['worker_id'],
          ignoredColumns: [],
        },
      ],
    },
    summary: { workers: 4, workerPlatforms: 5, findings: findings.filter((f) => f.baseline !== 'absent').length, bySeverity, byRule },
    findings,
    employment: {
      asOf: '2025-03-31',
      workers: 4,
      workerPlatforms: 5,
      byRelation: { labor: 1, part_time: 0, dispatch: 0, not_fully: 3, independent: 0, unknown: 1 },
      coverage: { contract: 0.8, injury: 0.6, social: null },
      byPlatform: [
        { platform: '速达', workerPlatforms: 4, coverage: { contract: 0.75, injury: 0.5, social: null } },
        { platform: '闪送达', workerPlatforms: 1, coverage: { contract: 1, injury: 1, social: 1 } },
      ],
      overLimits: { continuous: 1, daily: 0 },
      arrears: { 'minimum-wage': 120.5 },
    },
    notAssessed: [{ rule: 'social-insurance', reason: 'no insurance file', workerPlatforms: 5 }],
    rejected: [{ file: 'orders.csv', line: 17, column: 'accepted_at', reason: 'unparseable date-time "2025-13-01"' }],
    rejectedOmitted: 0,
    ...over,
  };
}

/** A hostile value in every free-text field an input controls. */
export const HOSTILE = '<script>alert(1)</script>';
