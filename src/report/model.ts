// The one report model every reporter renders. Mirrors the JSON report, schema version 1
// (shared/spec/cli-and-report.md); reporters never filter or decide.
import type { Basis, Severity } from '../law/types.js';
import type { InputSummary, Rejection, Relation } from '../model.js';

export type Lang = 'zh' | 'en';
export type BaselineState = 'new' | 'unchanged' | 'absent';

export interface Evidence {
  file: string;
  line: number;
  orderId?: string;
  note?: string;
}

export interface Finding {
  id: string; // stable fingerprint of rule + worker + platform + period
  rule: string;
  severity: Severity;
  workerId?: string; // absent for platform-level findings
  platform?: string;
  region?: string;
  period: { from: string; to: string };
  message: string;
  messageId: string;
  data: Record<string, string | number | boolean>; // message template data
  metrics: Record<string, number | string | boolean>;
  basis: Basis[];
  evidence: Evidence[];
  evidenceOmitted?: number; // evidence items left out of the list (counts are never capped)
  unverified?: string[]; // parameter sources the finding rests on that are not confirmed
  baseline?: BaselineState; // only with --baseline
  suppressed?: Suppressed; // only with --suppress: an accepted finding that does not fail the run
}

/** Why a finding is accepted for now (from a --suppress file) and the last day that holds. */
export interface Suppressed {
  reason: string;
  expires: string; // YYYY-MM-DD
}

export interface NotAssessed {
  rule: string;
  reason: string;
  workerPlatforms?: number;
}

export interface Coverage {
  contract: number;
  injury: number;
  social: number | null;
}

export interface EmploymentReport {
  asOf: string;
  workers: number;
  workerPlatforms: number;
  byRelation: Record<Relation, number>;
  coverage: Coverage;
  byPlatform: { platform: string; workerPlatforms: number; coverage: Coverage }[];
  overLimits: { continuous: number; daily: number };
  arrears: Record<string, number>;
}

export interface ParameterSource {
  rule: string;
  platform?: string;
  name: string;
  value: unknown;
  origin: 'config' | 'ruleset';
  source: string;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'gigaudit'; version: string };
  run: {
    startedAt: string;
    finishedAt: string;
    rulesets: { id: string; version: string }[];
    period: { from: string | null; to: string | null };
    timezone: string;
    lang: Lang;
    inputs: InputSummary[];
    /** Folder members that were not read: not an export (with why), empty, or not CSV. */
    skipped?: { path: string; reason: string }[];
    /** Rule parameters that came from --config rather than the rulesets (platform-negotiated limits). */
    parameterSources?: ParameterSource[];
  };
  summary: {
    workers: number;
    workerPlatforms: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    byRule: Record<string, number>;
  };
  findings: Finding[];
  employment: EmploymentReport;
  notAssessed: NotAssessed[];
  rejected: Rejection[];
  rejectedOmitted: number;
}
