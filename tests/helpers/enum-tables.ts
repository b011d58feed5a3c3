// Every enumeration of the data contract with its listed words and its parser
// (src/normalise/enums.ts), for the tests that go through all of them.
import {
  BUSINESS_LINE_WORDS,
  CONTRACT_FORM_WORDS,
  CONTRACT_TYPE_WORDS,
  DEDUCTION_REASON_WORDS,
  INSURANCE_STATUS_WORDS,
  INSURANCE_TYPE_WORDS,
  ORDER_STATUS_WORDS,
  PAYMENT_METHOD_WORDS,
  parseBusinessLine,
  parseContractForm,
  parseContractType,
  parseDeductionReason,
  parseInsuranceStatus,
  parseInsuranceType,
  parseOrderStatus,
  parsePaymentMethod,
} from '../../src/normalise/enums.js';

export type EnumParser = (s: string) => string | undefined;

/** [name, canonical value → its words, parser] for each enumeration. */
export const ENUM_TABLES: [string, Record<string, string[]>, EnumParser][] = [
  ['contract type', CONTRACT_TYPE_WORDS, parseContractType],
  ['insurance type', INSURANCE_TYPE_WORDS, parseInsuranceType],
  ['insurance status', INSURANCE_STATUS_WORDS, parseInsuranceStatus],
  ['order status', ORDER_STATUS_WORDS, parseOrderStatus],
  ['payment method', PAYMENT_METHOD_WORDS, parsePaymentMethod],
  ['deduction reason', DEDUCTION_REASON_WORDS, parseDeductionReason],
  ['business line', BUSINESS_LINE_WORDS, parseBusinessLine],
  ['contract form', CONTRACT_FORM_WORDS, parseContractForm],
];
