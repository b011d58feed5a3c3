// The shape of a rule (as ESLint's meta + create): metadata, a zod schema of its
// parameters, zh/en message templates, and a pure check over one assembled dossier.
import type { z } from 'zod';
import type { Dossier } from '../assemble/index.js';
import type { Basis, Jurisdiction, Law, Severity } from '../law/types.js';
import type { Kind } from '../model.js';
import type { Evidence } from '../report/model.js';
import type { Clock } from '../time.js';

export type Text = { zh: string; en: string };

export interface RuleFindingDraft {
  messageId: string;
  data: Record<string, string | number>;
  metrics: Record<string, number | string | boolean>;
  period: { from: string; to: string };
  jurisdiction?: Jurisdiction; // of the work the finding is about; defaults to the dossier's
  evidence: Evidence[];
  evidenceOmitted?: number;
  severity?: Severity; // a lower severity for part of a rule (e.g. injury cover not yet mandatory)
  basis?: Basis[]; // extra basis, e.g. the minimum-wage instrument in force
  unverified?: string[];
  platform?: string; // for worker-scope rules that name platforms
}

export interface RuleOutput {
  finding(f: RuleFindingDraft): void;
  notAssessed(reason: string): void;
}

export interface ResolvedParams<P> {
  values: P;
  unverified: string[];
}

export interface RuleContext {
  readonly law: Law;
  readonly clock: Clock;
  /** Input paths by Origin.file index. */
  readonly files: readonly string[];
  readonly kindsPresent: ReadonlySet<Kind>;
  /** Last day of the audited data: --to, else the latest active day of any dossier. The "today" of an audit, never the run's date. */
  readonly asOf: number | undefined;
  /** The audited period as given (--from/--to; an end not given is open): orders outside it were left out. */
  readonly period: { readonly from?: number; readonly to?: number };
  /** Canonical columns present in the input files of a kind (empty when no such file). */
  columns(kind: Kind): ReadonlySet<string>;
  /** Jurisdiction of a region name as given in an order, else the run's default. */
  jurisdiction(region: string | undefined): Jurisdiction | undefined;
  /** Jurisdiction of a dossier's work between two days (dominant region by order time). */
  jurisdictionOf(d: Dossier, fromDay: number, toDay: number): Jurisdiction | undefined;
  /** A rule's parameters as of a day under a jurisdiction, config overrides applied for the platform. */
  params<P>(rule: Rule<P>, j: Jurisdiction | undefined, day: number, platform: string): ResolvedParams<P>;
}

export interface Rule<P = Record<string, unknown>> {
  id: string;
  /** worker-platform: one dossier; worker: all a worker's dossiers; platform: all of a platform's. */
  scope: 'worker-platform' | 'worker' | 'platform';
  defaultSeverity: Severity;
  title: Text;
  description: Text;
  parameters: z.ZodType<P>;
  messages: Record<string, Text>;
  /** Input kinds without which the rule cannot assess anything. */
  requires: Kind[];
  /**
   * Ruleset parameters outside the rule's own that it applies (the minimum wage, the
   * occupational-injury scheme, the span bridge gap): `rules` and `explain` show them too.
   */
  lawParameters?: readonly string[];
  /** The rule computes money owed (`arrearsYuan` in its metrics): listed in the employment report's arrears, 0 when none. */
  computesArrears?: boolean;
  check(dossiers: Dossier[], ctx: RuleContext, out: RuleOutput): void;
}

