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

/**
 * The counts behind coverage fractions: worker-platforms with a contract, with injury
 * cover, that are employees (labor or dispatch), employees with social insurance. Fractions
 * of shards cannot be added; these can (gigaudit merge).
 */
export interface CoverageCounts {
  contract: number;
  injury: number;
  employees: number;
  social: number;
}

export interface EmploymentReport {
  asOf: string;
  workers: number;
  workerPlatforms: number;
  byRelation: Record<Relation, number>;
  coverage: Coverage;
  counts: CoverageCounts;
  byPlatform: { platform: string; workerPlatforms: number; coverage: Coverage; counts: CoverageCounts }[];
  overLimits: { continuous: number; daily: number };
  arrears: Record<string, number>;
}

/**
 * What a shard report (`gigaudit audit --shard K/N`) carries for `gigaudit merge`. Not in
 * an unsharded report.
 */
export interface ShardInfo {
  index: number; // 1-based
  count: number;
  /** How workers are assigned: 1 + FNV-1a 32 of the worker id's UTF-8 bytes, mod count. */
  key: 'fnv1a32-utf8';
  /** Rules over whole platforms: every shard runs them on all workers; merge takes them once. */
  platformRules: string[];
  /** Per finding (same order): rank of its worker id among all worker ids of the run (-1: none). */
  workerRanks: number[];
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
  /** Only in shard reports (see ShardInfo). */
  shard?: ShardInfo;
}
