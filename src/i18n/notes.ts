// Evidence notes in the reader's language. Rules write them in English (the JSON keeps them
// so, stable for scripts: src/rules/*, util-pay.ts payEvidence); the HTML report shows them
// through here. Values from the input (names of agencies, ids, dates, amounts) stay as they
// are; a note that matches no pattern passes through unchanged.
import { translator } from './format.js';
import type { ContractType, DeductionReason, InsuranceStatus, InsuranceType, PaymentMethod } from '../model.js';
import type { Lang } from '../report/model.js';

const CONTRACT: Record<ContractType, string> = {
  labor_contract: '劳动合同',
  part_time_contract: '非全日制劳动合同',
  dispatch_contract: '劳务派遣合同',
  written_agreement: '书面协议',
  cooperation_agreement: '合作协议',
  individual_business: '个体工商户协议',
};
const INSURANCE: Record<InsuranceType, string> = {
  work_injury: '工伤保险',
  occupational_injury: '职业伤害保障',
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  accident: '意外险',
  employer_liability: '雇主责任险',
};
const STATUS: Record<InsuranceStatus, string> = { active: '正常', unpaid: '欠费', lapsed: '停保' };
const DEDUCTION: Record<DeductionReason, string> = {
  deposit: '押金',
  fine: '罚款',
  equipment: '装备费',
  training: '培训费',
  insurance: '保险',
  tax: '个税',
  social: '社保个人部分',
  other: '其他',
};
const METHOD: Record<PaymentMethod, string> = {
  bank: '银行转账',
  wechat: '微信',
  alipay: '支付宝',
  cash: '现金',
  points: '积分',
  voucher: '代金券',
  goods: '实物',
  equity: '股权',
  other: '其他',
};

const WHOLE: Record<string, string> = {
  roster: '花名册',
  holiday_pay: '节假日工资',
  'first order accepted after the limit': '达到上限后接的第一单',
  'first order under the clause': '该条款下的第一单',
  'first order of the month': '当月第一单',
};

const word = <K extends string>(table: Record<K, string>, k: string) => (table as Record<string, string>)[k] ?? k;

/** One part of a pay record's note (payEvidence), in Chinese. */
function payPart(p: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^gross (\S+)$/.exec(p))) return `应发 ${m[1]}`;
  if ((m = /^net (\S+)$/.exec(p))) return `实发 ${m[1]}`;
  if ((m = /^deduction (\S+)(?: \((\w+)\))?$/.exec(p))) return `扣款 ${m[1]}${m[2] ? `（${word(DEDUCTION, m[2])}）` : ''}`;
  if ((m = /^paid (\S+)$/.exec(p))) return `发放于 ${m[1]}`;
  if ((m = /^by (\w+)$/.exec(p))) return `以${word(METHOD, m[1])}支付`;
  if (p === 'no pay slip') return '未提供工资清单';
  if (p === 'not paid') return '未发放';
  return p;
}

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  // contract: "labor_contract 2025-01-01–2025-12-31 oral"
  [/^(\w+_contract|written_agreement|cooperation_agreement|individual_business) (\d{4}-\d{2}-\d{2})–(\d{4}-\d{2}-\d{2})?( oral)?$/, (m) => `${word(CONTRACT, m[1])} ${m[2]}至${m[3] ?? '长期'}${m[4] ? '（口头）' : ''}`],
  [/^(\w+), exclusive$/, (m) => `${word(CONTRACT, m[1])}，含排他条款`],
  [/^(worker (.+): )?dispatch_contract(?:, agency (.+)|(, no agency))?$/s, (m) => `${m[1] ? `劳动者 ${m[2]}：` : ''}劳务派遣合同${m[3] ? `，派遣单位 ${m[3]}` : m[4] ? '，未写明派遣单位' : ''}`],
  // insurance: "work_injury active 2025-01-01–"
  [/^(\w+) (active|unpaid|lapsed) (\d{4}-\d{2}-\d{2})–(\d{4}-\d{2}-\d{2})?$/, (m) => `${word(INSURANCE, m[1])} ${word(STATUS, m[2])} ${m[3]}至${m[4] ?? '长期'}`],
  // pay record: "2025-01-01–2025-01-31, gross 793.17, net 593.17, …"
  [/^(\d{4}-\d{2}-\d{2})–(\d{4}-\d{2}-\d{2})((?:, .*)?)$/s, (m) => `${m[1]}至${m[2]}${m[3] ? `，${m[3].slice(2).split(', ').map(payPart).join('，')}` : ''}`],
];

/** An evidence note in `lang`. */
export const localiseNote: (note: string, lang: Lang) => string = translator(WHOLE, PATTERNS);
