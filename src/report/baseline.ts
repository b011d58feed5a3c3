// Baselines and suppressions: what a nightly check needs so that only what is new fails.
// A finding's id is its fingerprint (sha256 of rule|worker|platform|period, see
// rules/engine.ts), stable when unrelated rows are added or rows are reordered, so
// comparing ids compares findings. Pure functions: the report given is not changed.
import { parseJsonText } from '../textFile.js';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { parseIsoDay } from '../time.js';
import { sortFindings } from './build.js';
import type { Finding, Report } from './model.js';

const Severity = z.enum(['error', 'warning', 'info']);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A finding as the JSON report writes it. Objects are loose: a report from a later
 * version may carry more, and only what is here is needed to mark and list findings.
 */
const FindingSchema = z.looseObject({
  id: z.string().min(1),
  rule: z.string().min(1),
  severity: Severity,
  workerId: z.string().optional(),
  platform: z.string().optional(),
  region: z.string().optional(),
  period: z.object({ from: z.string(), to: z.string() }),
  message: z.string(),
  messageId: z.string().default(''),
  data: z.record(z.string(), Scalar).default({}),
  metrics: z.record(z.string(), Scalar).default({}),
  basis: z.array(z.object({ document: z.string(), clause: z.string().optional() })).default([]),
  evidence: z
    .array(z.object({ file: z.string(), line: z.number().int(), orderId: z.string().optional(), note: z.string().optional() }))
    .default([]),
  evidenceOmitted: z.number().int().optional(),
  unverified: z.array(z.string()).optional(),
  baseline: z.enum(['new', 'unchanged', 'absent']).optional(),
});

/** What a baseline must be: a gigaudit JSON report, schema version 1. */
export const BaselineReportSchema = z.looseObject({
  schemaVersion: z.literal(1),
  tool: z.looseObject({ name: z.literal('gigaudit') }),
  findings: z.array(FindingSchema),
});

/** The old report's findings (the rest of an old report plays no part). */
export interface BaselineReport {
  findings: Finding[];
}

function issues(e: z.ZodError): string {
  const first = e.issues[0];
  const where = first.path.length ? first.path.join('.') : '(top level)';
  return `${where}: ${first.message}${e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : ''}`;
}

/** Parses and validates a baseline file's text; a bad file is a usage error naming it. */
export function parseBaseline(text: string, name: string): BaselineReport {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (e) {
    throw new UsageError(`--baseline ${name}: not JSON (${(e as Error).message})`);
  }
  const parsed = BaselineReportSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--baseline ${name}: not a gigaudit JSON report (schema version 1): ${issues(parsed.error)}`);
  return { findings: parsed.data.findings as unknown as Finding[] };
}

/**
 * Marks each current finding `new` or `unchanged` against the old report and appends the
 * old findings that are gone as `absent`, so outputs list what was fixed. Old findings that
 * were already absent in the old report are not carried on (they were gone then).
 */
export function applyBaseline(report: Report, old: Pick<Report, 'findings'> | BaselineReport): Report {
  const before = new Set(old.findings.filter((f) => f.baseline !== 'absent').map((f) => f.id));
  const now = new Set(report.findings.map((f) => f.id));
  const current = report.findings.map((f): Finding => ({ ...f, baseline: before.has(f.id) ? 'unchanged' : 'new' }));
  const absent = old.findings
    .filter((f) => f.baseline !== 'absent' && !now.has(f.id))
    .map(({ suppressed: _drop, ...f }): Finding => ({ ...f, baseline: 'absent' }));
  return { ...report, findings: sortFindings([...current, ...absent]) };
}

// --- suppressions ---------------------------------------------------------------------

export interface Suppression {
  id?: string;
  rule?: string;
  workerId?: string;
  platform?: string;
  reason: string;
  expires: string; // YYYY-MM-DD, the last day the suppression holds
}

const IsoDay = z.string().refine((s) => parseIsoDay(s) !== undefined, { error: 'expected a date YYYY-MM-DD' });
const SuppressionSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    workerId: z.string().optional(),
    platform: z.string().optional(),
    reason: z.string().trim().min(1, { error: 'a suppression needs a reason' }),
    expires: IsoDay,
  })
  // Either one finding by id, or a rule for one worker and/or platform: never a whole rule,
  // which would silence every future finding of it.
  .refine((s) => s.id !== undefined || (s.rule !== undefined && (s.workerId !== undefined || s.platform !== undefined)), {
    error: 'give "id", or "rule" with "workerId" and/or "platform"',
  });

export function parseSuppressions(text: string, name: string): Suppression[] {
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (e) {
    throw new UsageError(`--suppress ${name}: not JSON (${(e as Error).message})`);
  }
  const parsed = z.array(SuppressionSchema).safeParse(raw);
  if (!parsed.success) throw new UsageError(`--suppress ${name}: ${issues(parsed.error)}`);
  return parsed.data;
}

function matches(s: Suppression, f: Finding): boolean {
  if (s.id !== undefined) return s.id === f.id;
  return s.rule === f.rule && (s.workerId === undefined || s.workerId === f.workerId) && (s.platform === undefined || s.platform === f.platform);
}

export interface SuppressionResult {
  report: Report;
  /** Suppressions past their date: their findings count again. */
  expired: Suppression[];
  /** Suppressions in force that matched no finding (fixed, or a typo). */
  unused: Suppression[];
}

/**
 * Marks findings that a suppression in force matches. A suppression holds up to and
 * including `expires`, compared with `today` — by default the report's period end, so the
 * same report and file always give the same result; the CLI passes the same.
 */
export function applySuppressions(report: Report, list: Suppression[], today?: string): SuppressionResult {
  const asOf = today ?? report.run.period.to ?? report.run.startedAt.slice(0, 10);
  const live = list.filter((s) => s.expires >= asOf);
  const expired = list.filter((s) => s.expires < asOf);
  const used = new Set<Suppression>();
  const findings = report.findings.map((f): Finding => {
    const { suppressed: _old, ...rest } = f; // a suppression is decided now, never inherited
    const s = f.baseline === 'absent' ? undefined : live.find((x) => matches(x, f));
    if (!s) return rest;
    used.add(s);
    return { ...rest, suppressed: { reason: s.reason, expires: s.expires } };
  });
  return { report: { ...report, findings }, expired, unused: live.filter((s) => !used.has(s)) };
}
