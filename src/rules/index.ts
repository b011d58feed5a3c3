// The rule registry, in catalogue order (shared/spec/rules.md).
import { continuousOrderTime } from './continuous-order-time.js';
import { PAY_RULES } from './further-pay.js';
import { TIME_RULES } from './further-time.js';
import { injuryInsurance } from './injury-insurance.js';
import { minimumWage } from './minimum-wage.js';
import type { Rule } from './types.js';
import { writtenContract } from './written-contract.js';

export const RULES: Rule<any>[] = [minimumWage, writtenContract, injuryInsurance, continuousOrderTime, ...TIME_RULES, ...PAY_RULES];

export function findRule(id: string): Rule<any> | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, RuleContext, RuleFindingDraft, RuleOutput } from './types.js';
