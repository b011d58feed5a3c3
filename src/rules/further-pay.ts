// The further pay, contract and insurance rules, in catalogue order (shared/spec/rules.md).
import { depositCharged } from './deposit-charged.js';
import { dispatchAgency } from './dispatch-agency.js';
import { dispatchShare } from './dispatch-share.js';
import { excessiveDeduction } from './excessive-deduction.js';
import { exclusivityClause } from './exclusivity-clause.js';
import { latePayment } from './late-payment.js';
import { payInKind } from './pay-in-kind.js';
import { payslip } from './payslip.js';
import { socialInsurance } from './social-insurance.js';
import type { Rule } from './types.js';

export const PAY_RULES: Rule<any>[] = [
  depositCharged,
  payInKind,
  latePayment,
  payslip,
  excessiveDeduction,
  socialInsurance,
  exclusivityClause,
  dispatchAgency,
  dispatchShare,
];
