// Why a row was rejected, in the reader's language. The readers give the reason in English
// (it is what the JSON report keeps, stable for scripts); the human-readable reports show it
// through here. Values quoted from the input (a bad date, an unknown word) are kept as they
// are. An unknown reason passes through unchanged: tests/reporters/rejections-lang.test.ts
// makes every reason the readers can give and checks that each is translated.
import { translator } from './format.js';
import type { Lang } from '../report/model.js';

const EXACT: Record<string, string> = {
  'required value is empty': '必填项为空',
  'contract ends before it starts': '合同终止日期早于开始日期',
  'coverage ends before it starts': '保险终止日期早于开始日期',
  'order ends before it starts': '订单完成时间早于接单时间',
  'order lasts longer than 24 hours (implausible)': '订单持续超过 24 小时（不合常理）',
  'order time outside 2000–2099 (implausible)': '订单时间不在 2000–2099 年之间（不合常理）',
  'pay period ends before it starts': '工资周期结束日期早于开始日期',
  'gross pay is negative': '应发工资为负数',
  'NUL bytes in the row (a damaged file, or UTF-16 text: see --encoding)': '该行含有 NUL 字节（文件损坏，或为 UTF-16 文本：见 --encoding）',
  'invalid resident ID number (need 18 characters: 17 digits and a digit or X)': '身份证号无效（应为 18 位：17 位数字加一位数字或 X）',
  'invalid resident ID number (check digit does not match)': '身份证号无效（校验码不符）',
};

const DAMAGED_EN = 'bytes that are not valid text in the file\u2019s encoding (a damaged file, or another encoding: see --encoding)';
const DAMAGED_ZH = '含有不符合文件编码的字节（文件损坏，或为其他编码：见 --encoding）';

const WHAT_ZH: Record<string, string> = {
  'business line': '业务类型',
  'contract form': '合同形式',
  'contract type': '合同类型',
  'deduction reason': '扣款原因',
  'insurance status': '参保状态',
  'insurance type': '险种',
  'order status': '订单状态',
  'payment method': '支付方式',
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/^unparseable date-time (.*)$/s, (m) => `无法识别的日期时间 ${m[1]}`],
  [/^unparseable date (.*)$/s, (m) => `无法识别的日期 ${m[1]}`],
  [/^unparseable month (.*)$/s, (m) => `无法识别的月份 ${m[1]}`],
  [/^unparseable amount (.*)$/s, (m) => `无法识别的金额 ${m[1]}`],
  [/^unparseable hours (.*)$/s, (m) => `无法识别的时长 ${m[1]}`],
  [/^unrecognised yes\/no value (.*)$/s, (m) => `无法识别的是/否取值 ${m[1]}`],
  [/^unknown (business line|contract form|contract type|deduction reason|insurance status|insurance type|order status|payment method) (.*)$/s, (m) => `未知的${WHAT_ZH[m[1]]} ${m[2]}`],
  [/^row has (\d+) fields, the header has (\d+)$/, (m) => `该行有 ${m[1]} 个字段，表头有 ${m[2]} 个`],
  [/^duplicate order id (.*) \(first at (.+) line (\d+)\)$/s, (m) => `重复的订单号 ${m[1]}（首次出现于 ${m[2]} 第 ${m[3]} 行）`],
  [/^invalid resident ID number \(birth date (\d{8}) is not a valid date\)$/, (m) => `身份证号无效（出生日期 ${m[1]} 不是有效日期）`],
  [/^value is (\d+) characters long \(at most (\d+)\): not a value of this column$/, (m) => `取值长 ${m[1]} 个字符（最多 ${m[2]} 个）：不是该列的取值`],
  [
    /^the row spans (\d+) lines from its own: a quote opened on it is not closed where it should be, or a value has line breaks(?: \((.*)\))?$/s,
    (m) => `该行连同其后共跨越 ${m[1]} 行：该行的引号未在应有位置闭合，或某个取值含有换行${m[2] ? `（${whereZh(m[2])}）` : ''}`,
  ],
  [/^a quoted field is never closed \(from line (\d+) to the end of the file\)$/, (m) => `引号字段没有闭合（从第 ${m[1]} 行到文件末尾）`],
  [/^(.*), in (.*)$/s, (m) => (m[1] === DAMAGED_EN ? `${DAMAGED_ZH}，位于${whereZh(m[2])}` : undefined)],
];

/** "field 7", as hygiene.ts says where in a row a problem is that no used column holds. */
function whereZh(where: string): string {
  const field = /^field (\d+)$/.exec(where);
  return field ? `第 ${field[1]} 个字段` : where;
}

/** The rejection reason in `lang`; English as given, or when no translation is known. */
export const localiseRejection: (reason: string, lang: Lang) => string = translator({ ...EXACT, [DAMAGED_EN]: DAMAGED_ZH }, PATTERNS);
