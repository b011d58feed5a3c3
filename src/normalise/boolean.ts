// Yes/no cells. Besides the contract's 是/否, 有/无, Y/N, yes/no, true/false, 1/0, exports
// phrase the answer after the question (已提供/未提供, 已签订, 具备/不具备), so those count too.


const TRUE_WORDS = [
  '是', '有', 'y', 'yes', 'true', 't', '1', '√', '✓', '✔', '对',
  '已提供', '提供', '已发放', '已签订', '已签', '已签署', '具备', '有资质', '已取得', '持有', '包含', '含', '已',
];
const FALSE_WORDS = [
  '否', '无', 'n', 'no', 'false', 'f', '0', '×', '✗', '✘', 'x', '不',
  '未提供', '不提供', '未发放', '未签订', '未签', '不具备', '无资质', '未取得', '不包含', '不含', '未', '没有',
];

// Lighter than the header normal form: removing '-' would turn -1 into 1.
const key = (s: string) => s.normalize('NFKC').trim().toLowerCase();

const TABLE = new Map<string, boolean>();
for (const w of TRUE_WORDS) TABLE.set(key(w), true);
for (const w of FALSE_WORDS) TABLE.set(key(w), false);

/** Parses a yes/no cell; undefined when the word is not a recognised answer. */
export function parseBool(raw: string): boolean | undefined {
  const direct = TABLE.get(raw.toLowerCase());
  if (direct !== undefined) return direct;
  return TABLE.get(key(raw));
}
