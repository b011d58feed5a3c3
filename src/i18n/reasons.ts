// Why a rule could not assess some worker-platforms, in the reader's language. Rules and the
// engine give the reason in English (it is what the JSON report keeps, stable for scripts);
// the human-readable reports show it through here. An unknown reason passes through as it
// is: tests/reporters/lang.test.ts checks that every reason the rules can give is known.
import { translator } from './format.js';
import type { Kind } from '../model.js';
import type { Lang } from '../report/model.js';
import { LABELS } from './labels.js';

const KIND_ZH: Record<Kind, string> = LABELS.zh.kinds;

const EXACT: Record<string, string> = {
  'agency licence not recorded': '未记录派遣单位的劳务派遣经营许可',
  'deduction without a reason': '有扣款未注明原因',
  'no birth date or resident ID number in the roster': '花名册中没有出生日期或身份证号',
  'no order pay on a statutory holiday': '法定节假日没有订单报酬',
  'no order pay on ordinary days of the month to set a normal rate': '当月普通工作日没有订单报酬，无法确定正常工资标准',
  'no paid-days-per-month parameter': '缺少月计薪天数参数',
  'no pay date column': '工资文件没有发放日期列',
  'no pay record or order pay for the month': '该月没有工资记录，也没有订单报酬',
  'no pay records or order pay to estimate the double-wage exposure from': '没有工资记录或订单报酬，无法估算二倍工资差额',
  'no payslip column': '工资文件没有是否提供工资清单列',
  'no region or ruleset for the place of work': '工作地点没有地区，也未指定规则集',
  'no region or ruleset to tell whether the occupational-injury scheme applies': '没有地区或规则集，无法判断是否适用职业伤害保障',
  'payslip not recorded for some payments': '部分支付未记录是否提供工资清单',
  'worker not in the roster': '劳动者不在花名册中',
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^no ((?:orders|pay|contracts|insurance|workers)(?:, (?:orders|pay|contracts|insurance|workers))*) file$/, (m) => `缺少${m[1].split(', ').map((k) => KIND_ZH[k as Kind]).join('、')}文件`],
  [/^no holiday calendar for (\d{4})$/, (m) => `没有 ${m[1]} 年的节假日安排`],
  [/^no minimum wage in ruleset (\S+) for region (.+)$/, (m) => `规则集 ${m[1]} 中没有地区 ${m[2]} 的最低工资标准`],
  [/^no monthly minimum wage in ruleset (\S+) for region (.+)$/, (m) => `规则集 ${m[1]} 中没有地区 ${m[2]} 的月最低工资标准`],
  [/^no (.+) in force on the day of the work \(ruleset (\S+)\)$/, (m) => `工作当日规则集 ${m[2]} 中没有生效的参数 ${m[1]}`],
];

/** The reason in `lang`; English as given, or when no translation is known. */
export const localiseReason: (reason: string, lang: Lang) => string = translator(EXACT, PATTERNS);
