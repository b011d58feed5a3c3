// What the rest of the program sees of the law: rulesets resolved, values as of a date.
import type { BusinessLine } from '../model.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Basis {
  document: string; // e.g. 永人社发〔2025〕20号 or 劳动合同法
  clause?: string; // e.g. "6", "第十条", "(七)"
}

export interface Source {
  source: string; // instrument and/or URL
  verified: boolean; // false = unconfirmed ([S]/[M] in facts.md): findings resting on it say so
  document?: string; // the instrument's number, e.g. 渝人社发〔2024〕22号
}

/** A parameter value in force on a date, with where it came from. */
export interface ParamValue<T = unknown> extends Source {
  value: T;
  since: number; // day number the value took effect
  rulesetId: string; // the ruleset that set it
  origin: 'ruleset' | 'config';
}

export interface DocumentInfo {
  id: string; // document number, used in Basis.document
  title: string;
  issuer?: string;
  date?: string;
  /** First day the instrument applies (ISO day), where given. */
  inForce?: string;
  url?: string;
  file?: string; // shared/legal/documents/… file name, where the text is kept
}

export interface RulesetInfo {
  id: string;
  version: string;
  extends?: string;
  name: { zh: string; en: string };
  documents: DocumentInfo[];
  regions: string[]; // canonical names of the regions it claims
}

export interface Jurisdiction {
  rulesetId: string; // most specific ruleset for the region
  region: string; // canonical region name, e.g. 永川区
  code?: string; // 6-digit division code
  province: string; // canonical province key: 'chongqing' | 'sichuan' | 'yunnan' | …
  tier?: string; // minimum-wage tier/category key, e.g. "1", "2", "I"
}

export interface RuleSettings {
  enabled: boolean;
  severity?: Severity;
  basis: Basis[];
}

export interface HolidayCalendarYear {
  year: number;
  source: string;
  verified: boolean;
}

export type DayType = 'statutory' | 'rest' | 'workday';

export interface Law {
  readonly rulesets: RulesetInfo[];
  ruleset(id: string): RulesetInfo | undefined;
  /** Region name (with or without city/province prefix) or 6-digit code → jurisdiction. */
  resolveRegion(nameOrCode: string): Jurisdiction | undefined;
  /** Jurisdiction for records with no region, from a ruleset id (e.g. --ruleset cn-chongqing). */
  defaultJurisdiction(rulesetId: string): Jurisdiction | undefined;
  /**
   * A named parameter as of a day, walking the ruleset chain from most specific to `cn`.
   * Tiered values (objects keyed by tier) are picked with `tier`.
   * Keys: 'minimum_wage.monthly_fen', 'minimum_wage.hourly_fen', 'occupational_injury.scheme', …
   */
  param<T = unknown>(rulesetId: string, key: string, day: number, tier?: string): ParamValue<T> | undefined;
  /**
   * The tier whose value of a tiered parameter is lowest on a day (undefined when the value
   * is not tiered): where a ruleset spans tiers and the record names no region, the minimum
   * wage of the lowest tier is the one certainly owed.
   */
  lowestTier(rulesetId: string, key: string, day: number): string | undefined;
  /** Every dated value of a named parameter along the chain, oldest first; without a tier, tiered values whole. */
  paramHistory(rulesetId: string, key: string, tier?: string): ParamValue[];
  /** A rule's parameter as of a day, e.g. ruleParam(id, 'continuous-order-time', 'max_minutes', day). */
  /** A --config file's per-platform value wins over the ruleset (origin 'config'). */
  ruleParam<T = unknown>(rulesetId: string, ruleId: string, name: string, day: number, platform?: string): ParamValue<T> | undefined;
  /** Every dated value of a rule parameter along the chain's answering ruleset, oldest first (for `explain`). */
  ruleParamSeries(rulesetId: string, ruleId: string, name: string): ParamValue[];
  /** A rule's on/off, severity override and legal basis under a ruleset (merged along the chain, then config). */
  ruleSettings(rulesetId: string, ruleId: string, platform?: string): RuleSettings;
  /** The basis entries whose instrument applies on a day: documents in force only from a later day are left out. */
  citedOn(basis: readonly Basis[], day: number): Basis[];
  /** Whether the occupational-injury scheme covers a province and business line on a day. */
  occupationalInjuryCovers(province: string, businessLine: BusinessLine | undefined, day: number): ParamValue<boolean>;
  /** Statutory holiday calendar: undefined when no calendar exists for the day's year. */
  dayType(day: number): DayType | undefined;
  calendarYears(): HolidayCalendarYear[];
}
