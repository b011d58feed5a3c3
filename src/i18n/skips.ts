// Why a folder member was skipped (not read as an export), in the reader's language. The
// reader gives the reason in English (src/read/index.ts, detect.ts, csvStream.ts; it is what
// `check --json` and the JSON report keep, stable for scripts); `gigaudit check` shows it
// through here. Column names, csv-parse's own words and values from the input stay as they
// are. An unknown reason passes through unchanged.
import { translator } from './format.js';
import type { Kind } from '../model.js';
import type { Lang } from '../report/model.js';
import { LABELS } from './labels.js';

const kindZh = (k: string) => LABELS.zh.kinds[k as Kind] ?? k;

/** What csvFailure (csvStream.ts) says, after "path: ". */
function csvProblemZh(problem: string): string {
  let m = /^line (\d+): a quoted field is never closed$/.exec(problem);
  if (m) return `第 ${m[1]} 行：引号字段没有闭合`;
  m = /^line (\d+): a record is longer than (\S+) MiB \(probably a quoted field that is never closed\)$/.exec(problem);
  if (m) return `第 ${m[1]} 行：一条记录超过 ${m[2]} MiB（可能是引号字段没有闭合）`;
  m = /^line (\d+): cannot parse CSV \((.*)\)$/s.exec(problem);
  if (m) return `第 ${m[1]} 行：无法解析 CSV（${m[2]}）`;
  return problem;
}

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^the file is empty$/, () => '文件为空'],
  [/^not a CSV export \((.*)\)$/s, (m) => `不是 CSV 导出文件（${csvProblemZh(m[1])}）`],
  [
    /^not a recognised export: no known column names in the header \(an? (\w+) file needs: (.*)\)$/s,
    (m) => `不是可识别的导出文件：表头中没有已知的列名（${kindZh(m[1])}文件需要：${m[2]}）`,
  ],
  [/^not a recognised export: closest kind is (\w+), missing required columns?: (.*)$/s, (m) => `不是可识别的导出文件：最接近的类型是${kindZh(m[1])}，缺少必需的列：${m[2]}`],
];

/** The skip reason in `lang`; English as given, or when no translation is known. */
export const localiseSkip: (reason: string, lang: Lang) => string = translator({}, PATTERNS);
