// Synthetic platform export sets with ground truth for all 23 rules: the four core rules and
// the 19 further rules of spec/rules.md.
//
//   const set = synthesizeFurther({ dialect: 'txt', seed: 41, workers: 300 });
//   set.files         -> orders / pay / contracts / insurance / workers files (bytes as a user would have them)
//   set.truth[rule]   -> where the rule must fire, keyed by the rule's scope (RULE_SCOPE):
//                        worker-platform `${workerId}|${platform}`, worker `${workerId}`, platform `${platform}`
//   set.universe[scope] -> every key of that scope
//
// The data covers two calendar months (default April–May 2025, which hold the statutory
// holidays 4 April, 1–2 May and 31 May), riders in 永川区, 城口县 and 旌阳区 (德阳) on twelve
// fictional platforms, under every contract type (labour, part-time, dispatch, written
// agreement, cooperation agreement, individual business). Violations are planted per
// worker-platform (per worker, per platform) with wide margins: working days are built from
// spans of exact length, pay figures from chosen ratios. Every label is then re-derived from
// the generated records by an independent implementation of spec/rules.md (and of the
// rules' documented readings) and synthesizeFurther() throws if intention and derivation
// disagree or a derived quantity lies near its threshold, so no label is ambiguous.
//
// 'en':  comma-separated .csv, UTF-8, English headers, ISO dates `2025-04-07`, date-times
//        `2025-04-07T08:05:00`, amounts `1234.50`, English enumeration words.
// 'txt': tab-separated .txt with a UTF-8 BOM, Chinese header aliases other than those of
//        synth.ts's 'zh' dialect (运单号, 配送员ID, 派单时间, 送达时间, 平台企业, 服务区域 as a
//        6-digit division code, 配送费 …), dates `20250407`, date-times `2025年4月7日 08:05`,
//        amounts `1,234.50元`, Chinese enumeration words (派遣劳动合同, 平台积分, 餐箱押金 …).
// The same seed gives the same underlying data in both dialects.

import { readFileSync } from 'node:fs';
import { Rng } from './rng.js';
import {
  BRIDGE_MIN,
  civil,
  DAY_MIN,
  dayNum,
  dayOf,
  englishCells,
  fenStr,
  grouped,
  inRange,
  makeSpan,
  orderFileCells,
  pad,
  partnerKey,
  partyParts,
  perDay,
  pickContractCourse,
  plantInjuryInsurance,
  plantMissingAgreement,
  planPay,
  secondaryDays,
  spansOf,
  spreadPay,
  uncoveredRuns,
  wallClock,
  weekday,
  type CommonCells,
  type ContractRowOf,
  type Form,
  type InsRow,
  type InsStatus,
  type InsType,
  type Line,
  type Order,
  type Party,
  type PlannedPayRow,
  type PlatformNames,
  type Span,
} from './synth-common.js';
import { CORE_RULES, type CoreRule, type SynthFile } from './synth.js';

export type FurtherRule =
  | 'daily-work-time'
  | 'cross-platform-fatigue'
  | 'weekly-rest'
  | 'overtime-limit'
  | 'part-time-hours'
  | 'holiday-pay'
  | 'deposit-charged'
  | 'pay-in-kind'
  | 'late-payment'
  | 'payslip'
  | 'excessive-deduction'
  | 'social-insurance'
  | 'exclusivity-clause'
  | 'disguised-employment'
  | 'dispatch-agency'
  | 'dispatch-share'
  | 'child-labour'
  | 'minor-worker'
  | 'safety-training';
export const FURTHER_RULES: readonly FurtherRule[] = [
  'daily-work-time',
  'cross-platform-fatigue',
  'weekly-rest',
  'overtime-limit',
  'part-time-hours',
  'holiday-pay',
  'deposit-charged',
  'pay-in-kind',
  'late-payment',
  'payslip',
  'excessive-deduction',
  'social-insurance',
  'exclusivity-clause',
  'disguised-employment',
  'dispatch-agency',
  'dispatch-share',
  'child-labour',
  'minor-worker',
  'safety-training',
];
export type AnyRule = CoreRule | FurtherRule;
export const ALL_RULES: readonly AnyRule[] = [...CORE_RULES, ...FURTHER_RULES];
export type Scope = 'worker-platform' | 'worker' | 'platform';
export const RULE_SCOPE: Record<AnyRule, Scope> = Object.fromEntries(
  ALL_RULES.map((r) => [r, r === 'cross-platform-fatigue' ? 'worker' : r === 'dispatch-share' ? 'platform' : 'worker-platform']),
) as Record<AnyRule, Scope>;

export interface FurtherSet {
  files: SynthFile[];
  truth: Record<AnyRule, Set<string>>;
  universe: Record<Scope, Set<string>>;
  /** Per key (any scope): how it was built, for diagnosing a miss. */
  details: Map<string, string[]>;
}
export interface FurtherOptions {
  dialect: 'en' | 'txt';
  seed: number;
  /** Number of workers (default 300). */
  workers?: number;
  /** First of the two calendar months covered, 'YYYY-MM', 2025-01 … 2025-05 (default '2025-04'). */
  month?: string;
}

// ------------------------------------------------------------------ calendar (day numbers, minutes)
const isoMonday = (day: number): number => day - ((weekday(day) + 6) % 7);
const hm = (h: number, m = 0) => h * 60 + m;
const ageOn = (birth: number, day: number): number => {
  const b = civil(birth);
  const t = civil(day);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
};
/** The same calendar date `years` earlier (dates are chosen with day ≤ 28). */
const yearsBefore = (day: number, years: number) => {
  const c = civil(day);
  return dayNum(c.y - years, c.m, c.d);
};

/** Statutory holidays of the years covered, from the root ruleset (the calendar is data, not logic). */
function statutoryDays(years: number[]): Set<number> {
  const cn = JSON.parse(readFileSync(new URL('../../rulesets/cn.json', import.meta.url), 'utf8')) as {
    holidays: Record<string, { statutory: string[] }>;
  };
  const out = new Set<number>();
  for (const y of years) {
    for (const s of cn.holidays[String(y)]?.statutory ?? []) {
      const [yy, mm, dd] = s.split('-').map(Number);
      out.add(dayNum(yy, mm, dd));
    }
  }
  return out;
}

// ------------------------------------------------------------------ world
type RegionKey = 'YC' | 'CK' | 'DY';
interface Region {
  key: RegionKey;
  name: string; // as in the en orders file
  roster: string; // as in the roster
  code: string; // as in the txt orders file (行政区划代码)
  monthlyFen: number; // in force from 2025-01-01 (facts.md §1.1–1.2)
  hourlyFen: number;
  partner: { en: string; zh: string };
  agency: { en: string; zh: string };
}
const REGIONS: Region[] = [
  { key: 'YC', name: '永川区', roster: '重庆市永川区', code: '500118', monthlyFen: 233000, hourlyFen: 2300, partner: { en: 'Yongjie', zh: '永捷' }, agency: { en: 'Yucai HR Co', zh: '重庆渝才人力资源有限公司' } },
  { key: 'CK', name: '城口县', roster: '重庆市城口县', code: '500229', monthlyFen: 220000, hourlyFen: 2200, partner: { en: 'Chengtong', zh: '城通' }, agency: { en: 'Chengxin Labour Dispatch Co', zh: '城口城信劳务派遣有限公司' } },
  { key: 'DY', name: '旌阳区', roster: '四川省德阳市旌阳区', code: '510603', monthlyFen: 220000, hourlyFen: 2200, partner: { en: 'Jingda', zh: '旌达' }, agency: { en: 'Zhongxin HR Co', zh: '德阳众信人力资源有限公司' } },
];

interface Platform extends PlatformNames {
  weight: number;
  short: { en: string; zh: string };
}
const P = (key: string, en: string, zh: string, line: Line, prefix: string, weight: number, short: [string, string]): Platform => ({
  key, en, zh, line, prefix, weight, short: { en: short[0], zh: short[1] },
});
const PLATFORMS: Platform[] = [
  P('suda', 'SudaDelivery', '速达配送', 'takeaway', 'SD', 6, ['Suda', '速达']),
  P('shandian', 'ShandianErrands', '闪电跑腿', 'instant_delivery', 'SN', 2, ['Shandian', '闪电']),
  P('kuaipao', 'KuaipaoRide', '快跑出行', 'ride_hailing', 'KP', 2, ['Kuaipao', '快跑']),
  P('baobao', 'BaobaoFood', '饱饱外卖', 'takeaway', 'BB', 1.5, ['Baobao', '饱饱']),
  P('jiesong', 'JiesongErrands', '捷送跑腿', 'instant_delivery', 'JS', 1.5, ['Jiesong', '捷送']),
  P('changxing', 'ChangxingRide', '畅行约车', 'ride_hailing', 'CX', 1.5, ['Changxing', '畅行']),
  P('xiandao', 'XiandaoFresh', '鲜到家', 'instant_delivery', 'XD', 1.5, ['Xiandao', '鲜到']),
  P('haowei', 'HaoweiFood', '好味外卖', 'takeaway', 'HW', 1.5, ['Haowei', '好味']),
  P('antu', 'AntuRide', '安途约车', 'ride_hailing', 'AT', 1.5, ['Antu', '安途']),
  P('feimao', 'FeimaoDelivery', '飞毛腿配送', 'takeaway', 'FM', 1.5, ['Feimao', '飞毛腿']),
  P('mifeng', 'MifengErrands', '小蜜蜂跑腿', 'instant_delivery', 'XM', 1.5, ['Mifeng', '小蜜蜂']),
  P('wanjia', 'WanjiaDelivery', '万家送', 'takeaway', 'WJ', 1.5, ['Wanjia', '万家']),
];

type ContractType = 'labor_contract' | 'part_time_contract' | 'dispatch_contract' | 'written_agreement' | 'cooperation_agreement' | 'individual_business';
type Relation = 'labor' | 'part_time' | 'dispatch' | 'not_fully' | 'independent' | 'unknown';
type Method = 'bank' | 'wechat' | 'alipay' | 'points' | 'voucher' | 'goods' | 'equity';
type Reason = 'social' | 'tax' | 'insurance' | 'fine' | 'equipment' | 'deposit' | 'training';
const RELATION_OF: Record<ContractType, Relation> = {
  labor_contract: 'labor',
  part_time_contract: 'part_time',
  dispatch_contract: 'dispatch',
  written_agreement: 'not_fully',
  cooperation_agreement: 'independent',
  individual_business: 'independent',
};
const EMPLOYEE = new Set<Relation>(['labor', 'dispatch']);
const FREE_TO_WORK_ELSEWHERE = new Set<ContractType>(['written_agreement', 'part_time_contract', 'cooperation_agreement', 'individual_business']);

interface ContractRow extends ContractRowOf<ContractType> {
  agency?: Party;
  licensed?: boolean;
  exclusive: boolean;
  line: number; // order within the worker's rows (the auditor breaks ties of equal start by file line)
}
interface PayRow extends Omit<PlannedPayRow, 'payDay' | 'method'> {
  holidayFen: number;
  deductionFen: number;
  reason?: Reason;
  payDay?: number;
  method: Method;
  payslip: boolean;
  old?: boolean; // a period before the window (no orders in it)
}
interface Roster {
  birth: number;
  viaId: boolean;
  viaBirth: boolean;
  idNumber: string;
  trained?: number;
  hired: number;
  name: string;
  phone: string;
}
type Klass = 'emp' | 'pt' | 'dis' | 'ind' | 'other';
interface PlannedSpan {
  start: number; // minutes since epoch
  len: number;
  exact: boolean;
}
interface Worker {
  idx: number;
  region: Region;
  wps: WP[];
  contracts: ContractRow[];
  insurance: InsRow[];
  roster?: Roster;
  age: string;
  training: string;
  cross?: 'span' | 'day';
  handoffDays: number[];
  tags: string[];
}
interface WP {
  worker: Worker;
  plat: Platform;
  primary: boolean;
  partner?: Party;
  days: number[];
  longDays: Set<number>;
  marathonDays: Set<number>;
  ptDays: Set<number>; // days of the part-time over-hours weeks
  orders: Order[];
  payRows: PayRow[];
  intended: Record<CoreRule, boolean>;
  want: Partial<Record<FurtherRule, boolean>>;
  contractKind: ContractType | 'none';
  klass: Klass;
  otMonthly: boolean;
  stretch: boolean;
  ptOver?: 'week' | 'average';
  holiday: 'off' | 'violate' | 'premium-orders' | 'premium-record';
  payMode: 'monthly' | 'semi' | 'tenday' | 'none';
  agencyVariant?: 'licensed' | 'unknown' | 'unlicensed' | 'none' | 'self';
  socialVariant?: string;
  lateVariant?: 'late' | 'unpaid' | 'cycle';
  excessVariant?: 'share' | 'minimum';
  tags: string[];
  plan: Map<number, PlannedSpan[]>;
}

/** Here a party (synth-common.ts) may also be a dispatch agency `agency:<region>`. */
const agencyKey = (region: Region): Party => `agency:${region.key}`;

// ------------------------------------------------------------------ spans
function minutesByDay(spans: Span[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const s of spans) {
    let from = s.start;
    while (from < s.end) {
      const day = dayOf(from);
      const to = Math.min(s.end, (day + 1) * DAY_MIN);
      m.set(day, (m.get(day) ?? 0) + to - from);
      from = to;
    }
  }
  return m;
}

/** Plans consecutive spans from `start`: lengths `lens`, breaks drawn from [bMin, bMax]. */
function chain(rng: Rng, start: number, lens: number[], bMin: number, bMax: number, exact: boolean): PlannedSpan[] {
  const out: PlannedSpan[] = [];
  let t = start;
  for (const len of lens) {
    out.push({ start: t, len, exact });
    t += len + rng.int(bMin, bMax);
  }
  return out;
}
const planEnd = (plan: PlannedSpan[]) => plan[plan.length - 1].start + plan[plan.length - 1].len;

// ------------------------------------------------------------------ resident ID numbers (GB 11643)
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
function idNumber(code: string, birth: number, seq: number, male: boolean): string {
  const { y, m, d } = civil(birth);
  const body = `${code}${y}${pad(m)}${pad(d)}${pad(seq)}${male ? 2 * (seq % 5) + 1 : 2 * (seq % 5)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢唐许冯宋韩邓彭曾曹袁蒋蔡余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'];
const GIVEN = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建亮成峰东海志敏静丽霞娟婷芳燕玲红兰琴梅艳萍雪慧莉'];

// ------------------------------------------------------------------ synthesize
export function synthesizeFurther(opts: FurtherOptions): FurtherSet {
  const nWorkers = opts.workers ?? 300;
  const mm = /^(\d{4})-(\d{2})$/.exec(opts.month ?? '2025-04');
  if (!mm) throw new Error(`synthesizeFurther: month must be YYYY-MM, got ${opts.month}`);
  const y0 = Number(mm[1]);
  const m0 = Number(mm[2]);
  // From 2025-01 the 2025 minimum wages apply; from 2025-07 the occupational-injury scheme drops takeaway.
  if (y0 !== 2025 || m0 < 1 || m0 > 5) throw new Error('synthesizeFurther: month must be 2025-01 … 2025-05');
  const months = [0, 1].map((k) => {
    const m = m0 + k;
    const first = dayNum(y0, m, 1);
    const last = dayNum(y0, m + 1, 1) - 1;
    return { key: `${y0}-${pad(m)}`, first, last };
  });
  const D0 = months[0].first;
  const D1 = months[1].last;
  const monthIndexOf = (day: number) => (day >= months[1].first ? 1 : 0);
  const STATUTORY = statutoryDays([y0]);
  const isStatutory = (day: number) => STATUTORY.has(day);

  const rng = new Rng(opts.seed ^ 0x5eed);
  const workers: Worker[] = [];
  const allWps: WP[] = [];

  // ---- 1. workers, platforms, relations, intentions
  for (let i = 0; i < nWorkers; i++) {
    const region = rng.pick(REGIONS);
    const w: Worker = { idx: i, region, wps: [], contracts: [], insurance: [], age: 'adult', training: 'ok', handoffDays: [], tags: [] };
    const primary = rng.weighted<Platform>(PLATFORMS.map((p) => [p, p.weight]));
    const multi = rng.chance(0.25);
    const plats = [primary];
    if (multi) plats.push(rng.pick(PLATFORMS.filter((p) => p !== primary)));
    for (let p = 0; p < plats.length; p++) {
      const plat = plats[p];
      const wp: WP = {
        worker: w,
        plat,
        primary: p === 0,
        partner: plat.line !== 'ride_hailing' && rng.chance(0.25) ? partnerKey(plat, region) : undefined,
        days: [],
        longDays: new Set(),
        marathonDays: new Set(),
        ptDays: new Set(),
        orders: [],
        payRows: [],
        intended: {
          'minimum-wage': rng.chance(0.3),
          'written-contract': rng.chance(0.22),
          'injury-insurance': rng.chance(0.3),
          'continuous-order-time': rng.chance(0.3),
        },
        want: {},
        contractKind: 'none',
        klass: 'other',
        otMonthly: false,
        stretch: false,
        holiday: 'off',
        payMode: 'monthly',
        tags: [],
        plan: new Map(),
      };
      if (!wp.intended['written-contract']) {
        wp.contractKind = p === 0
          ? rng.weighted<ContractType>([['written_agreement', 30], ['labor_contract', 22], ['dispatch_contract', 10], ['part_time_contract', 14], ['cooperation_agreement', 12], ['individual_business', 8]])
          : rng.weighted<ContractType>([['written_agreement', 45], ['part_time_contract', 20], ['cooperation_agreement', 20], ['individual_business', 15]]);
      }
      w.wps.push(wp);
      allWps.push(wp);
    }
    workers.push(w);
  }

  // ---- 1b. dispatch share per platform: one large platform with a single dispatched worker
  // (≤ 5 %), five platforms with half of them dispatched, the others none.
  const positivePlatforms = new Set(rng.shuffle(PLATFORMS.slice(1).map((p) => p.key)).slice(0, 5));
  const wantShare = new Map<string, boolean>();
  for (const plat of PLATFORMS) {
    const prim = allWps.filter((wp) => wp.plat === plat && wp.primary);
    const emp = () => prim.filter((wp) => wp.contractKind === 'labor_contract' || wp.contractKind === 'dispatch_contract');
    const convertible = () => prim.filter((wp) => wp.contractKind === 'written_agreement');
    const grow = (n: number) => {
      for (const wp of convertible()) {
        if (emp().length >= n) break;
        wp.contractKind = 'labor_contract';
      }
    };
    for (const wp of emp()) wp.contractKind = 'labor_contract';
    if (plat.key === 'suda') {
      grow(22);
      const e = emp();
      if (e.length >= 21) e[0].contractKind = 'dispatch_contract';
      wantShare.set(plat.key, false);
    } else if (positivePlatforms.has(plat.key)) {
      grow(4);
      const e = emp();
      if (e.length >= 4) {
        const d = Math.max(3, Math.ceil(0.5 * e.length));
        for (const wp of rng.shuffle([...e]).slice(0, d)) wp.contractKind = 'dispatch_contract';
        wantShare.set(plat.key, true);
      } else wantShare.set(plat.key, false);
    } else wantShare.set(plat.key, false);
  }

  // ---- 1c. further intentions per worker-platform and per worker
  const windowMondays: number[] = [];
  for (let d = isoMonday(D0) + 7; d + 6 <= D1; d += 7) windowMondays.push(d);
  for (const w of workers) {
    // roster: age and safety training
    const inRoster = rng.chance(0.93);
    w.age = inRoster ? rng.weighted<string>([['adult', 80], ['adult-near18', 4], ['child', 3], ['turns16', 2], ['minor', 6], ['turns18', 5]]) : 'none';
    w.training = inRoster ? rng.weighted<string>([['ok', 85], ['late', 10], ['missing', 5]]) : 'none';
    w.tags.push(`roster=${w.age}`, `training=${w.training}`);
    for (const wp of w.wps) {
      const k = wp.contractKind;
      wp.klass = k === 'labor_contract' || k === 'dispatch_contract' ? 'emp' : k === 'part_time_contract' ? 'pt' : k === 'cooperation_agreement' || k === 'individual_business' ? 'ind' : 'other';
      if (wp.klass === 'pt') wp.intended['continuous-order-time'] = false; // a long span would break the part-time averages
      if (wp.klass === 'ind' && wp.primary && rng.chance(0.4)) wp.klass = 'dis';
      if (wp.klass === 'emp') {
        wp.stretch = rng.chance(0.35);
        wp.otMonthly = rng.chance(0.2);
      }
      if (wp.klass === 'pt' && wp.primary && rng.chance(0.6)) wp.ptOver = rng.chance(0.6) ? 'week' : 'average';
      if (k === 'dispatch_contract') wp.agencyVariant = rng.weighted<WP['agencyVariant'] & string>([['licensed', 30], ['unknown', 10], ['unlicensed', 30], ['none', 18], ['self', 12]]);
      if (wp.klass === 'emp' && rng.chance(0.3)) wp.socialVariant = rng.pick(['none', 'pension-only', 'medical-only', 'unpaid', 'late-start', 'ended']);
      wp.payMode = wp.klass === 'emp' ? 'monthly' : rng.weighted<WP['payMode']>([['monthly', 80], ['semi', 10], ['none', 10]]);
      if (wp.klass === 'pt') wp.payMode = wp.payMode === 'monthly' || wp.payMode === 'semi' ? 'tenday' : 'none';
      if (wp.payMode !== 'none') {
        const late = rng.chance(0.1);
        if (late) wp.lateVariant = wp.klass === 'pt' && rng.chance(0.4) ? 'cycle' : rng.chance(0.5) ? 'late' : 'unpaid';
        if (wp.lateVariant === 'cycle') wp.payMode = 'monthly';
        wp.want['deposit-charged'] = rng.chance(0.08);
        wp.want['pay-in-kind'] = rng.chance(0.08);
        wp.want['payslip'] = rng.chance(0.08);
        if (wp.klass !== 'ind' && wp.klass !== 'dis' && rng.chance(0.1)) wp.excessVariant = 'share';
      }
      // Without pay records the minimum-wage test reads order pay, which holiday pay would change:
      // those worker-platforms stay off holidays (independent work, not tested for it, may work them).
      const mwFromOrders = wp.payMode === 'none' && wp.klass !== 'ind' && wp.klass !== 'dis';
      wp.holiday = mwFromOrders
        ? 'off'
        : rng.weighted<WP['holiday']>([['off', wp.klass === 'dis' ? 0 : 25], ['violate', 40], ['premium-orders', 20], ['premium-record', wp.payMode === 'none' ? 0 : 15]]);
      wp.want['daily-work-time'] = wp.klass !== 'pt' && rng.chance(0.12);
    }
    // a primary working six days a week leaves no room for a second platform
    if (w.wps.length === 2 && (w.wps[0].klass === 'dis' || w.wps[0].otMonthly)) allWps.splice(allWps.indexOf(w.wps.pop()!), 1);
    if (w.wps.length === 2 && rng.chance(0.5)) {
      const [a, b] = w.wps;
      // (not where the primary's overtime is planned day by day)
      if (!a.otMonthly) w.cross = a.klass !== 'pt' && a.klass !== 'ind' && b.klass !== 'pt' && rng.chance(0.35) ? 'day' : 'span';
    }
  }

  // ---- 2. days
  for (const w of workers) {
    const first = D0 + rng.int(0, 4);
    const last = D1 - rng.int(0, 3);
    const order = rng.shuffle([0, 1, 2, 3, 4, 5, 6]);
    const multi = w.wps.length === 2;
    const k = multi ? rng.int(4, 5) : rng.int(4, 6);
    const weekSets = [new Set(order.slice(0, k)), new Set(order.slice(k, k + 2))];
    for (const [p, wp] of w.wps.entries()) {
      let week = weekSets[p];
      if (wp.klass === 'emp') week = new Set(wp.otMonthly ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5]);
      if (wp.klass === 'dis') week = new Set([0, 1, 2, 3, 4, 5, 6].filter((d) => d !== order[6]));
      const noSkip = wp.klass === 'dis' || wp.otMonthly;
      const days = new Set<number>();
      for (let d = first; d <= last; d++) if (week.has(weekday(d)) && (noSkip || !rng.chance(0.05))) days.add(d);
      if (wp.klass !== 'emp') days.add(first); // (an employee's first day keeps to the working week)
      if (wp.stretch) {
        const len = rng.int(9, 13);
        // mid-window where a second platform needs the weekends before and after it
        const [lo, hi] = multi ? [first + 14, last - 28] : [first + 7, last - 16];
        let s = rng.int(lo, hi);
        // a statutory holiday taken off would break the run
        for (let t = 0; t < 40 && wp.holiday === 'off' && [...Array(len).keys()].some((o) => isStatutory(s + o)); t++) s = rng.int(lo, hi);
        if ([...Array(len).keys()].some((o) => isStatutory(s + o))) wp.holiday = 'violate';
        for (let d = s; d < s + len; d++) days.add(d);
        wp.tags.push(`stretch=${len}`);
      }
      if (wp.holiday !== 'off' && ![...days].some(isStatutory)) {
        const hol = [...STATUTORY].filter((d) => d > first && d < last).sort((a, b) => a - b);
        if (hol.length) days.add(rng.pick(hol));
      }
      if (wp.ptOver) {
        const mondays = windowMondays.filter((m) => m >= first + 14 && m + 6 <= last);
        const chosen = rng.shuffle([...mondays]).slice(0, rng.int(1, 2));
        for (const mon of chosen) {
          for (let d = mon; d < mon + 7; d++) days.delete(d);
          const picks = wp.ptOver === 'week' ? [0, 1, 2, 3, 4, 5] : [0, 2, 4];
          for (const o of picks) {
            days.add(mon + o);
            wp.ptDays.add(mon + o);
          }
        }
        wp.tags.push(`pt-over=${wp.ptOver}x${chosen.length}`);
      }
      wp.days = [...days].sort((a, b) => a - b);
    }
    // one platform a day, except hand-offs (below)
    if (multi) w.wps[1].days = secondaryDays(w.wps[0].days, w.wps[1].days, first, last);
    for (const wp of w.wps) {
      if (wp.holiday === 'off') wp.days = wp.days.filter((d) => !isStatutory(d));
      wp.tags.push(`days=${wp.days.length}`, `holiday=${wp.holiday}`);
    }
    // special days: long (continuous-order-time), marathon (daily-work-time), hand-offs (cross-platform)
    for (const wp of w.wps) {
      const plain = () => wp.days.filter((d) => !wp.longDays.has(d) && !wp.marathonDays.has(d) && !wp.ptDays.has(d) && !isStatutory(d));
      if (wp.intended['continuous-order-time']) for (const d of rng.shuffle(plain()).slice(0, rng.int(1, 4))) wp.longDays.add(d);
      if (wp.want['daily-work-time']) {
        const n = wp.klass === 'ind' ? 1 : rng.int(1, 3);
        for (const d of rng.shuffle(plain()).slice(0, n)) wp.marathonDays.add(d);
      }
      wp.tags.push(`cot:long=${wp.longDays.size}`, `marathon=${wp.marathonDays.size}`);
    }
    if (w.cross) {
      const [a, b] = w.wps;
      const taken = new Set(b.days);
      const cand = a.days.filter((d) => !a.longDays.has(d) && !a.marathonDays.has(d) && !a.ptDays.has(d) && !isStatutory(d) && !taken.has(d) && d > first);
      w.handoffDays = rng.shuffle(cand).slice(0, rng.int(2, 4)).sort((x, y) => x - y);
      b.days = [...b.days, ...w.handoffDays].sort((x, y) => x - y);
      w.tags.push(`cross=${w.cross}x${w.handoffDays.length}`);
    }
  }

  // ---- 3. day plans and orders
  for (const w of workers) {
    const hand = new Set(w.handoffDays);
    for (const wp of w.wps) {
      for (const d of wp.days) {
        if (hand.has(d)) continue;
        const base = d * DAY_MIN;
        let plan: PlannedSpan[];
        if (wp.marathonDays.has(d)) {
          plan = chain(rng, base + hm(6, rng.int(0, 20)), [0, 0, 0, 0, 0].map(() => rng.int(165, 180)), 30, 38, true);
        } else if (wp.ptDays.has(d)) {
          plan = chain(rng, base + hm(8, rng.int(0, 60)), [160, 160], 40, 60, true);
        } else {
          const start = base + rng.int(hm(7, 30), hm(9, 30));
          const long = wp.longDays.has(d);
          const first: number[] = long ? [rng.int(330, 360)] : [];
          switch (wp.klass) {
            case 'emp':
              if (wp.otMonthly) plan = chain(rng, start, long ? [...first, 190] : [190, 190, 190], 40, 60, true);
              else if (long) plan = chain(rng, start, first, 40, 60, false);
              else {
                const n = rng.int(1, 2);
                plan = chain(rng, start, n === 1 ? [rng.int(120, 190)] : [rng.int(120, 190), rng.int(120, 190)], 40, 120, true);
              }
              break;
            case 'pt':
              plan = chain(rng, base + rng.int(hm(8), hm(17)), [rng.int(90, 180)], 40, 60, true);
              break;
            case 'dis':
              plan = chain(rng, start, long ? [...first, 140] : [0, 0, 0].map(() => rng.int(140, 150)), 40, 60, !long);
              if (long) plan[1].exact = true;
              break;
            case 'ind': {
              const lens = long ? first : rng.chance(0.5) ? [rng.int(60, 120)] : [rng.int(60, 120), rng.int(60, 120)];
              plan = chain(rng, start, lens, 40, 120, false);
              break;
            }
            default: {
              const lens: number[] = [...first];
              let total = lens.reduce((s, x) => s + x, 0);
              const n = rng.int(1, 3);
              for (let s = lens.length; s < n || (long && s < 1); s++) {
                const len = rng.int(60, 195);
                if (total + len > 600 && s > 0) break;
                lens.push(len);
                total += len;
              }
              if (!lens.length) lens.push(rng.int(60, 195));
              plan = chain(rng, start, lens, 40, 120, false);
            }
          }
        }
        wp.plan.set(d, plan);
      }
    }
    if (w.cross) {
      const [a, b] = w.wps;
      for (const d of w.handoffDays) {
        const base = d * DAY_MIN;
        if (w.cross === 'span') {
          const pa = chain(rng, base + rng.int(hm(9), hm(11)), [rng.int(185, 195)], 0, 0, true);
          const pb = chain(rng, planEnd(pa) + rng.int(5, 12), [rng.int(140, 160)], 0, 0, true);
          a.plan.set(d, pa);
          b.plan.set(d, pb);
        } else {
          const pa = chain(rng, base + rng.int(hm(6), hm(6, 15)), [0, 0, 0].map(() => rng.int(170, 175)), 40, 42, true);
          const pb = chain(rng, planEnd(pa) + rng.int(45, 55), [rng.int(130, 140), rng.int(130, 140)], 40, 42, true);
          a.plan.set(d, pa);
          b.plan.set(d, pb);
        }
      }
    }
    for (const wp of w.wps) {
      for (const d of wp.days) {
        for (const s of wp.plan.get(d)!) wp.orders.push(...makeSpan(rng, s.start, s.len, { exact: s.exact, stopWhenFull: true }));
      }
    }
  }

  // ---- 4. contracts (written-contract, relation, exclusivity, dispatch agency)
  for (const w of workers) {
    let line = 0;
    const push = (c: Omit<ContractRow, 'line'>) => w.contracts.push({ ...c, line: line++ });
    for (const wp of w.wps) {
      const first = wp.days[0];
      const party = (): Party => (wp.partner && rng.chance(0.5) ? wp.partner : wp.plat.key);
      const written = (): Form => (rng.chance(0.3) ? 'electronic' : 'written');
      const excl = (type: ContractType) => (FREE_TO_WORK_ELSEWHERE.has(type) ? rng.chance(0.12) : rng.chance(0.1));
      if (wp.intended['written-contract']) {
        // (an oral agreement records no exclusivity clause)
        const pushAgreement = (row: ContractRowOf<'written_agreement'>) => push({ ...row, exclusive: row.form === 'oral' ? false : excl('written_agreement') });
        plantMissingAgreement(rng, wp, { windowStart: D0, party, written, push: pushAgreement });
      } else {
        const type = wp.contractKind as ContractType;
        const { course, form } = pickContractCourse(rng, type, wp.tags, written);
        let agency: Party | undefined;
        let licensed: boolean | undefined;
        if (type === 'dispatch_contract') {
          const av = wp.agencyVariant!;
          agency = av === 'none' ? undefined : av === 'self' ? wp.plat.key : agencyKey(w.region);
          licensed = av === 'licensed' ? true : av === 'unlicensed' ? false : av === 'self' ? rng.chance(0.5) : undefined;
          wp.tags.push(`agency=${av}`);
        }
        const exclusive = excl(type);
        const row = (start: number, end: number | undefined, signed: number) => push({ type, start, end, party: party(), form: form(), signed, agency, licensed, exclusive });
        if (course === 'single') {
          const start = first - rng.int(0, 400);
          row(start, rng.chance(0.5) ? undefined : D1 + rng.int(0, 400), start - rng.int(0, 3));
        } else if (course === 'renewal') {
          const split = D0 + rng.int(10, 45);
          const start = first - rng.int(30, 400);
          row(start, split, start - rng.int(0, 3));
          row(split + 1, rng.chance(0.5) ? undefined : D1 + rng.int(30, 400), split - rng.int(0, 5));
        } else {
          const start = first + rng.int(3, 10);
          row(start, undefined, start);
        }
      }
    }
  }

  // party helpers per worker-platform (the auditor's "with the platform")
  const partiesOf = (wp: WP): Set<Party> => new Set([wp.plat.key, ...(wp.partner ? [wp.partner] : [])]);
  const contractsOf = (wp: WP) => wp.worker.contracts.filter((c) => partiesOf(wp).has(c.party)).sort((x, y) => x.start - y.start || x.line - y.line);
  /** Dossier.relationOn: the latest-starting contract covering the day, whatever its form. */
  const relationFn = (wp: WP) => {
    const list = contractsOf(wp);
    return (d: number): Relation => {
      let found: ContractRow | undefined;
      for (const c of list) if (inRange(d, c.start, c.end)) found = c;
      return found ? RELATION_OF[found.type] : 'unknown';
    };
  };

  // ---- 5. insurance (injury-insurance, social-insurance)
  for (const w of workers) {
    for (const wp of w.wps) {
      const first = wp.days[0];
      const needsWorkInjury = wp.klass === 'emp' || wp.contractKind === 'part_time_contract';
      const agency = contractsOf(wp).find((c) => c.agency && c.agency.startsWith('agency:'))?.agency;
      const payer = (): Party => (agency && rng.chance(0.5) ? agency : wp.partner && rng.chance(0.5) ? wp.partner : wp.plat.key);
      plantInjuryInsurance(rng, wp, { needsWorkInjury, window: { first: D0, last: D1 }, payer });
      if (wp.klass === 'emp') {
        const sv = wp.socialVariant;
        wp.tags.push(`social=${sv ?? 'ok'}`);
        for (const t of ['pension', 'medical'] as const) {
          const start = first - rng.int(0, 300);
          if (!sv) w.insurance.push({ type: t, start, party: payer(), status: 'active' });
          else if (sv === 'unpaid') w.insurance.push({ type: t, start, party: payer(), status: 'unpaid' });
          else if (sv === 'pension-only' && t === 'pension') w.insurance.push({ type: t, start, party: payer(), status: 'active' });
          else if (sv === 'medical-only' && t === 'medical') w.insurance.push({ type: t, start, party: payer(), status: 'active' });
          else if (sv === 'late-start') w.insurance.push({ type: t, start: months[1].first + rng.int(5, 15), party: payer(), status: 'active' });
          else if (sv === 'ended') w.insurance.push({ type: t, start, end: months[0].last - rng.int(5, 15), party: payer(), status: 'active' });
        }
      }
      if (rng.chance(0.15)) w.insurance.push({ type: 'accident', start: first - rng.int(0, 200), end: D1 + rng.int(1, 200), party: payer(), status: 'active' });
    }
  }

  // ---- 6. pay rows (minimum wage, pay rules) and order pay (minimum wage, holiday pay)
  for (const wp of allWps) {
    const region = wp.worker.region;
    const monthly = wp.klass === 'emp';
    const hourlyNone = wp.contractKind === 'cooperation_agreement' || wp.contractKind === 'individual_business';
    const violator = wp.intended['minimum-wage'] && !hourlyNone;
    if (hourlyNone) wp.intended['minimum-wage'] = false;
    const spans = spansOf(wp.orders);
    const rate = hourlyNone ? region.hourlyFen * rng.real(0.5, 2) : violator ? region.hourlyFen * rng.real(0.5, 0.78) : region.hourlyFen * rng.real(1.3, 2.0);
    wp.tags.push(`mw:${hourlyNone ? 'none' : monthly ? 'monthly' : 'hourly'}${hourlyNone ? '' : violator ? '-violator' : '-ok'}`, `pay=${wp.payMode}`);
    const { monthPay, rows } = planPay(rng, {
      months,
      orders: wp.orders,
      spans,
      periodsOf: (m) => wp.payMode === 'semi'
        ? [[m.first, m.first + 14], [m.first + 15, m.last]]
        : wp.payMode === 'tenday' ? [[m.first, m.first + 9], [m.first + 10, m.first + 19], [m.first + 20, m.last]] : [[m.first, m.last]],
      monthly,
      violator,
      monthlyFen: region.monthlyFen,
      hourlyRate: rate,
      recorded: wp.payMode !== 'none',
    });
    // (holiday pay below, and the pay rules' deductions, payment methods and pay days in 6b, change these rows)
    wp.payRows = rows.map((r) => ({ ...r, holidayFen: 0, deductionFen: 0, payslip: true }));
    // order pay: the month's pay shared over its completed orders on ordinary days
    for (const [mi] of months.entries()) {
      spreadPay(rng, wp.orders.filter((o) => !o.cancelled && monthIndexOf(dayOf(o.a)) === mi && !isStatutory(dayOf(o.a))), monthPay[mi]);
    }
    // holiday work: pay against the month's normal rate per hour (as the rule computes it)
    const dayMin = minutesByDay(spans);
    const relationOn = relationFn(wp);
    const holDays = [...new Set(wp.orders.map((o) => dayOf(o.a)))].filter(isStatutory).sort((a, b) => a - b);
    for (const d of holDays) {
      const mi = monthIndexOf(d);
      const normalDays = [...new Set([...dayMin.keys(), ...wp.orders.map((o) => dayOf(o.a))])].filter((x) => monthIndexOf(x) === mi && !isStatutory(x));
      const fen = wp.orders.filter((o) => normalDays.includes(dayOf(o.a))).reduce((s, o) => s + o.payFen, 0);
      const minutes = normalDays.reduce((s, x) => s + (dayMin.get(x) ?? 0), 0);
      const normalFen = (fen / (minutes / 60)) * ((dayMin.get(d) ?? 0) / 60);
      const employee = EMPLOYEE.has(relationOn(d));
      const factor = wp.holiday === 'violate'
        ? (employee ? rng.real(1.0, 2.2) : rng.real(0.7, 0.9))
        : employee ? rng.real(3.4, 4.0) : rng.real(1.6, 2.2);
      const target = Math.round(normalFen * factor);
      const onDay = wp.orders.filter((o) => dayOf(o.a) === d);
      for (const o of onDay) o.payFen = 0;
      if (wp.holiday === 'premium-record') {
        const base = Math.round(normalFen * rng.real(0.95, 1.05));
        spreadPay(rng, onDay.filter((o) => !o.cancelled), base);
        const row = wp.payRows.find((r) => r.ps <= d && d <= r.pe)!;
        row.holidayFen += target - base;
      } else spreadPay(rng, onDay.filter((o) => !o.cancelled), target);
    }
  }

  // ---- 6b. the pay rules: deductions, deposits, payment in kind, late or unpaid pay, pay slips
  for (const wp of allWps) {
    if (wp.payRows.length === 0) continue;
    const rows = wp.payRows;
    const gross = (r: PayRow) => r.comparableFen + r.allowanceFen + r.overtimeFen + r.holidayFen;
    const employee = wp.klass === 'emp';
    // lawful deductions: the worker's social insurance share, an insurance premium
    for (const r of rows) {
      if (employee) [r.deductionFen, r.reason] = [Math.round(gross(r) * 0.105), 'social'];
      else if (rng.chance(0.2)) [r.deductionFen, r.reason] = [rng.int(3, 10) * 100, 'insurance'];
    }
    const monthRows = (mi: number) => rows.filter((r) => monthIndexOf(r.ps) === mi);
    const used = new Set<PayRow>();
    const minViolator = wp.intended['minimum-wage'] && employee;
    if (wp.klass !== 'ind' && wp.klass !== 'dis') {
      // a month's fines, spread over its pay rows in proportion to their gross pay (net pay stays positive)
      const fineMonth = (mi: number, share: number, reason: Reason) => {
        for (const r of monthRows(mi)) {
          [r.deductionFen, r.reason] = [Math.round(gross(r) * share), reason];
          used.add(r);
        }
      };
      if (wp.excessVariant === 'share' || (minViolator && rng.chance(0.3))) {
        const share = wp.excessVariant === 'share' ? rng.real(0.3, 0.45) : rng.real(0.03, 0.05);
        if (wp.excessVariant !== 'share') wp.excessVariant = 'minimum';
        fineMonth(rng.int(0, 1), share, rng.chance(0.7) ? 'fine' : 'equipment');
        wp.tags.push(`excess=${wp.excessVariant}`);
      } else if (!minViolator && rng.chance(0.12)) {
        fineMonth(rng.int(0, 1), rng.real(0.01, 0.04), 'fine');
        wp.tags.push('small-fine');
      }
    }
    const free = () => rows.filter((r) => !used.has(r) && gross(r) >= 30000);
    if (wp.want['deposit-charged'] && free().length) {
      const r = rng.pick(free());
      [r.deductionFen, r.reason] = rng.chance(0.75) ? [rng.int(100, 500) * 100, 'deposit'] : [rng.int(50, 200) * 100, 'training'];
      r.deductionFen = Math.min(r.deductionFen, Math.floor(gross(r) / 2));
      used.add(r);
      wp.tags.push(`deposit=${r.reason}`);
    } else wp.want['deposit-charged'] = false;
    if (wp.want['pay-in-kind']) {
      const r = rng.pick(rows);
      r.method = rng.pick(['points', 'voucher', 'goods', 'equity'] as const);
      wp.tags.push(`in-kind=${r.method}`);
    }
    if (wp.lateVariant === 'late') {
      for (const r of monthRows(0)) r.payDay = r.pe + rng.int(40, 60);
    } else if (wp.lateVariant === 'unpaid') {
      const pe = D0 - 1;
      const ps = wp.klass === 'pt' ? pe - 9 : dayNum(civil(pe).y, civil(pe).m, 1);
      rows.unshift({ ps, pe, comparableFen: rng.int(800, 3000) * 100, allowanceFen: 0, overtimeFen: 0, holidayFen: 0, deductionFen: 0, method: rows[0].method, payslip: rng.chance(0.5), old: true });
    }
    if (wp.lateVariant) wp.tags.push(`late=${wp.lateVariant}`);
    if (wp.want['payslip']) {
      const r = rng.pick(rows.filter((x) => x.payDay !== undefined));
      r.payslip = false;
      wp.tags.push('no-payslip');
    }
  }

  // ---- 7. roster
  for (const w of workers) {
    if (w.age === 'none') continue;
    const first = Math.min(...w.wps.map((wp) => wp.days[0]));
    const lastAll = Math.max(...w.wps.map((wp) => wp.days[wp.days.length - 1]));
    const onDay28 = (d: number) => {
      const c = civil(d);
      return c.d > 28 ? dayNum(c.y, c.m, 28) : d;
    };
    let birth: number;
    switch (w.age) {
      case 'child': birth = yearsBefore(onDay28(D1 + rng.int(10, 400)), 16); break;
      case 'turns16': birth = yearsBefore(onDay28(first + rng.int(12, Math.max(13, lastAll - first - 12))), 16); break;
      case 'minor': birth = yearsBefore(onDay28(D1 + rng.int(10, 500)), 18); break;
      case 'turns18': birth = yearsBefore(onDay28(first + rng.int(12, Math.max(13, lastAll - first - 12))), 18); break;
      case 'adult-near18': birth = yearsBefore(onDay28(first - rng.int(8, 60)), 18); break;
      default: birth = dayNum(rng.int(1975, 2003), rng.int(1, 12), rng.int(1, 28));
    }
    const via = rng.weighted<string>([['id', 50], ['birth', 25], ['both', 25]]);
    const trained = w.training === 'ok' ? first - rng.int(0, 400) : w.training === 'late' ? first + rng.int(2, 20) : undefined;
    const male = rng.chance(0.85);
    w.roster = {
      birth,
      viaId: via !== 'birth',
      viaBirth: via !== 'id',
      idNumber: idNumber(w.region.code, birth, rng.int(10, 99), male),
      trained,
      hired: Math.min(trained ?? first, first) - rng.int(0, 30),
      name: rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : ''),
      phone: rng.pick(['138', '139', '150', '158', '177', '187', '199', '133']) + pad(rng.int(0, 99_999_999), 8),
    };
    w.tags.push(`via=${via}`);
  }

  // ---- 8. re-derive every label from the records and check margins
  const problems: string[] = [];
  const derived = new Map<WP, Set<AnyRule>>();
  const workerDerived = new Map<Worker, boolean>();
  const platformDerived = new Map<string, boolean>();
  let asOf = Number.NEGATIVE_INFINITY;
  const facts = new Map<WP, { spans: Span[]; dayMin: Map<number, number>; active: number[]; worked: number[] }>();
  for (const wp of allWps) {
    const spans = spansOf(wp.orders);
    const dayMin = minutesByDay(spans);
    const active = [...new Set(wp.orders.flatMap((o) => [dayOf(o.a), dayOf(o.c)]))].sort((a, b) => a - b);
    const worked = [...new Set([...active, ...[...dayMin].filter(([, m]) => m > 0).map(([d]) => d)])].sort((a, b) => a - b);
    facts.set(wp, { spans, dayMin, active, worked });
    asOf = Math.max(asOf, active[active.length - 1]);
  }
  const dominant = (rel: (d: number) => Relation, days: number[]): Relation | undefined => {
    const n = new Map<Relation, number>();
    for (const d of days) n.set(rel(d), (n.get(rel(d)) ?? 0) + 1);
    let best: Relation | undefined;
    for (const [r, k] of n) if (best === undefined || k > n.get(best)!) best = r;
    return best;
  };
  const band = (name: string, x: number, lo: number, hi: number) => {
    if (x > lo && x < hi) problems.push(`${name}: ${x} too close to a threshold (${lo}…${hi})`);
  };

  for (const wp of allWps) {
    const w = wp.worker;
    const name = `worker ${w.idx} ${wp.plat.key} (${wp.tags.join(' ')})`;
    const { spans, dayMin, active, worked } = facts.get(wp)!;
    const got = new Set<AnyRule>();
    const parties = partiesOf(wp);
    const contracts = contractsOf(wp);
    const relationOn = relationFn(wp);
    const agencies = new Set(contracts.flatMap((c) => (c.agency ? [c.agency] : [])));
    for (const s of spans) if (dayOf(s.start) !== dayOf(s.end - 1)) problems.push(`${name}: span crosses midnight`);

    // -- core: written-contract (oral counts only for part-time)
    const covered = (d: number) => contracts.some((c) => inRange(d, c.start, c.end) && (c.form !== 'oral' || c.type === 'part_time_contract'));
    for (const [a, b] of uncoveredRuns(active, covered)) {
      if (b - a > 30) got.add('written-contract');
      band(`${name}: uncovered run`, b - a, 20, 40);
    }
    // -- core: injury-insurance
    const ins = w.insurance.filter((i) => (parties.has(i.party) || agencies.has(i.party)) && i.status === 'active');
    for (const d of active) {
      const rel = relationOn(d);
      const ok: InsType[] = rel === 'labor' || rel === 'part_time' || rel === 'dispatch' ? ['work_injury'] : ['work_injury', 'occupational_injury'];
      if (!ins.some((i) => ok.includes(i.type) && inRange(d, i.start, i.end))) got.add('injury-insurance');
    }
    // -- core: continuous-order-time
    for (let j = 0; j < spans.length; j++) {
      const len = spans[j].end - spans[j].start;
      if (len > 240) got.add('continuous-order-time');
      band(`${name}: span`, len, 200, 300);
      if (j > 0 && spans[j].start - spans[j - 1].end < 30) problems.push(`${name}: short break`);
    }
    // -- core: minimum-wage
    for (const [mi, m] of months.entries()) {
      const inMonth = spans.filter((s) => dayOf(s.start) >= m.first && dayOf(s.start) <= m.last);
      const minutes = inMonth.reduce((t, s) => t + s.end - s.start, 0);
      if (minutes === 0) {
        problems.push(`${name}: no work in month ${mi}`);
        continue;
      }
      const days = active.filter((d) => d >= m.first && d <= m.last);
      const rels = new Set(days.map(relationOn));
      const rel = dominant(relationOn, days)!;
      const rows = wp.payRows.filter((r) => r.ps <= m.last && r.pe >= m.first);
      const pay = rows.length
        ? rows.reduce((t, r) => t + r.comparableFen, 0)
        : wp.orders.filter((o) => monthIndexOf(dayOf(o.a)) === mi).reduce((t, o) => t + o.payFen, 0);
      if (EMPLOYEE.has(rel)) {
        if (rels.size > 1) problems.push(`${name}: mixed employee relation in a month`);
        const ratio = pay / (w.region.monthlyFen * Math.min(1, days.length / 21.75));
        if (ratio < 1) got.add('minimum-wage');
        band(`${name}: monthly pay ratio`, ratio, 0.8, 1.25);
      } else if (rel === 'independent') {
        if (rels.size > 1) problems.push(`${name}: mixed independent relation in a month`);
      } else {
        const ratio = pay / (minutes / 60) / w.region.hourlyFen;
        if (ratio < 1) got.add('minimum-wage');
        band(`${name}: hourly pay ratio`, ratio, 0.8, 1.25);
      }
    }

    // -- daily-work-time
    for (const [d, m] of dayMin) {
      if (m > 720) got.add('daily-work-time');
      band(`${name}: day ${d} minutes`, m, 680, 760);
    }
    // -- weekly-rest, overtime-limit (labour and dispatch days)
    const empDays = worked.filter((d) => EMPLOYEE.has(relationOn(d)));
    let run = 0;
    for (let j = 0; j < empDays.length; j++) {
      run = j > 0 && empDays[j] === empDays[j - 1] + 1 ? run + 1 : 1;
      if (run > 6) got.add('weekly-rest');
    }
    {
      const monthOt = [0, 0];
      let week = Number.NaN;
      let regular = 0;
      for (const d of empDays) {
        const minutes = dayMin.get(d) ?? 0;
        if (minutes > 660) got.add('overtime-limit');
        band(`${name}: employee day ${d}`, minutes, 630, 690);
        const dailyOver = Math.max(0, minutes - 480);
        if (isoMonday(d) !== week) [week, regular] = [isoMonday(d), 0];
        const standard = minutes - dailyOver;
        const weeklyOver = Math.max(0, regular + standard - 2400) - Math.max(0, regular - 2400);
        regular += standard;
        monthOt[monthIndexOf(d)] += dailyOver + weeklyOver;
      }
      for (const ot of monthOt) {
        if (ot > 2160) got.add('overtime-limit');
        band(`${name}: monthly overtime`, ot, 1800, 2520);
      }
    }
    // -- part-time-hours
    {
      const byWeek = new Map<number, number[]>();
      for (const d of worked.filter((x) => relationOn(x) === 'part_time')) byWeek.set(isoMonday(d), [...(byWeek.get(isoMonday(d)) ?? []), d]);
      for (const days of byWeek.values()) {
        const minutes = days.reduce((s, d) => s + (dayMin.get(d) ?? 0), 0);
        if (minutes > 1440 || minutes / days.length > 240) got.add('part-time-hours');
        band(`${name}: part-time week`, minutes, 1340, 1540);
        band(`${name}: part-time average`, minutes / days.length, 215, 265);
      }
    }
    // -- holiday-pay
    for (const d of active.filter(isStatutory)) {
      const onDay = wp.orders.filter((o) => dayOf(o.a) === d);
      if (onDay.length === 0) continue;
      const mi = monthIndexOf(d);
      const normalDays = worked.filter((x) => monthIndexOf(x) === mi && !isStatutory(x));
      const fen = wp.orders.filter((o) => normalDays.includes(dayOf(o.a))).reduce((s, o) => s + o.payFen, 0);
      const minutes = normalDays.reduce((s, x) => s + (dayMin.get(x) ?? 0), 0);
      const normalFen = (fen / (minutes / 60)) * ((dayMin.get(d) ?? 0) / 60);
      let extra = 0;
      for (const r of wp.payRows.filter((x) => x.holidayFen && x.ps <= d && d <= x.pe)) {
        const hols = worked.filter((x) => x >= r.ps && x <= r.pe && isStatutory(x));
        const total = hols.reduce((s, x) => s + (dayMin.get(x) ?? 0), 0);
        extra += (r.holidayFen * (dayMin.get(d) ?? 0)) / total;
      }
      const paid = Math.round(onDay.reduce((s, o) => s + o.payFen, 0) + extra);
      const employee = EMPLOYEE.has(relationOn(d));
      const multiplier = employee ? 3 : 1;
      const required = Math.round(normalFen * multiplier);
      if (employee ? paid < required : paid <= required) got.add('holiday-pay');
      band(`${name}: holiday pay ratio`, paid / normalFen / multiplier, 0.93, 1.07);
    }
    // -- pay records of the worker-platform
    const pays = wp.payRows;
    const payGross = (r: PayRow) => r.comparableFen + r.allowanceFen + r.overtimeFen + r.holidayFen;
    if (pays.some((r) => (r.reason === 'deposit' || r.reason === 'training') && r.deductionFen > 0)) got.add('deposit-charged');
    if (pays.some((r) => ['points', 'voucher', 'goods', 'equity'].includes(r.method))) got.add('pay-in-kind');
    for (const r of pays) {
      const days = active.filter((d) => d >= r.ps && d <= r.pe);
      const relation = dominant(relationOn, days) ?? relationOn(r.pe);
      if (relation === 'part_time' && r.pe - r.ps + 1 > 15) got.add('late-payment');
      const after = (r.payDay ?? asOf) - r.pe;
      if (after > 30) got.add('late-payment');
      band(`${name}: days after the pay period`, after, 25, 36);
      if (r.payDay !== undefined && !r.payslip) got.add('payslip');
    }
    for (const [mi, m] of months.entries()) {
      const rows = pays.filter((r) => r.ps <= m.last && r.pe >= m.first);
      const share = (r: PayRow) => Math.max(0, Math.min(r.pe, m.last) - Math.max(r.ps, m.first) + 1) / (r.pe - r.ps + 1);
      const comp = (r: PayRow) => r.reason === 'fine' || r.reason === 'equipment';
      const ded = Math.round(rows.reduce((s, r) => s + (comp(r) ? r.deductionFen * share(r) : 0), 0));
      if (ded <= 0) continue;
      const days = active.filter((d) => d >= m.first && d <= m.last);
      const relation = dominant(relationOn, days) ?? relationOn(m.last);
      if (relation === 'independent') continue;
      const grossFen = Math.round(rows.reduce((s, r) => s + payGross(r) * share(r), 0));
      const comparable = Math.round(rows.reduce((s, r) => s + r.comparableFen * share(r), 0));
      if (ded > Math.floor(grossFen * 0.2 + 1e-6)) got.add('excessive-deduction');
      band(`${name}: deduction share in month ${mi}`, ded / grossFen, 0.15, 0.25);
      if (EMPLOYEE.has(relation)) {
        const required = Math.round(w.region.monthlyFen * Math.min(1, days.length / 21.75));
        if (comparable - ded < required) got.add('excessive-deduction');
        // decisive only where the share is not already over the limit
        if (ded / grossFen < 0.2) band(`${name}: pay left after deductions / minimum`, (comparable - ded) / required, 0.92, 1.08);
      }
    }
    // -- social-insurance
    for (const m of months) {
      if (!active.some((d) => d >= m.first && d <= m.last && EMPLOYEE.has(relationOn(d)))) continue;
      const ok = (t: InsType) => w.insurance.some((i) => i.type === t && i.status === 'active' && (parties.has(i.party) || agencies.has(i.party)) && i.start <= m.last && (i.end === undefined || i.end >= m.first));
      if (!ok('pension') || !ok('medical')) got.add('social-insurance');
    }
    // -- exclusivity-clause, dispatch-agency
    if (contracts.some((c) => c.exclusive && FREE_TO_WORK_ELSEWHERE.has(c.type))) got.add('exclusivity-clause');
    for (const c of contracts.filter((x) => x.type === 'dispatch_contract')) {
      if (!c.agency || c.agency === wp.plat.key || c.licensed === false) got.add('dispatch-agency');
    }
    // -- disguised-employment
    {
      let clear = false;
      const unclear: string[] = [];
      for (const m of months) {
        const days = worked.filter((d) => d >= m.first && d <= m.last && relationOn(d) === 'independent');
        if (days.length === 0) continue;
        const avg = days.reduce((s, d) => s + (dayMin.get(d) ?? 0), 0) / days.length;
        if (days.length >= 20 && avg >= 360) got.add('disguised-employment');
        if (days.length >= 22 && avg >= 390) clear = true;
        else if (days.length > 18 && avg > 330) unclear.push(`${days.length} days, ${avg.toFixed(0)} min a day`);
      }
      if (!clear && unclear.length) problems.push(`${name}: independent month near the thresholds (${unclear.join('; ')})`);
    }
    // -- child-labour, minor-worker, safety-training (roster)
    const r = w.roster;
    if (r) {
      if (active.some((d) => ageOn(r.birth, d) < 16)) got.add('child-labour');
      if (worked.some((d) => ageOn(r.birth, d) >= 16 && ageOn(r.birth, d) < 18)) got.add('minor-worker');
      const firstOrder = Math.min(...wp.orders.map((o) => dayOf(o.a)));
      if (r.trained === undefined || firstOrder < r.trained) got.add('safety-training');
    }
    derived.set(wp, got);

    // -- intentions
    const want = (rule: AnyRule, v: boolean) => {
      if (got.has(rule) !== v) problems.push(`${name}: ${rule} intended ${v} but derived ${got.has(rule)}`);
    };
    for (const rule of CORE_RULES) want(rule, wp.intended[rule]);
    want('daily-work-time', wp.marathonDays.size > 0);
    want('weekly-rest', wp.stretch);
    want('overtime-limit', wp.klass === 'emp' && (wp.otMonthly || wp.marathonDays.size > 0));
    want('part-time-hours', !!wp.ptOver);
    want('deposit-charged', !!wp.want['deposit-charged']);
    want('pay-in-kind', !!wp.want['pay-in-kind']);
    want('late-payment', !!wp.lateVariant);
    want('payslip', !!wp.want['payslip']);
    want('excessive-deduction', !!wp.excessVariant);
    want('social-insurance', !!wp.socialVariant);
    want('disguised-employment', wp.klass === 'dis');
    want('dispatch-agency', ['none', 'self', 'unlicensed'].includes(wp.agencyVariant ?? ''));
    const worksHoliday = active.some(isStatutory);
    want('holiday-pay', worksHoliday && wp.holiday === 'violate');
    if (wp.holiday !== 'off' && !worksHoliday) wp.tags.push('(no holiday in days)');
    want('child-labour', w.age === 'child' || (w.age === 'turns16' && ageOn(w.roster!.birth, active[0]) < 16));
    want('safety-training', w.training === 'missing' || (w.training === 'late' && Math.min(...wp.orders.map((o) => dayOf(o.a))) < w.roster!.trained!));
  }

  // -- cross-platform-fatigue (per worker)
  for (const w of workers) {
    let got = false;
    if (w.wps.length > 1) {
      const pooled = w.wps.flatMap((wp) => wp.orders.map((o) => ({ a: o.a, c: o.c, wp }))).sort((x, y) => x.a - y.a || x.c - y.c);
      const merged: { start: number; end: number; orders: typeof pooled }[] = [];
      for (const o of pooled) {
        const cur = merged[merged.length - 1];
        if (cur && o.a < cur.end + BRIDGE_MIN) {
          cur.end = Math.max(cur.end, o.c);
          cur.orders.push(o);
        } else merged.push({ start: o.a, end: o.c, orders: [o] });
      }
      for (const s of merged) {
        const wps = new Set(s.orders.map((o) => o.wp));
        if (wps.size < 2) continue;
        const len = s.end - s.start;
        band(`worker ${w.idx}: merged span across platforms`, len, 220, 270);
        if (len <= 240) continue;
        const own = [...wps].map((wp) => Math.max(...spansOf(s.orders.filter((o) => o.wp === wp)).map((x) => x.end - x.start)));
        if (own.every((m) => m <= 240)) got = true;
      }
      const byDay = minutesByDay(merged);
      for (const [d, total] of byDay) {
        const on = w.wps.filter((wp) => (facts.get(wp)!.dayMin.get(d) ?? 0) > 0);
        if (on.length < 2) continue;
        band(`worker ${w.idx}: day ${d} across platforms`, total, 690, 750);
        if (total > 720 && on.every((wp) => facts.get(wp)!.dayMin.get(d)! <= 720)) got = true;
      }
    }
    workerDerived.set(w, got);
    if (got !== (w.cross !== undefined && w.handoffDays.length > 0)) problems.push(`worker ${w.idx}: cross-platform-fatigue intended ${w.cross} but derived ${got} (${w.tags.join(' ')})`);
  }

  // -- dispatch-share (per platform and month)
  for (const plat of PLATFORMS) {
    let got = false;
    for (const m of months) {
      let labor = 0;
      let dispatch = 0;
      for (const wp of allWps.filter((x) => x.plat === plat)) {
        const days = facts.get(wp)!.active.filter((d) => d >= m.first && d <= m.last);
        if (!days.length) continue;
        const rel = dominant(relationFn(wp), days);
        if (rel === 'labor') labor++;
        if (rel === 'dispatch') dispatch++;
      }
      const total = labor + dispatch;
      if (dispatch === 0) continue;
      if (dispatch > Math.floor(total * 0.1 + 1e-9)) got = true;
      band(`platform ${plat.key}: dispatch share`, dispatch / total, 0.06, 0.19);
    }
    platformDerived.set(plat.key, got);
    if (got !== wantShare.get(plat.key)) problems.push(`platform ${plat.key}: dispatch-share intended ${wantShare.get(plat.key)} but derived ${got}`);
  }
  if (problems.length) throw new Error(`synthesizeFurther(seed ${opts.seed}): generated data is inconsistent:\n  ${problems.slice(0, 25).join('\n  ')}`);

  return render(opts.dialect, workers, allWps, derived, workerDerived, platformDerived);
}

// ------------------------------------------------------------------ rendering
interface Fmt extends CommonCells<ContractType, Method> {
  sep: string;
  bom: boolean;
  names: Record<'orders' | 'pay' | 'contracts' | 'insurance' | 'workers', string>;
  headers: Record<'orders' | 'pay' | 'contracts' | 'insurance' | 'workers', string[]>;
  money(fen: number): string;
  platform(p: Platform): string;
  party(key: Party | undefined): string;
  region(r: Region): string;
  rosterRegion(r: Region): string;
  reason(r: Reason | undefined, variety: number): string;
  yes(b: boolean | undefined, what: 'payslip' | 'exclusive' | 'licensed'): string;
}

function formatter(dialect: 'en' | 'txt'): Fmt {
  const partyName = (key: Party | undefined): string => {
    if (key === undefined) return '';
    if (key.startsWith('agency:')) {
      const r = REGIONS.find((x) => x.key === key.slice(7))!;
      return dialect === 'en' ? r.agency.en : r.agency.zh;
    }
    const { platform: p, region: r } = partyParts(key, PLATFORMS, REGIONS);
    if (!r) return dialect === 'en' ? p.en : p.zh;
    return dialect === 'en' ? `${r.partner.en} ${p.short.en} Services Co` : `${r.partner.zh}${p.short.zh}服务有限公司`;
  };
  if (dialect === 'en') {
    return {
      ...englishCells(),
      sep: ',',
      bom: false,
      names: { orders: 'orders.csv', pay: 'pay.csv', contracts: 'contracts.csv', insurance: 'insurance.csv', workers: 'workers.csv' },
      headers: {
        orders: ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'employer', 'region', 'business_line', 'order_pay', 'status'],
        pay: ['worker_id', 'platform', 'period_start', 'period_end', 'gross_pay', 'overtime_pay', 'holiday_pay', 'allowances', 'deduction', 'deduction_reason', 'net_pay', 'pay_date', 'payment_method', 'payslip_provided'],
        contracts: ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'signed_date', 'form', 'dispatch_agency', 'agency_licensed', 'exclusive'],
        insurance: ['worker_id', 'insurance_type', 'start_date', 'end_date', 'platform', 'status'],
        workers: ['worker_id', 'name', 'id_number', 'birth_date', 'phone', 'region', 'hired_at', 'safety_training_at'],
      },
      money: fenStr,
      platform: (p) => p.en,
      party: partyName,
      region: (r) => r.name,
      rosterRegion: (r) => r.roster,
      reason: (r) => r ?? '',
      yes: (b) => (b === undefined ? '' : b ? 'yes' : 'no'),
    };
  }
  const LINE: Record<Line, string> = { takeaway: '餐饮外卖', instant_delivery: '同城配送', ride_hailing: '网约车出行' };
  const CT: Record<ContractType, string[]> = {
    labor_contract: ['全日制劳动合同', '劳动合同'],
    part_time_contract: ['非全日制用工', '非全日制劳动合同'],
    dispatch_contract: ['派遣劳动合同', '劳务派遣'],
    written_agreement: ['新就业形态用工协议', '用工协议'],
    cooperation_agreement: ['承揽协议', '服务协议', '众包协议'],
    individual_business: ['个体工商户', '个体户'],
  };
  const FORM: Record<Form, string> = { written: '纸质', electronic: '电子签', oral: '口头约定' };
  const INS: Record<InsType, string> = { work_injury: '工伤', occupational_injury: '职业伤害', accident: '意外险', pension: '职工基本养老保险', medical: '职工基本医疗保险' };
  const ST: Record<InsStatus, string> = { active: '已缴', unpaid: '欠缴', lapsed: '中断' };
  const PM: Record<Method, string> = { bank: '银行代发', wechat: '微信零钱', alipay: '支付宝', points: '平台积分', voucher: '消费券', goods: '实物发放', equity: '股权' };
  const RS: Record<Reason, string[]> = {
    social: ['社保个人缴纳'],
    tax: ['代扣个税'],
    insurance: ['保险费'],
    fine: ['超时罚款', '差评罚款'],
    equipment: ['装备费'],
    deposit: ['餐箱押金', '保证金'],
    training: ['培训费'],
  };
  const compact = perDay((day) => {
    const { y, m, d } = civil(day);
    return `${y}${pad(m)}${pad(d)}`;
  });
  const cnDay = perDay((day) => {
    const { y, m, d } = civil(day);
    return `${y}年${m}月${d}日`;
  });
  return {
    sep: '\t',
    bom: true,
    names: { orders: '运单明细.txt', pay: '薪酬发放.txt', contracts: '用工协议.txt', insurance: '参保记录.txt', workers: '配送员名册.txt' },
    headers: {
      orders: ['运单号', '配送员ID', '派单时间', '送达时间', '平台企业', '合作用工企业', '服务区域', '业务线', '配送费', '状态'],
      pay: ['配送员ID', '所属平台', '工资所属期起', '工资所属期止', '应发金额', '加班工资', '节假日加班费', '高温津贴', '扣款金额', '扣款事由', '到账金额', '到账日期', '发放方式', '工资条'],
      contracts: ['配送员ID', '用工形式', '生效日期', '到期日期', '签约主体', '签署日期', '合同形式', '派遣公司', '是否具备派遣许可', '是否限制多平台就业'],
      insurance: ['配送员ID', '保险类型', '起保日期', '失效日期', '缴费单位', '缴费状态'],
      workers: ['配送员ID', '姓名', '证件号码', '出生日期', '联系电话', '工作地', '注册日期', '岗前培训日期'],
    },
    dateTime: (min) => {
      const { day, h, m } = wallClock(min);
      return `${cnDay(day)} ${pad(h)}:${pad(m)}`;
    },
    date: (day) => (day === undefined ? '' : compact(day)),
    money: (fen) => `${grouped(fen)}元`,
    platform: (p) => p.zh,
    party: partyName,
    region: (r) => r.code,
    rosterRegion: (r) => r.roster,
    workerId: (idx) => `PS${pad(idx + 1, 5)}`,
    line: (l) => LINE[l],
    status: (c) => (c ? '取消' : '完成'),
    contractType: (t, v) => CT[t][v % CT[t].length],
    form: (f) => FORM[f],
    insType: (t) => INS[t],
    insStatus: (s) => ST[s],
    method: (m) => PM[m],
    reason: (r, v) => (r ? RS[r][v % RS[r].length] : ''),
    yes: (b, what) => (b === undefined ? '' : what === 'payslip' ? (b ? '已提供' : '未提供') : what === 'licensed' ? (b ? '具备' : '不具备') : b ? '是' : '否'),
  };
}

function render(
  dialect: 'en' | 'txt',
  workers: Worker[],
  wps: WP[],
  derived: Map<WP, Set<AnyRule>>,
  workerDerived: Map<Worker, boolean>,
  platformDerived: Map<string, boolean>,
): FurtherSet {
  const f = formatter(dialect);
  const q = (v: string) => (f.sep === ',' && /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const line = (r: string[]) => r.map(q).join(f.sep);
  const text = (header: string[], rows: string[]) => (f.bom ? '\ufeff' : '') + [line(header), ...rows].join('\r\n') + '\r\n';

  const orderRows = orderFileCells(wps, (p) => PLATFORMS.indexOf(p), f).map(line);

  const payRows: string[] = [];
  for (const wp of wps) {
    wp.payRows.forEach((r, j) => {
      const gross = r.comparableFen + r.allowanceFen + r.overtimeFen + r.holidayFen;
      payRows.push(line([
        f.workerId(wp.worker.idx),
        f.platform(wp.plat),
        f.date(r.ps),
        f.date(r.pe),
        f.money(gross),
        f.money(r.overtimeFen),
        f.money(r.holidayFen),
        f.money(r.allowanceFen),
        r.deductionFen ? f.money(r.deductionFen) : '',
        f.reason(r.deductionFen ? r.reason : undefined, wp.worker.idx + j),
        f.money(gross - r.deductionFen),
        f.date(r.payDay),
        f.method(r.method),
        f.yes(r.payslip, 'payslip'),
      ]));
    });
  }

  const contractRows: string[] = [];
  const insuranceRows: string[] = [];
  const rosterRows: string[] = [];
  for (const w of workers) {
    w.contracts.forEach((c, j) => {
      contractRows.push(line([
        f.workerId(w.idx),
        f.contractType(c.type, w.idx + j),
        f.date(c.start),
        f.date(c.end),
        f.party(c.party),
        f.date(c.signed),
        f.form(c.form),
        f.party(c.agency),
        f.yes(c.licensed, 'licensed'),
        f.yes(c.exclusive, 'exclusive'),
      ]));
    });
    for (const i of w.insurance) {
      insuranceRows.push(line([f.workerId(w.idx), f.insType(i.type), f.date(i.start), f.date(i.end), f.party(i.party), f.insStatus(i.status)]));
    }
    const r = w.roster;
    if (r) {
      rosterRows.push(line([
        f.workerId(w.idx),
        r.name,
        r.viaId ? r.idNumber : '',
        r.viaBirth ? f.date(r.birth) : '',
        r.phone,
        f.rosterRegion(w.region),
        f.date(r.hired),
        f.date(r.trained),
      ]));
    }
  }

  const bytes = (s: string) => Buffer.from(s, 'utf8');
  const files: SynthFile[] = [
    { name: f.names.orders, bytes: bytes(text(f.headers.orders, orderRows)) },
    { name: f.names.pay, bytes: bytes(text(f.headers.pay, payRows)) },
    { name: f.names.contracts, bytes: bytes(text(f.headers.contracts, contractRows)) },
    { name: f.names.insurance, bytes: bytes(text(f.headers.insurance, insuranceRows)) },
    { name: f.names.workers, bytes: bytes(text(f.headers.workers, rosterRows)) },
  ];

  const truth = Object.fromEntries(ALL_RULES.map((r) => [r, new Set<string>()])) as Record<AnyRule, Set<string>>;
  const universe: Record<Scope, Set<string>> = { 'worker-platform': new Set(), worker: new Set(), platform: new Set() };
  const details = new Map<string, string[]>();
  for (const wp of wps) {
    const key = `${f.workerId(wp.worker.idx)}|${f.platform(wp.plat)}`;
    universe['worker-platform'].add(key);
    details.set(key, [`region=${wp.worker.region.key}`, ...(wp.partner ? [`partner=${f.party(wp.partner)}`] : []), ...wp.tags, ...wp.worker.tags]);
    for (const r of derived.get(wp)!) truth[r].add(key);
  }
  for (const w of workers) {
    const key = f.workerId(w.idx);
    universe.worker.add(key);
    details.set(key, w.tags);
    if (workerDerived.get(w)) truth['cross-platform-fatigue'].add(key);
  }
  for (const p of PLATFORMS) {
    const key = f.platform(p);
    if (!wps.some((wp) => wp.plat === p)) continue;
    universe.platform.add(key);
    details.set(key, [`line=${p.line}`]);
    if (platformDerived.get(p.key)) truth['dispatch-share'].add(key);
  }
  return { files, truth, universe, details };
}
