// Synthetic platform export sets with ground truth for the four core rules.
//
//   const set = synthesize({ dialect: 'zh', seed: 7, workers: 200, month: '2025-03' });
//   set.files       -> orders / pay / contracts / insurance CSV files (bytes as a user would have them)
//   set.truth[rule] -> the worker-platforms (`${workerId}|${platform}`) where the rule must fire
//
// The data covers two calendar months (opts.month and the next), riders in 永川区, 城口县
// and 旌阳区 (德阳) on two or three fictional platforms. Each worker-platform violates each
// rule independently with probability ~0.3. Labels are built with wide margins (see the
// brief in each section) and then re-derived from the generated records by an independent
// implementation of spec/rules.md semantics; synthesize() throws if the two disagree or a
// margin is thin, so a label is never ambiguous.
//
// 'en': English headers, UTF-8, ISO date-times `2025-03-01T08:05:00`, amounts `1234.50`.
// 'zh': Chinese headers, GB18030, date-times `2025/3/1 8:05`, dates `2025/3/1`, amounts `¥1,234.50`.
// The same seed gives the same underlying data in both dialects (only names and formats differ).

import iconv from 'iconv-lite';
import { Rng } from './rng.js';
import {
  civil,
  DAY_MIN,
  dayNum,
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
} from './synth-common.js';

export type CoreRule = 'minimum-wage' | 'written-contract' | 'injury-insurance' | 'continuous-order-time';
export const CORE_RULES: readonly CoreRule[] = ['minimum-wage', 'written-contract', 'injury-insurance', 'continuous-order-time'];

export interface SynthFile {
  name: string;
  bytes: Buffer;
}
export interface SynthSet {
  files: SynthFile[];
  truth: Record<CoreRule, Set<string>>; // keys `${workerId}|${platform}`
  workerPlatforms: Set<string>;
  /** Per worker-platform: how it was built (relation, variants), for diagnosing a miss. */
  details: Map<string, string[]>;
}
export interface SynthOptions {
  dialect: 'en' | 'zh';
  seed: number;
  /** Number of workers (default 200). */
  workers?: number;
  /** First of the two calendar months covered, 'YYYY-MM', at least '2025-01' (default '2025-03'). */
  month?: string;
}

// ------------------------------------------------------------------ world
type RegionKey = 'YC' | 'CK' | 'DY';
interface Region {
  key: RegionKey;
  en: string;
  zh: string;
  monthlyFen: number; // in force from 2025-01-01 (facts.md §1.1–1.2)
  hourlyFen: number;
  partner: { en: string; zh: string };
}
const REGIONS: Region[] = [
  { key: 'YC', en: '永川区', zh: '重庆市永川区', monthlyFen: 233000, hourlyFen: 2300, partner: { en: 'Yongjie', zh: '永捷' } },
  { key: 'CK', en: '城口县', zh: '重庆市城口县', monthlyFen: 220000, hourlyFen: 2200, partner: { en: 'Chengtong', zh: '城通' } },
  { key: 'DY', en: '旌阳区', zh: '德阳市旌阳区', monthlyFen: 220000, hourlyFen: 2200, partner: { en: 'Jingda', zh: '旌达' } },
];

interface Platform extends PlatformNames {
  partnerSuffix: { en: string; zh: string };
}
const PLATFORMS: Platform[] = [
  { key: 'suda', en: 'SudaDelivery', zh: '速达配送', line: 'takeaway', prefix: 'SD', partnerSuffix: { en: 'Delivery Services Co', zh: '配送服务有限公司' } },
  { key: 'shandian', en: 'ShandianErrands', zh: '闪电跑腿', line: 'instant_delivery', prefix: 'SN', partnerSuffix: { en: 'Errand Station', zh: '跑腿服务站' } },
  { key: 'kuaipao', en: 'KuaipaoRide', zh: '快跑出行', line: 'ride_hailing', prefix: 'KP', partnerSuffix: { en: 'Car Services Co', zh: '汽车服务有限公司' } },
];

type ContractType = 'labor_contract' | 'part_time_contract' | 'written_agreement' | 'cooperation_agreement';
type Relation = 'labor' | 'part_time' | 'not_fully' | 'independent' | 'unknown';
const RELATION_OF: Record<ContractType, Relation> = {
  labor_contract: 'labor',
  part_time_contract: 'part_time',
  written_agreement: 'not_fully',
  cooperation_agreement: 'independent',
};

type ContractRow = ContractRowOf<ContractType>;
type PayRow = PlannedPayRow;
interface Worker {
  idx: number;
  region: Region;
  wps: WP[];
  contracts: ContractRow[];
  insurance: InsRow[];
}
interface WP {
  worker: Worker;
  plat: Platform;
  partner?: Party; // partner company managing the work (orders' employer column)
  days: number[];
  longDays: Set<number>;
  orders: Order[];
  payRows: PayRow[];
  intended: Record<CoreRule, boolean>;
  tags: string[];
  mwKind: 'hourly' | 'monthly' | 'none';
  contractKind: ContractType | 'none';
}

// ------------------------------------------------------------------ synthesize
export function synthesize(opts: SynthOptions): SynthSet {
  const nWorkers = opts.workers ?? 200;
  const monthStr = opts.month ?? '2025-03';
  const mm = /^(\d{4})-(\d{2})$/.exec(monthStr);
  if (!mm) throw new Error(`synthesize: month must be YYYY-MM, got ${monthStr}`);
  const y0 = Number(mm[1]);
  const m0 = Number(mm[2]);
  if (y0 * 12 + m0 < 2025 * 12 + 1 || m0 < 1 || m0 > 12) throw new Error('synthesize: month must be 2025-01 or later (current minimum wages)');
  const months = [0, 1].map((k) => {
    const y = y0 + Math.floor((m0 - 1 + k) / 12);
    const m = ((m0 - 1 + k) % 12) + 1;
    const first = dayNum(y, m, 1);
    const last = dayNum(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
    return { key: `${y}-${pad(m)}`, first, last };
  });
  const D0 = months[0].first;
  const D1 = months[1].last;
  const monthIndexOf = (day: number) => (day >= months[1].first ? 1 : 0);

  const rng = new Rng(opts.seed);
  const workers: Worker[] = [];
  const allWps: WP[] = [];

  // ---- 1. workers, platforms, days, labels
  for (let i = 0; i < nWorkers; i++) {
    const region = rng.pick(REGIONS);
    const w: Worker = { idx: i, region, wps: [], contracts: [], insurance: [] };
    const primary = rng.weighted<Platform>([[PLATFORMS[0], 5], [PLATFORMS[1], 3], [PLATFORMS[2], 2]]);
    const multi = rng.chance(0.2);
    const plats = [primary];
    if (multi) plats.push(rng.pick(PLATFORMS.filter((p) => p !== primary)));
    const first = D0 + rng.int(0, 4);
    const last = D1 - rng.int(0, 3);
    // weekly pattern: primary 4–6 days (4–5 when multi), secondary two of the remaining days
    const order = rng.shuffle([0, 1, 2, 3, 4, 5, 6]);
    const k = multi ? rng.int(4, 5) : rng.int(4, 6);
    const weekSets = [new Set(order.slice(0, k)), new Set(order.slice(k, k + 2))];
    for (let p = 0; p < plats.length; p++) {
      const plat = plats[p];
      const wp: WP = {
        worker: w,
        plat,
        partner: plat.key !== 'kuaipao' && rng.chance(0.25) ? partnerKey(plat, region) : undefined,
        days: [],
        longDays: new Set(),
        orders: [],
        payRows: [],
        intended: {
          'minimum-wage': rng.chance(0.3),
          'written-contract': rng.chance(0.3),
          'injury-insurance': rng.chance(0.3),
          'continuous-order-time': rng.chance(0.3),
        },
        tags: [],
        mwKind: 'hourly',
        contractKind: 'none',
      };
      // the relation (contract type) of a compliant-contract worker-platform
      if (!wp.intended['written-contract']) {
        wp.contractKind = rng.weighted<ContractType>([
          ['written_agreement', 70],
          ['labor_contract', 15],
          ['part_time_contract', 5],
          ['cooperation_agreement', 10],
        ]);
      }
      // labor (劳动合同) on the primary platform: Monday to Friday
      const week = wp.contractKind === 'labor_contract' && p === 0 ? new Set([1, 2, 3, 4, 5]) : weekSets[p];
      for (let d = first; d <= last; d++) if (week.has(weekday(d)) && !rng.chance(0.05)) wp.days.push(d);
      // the first day is always a working day (both months have work: checked below)
      if (!wp.days.includes(first)) wp.days.unshift(first);
      w.wps.push(wp);
      allWps.push(wp);
    }
    if (w.wps.length === 2) w.wps[1].days = secondaryDays(w.wps[0].days, w.wps[1].days, first, last);
    workers.push(w);
  }

  // ---- 2. orders
  for (const wp of allWps) {
    const r = wp.intended['continuous-order-time'];
    if (r) {
      const n = rng.int(1, 4);
      const candidates = rng.shuffle([...wp.days]);
      for (const d of candidates.slice(0, n)) wp.longDays.add(d);
    }
    for (const d of wp.days) {
      let t = d * DAY_MIN + rng.int(7 * 60 + 30, 9 * 60 + 30);
      const nSpans = rng.int(1, 3);
      let total = 0;
      for (let s = 0; s < nSpans; s++) {
        const long = s === 0 && wp.longDays.has(d);
        const maxLen = long ? rng.int(330, 360) : rng.int(60, 195);
        if (t + maxLen > d * DAY_MIN + 23 * 60 + 30) break;
        if (total + maxLen > 600 && s > 0) break;
        const list = makeSpan(rng, t, maxLen, { exact: false, stopWhenFull: false });
        wp.orders.push(...list);
        const end = Math.max(...list.map((o) => o.c));
        total += end - t;
        t = end + rng.int(40, 120);
      }
    }
    wp.tags.push(`days=${wp.days.length}`, r ? `cot:long-days=${wp.longDays.size}` : 'cot:breaks');
  }

  // ---- 3. contracts (written-contract labels)
  for (const w of workers) {
    for (const wp of w.wps) {
      const first = wp.days[0];
      const party = (): Party => (wp.partner && rng.chance(0.5) ? wp.partner : wp.plat.key);
      const written = (): Form => (rng.chance(0.3) ? 'electronic' : 'written');
      if (wp.intended['written-contract']) {
        const other = w.wps.find((x) => x !== wp);
        const v = plantMissingAgreement(rng, wp, { windowStart: D0, party, written, push: (row) => w.contracts.push(row) });
        // no contract on either platform: the same as 'none'
        if (v === 'other-platform' && other && other.intended['written-contract']) wp.tags.push('(other platform has none either)');
        wp.mwKind = 'hourly';
      } else {
        const type = wp.contractKind as ContractType;
        const { course, form } = pickContractCourse(rng, type, wp.tags, written);
        if (course === 'single') {
          const start = first - rng.int(0, 400);
          const end = rng.chance(0.5) ? undefined : D1 + rng.int(0, 400);
          w.contracts.push({ type, start, end, party: party(), form: form(), signed: start - rng.int(0, 3) });
        } else if (course === 'renewal') {
          const split = D0 + rng.int(10, 45);
          const start = first - rng.int(30, 400);
          w.contracts.push({ type, start, end: split, party: party(), form: form(), signed: start });
          w.contracts.push({ type, start: split + 1, end: rng.chance(0.5) ? undefined : D1 + rng.int(30, 400), party: party(), form: form(), signed: split - rng.int(0, 5) });
        } else {
          const start = first + rng.int(3, 10);
          w.contracts.push({ type, start, party: party(), form: form(), signed: start });
        }
        wp.mwKind = type === 'labor_contract' ? 'monthly' : type === 'cooperation_agreement' ? 'none' : 'hourly';
      }
    }
  }

  // ---- 4. insurance (injury-insurance labels)
  for (const w of workers) {
    for (const wp of w.wps) {
      const first = wp.days[0];
      const needsWorkInjury = wp.contractKind === 'labor_contract' || wp.contractKind === 'part_time_contract';
      const payer = (): Party => (wp.partner && rng.chance(0.5) ? wp.partner : wp.plat.key);
      plantInjuryInsurance(rng, wp, { needsWorkInjury, window: { first: D0, last: D1 }, payer });
      if (wp.contractKind === 'labor_contract') {
        for (const t of ['pension', 'medical'] as const) w.insurance.push({ type: t, start: first - rng.int(0, 300), party: payer(), status: 'active' });
      }
      if (rng.chance(0.15)) w.insurance.push({ type: 'accident', start: first - rng.int(0, 200), end: D1 + rng.int(1, 200), party: payer(), status: 'active' });
    }
  }

  // ---- 5. pay (minimum-wage labels) and order_pay
  for (const wp of allWps) {
    const region = wp.worker.region;
    const violator = wp.intended['minimum-wage'] && wp.mwKind !== 'none';
    if (wp.mwKind === 'none') wp.intended['minimum-wage'] = false;
    const spans = spansOf(wp.orders);
    const rate = wp.mwKind === 'none'
      ? region.hourlyFen * rng.real(0.5, 2)
      : violator ? region.hourlyFen * rng.real(0.5, 0.78) : region.hourlyFen * rng.real(1.3, 2.0);
    const mode = wp.mwKind === 'monthly' ? 'monthly' : rng.weighted<string>([['monthly', 80], ['semi', 10], ['none', 10]]);
    wp.tags.push(`mw:${wp.mwKind}${wp.mwKind === 'none' ? '' : violator ? '-violator' : '-ok'}`, `pay=${mode}`);
    const { monthPay, rows } = planPay(rng, {
      months,
      orders: wp.orders,
      spans,
      periodsOf: (m) => (mode === 'semi' ? [[m.first, m.first + 14], [m.first + 15, m.last]] : [[m.first, m.last]]),
      monthly: wp.mwKind === 'monthly',
      violator,
      monthlyFen: region.monthlyFen,
      hourlyRate: rate,
      recorded: mode !== 'none',
    });
    wp.payRows = rows;
    // order_pay: the month's comparable pay shared over its completed orders
    for (const [mi, m] of months.entries()) {
      spreadPay(rng, wp.orders.filter((o) => !o.cancelled && monthIndexOf(Math.floor(o.a / DAY_MIN)) === mi && o.a >= m.first * DAY_MIN), monthPay[mi]);
    }
  }

  // ---- 6. re-derive every label from the records (spec/rules.md semantics) and check margins
  const problems: string[] = [];
  for (const wp of allWps) {
    const w = wp.worker;
    const parties = new Set<Party>([wp.plat.key]);
    if (wp.partner) parties.add(wp.partner);
    const name = `worker ${w.idx} ${wp.plat.key}`;
    const spans = spansOf(wp.orders);
    const activeDays = [...new Set(wp.orders.flatMap((o) => [Math.floor(o.a / DAY_MIN), Math.floor(o.c / DAY_MIN)]))].sort((a, b) => a - b);
    for (const s of spans) if (Math.floor(s.start / DAY_MIN) !== Math.floor((s.end - 1) / DAY_MIN)) problems.push(`${name}: span crosses midnight`);
    const contracts = w.contracts.filter((c) => parties.has(c.party) && (c.form !== 'oral' || c.type === 'part_time_contract'));
    const relationOn = (d: number): Relation => {
      const c = contracts.find((c) => inRange(d, c.start, c.end));
      return c ? RELATION_OF[c.type] : 'unknown';
    };
    const got: Record<CoreRule, boolean> = { 'minimum-wage': false, 'written-contract': false, 'injury-insurance': false, 'continuous-order-time': false };
    // written-contract
    for (const [a, b] of uncoveredRuns(activeDays, (d) => relationOn(d) !== 'unknown')) {
      if (b - a > 30) got['written-contract'] = true;
      if (b - a >= 20 && b - a <= 40) problems.push(`${name}: borderline uncovered run of ${b - a} days (${wp.tags.join(" ")})`);
    }
    // injury-insurance
    const ins = w.insurance.filter((i) => parties.has(i.party) && i.status === 'active');
    for (const d of activeDays) {
      const rel = relationOn(d);
      const ok: InsType[] = rel === 'labor' || rel === 'part_time' ? ['work_injury'] : ['work_injury', 'occupational_injury'];
      if (!ins.some((i) => ok.includes(i.type) && inRange(d, i.start, i.end))) got['injury-insurance'] = true;
    }
    // continuous-order-time
    for (let j = 0; j < spans.length; j++) {
      const len = spans[j].end - spans[j].start;
      if (len > 240) got['continuous-order-time'] = true;
      if (len > 200 && len < 300) problems.push(`${name}: borderline span of ${len} min`);
      if (j > 0 && spans[j].start - spans[j - 1].end < 30) problems.push(`${name}: short break`);
    }
    // minimum-wage
    for (const [mi, m] of months.entries()) {
      const inMonth = spans.filter((s) => Math.floor(s.start / DAY_MIN) >= m.first && Math.floor(s.start / DAY_MIN) <= m.last);
      const minutes = inMonth.reduce((t, s) => t + s.end - s.start, 0);
      if (minutes === 0) {
        problems.push(`${name}: no work in month ${mi}`);
        continue;
      }
      const days = activeDays.filter((d) => d >= m.first && d <= m.last);
      const rels = new Set(days.map(relationOn));
      const rows = wp.payRows.filter((r) => r.ps <= m.last && r.pe >= m.first);
      const pay = rows.length
        ? rows.reduce((t, r) => t + r.comparableFen, 0)
        : wp.orders.filter((o) => monthIndexOf(Math.floor(o.a / DAY_MIN)) === mi).reduce((t, o) => t + o.payFen, 0);
      if (rels.has('labor')) {
        if (rels.size > 1) problems.push(`${name}: mixed labor relation in a month`);
        const ratio = pay / (w.region.monthlyFen * Math.min(1, days.length / 21.75));
        if (ratio < 1) got['minimum-wage'] = true;
        if (ratio > 0.8 && ratio < 1.25) problems.push(`${name}: thin monthly margin ${ratio.toFixed(3)}`);
      } else if (rels.has('independent')) {
        if (rels.size > 1) problems.push(`${name}: mixed independent relation in a month`);
      } else {
        const ratio = pay / (minutes / 60) / w.region.hourlyFen;
        if (ratio < 1) got['minimum-wage'] = true;
        if (ratio > 0.8 && ratio < 1.25) problems.push(`${name}: thin hourly margin ${ratio.toFixed(3)}`);
      }
    }
    for (const r of CORE_RULES) if (got[r] !== wp.intended[r]) problems.push(`${name}: ${r} intended ${wp.intended[r]} but derived ${got[r]} (${wp.tags.join(' ')})`);
  }
  if (problems.length) throw new Error(`synthesize(seed ${opts.seed}): generated data is inconsistent:\n  ${problems.slice(0, 20).join('\n  ')}`);

  return render(opts.dialect, workers, allWps);
}

// ------------------------------------------------------------------ rendering
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (v: string): string => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (r: string[]): string => {
  let line = csvField(r[0]);
  for (let i = 1; i < r.length; i++) line += ',' + csvField(r[i]);
  return line;
};
const csvText = (header: readonly string[], lines: string[]): string => csvLine([...header]) + '\r\n' + lines.join('\r\n') + (lines.length ? '\r\n' : '');

interface Fmt extends CommonCells<ContractType, PayRow['method']> {
  money(fen: number, alt?: boolean): string;
  platform(p: Platform): string;
  party(key: Party): string;
  region(r: Region): string;
  yes: string;
}

function formatter(dialect: 'en' | 'zh'): Fmt {
  const partyName = (key: Party): string => {
    const { platform: p, region: r } = partyParts(key, PLATFORMS, REGIONS);
    if (!r) return dialect === 'en' ? p.en : p.zh;
    return dialect === 'en' ? `${r.partner.en} ${p.partnerSuffix.en}` : `${r.partner.zh}${p.partnerSuffix.zh}`;
  };
  if (dialect === 'en') {
    return {
      ...englishCells(),
      money: (fen) => fenStr(fen),
      platform: (p) => p.en,
      party: partyName,
      region: (r) => r.en,
      yes: 'yes',
    };
  }
  const LINE: Record<Line, string> = { takeaway: '外卖', instant_delivery: '即时配送', ride_hailing: '网约车' };
  const CT: Record<ContractType, string[]> = {
    labor_contract: ['劳动合同', '全日制劳动合同'],
    part_time_contract: ['非全日制劳动合同', '非全日制'],
    written_agreement: ['书面协议', '新就业形态书面协议', '用工协议'],
    cooperation_agreement: ['合作协议', '众包协议'],
  };
  const FORM: Record<Form, string> = { written: '书面', electronic: '电子', oral: '口头' };
  const INS: Record<InsType, string> = { work_injury: '工伤保险', occupational_injury: '职业伤害保障', accident: '商业意外险', pension: '养老保险', medical: '医疗保险' };
  const ST: Record<InsStatus, string> = { active: '正常', unpaid: '欠费', lapsed: '停保' };
  const PM: Record<PayRow['method'], string> = { bank: '银行转账', wechat: '微信', alipay: '支付宝' };
  const slashDate = perDay((day) => {
    const { y, m, d } = civil(day);
    return `${y}/${m}/${d}`;
  });
  return {
    dateTime: (min) => {
      const { day, h, m } = wallClock(min);
      return `${slashDate(day)} ${h}:${pad(m)}`;
    },
    date: (day) => (day === undefined ? '' : slashDate(day)),
    money: (fen, alt) => `${alt ? '￥' : '¥'}${grouped(fen)}`,
    platform: (p) => p.zh,
    party: partyName,
    region: (r) => r.zh,
    workerId: (idx) => `QS${pad(idx + 1, 5)}`,
    line: (l) => LINE[l],
    status: (c) => (c ? '已取消' : '已完成'),
    contractType: (t, variety) => CT[t][variety % CT[t].length],
    form: (f) => FORM[f],
    insType: (t) => INS[t],
    insStatus: (s) => ST[s],
    method: (m) => PM[m],
    yes: '是',
  };
}

const HEADERS = {
  en: {
    orders: ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'employer', 'region', 'business_line', 'order_pay', 'status'],
    pay: ['worker_id', 'platform', 'period_start', 'period_end', 'gross_pay', 'overtime_pay', 'allowances', 'net_pay', 'pay_date', 'payment_method', 'payslip_provided'],
    contracts: ['worker_id', 'contract_type', 'start_date', 'end_date', 'platform', 'signed_date', 'form'],
    insurance: ['worker_id', 'insurance_type', 'start_date', 'end_date', 'platform', 'status'],
  },
  zh: {
    orders: ['订单号', '骑手ID', '接单时间', '完成时间', '平台', '配送商', '区县', '业务类型', '订单收入', '订单状态'],
    pay: ['骑手ID', '平台', '结算周期开始', '结算周期结束', '应发工资', '加班费', '特殊津贴', '实发工资', '发放日期', '支付方式', '是否提供工资清单'],
    contracts: ['骑手ID', '合同类型', '合同开始日期', '合同结束日期', '平台', '签订日期', '形式'],
    insurance: ['骑手ID', '险种', '参保日期', '停保日期', '平台', '参保状态'],
  },
} as const;
const FILE_NAMES = {
  en: { orders: 'orders.csv', pay: 'pay.csv', contracts: 'contracts.csv', insurance: 'insurance.csv' },
  zh: { orders: '订单记录.csv', pay: '结算记录.csv', contracts: '合同信息.csv', insurance: '参保记录.csv' },
} as const;

function render(dialect: 'en' | 'zh', workers: Worker[], wps: WP[]): SynthSet {
  const f = formatter(dialect);
  const H = HEADERS[dialect];
  const N = FILE_NAMES[dialect];

  const orderCells = { ...f, party: (key: Party | undefined) => (key ? f.party(key) : '') };
  const orderRows = orderFileCells(wps, (p) => PLATFORMS.indexOf(p), orderCells).map(csvLine);

  const payRows: string[] = [];
  for (const wp of wps) {
    for (const r of wp.payRows) {
      const gross = r.comparableFen + r.allowanceFen + r.overtimeFen;
      payRows.push(csvLine([
        f.workerId(wp.worker.idx),
        f.platform(wp.plat),
        f.date(r.ps),
        f.date(r.pe),
        f.money(gross),
        f.money(r.overtimeFen, true),
        f.money(r.allowanceFen, true),
        f.money(gross),
        f.date(r.payDay),
        f.method(r.method),
        f.yes,
      ]));
    }
  }

  const contractRows: string[] = [];
  const insuranceRows: string[] = [];
  for (const w of workers) {
    w.contracts.forEach((c, j) => {
      contractRows.push(csvLine([f.workerId(w.idx), f.contractType(c.type, w.idx + j), f.date(c.start), f.date(c.end), f.party(c.party), f.date(c.signed), f.form(c.form)]));
    });
    for (const i of w.insurance) {
      insuranceRows.push(csvLine([f.workerId(w.idx), f.insType(i.type), f.date(i.start), f.date(i.end), f.party(i.party), f.insStatus(i.status)]));
    }
  }

  const encode = (text: string): Buffer => (dialect === 'zh' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8'));
  const files: SynthFile[] = [
    { name: N.orders, bytes: encode(csvText(H.orders, orderRows)) },
    { name: N.pay, bytes: encode(csvText(H.pay, payRows)) },
    { name: N.contracts, bytes: encode(csvText(H.contracts, contractRows)) },
    { name: N.insurance, bytes: encode(csvText(H.insurance, insuranceRows)) },
  ];

  const truth = Object.fromEntries(CORE_RULES.map((r) => [r, new Set<string>()])) as Record<CoreRule, Set<string>>;
  const workerPlatforms = new Set<string>();
  const details = new Map<string, string[]>();
  for (const wp of wps) {
    const key = `${f.workerId(wp.worker.idx)}|${f.platform(wp.plat)}`;
    workerPlatforms.add(key);
    details.set(key, [`region=${wp.worker.region.key}`, ...(wp.partner ? [`partner=${f.party(wp.partner)}`] : []), ...wp.tags]);
    for (const r of CORE_RULES) if (wp.intended[r]) truth[r].add(key);
  }
  return { files, truth, workerPlatforms, details };
}
