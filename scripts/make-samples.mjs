#!/usr/bin/env node
// Writes the bundled sample export set into samples/.
//
//   node scripts/make-samples.mjs
//
// Fictional platforms 速达配送 (food delivery) and 快跑出行 (ride hailing), riders in
// 永川区 and 城口县 (Chongqing) and 旌阳区 (德阳, Sichuan), December 2024 – January 2025,
// so the 2025-01-01 minimum-wage rise is crossed and 元旦 is a statutory holiday. Every
// person, ID number, phone number and company here is invented. Each of the 23 rules of
// spec/rules.md fires at least once, for riders chosen to show it (`expect` for the four
// core rules, `further` for the others); samples/expected.json lists every rule that fires
// per worker-platform, worker and platform.
//
// Deterministic: a seeded PRNG per worker, no Math.random, no current date. Two runs
// write the same bytes. The script also checks its own output against the expected
// findings under spec/rules.md semantics (all 23 rules, read independently of src/rules)
// and refuses to write if a label is wrong, a finding nobody declared would appear, or a
// margin is thin.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'samples');

// ---------------------------------------------------------------- PRNG
function hashSeed(str) {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
function mulberry32(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
  };
  return rng;
}
const rngFor = (label) => mulberry32(hashSeed(`gigaudit-samples-v1:${label}`));

// ---------------------------------------------------------------- calendar (naive local time)
const DAY_S = 86400;
const dayNum = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;
const parseDay = (s) => {
  const [y, m, d] = s.split('-').map(Number);
  return dayNum(y, m, d);
};
const civil = (day) => {
  const dt = new Date(day * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
const weekday = (day) => new Date(day * 86400000).getUTCDay(); // 0 = Sunday
const pad = (n, w = 2) => String(n).padStart(w, '0');
const isoDay = (day) => {
  const { y, m, d } = civil(day);
  return `${y}-${pad(m)}-${pad(d)}`;
};
const slashDay = (day) => {
  const { y, m, d } = civil(day);
  return `${y}/${m}/${d}`;
};
const cnDay = (day) => {
  const { y, m, d } = civil(day);
  return `${y}年${m}月${d}日`;
};
const isoTime = (t) => {
  const day = Math.floor(t / DAY_S);
  const s = t - day * DAY_S;
  return `${isoDay(day)} ${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};
const hm = (h, m = 0) => h * 3600 + m * 60;
const MIN = 60;

const WINDOW_START = dayNum(2024, 12, 1);
const WINDOW_END = dayNum(2025, 1, 27); // riders go home for 春节: no work 2025-01-28 onwards
const HOLIDAYS = new Set([dayNum(2025, 1, 1)]); // 元旦: only the riders with `holidayWork` work (holiday-pay: R2011, control R1024)
const MONTHS = [
  { key: '2024-12', label: 'Dec 2024', first: dayNum(2024, 12, 1), last: dayNum(2024, 12, 31) },
  { key: '2025-01', label: 'Jan 2025', first: dayNum(2025, 1, 1), last: dayNum(2025, 1, 31) },
];
const monthOf = (day) => MONTHS.find((m) => day >= m.first && day <= m.last);

// ---------------------------------------------------------------- money
const yuan = (fen) => {
  const neg = fen < 0;
  const a = Math.abs(fen);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${pad(a % 100)}`;
};
const yuanCn = (fen) => {
  const s = yuan(fen);
  const [int, dec] = s.split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
};

// ---------------------------------------------------------------- CSV
const csvField = (v) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (fields) => fields.map(csvField).join(',');
const csvText = (header, rows) => [header, ...rows].map(csvLine).join('\r\n') + '\r\n';

// ---------------------------------------------------------------- places, parties, law figures
const P1 = '速达配送';
const P2 = '快跑出行';
const AREAS = {
  YC: {
    key: 'YC', region: '永川区', roster: '重庆市永川区', code: '500118', line: 'takeaway',
    employer: '永捷配送', // 重庆永捷配送服务有限公司
    // tier 1, 渝人社发〔2021〕52号 / 〔2024〕22号
    min: { '2024-12': { monthly: 2100, hourly: 21 }, '2025-01': { monthly: 2330, hourly: 23 } },
  },
  CK: {
    key: 'CK', region: '城口县', roster: '重庆市城口县', code: '500229', line: 'takeaway',
    employer: '', // managed by the platform directly
    // tier 2
    min: { '2024-12': { monthly: 2000, hourly: 20 }, '2025-01': { monthly: 2200, hourly: 22 } },
  },
  DY: {
    key: 'DY', region: '旌阳区', roster: '四川省德阳市旌阳区', code: '510603', line: 'instant_delivery',
    employer: '旌达物流', // 德阳旌达物流有限公司
    // 德府规〔2022〕4号 (1970/21), 2025: 2200/22
    min: { '2024-12': { monthly: 1970, hourly: 21 }, '2025-01': { monthly: 2200, hourly: 22 } },
  },
};

// ---------------------------------------------------------------- the workers
// pattern: how the worker's days look (see planDay). rate: yuan per hour of working time
// (pay = rate × working time, so the hourly test sees exactly this rate). salary: monthly.
// contracts / insurance: rows to write. expect: core rules expected to fire per platform.
const C = (type, start, opts = {}) => ({ type, start, ...opts });
const I = (type, start, opts = {}) => ({ type, start, ...opts });
const OCC = (start, opts = {}) => I('职业伤害保障', start, { payer: P1, ...opts });
const LABOR_INS = (start, payer) => [
  I('工伤保险', start, { payer }),
  I('养老保险', start, { payer }),
  I('医疗保险', start, { payer }),
];

const WORKERS = [
  // ---- 永川区 (速达配送 riders managed by partner company 重庆永捷配送服务有限公司)
  { id: 'R1001', area: 'YC', hired: '2023-04-12', pattern: 'rider', rate: 32,
    contracts: [C('书面协议', '2023-04-12', { signer: 'employer' })], insurance: [OCC('2023-04-12'), I('商业意外险', '2024-04-12', { payer: 'employer', end: '2025-04-11' })],
    shows: 'clean control (书面协议 with the partner company, 职业伤害保障, ≈32 元/h, breaks)' },
  { id: 'R1002', area: 'YC', hired: '2024-02-20', pattern: 'rider', rate: 29,
    contracts: [C('新就业形态书面协议', '2024-02-20', { signer: 'platform', formCol: '电子' })], insurance: [OCC('2024-02-20')],
    shows: 'clean control (electronic agreement signed with the platform itself)' },
  { id: 'R1003', area: 'YC', hired: '2023-09-01', pattern: 'rider', rate: 22,
    contracts: [C('书面协议', '2023-09-01', { signer: 'employer' })], insurance: [OCC('2023-09-01')],
    expect: { [P1]: ['minimum-wage'] }, mwMonths: ['2025-01'],
    shows: 'paid 22 元/h: above the 21 元/h minimum in Dec 2024, below the 23 元/h minimum from 2025-01-01 → `minimum-wage` for Jan 2025 only' },
  { id: 'R1004', area: 'YC', hired: '2024-06-03', pattern: 'rider', rate: 15,
    contracts: [C('书面协议', '2024-06-03', { signer: 'employer' })], insurance: [OCC('2024-06-03')],
    expect: { [P1]: ['minimum-wage'] }, mwMonths: ['2024-12', '2025-01'],
    shows: 'paid 15 元/h, far below 21 and 23 元/h → `minimum-wage` in both months' },
  { id: 'R1005', area: 'YC', hired: '2022-11-01', pattern: 'labor', salary: 4800, allowance: 150,
    contracts: [C('劳动合同', '2022-11-01', { signer: 'employer', end: '2025-10-31' })], insurance: LABOR_INS('2022-11-01', 'employer'),
    shows: 'clean control, 劳动合同 (labor) with the partner company, salary 4,800 + 夜班津贴, 工伤/养老/医疗' },
  { id: 'R1006', area: 'YC', hired: '2024-10-08', pattern: 'rider', rate: 33,
    contracts: [], insurance: [OCC('2024-10-08')],
    expect: { [P1]: ['written-contract'] },
    shows: 'no contract or agreement at all, active every week from 2024-12-01 → `written-contract` (run far beyond the 30-day grace)' },
  { id: 'R1007', area: 'YC', hired: '2024-03-15', pattern: 'rider', rate: 31, longDays: [6, 3],
    contracts: [C('书面协议', '2024-03-15', { signer: 'employer' })], insurance: [OCC('2024-03-15')],
    expect: { [P1]: ['continuous-order-time'] },
    shows: 'on Saturdays and a few other days a 5½–6 h stretch of orders with no gap ≥ 20 min → `continuous-order-time`' },
  { id: 'R1008', area: 'YC', hired: '2024-05-06', pattern: 'rider', rate: 30,
    contracts: [C('书面协议', '2024-05-06', { signer: 'employer' })], insurance: [I('商业意外险', '2024-05-06', { payer: 'employer', end: '2025-05-05' })],
    expect: { [P1]: ['injury-insurance'] },
    shows: 'only a commercial accident policy (商业意外险), no 职业伤害保障 although the scheme covers 重庆 takeaway → `injury-insurance`' },
  { id: 'R1009', area: 'YC', hired: '2024-01-10', pattern: 'rider+evening', rate: 30, rate2: 36,
    contracts: [C('书面协议', '2024-01-10', { signer: 'employer' }), C('合作协议', '2024-07-01', { signer: P2 })],
    insurance: [OCC('2024-01-10')],
    expect: { [P2]: ['injury-insurance'] },
    shows: 'multi-platform: 职业伤害保障 paid by 速达配送 only; evening rides for 快跑出行 have no cover from 快跑出行 → `injury-insurance` on 快跑出行 only' },
  { id: 'R1010', area: 'YC', hired: '2023-12-01', pattern: 'rider+evening', rate: 31, rate2: 35,
    contracts: [C('书面协议', '2023-12-01', { signer: 'employer' }), C('书面协议', '2024-03-01', { signer: P2 })],
    insurance: [OCC('2023-12-01'), OCC('2024-03-01', { payer: P2 })],
    shows: 'clean control, multi-platform with an agreement and 职业伤害保障 on each platform' },
  { id: 'R1011', area: 'YC', hired: '2024-02-01', pattern: 'back-to-back', rate: 30, rate2: 34,
    contracts: [C('书面协议', '2024-02-01', { signer: 'employer' }), C('合作协议', '2024-02-15', { signer: P2 })],
    insurance: [OCC('2024-02-01'), OCC('2024-02-15', { payer: P2 })],
    further: ['cross-platform-fatigue'],
    shows: 'no core finding; ≈3 h of deliveries then ≈2 h of rides straight after (gap ~10 min): no single platform over 4 h, together > 4 h → `cross-platform-fatigue` (info)' },
  { id: 'R1012', area: 'YC', hired: '2024-09-02', pattern: 'parttime', rate: 25, tenDay: true,
    contracts: [C('非全日制劳动合同', '2024-09-02', { signer: 'employer', formCol: '口头', note: '口头约定, 按小时计酬, 每旬结算' })],
    insurance: [I('工伤保险', '2024-09-02', { payer: 'employer' })],
    shows: 'clean control: oral part-time contract (allowed, LCL art. 69), ≤ 2½ h a day, five days a week, 25 元/h, 工伤保险, pay settled every ten days (旬结)' },
  { id: 'R1013', area: 'YC', hired: '2024-08-19', pattern: 'rider', rate: 30,
    contracts: [C('书面协议', '2024-08-19', { signer: 'employer', formCol: '口头', note: '口头约定, 未签书面协议' })],
    insurance: [OCC('2024-08-19')],
    expect: { [P1]: ['written-contract'] },
    shows: 'the "written agreement" is oral (形式 = 口头), which counts only for part-time → `written-contract`' },
  { id: 'R1014', area: 'YC', hired: '2024-12-02', pattern: 'rider', rate: 30, from: '2024-12-02',
    contracts: [C('书面协议', '2025-01-15', { signer: 'employer' })], insurance: [OCC('2024-12-02')],
    expect: { [P1]: ['written-contract'] },
    shows: 'started 2024-12-02, agreement only from 2025-01-15: uncovered run 12-02 … 01-14 (43 days) → `written-contract`' },
  { id: 'R1015', area: 'YC', hired: '2024-12-02', pattern: 'rider', rate: 28, from: '2024-12-02',
    contracts: [C('书面协议', '2024-12-12', { signer: 'employer' })], insurance: [OCC('2024-12-02')],
    shows: 'control for the grace period: agreement signed 10 days after the first order (within 30 days) → no finding' },
  { id: 'R1016', area: 'YC', hired: '2024-04-01', pattern: 'light', rate: 26,
    contracts: [C('合作协议', '2024-04-01', { signer: 'platform', formCol: '电子' })], insurance: [OCC('2024-04-01')],
    shows: 'clean control: 合作协议 (independent, 众包) rider, three short days a week' },
  { id: 'R1017', area: 'YC', hired: '2024-01-08', pattern: 'fulltime', rate: 27,
    contracts: [C('合作协议', '2024-01-08', { signer: 'platform', formCol: '电子' })], insurance: [OCC('2024-01-08')],
    further: ['disguised-employment'],
    shows: 'no core finding (independent: minimum wage not checked); 6 days a week, ≈ 7½ h a day under a 合作协议 → `disguised-employment` (warning)' },

  // ---- 城口县 (速达配送 direct)
  { id: 'R2001', area: 'CK', hired: '2023-06-01', pattern: 'rider', rate: 28,
    contracts: [C('书面协议', '2023-06-01', { end: '2025-05-31' })], insurance: [OCC('2023-06-01')], shows: 'clean control' },
  { id: 'R2002', area: 'CK', hired: '2024-03-11', pattern: 'rider', rate: 30,
    contracts: [C('书面协议', '2024-03-11')], insurance: [OCC('2024-03-11'), I('商业意外险', '2024-03-11', { end: '2025-03-10' })], shows: 'clean control' },
  { id: 'R2003', area: 'CK', hired: '2024-02-26', pattern: 'rider', rate: 21,
    contracts: [C('书面协议', '2024-02-26')], insurance: [OCC('2024-02-26')],
    expect: { [P1]: ['minimum-wage'] }, mwMonths: ['2025-01'],
    shows: 'paid 21 元/h: above the tier-2 20 元/h in Dec 2024, below 22 元/h from 2025-01-01 → `minimum-wage` for Jan 2025 only' },
  { id: 'R2004', area: 'CK', hired: '2023-03-01', pattern: 'labor', salary: 1500,
    contracts: [C('劳动合同', '2023-03-01', { end: '2026-02-28' })], insurance: LABOR_INS('2023-03-01', P1),
    expect: { [P1]: ['minimum-wage'] }, mwMonths: ['2024-12', '2025-01'],
    shows: '劳动合同 (labor) with a monthly salary of 1,500 元, below the monthly minimum (2,000 in Dec; 2,200 × 18/21.75 ≈ 1,821 in Jan) → `minimum-wage` in both months' },
  { id: 'R2005', area: 'CK', hired: '2022-08-15', pattern: 'labor', salary: 3800,
    contracts: [C('劳动合同', '2022-08-15')], insurance: LABOR_INS('2022-08-15', P1), shows: 'clean control, 劳动合同 with salary 3,800' },
  { id: 'R2006', area: 'CK', hired: '2024-11-04', pattern: 'rider', rate: 29,
    contracts: [], insurance: [OCC('2024-11-04')],
    expect: { [P1]: ['written-contract'] },
    shows: 'no contract or agreement at all → `written-contract`' },
  { id: 'R2007', area: 'CK', hired: '2024-04-22', pattern: 'rider', rate: 30,
    contracts: [C('书面协议', '2024-04-22')], insurance: [OCC('2024-04-22', { status: '欠费' })],
    expect: { [P1]: ['injury-insurance'] },
    shows: '职业伤害保障 enrolment with status 欠费 (unpaid) does not cover → `injury-insurance`' },
  { id: 'R2008', area: 'CK', hired: '2023-10-09', pattern: 'rider', rate: 29, longDays: [6, 3],
    contracts: [C('书面协议', '2023-10-09')], insurance: [OCC('2023-10-09')],
    expect: { [P1]: ['continuous-order-time'] },
    shows: 'several days with a 5½–6 h stretch without a 20-minute break → `continuous-order-time`' },
  { id: 'R2009', area: 'CK', hired: '2024-07-01', pattern: 'rider', rate: 27,
    contracts: [C('书面协议', '2024-07-01')], insurance: [OCC('2024-07-01')], shows: 'clean control' },
  { id: 'R2010', area: 'CK', hired: '2024-01-10', pattern: 'rider', rate: 30,
    contracts: [C('书面协议', '2024-01-10', { end: '2024-12-15' })], insurance: [OCC('2024-01-10')],
    expect: { [P1]: ['written-contract'] },
    shows: 'agreement expired 2024-12-15 and was not renewed; works on to 2025-01-27 → `written-contract`' },

  // ---- 旌阳区, 德阳 (速达配送 riders managed by partner company 德阳旌达物流有限公司)
  { id: 'R3001', area: 'DY', hired: '2023-05-18', pattern: 'rider', rate: 31,
    contracts: [C('书面协议', '2023-05-18', { signer: 'employer' })], insurance: [OCC('2023-05-18')], shows: 'clean control' },
  { id: 'R3002', area: 'DY', hired: '2024-02-12', pattern: 'rider', rate: 27,
    contracts: [C('书面协议', '2024-02-12')], insurance: [OCC('2024-02-12')], shows: 'clean control' },
  { id: 'R3003', area: 'DY', hired: '2024-06-17', pattern: 'rider', rate: 16,
    contracts: [C('书面协议', '2024-06-17', { signer: 'employer' })], insurance: [OCC('2024-06-17')],
    expect: { [P1]: ['minimum-wage'] }, mwMonths: ['2024-12', '2025-01'],
    shows: 'paid 16 元/h, below 21 and 22 元/h → `minimum-wage` in both months' },
  { id: 'R3004', area: 'DY', hired: '2024-03-04', pattern: 'rider', rate: 17, allowanceRate: 9,
    contracts: [C('书面协议', '2024-03-04', { signer: 'employer' })], insurance: [OCC('2024-03-04')],
    expect: { [P1]: ['minimum-wage'] }, mwMonths: ['2024-12', '2025-01'],
    shows: 'gross pay ≈ 26 元/h only because of a large 夜班津贴; allowances are excluded, leaving 17 元/h → `minimum-wage` in both months' },
  { id: 'R3005', area: 'DY', hired: '2024-09-23', pattern: 'rider', rate: 30,
    contracts: [], insurance: [],
    expect: { [P1]: ['written-contract', 'injury-insurance'] },
    shows: 'neither an agreement nor any injury cover → `written-contract` and `injury-insurance`' },
  { id: 'R3006', area: 'DY', hired: '2024-05-10', pattern: 'rider', rate: 30,
    contracts: [C('书面协议', '2024-05-10', { signer: 'employer' })],
    insurance: [OCC('2024-05-10', { end: '2025-01-12' }), OCC('2025-01-13', { status: '停保' })],
    expect: { [P1]: ['injury-insurance'] },
    shows: '职业伤害保障 lapsed (停保) from 2025-01-13 while the rider kept working → `injury-insurance` for its active days from 2025-01-13' },
  { id: 'R3007', area: 'DY', hired: '2024-01-22', pattern: 'rider', rate: 32, longDays: [0, 4],
    contracts: [C('书面协议', '2024-01-22', { signer: 'employer' })], insurance: [OCC('2024-01-22')],
    expect: { [P1]: ['continuous-order-time'] },
    shows: 'Sundays and some Thursdays with a 5½–6 h stretch without a break → `continuous-order-time`' },
  { id: 'R3008', area: 'DY', hired: '2025-01-08', pattern: 'rider', rate: 29, from: '2025-01-08', noPay: true,
    contracts: [], insurance: [OCC('2025-01-08')],
    shows: 'control: new rider from 2025-01-08, no agreement yet but still inside the 30-day grace; no pay record, so the minimum-wage test uses order_pay (≈29 元/h)' },
  { id: 'R3009', area: 'DY', hired: '2023-02-01', pattern: 'labor', salary: 4200, overtime: 320,
    contracts: [C('劳动合同', '2023-02-01', { signer: 'employer', end: '2026-01-31' })], insurance: LABOR_INS('2023-02-01', 'employer'),
    shows: 'clean control, 劳动合同 with the partner company, salary 4,200 + 加班费' },
  { id: 'R3010', area: 'DY', hired: '2024-08-05', pattern: 'light', rate: 33,
    contracts: [C('书面协议', '2024-08-05')], insurance: [OCC('2024-08-05')], shows: 'clean control (three days a week)' },

  // ---- the further rules: each of these riders is clean for the four core rules and shows
  // one or a few of the further rules (`further`, on 速达配送); see also R1011 and R1017 above.
  { id: 'R1018', area: 'YC', hired: '2024-10-14', pattern: 'parttime-long', rate: 26, tenDay: true,
    contracts: [C('非全日制劳动合同', '2024-10-14', { signer: 'employer' })], insurance: [I('工伤保险', '2024-10-14', { payer: 'employer' })],
    further: ['part-time-hours'],
    shows: '非全日制劳动合同, but two shifts of 2 h 40 min every weekday: 26⅔ h a week and 5⅓ h a day on average, over 24 h and 4 h → `part-time-hours` every week (the relation is misclassified)' },
  { id: 'R1019', area: 'YC', hired: '2024-11-18', pattern: 'light', rate: 30,
    contracts: [C('书面协议', '2024-11-18', { signer: 'employer' })], insurance: [OCC('2024-11-18')],
    payIssues: { '2024-12': { deduction: 200, reason: '餐箱押金' } }, further: ['deposit-charged'],
    shows: '200 元 deducted from the December pay as 餐箱押金 (a deposit for the delivery box) → `deposit-charged`' },
  { id: 'R1020', area: 'YC', hired: '2024-05-20', pattern: 'light', rate: 31,
    contracts: [C('书面协议', '2024-05-20', { signer: 'employer' })], insurance: [OCC('2024-05-20')],
    payIssues: { '2025-01': { method: '购物卡' } }, further: ['pay-in-kind'],
    shows: 'the January pay handed over as 购物卡 (shopping cards), not money → `pay-in-kind`' },
  { id: 'R1021', area: 'YC', hired: '2024-07-08', pattern: 'light', rate: 30,
    contracts: [C('书面协议', '2024-07-08', { signer: 'employer' })], insurance: [OCC('2024-07-08')],
    payIssues: { '2025-01': { fineShare: 0.32, reason: '超时罚款' } }, further: ['excessive-deduction'],
    shows: 'fines (超时罚款) of 32 % of the January pay, over the 20 % cap → `excessive-deduction`' },
  { id: 'R1022', area: 'YC', hired: '2024-12-02', pattern: 'rider', rate: 29, from: '2024-12-02', trained: '2024-12-09',
    contracts: [C('书面协议', '2024-12-02', { signer: 'employer' })], insurance: [OCC('2024-12-02')],
    further: ['safety-training'],
    shows: 'took orders from 2024-12-02 but had the safety training only on 2024-12-09 → `safety-training` for the first week' },
  { id: 'R1023', area: 'YC', hired: '2024-03-25', pattern: 'rider', rate: 30, marathon: [6],
    contracts: [C('书面协议', '2024-03-25', { signer: 'employer' })], insurance: [OCC('2024-03-25')],
    further: ['daily-work-time'],
    shows: 'Saturdays of five 2¾-hour shifts with 40-minute breaks (no shift over 4 h): 13¾ h of working time a day, over the 12 h daily maximum → `daily-work-time`' },
  { id: 'R1024', area: 'YC', hired: '2024-06-11', pattern: 'light', rate: 30, holidayWork: true,
    contracts: [C('书面协议', '2024-06-11', { signer: 'employer' })], insurance: [OCC('2024-06-11')],
    payIssues: { '2025-01': { holidayPremium: 1.2 } },
    shows: 'control for `holiday-pay`: works on 元旦 (2025-01-01, a statutory holiday) at the ordinary order rate, and the January pay record adds 节假日加班费 of 1.2 × that day\'s order pay: above the normal rate → no finding' },
  { id: 'R2011', area: 'CK', hired: '2023-08-01', pattern: 'labor-ot', rate: 30, holidayWork: true, stretch: ['2024-12-21', '2024-12-22'],
    contracts: [C('劳动合同', '2023-08-01', { end: '2026-07-31' })], insurance: LABOR_INS('2023-08-01', P1),
    further: ['weekly-rest', 'overtime-limit', 'holiday-pay'],
    shows: '劳动合同 paid by the order (≈ 30 元/h): 9½ h every weekday, and the weekend of 12-21/22 too, so 12 days without a rest day (2024-12-16 … 12-27) → `weekly-rest`; 1½ h of overtime a day plus that weekend: ≈ 52 h of overtime in December, over 36 h → `overtime-limit` (January ≈ 28 h, within it); worked 元旦 at the ordinary order rate instead of 300 % → `holiday-pay`' },
  { id: 'R2012', area: 'CK', hired: '2024-03-04', pattern: 'labor', salary: 4000,
    contracts: [C('劳动合同', '2024-03-04', { end: '2027-03-03' })], insurance: [I('工伤保险', '2024-03-04')],
    further: ['social-insurance'],
    shows: '劳动合同 with 工伤保险 only, no 养老保险 or 医疗保险 → `social-insurance` for both months' },
  { id: 'R2013', area: 'CK', hired: '2024-05-06', pattern: 'labor', salary: 3900,
    contracts: [C('劳务派遣', '2024-05-06', { end: '2026-05-05', agency: '重庆渝才人力资源有限公司', licensed: '是' })],
    insurance: LABOR_INS('2024-05-06', '重庆渝才人力资源有限公司'),
    shows: 'control for `dispatch-agency`: 劳务派遣 through a licensed agency that pays 工伤/养老/医疗 → no finding; one of the two dispatched workers behind 速达配送\'s `dispatch-share`' },
  { id: 'R2014', area: 'CK', hired: '2024-04-15', pattern: 'light', rate: 29,
    contracts: [C('书面协议', '2024-04-15')], insurance: [OCC('2024-04-15')],
    payIssues: { '2024-12': { payDate: '2025-02-14' } }, further: ['late-payment'],
    shows: 'the December pay was paid on 2025-02-14, 45 days after the period → `late-payment`' },
  { id: 'R2015', area: 'CK', hired: '2024-07-22', pattern: 'light', rate: 27, birth: '2007-06-18',
    contracts: [C('书面协议', '2024-07-22')], insurance: [OCC('2024-07-22')],
    further: ['minor-worker'],
    shows: 'born 2007-06-18 (read from the resident ID number): 17 years old → `minor-worker` (info: special protection until 2025-06-17)' },
  { id: 'R3011', area: 'DY', hired: '2024-04-08', pattern: 'labor', salary: 4100,
    contracts: [C('劳务派遣', '2024-04-08', { signer: 'employer', end: '2026-04-07', agency: '德阳众信人力资源有限公司', licensed: '否' })],
    insurance: LABOR_INS('2024-04-08', '德阳众信人力资源有限公司'),
    further: ['dispatch-agency'],
    shows: '劳务派遣 through 德阳众信人力资源有限公司, which has no dispatch licence (派遣资质 否) → `dispatch-agency`' },
  { id: 'R3012', area: 'DY', hired: '2024-09-09', pattern: 'light', rate: 30,
    contracts: [C('书面协议', '2024-09-09', { signer: 'employer' })], insurance: [OCC('2024-09-09')],
    payIssues: { '2024-12': { payslip: '否' } }, further: ['payslip'],
    shows: 'the December pay was paid without a pay slip (是否提供工资清单 否) → `payslip`' },
  { id: 'R3013', area: 'DY', hired: '2024-02-19', pattern: 'light', rate: 31,
    contracts: [C('书面协议', '2024-02-19', { signer: 'employer', exclusive: '是' })], insurance: [OCC('2024-02-19')],
    further: ['exclusivity-clause'],
    shows: 'the 书面协议 has an exclusivity clause (排他条款 是) forbidding work on other platforms → `exclusivity-clause`' },
  { id: 'R3014', area: 'DY', hired: '2024-11-30', pattern: 'light', rate: 28, birth: '2009-09-02', birthVia: 'both', trained: 'none',
    contracts: [C('书面协议', '2024-11-30', { signer: 'employer' })], insurance: [OCC('2024-11-30')],
    further: ['child-labour', 'safety-training'],
    shows: 'born 2009-09-02 (出生日期 in the roster, which takes precedence over the ID number): 15 years old → `child-labour`; no safety training date → `safety-training`' },
];

// ---------------------------------------------------------------- schedules
// A span plan: { platform, start (seconds of day), maxLen (seconds) }. Ordinary spans are
// at most 195 min and separated by at least 40 min; "long" spans are 330–355 min.
function planDay(w, day, rng) {
  const wd = weekday(day);
  const spans = [];
  if (w.marathon && w.marathon.includes(wd)) {
    // five shifts of exactly 165 minutes with 40-minute breaks: 13¾ h of working time
    for (let k = 0; k < 5; k++) spans.push({ platform: P1, start: hm(6, 30) + k * (165 + 40) * MIN, maxLen: 165 * MIN, exact: true });
    return spans;
  }
  const lunch = (platform = P1) => spans.push({ platform, start: hm(10, rng.int(15, 60)), maxLen: rng.int(80, 165) * MIN });
  const dinner = (platform = P1) => spans.push({ platform, start: hm(16, rng.int(30, 75)), maxLen: rng.int(80, 165) * MIN });
  const long = () => spans.push({ platform: P1, start: hm(10, rng.int(0, 30)), maxLen: rng.int(330, 355) * MIN, long: true });
  switch (w.pattern) {
    case 'rider':
    case 'rider+evening': {
      const isLong = w.longDays && w.longDays.includes(wd) && (wd === w.longDays[0] || rng.chance(0.5));
      if (w.offDays.includes(wd) && !isLong) break;
      if (!isLong && rng.chance(0.08)) break; // an odd day off
      if (isLong) {
        long();
        if (rng.chance(0.5)) spans.push({ platform: P1, start: hm(17, 20), maxLen: rng.int(90, 150) * MIN });
      } else {
        const r = rng.next();
        if (r < 0.4) { lunch(); dinner(); } else if (r < 0.7) lunch(); else dinner();
      }
      if (w.pattern === 'rider+evening' && [0, 5, 6].includes(wd)) {
        spans.push({ platform: P2, start: hm(21, rng.int(0, 15)), maxLen: rng.int(90, 140) * MIN });
      }
      break;
    }
    case 'back-to-back': {
      if ([2, 4, 6].includes(wd)) {
        spans.push({ platform: P1, start: hm(10, rng.int(40, 55)), maxLen: rng.int(180, 190) * MIN, handOff: P2 });
      } else if ([1, 3].includes(wd)) {
        lunch();
        dinner();
      }
      break;
    }
    case 'labor':
      if (wd === 0 || wd === 6) break;
      spans.push({ platform: P1, start: hm(10, rng.int(0, 20)), maxLen: rng.int(90, 130) * MIN });
      spans.push({ platform: P1, start: hm(16, rng.int(30, 45)), maxLen: rng.int(90, 130) * MIN });
      break;
    case 'parttime':
      if (wd === 0 || wd === 6) break;
      spans.push({ platform: P1, start: hm(11, rng.int(0, 15)), maxLen: rng.int(100, 150) * MIN });
      break;
    case 'parttime-long': // two shifts of exactly 160 minutes
      if (wd === 0 || wd === 6) break;
      spans.push({ platform: P1, start: hm(10, rng.int(0, 20)), maxLen: 160 * MIN, exact: true });
      spans.push({ platform: P1, start: hm(16, rng.int(0, 20)), maxLen: 160 * MIN, exact: true });
      break;
    case 'labor-ot': { // three shifts of exactly 190 minutes: 9½ h of working time
      const inStretch = w.stretch && day >= parseDay(w.stretch[0]) && day <= parseDay(w.stretch[1]);
      if ((wd === 0 || wd === 6) && !inStretch) break;
      let t = hm(7, rng.int(30, 45));
      for (let k = 0; k < 3; k++) {
        spans.push({ platform: P1, start: t, maxLen: 190 * MIN, exact: true });
        t += (190 + rng.int(40, 50)) * MIN;
      }
      break;
    }
    case 'light':
      if (![2, 4, 6].includes(wd)) break;
      if (rng.chance(0.5)) lunch(); else dinner();
      break;
    case 'fulltime':
      if (wd === 0) break;
      spans.push({ platform: P1, start: hm(10, rng.int(0, 15)), maxLen: rng.int(165, 185) * MIN });
      spans.push({ platform: P1, start: hm(14, 15), maxLen: rng.int(150, 175) * MIN });
      spans.push({ platform: P1, start: hm(18, 0), maxLen: rng.int(100, 140) * MIN });
      break;
    default:
      throw new Error(`unknown pattern ${w.pattern}`);
  }
  return spans;
}

// Orders of one span: 15–45 min each (cancelled ones 5–14 min), gaps of 0–10 min, some
// stacked (accepted before the previous one is delivered). Ends at most maxLen after start;
// exactly then when `exact` (the last order is stretched by at most ~25 minutes), so that a
// day's working time is known to the minute.
function makeSpan(rng, start, maxLen, exact = false) {
  const end = start + maxLen;
  const orders = [];
  let spanEnd = start;
  let lastAccept = start;
  while (true) {
    let a;
    if (orders.length === 0) a = start;
    else if (rng.chance(0.15)) a = Math.max(lastAccept + 60, spanEnd - rng.int(60, 480));
    else a = spanEnd + rng.int(0, 600);
    const cancelled = orders.length > 0 && rng.chance(0.03);
    let dur = cancelled ? rng.int(5 * 60, 14 * 60) : rng.int(15 * 60, 45 * 60);
    if (a + dur > end) {
      if (!cancelled && end - a >= 15 * 60) dur = end - a;
      else {
        if (exact && spanEnd < end) Object.assign(orders[orders.length - 1], { c: end, cancelled: false });
        break;
      }
    }
    if (a + dur <= spanEnd) {
      if (exact) continue; // (draw another)
      break; // would not extend the span; stop here
    }
    orders.push({ a, c: a + dur, cancelled });
    lastAccept = a;
    spanEnd = Math.max(spanEnd, a + dur);
    if (exact && spanEnd >= end) break;
  }
  return orders;
}

// ---------------------------------------------------------------- build
const orders = []; // { w, platform, a, c, cancelled, payFen }
for (const w of WORKERS) {
  const rng = rngFor(`days:${w.id}`);
  // three fixed days off a week (riders work four days), spread over the week
  const first = rng.int(0, 6);
  w.offDays = [first, (first + 2) % 7, (first + rng.int(4, 5)) % 7];
  if (w.longDays) w.offDays = w.offDays.filter((d) => !w.longDays.includes(d));
  const from = w.from ? parseDay(w.from) : WINDOW_START;
  for (let day = from; day <= WINDOW_END; day++) {
    if (HOLIDAYS.has(day) && !w.holidayWork) continue;
    let plan = planDay(w, day, rng);
    // a worker with a start date works on it, so the dates in the README are exact
    while (w.from && day === from && plan.length === 0) plan = planDay({ ...w, offDays: [] }, day, rng);
    // those who work on holidays do so on 元旦 whatever their usual days
    if (HOLIDAYS.has(day) && plan.length === 0) {
      plan = [{ platform: P1, start: hm(10, 30), maxLen: 150 * MIN, exact: true }, { platform: P1, start: hm(16, 45), maxLen: 150 * MIN, exact: true }];
    }
    for (const sp of plan) {
      const list = makeSpan(rng, day * DAY_S + sp.start, sp.maxLen, sp.exact);
      for (const o of list) orders.push({ w, platform: sp.platform, ...o });
      if (sp.handOff) {
        const end = Math.max(...list.map((o) => o.c));
        const more = makeSpan(rng, end + rng.int(8, 12) * MIN, rng.int(120, 130) * MIN);
        for (const o of more) orders.push({ w, platform: sp.handOff, ...o });
      }
    }
  }
}

// ---------------------------------------------------------------- rule semantics (self-check)
const wpKey = (w, p) => `${w.id}|${p}`;
const byWp = new Map();
for (const o of orders) {
  const k = wpKey(o.w, o.platform);
  if (!byWp.has(k)) byWp.set(k, { w: o.w, platform: o.platform, orders: [] });
  byWp.get(k).orders.push(o);
}
const BRIDGE = 20 * MIN;
function spansOf(list) {
  const sorted = [...list].sort((x, y) => x.a - y.a || x.c - y.c);
  const spans = [];
  for (const o of sorted) {
    const cur = spans[spans.length - 1];
    if (cur && o.a < cur.end + BRIDGE) {
      cur.end = Math.max(cur.end, o.c);
      cur.count++;
    } else spans.push({ start: o.a, end: o.c, count: 1 });
  }
  return spans;
}
for (const wp of byWp.values()) {
  wp.spans = spansOf(wp.orders);
  wp.activeDays = [...new Set(wp.orders.flatMap((o) => [Math.floor(o.a / DAY_S), Math.floor(o.c / DAY_S)]))].sort((a, b) => a - b);
  wp.months = {};
  for (const m of MONTHS) {
    const secs = wp.spans.filter((s) => monthOf(Math.floor(s.start / DAY_S)) === m).reduce((t, s) => t + (s.end - s.start), 0);
    const days = wp.activeDays.filter((d) => monthOf(d) === m).length;
    if (secs > 0) wp.months[m.key] = { secs, days };
  }
  wp.maxSpan = Math.max(...wp.spans.map((s) => s.end - s.start));
  let minBreak = Infinity;
  for (let i = 1; i < wp.spans.length; i++) minBreak = Math.min(minBreak, wp.spans[i].start - wp.spans[i - 1].end);
  wp.minBreak = minBreak;
  for (const s of wp.spans) if (Math.floor(s.start / DAY_S) !== Math.floor((s.end - 1) / DAY_S)) throw new Error(`${wp.w.id}: span crosses midnight`);
}

// Pay per worker-platform-month (fen) and order_pay distribution.
const RELATION = { 劳动合同: 'labor', 非全日制劳动合同: 'part_time', 劳务派遣: 'dispatch', 书面协议: 'not_fully', 新就业形态书面协议: 'not_fully', 合作协议: 'independent' };
const payRows = [];
for (const wp of byWp.values()) {
  const w = wp.w;
  const rate = wp.platform === P1 ? w.rate : w.rate2;
  wp.pay = {};
  for (const m of MONTHS) {
    const mm = wp.months[m.key];
    if (!mm) continue;
    // the part-timer is settled every ten days (旬结: 1–10, 11–20, 21–end), within LCL art. 72's 15 days
    const periods = w.tenDay && wp.platform === P1
      ? [[m.first, m.first + 9], [m.first + 10, m.first + 19], [m.first + 20, m.last]]
      : [[m.first, m.last]];
    let monthComparable = 0;
    for (const [ps, pe] of periods) {
      const secs = wp.spans.filter((s) => { const d = Math.floor(s.start / DAY_S); return d >= ps && d <= pe; })
        .reduce((t, s) => t + (s.end - s.start), 0);
      if (secs === 0 && periods.length > 1) continue;
      const comparable = w.salary && wp.platform === P1 ? w.salary * 100 : Math.round((rate * 100 * secs) / 3600);
      let allowance = 0;
      if (w.allowanceRate) allowance = Math.round((w.allowanceRate * secs) / 3600) * 100;
      if (w.allowance) allowance = w.allowance * 100;
      const overtime = w.overtime ? w.overtime * 100 : 0;
      const gross = comparable + allowance + overtime;
      const deduction = w.salary && wp.platform === P1 ? Math.round(gross * 0.105) : 0;
      monthComparable += comparable;
      payRows.push({ w, platform: wp.platform, ps, pe, gross, overtime, allowance, deduction, comparable });
    }
    wp.pay[m.key] = monthComparable;
  }
}

// order_pay: share the month's comparable pay over its completed orders (to the fen);
// labor workers are salaried (no per-order pay).
for (const wp of byWp.values()) {
  if (wp.w.salary && wp.platform === P1) continue;
  const rng = rngFor(`orderpay:${wp.w.id}:${wp.platform}`);
  for (const m of MONTHS) {
    const total = wp.pay[m.key];
    if (!total) continue;
    const list = wp.orders.filter((o) => !o.cancelled && monthOf(Math.floor(o.a / DAY_S)) === m);
    const weights = list.map((o) => (0.5 + (o.c - o.a) / 3600) * (0.85 + 0.3 * rng.next()));
    const sum = weights.reduce((a, b) => a + b, 0);
    let given = 0;
    list.forEach((o, i) => {
      o.payFen = Math.floor((total * weights[i]) / sum);
      given += o.payFen;
    });
    for (let i = 0; given < total; i = (i + 1) % list.length, given++) list[i].payFen++;
  }
  for (const o of wp.orders) if (o.cancelled) o.payFen = 0;
}
for (const r of payRows) if (r.w.noPay) r.drop = true;

// Pay details: payment date and method, pay slip, deduction and its reason, holiday pay;
// then the pay problems some riders are meant to show (`payIssues`, per month, 速达配送 only).
const METHOD = ['银行转账', '微信', '支付宝'];
for (const r of payRows) {
  const rng = rngFor(`pay:${r.w.id}:${r.platform}:${r.ps}`);
  r.method = r.w.salary ? '银行转账' : METHOD[hashSeed(r.w.id + r.platform) % 3];
  r.payDay = r.pe + (r.w.tenDay ? 5 : rng.int(8, 12));
  r.payslip = '是';
  r.holiday = 0;
  [r.reason, r.reasonCode] = r.deduction ? ['社保个人部分', 'social'] : ['', undefined];
  const issue = r.platform === P1 && r.w.payIssues && r.w.payIssues[monthOf(r.ps).key];
  if (!issue) continue;
  if (issue.deduction) [r.deduction, r.reason, r.reasonCode] = [issue.deduction * 100, issue.reason, 'deposit'];
  if (issue.fineShare) [r.deduction, r.reason, r.reasonCode] = [Math.round(r.gross * issue.fineShare), issue.reason, 'fine'];
  if (issue.method) r.method = issue.method;
  if (issue.payDate) r.payDay = parseDay(issue.payDate);
  if (issue.payslip) r.payslip = issue.payslip;
  if (issue.holidayPremium) {
    const onHolidays = byWp.get(wpKey(r.w, r.platform)).orders.filter((o) => HOLIDAYS.has(Math.floor(o.a / DAY_S)));
    r.holiday = Math.round(issue.holidayPremium * onHolidays.reduce((t, o) => t + o.payFen, 0));
    r.gross += r.holiday;
  }
}

// ---- check the expected findings
const inRange = (d, s, e) => d >= s && (e === undefined || d <= e);
const partyOf = (w, who, platform) => (who === 'employer' ? AREAS[w.area].employer || platform : who === 'platform' || !who ? platform : who);
function contractRowsFor(w) {
  return w.contracts.map((c) => ({
    ...c,
    party: partyOf(w, c.signer, P1),
    startDay: parseDay(c.start),
    endDay: c.end ? parseDay(c.end) : undefined,
    form: c.formCol ?? '书面',
  }));
}
function insuranceRowsFor(w) {
  return w.insurance.map((i) => ({
    ...i,
    party: partyOf(w, i.payer, P1),
    startDay: parseDay(i.start),
    endDay: i.end ? parseDay(i.end) : undefined,
    status: i.status ?? '正常',
  }));
}
const problems = [];
const facts = new Map(); // wpKey -> text facts for the README
for (const wp of byWp.values()) {
  const w = wp.w;
  const area = AREAS[w.area];
  const parties = new Set([wp.platform]);
  if (wp.platform === P1 && area.employer) parties.add(area.employer);
  const expected = new Set((w.expect && w.expect[wp.platform]) || []);
  const got = new Set();
  const f = [];
  const contracts = contractRowsFor(w).filter((c) => parties.has(c.party));
  const relationOn = (d) => {
    const c = contracts.find((c) => inRange(d, c.startDay, c.endDay) && (c.form !== '口头' || c.type === '非全日制劳动合同'));
    return c ? RELATION[c.type] : 'unknown';
  };
  // written-contract
  let run = null;
  const runs = [];
  for (const d of wp.activeDays) {
    const covered = contracts.some((c) => inRange(d, c.startDay, c.endDay) && (c.form !== '口头' || c.type === '非全日制劳动合同'));
    if (!covered) {
      if (!run) runs.push((run = { first: d, last: d, n: 0 }));
      run.last = d;
      run.n++;
    } else run = null;
  }
  for (const r of runs) {
    const ext = r.last - r.first;
    if (ext > 30) got.add('written-contract');
    if (ext > 24 && ext <= 36) problems.push(`${w.id}|${wp.platform}: borderline uncovered run (${ext} days)`);
    f.push(`uncovered ${isoDay(r.first)}…${isoDay(r.last)} (${r.n} active days, ${ext} days after the first)`);
  }
  // injury-insurance
  // a dispatch agency named in a contract with the platform insures on its behalf
  const agencies = new Set(contracts.flatMap((c) => (c.agency ? [c.agency] : [])));
  const ins = insuranceRowsFor(w).filter((i) => (parties.has(i.party) || agencies.has(i.party)) && i.status === '正常');
  const uncoveredIns = wp.activeDays.filter((d) => {
    const rel = relationOn(d);
    const ok = rel === 'labor' || rel === 'part_time' || rel === 'dispatch' ? ['工伤保险'] : ['工伤保险', '职业伤害保障'];
    return !ins.some((i) => ok.includes(i.type) && inRange(d, i.startDay, i.endDay));
  });
  if (uncoveredIns.length) {
    got.add('injury-insurance');
    f.push(`no injury cover on ${uncoveredIns.length} active days (${isoDay(uncoveredIns[0])}…${isoDay(uncoveredIns[uncoveredIns.length - 1])})`);
  }
  // continuous-order-time
  const maxMin = wp.maxSpan / 60;
  if (maxMin > 240) got.add('continuous-order-time');
  if (maxMin > 200 && maxMin < 300) problems.push(`${w.id}|${wp.platform}: borderline longest span ${maxMin.toFixed(1)} min`);
  if (wp.minBreak < 40 * MIN) problems.push(`${w.id}|${wp.platform}: short break ${wp.minBreak / 60} min`);
  if (!expected.has('continuous-order-time') && maxMin > 195) problems.push(`${w.id}|${wp.platform}: ordinary span of ${maxMin} min`);
  const longSpans = wp.spans.filter((s) => s.end - s.start > 240 * MIN);
  f.push(`longest span ${Math.round(maxMin)} min${longSpans.length ? ` (${longSpans.length} spans over 240 min)` : ''}`);
  // minimum-wage
  const mwMonths = [];
  for (const m of MONTHS) {
    const mm = wp.months[m.key];
    if (!mm) continue;
    const rel = relationOn(wp.activeDays.find((d) => monthOf(d) === m));
    const minimum = area.min[m.key];
    const pay = wp.pay[m.key];
    const hours = mm.secs / 3600;
    if (rel === 'independent') {
      f.push(`${m.label}: ${mm.days} active days, ${hours.toFixed(1)} h, ${yuan(pay)} 元 (independent: not tested)`);
      continue;
    }
    if (rel === 'labor' || rel === 'dispatch') {
      const need = minimum.monthly * 100 * Math.min(1, mm.days / 21.75);
      const ratio = pay / need;
      if (ratio < 1) mwMonths.push(m.key);
      if (ratio > 0.85 && ratio < 1.15) problems.push(`${w.id}: thin monthly margin ${ratio.toFixed(3)} in ${m.key}`);
      f.push(`${m.label}: ${mm.days} active days, comparable pay ${yuan(pay)} vs minimum ${yuan(Math.round(need))} (monthly ${minimum.monthly} × min(1, ${mm.days}/21.75))`);
    } else {
      const r = pay / 100 / hours;
      const ratio = r / minimum.hourly;
      if (ratio < 1) mwMonths.push(m.key);
      if (ratio > 0.97 && ratio < 1.03) problems.push(`${w.id}|${wp.platform}: thin hourly margin ${ratio.toFixed(3)} in ${m.key}`);
      f.push(`${m.label}: ${hours.toFixed(2)} h working time, comparable pay ${yuan(pay)} → ${r.toFixed(2)} 元/h vs ${minimum.hourly} 元/h`);
    }
  }
  if (mwMonths.length) got.add('minimum-wage');
  if (w.mwMonths && wp.platform === P1 && w.mwMonths.join() !== mwMonths.join()) problems.push(`${w.id}: minimum-wage months ${mwMonths.join()} ≠ ${w.mwMonths.join()}`);
  for (const r of ['minimum-wage', 'written-contract', 'injury-insurance', 'continuous-order-time']) {
    if (expected.has(r) !== got.has(r)) problems.push(`${w.id}|${wp.platform}: ${r} expected ${expected.has(r)}, got ${got.has(r)}`);
  }
  wp.fires = [...got];
  facts.set(wpKey(w, wp.platform), f);
}
for (const w of WORKERS) {
  if (w.expect) for (const p of Object.keys(w.expect)) if (!byWp.has(wpKey(w, p))) problems.push(`${w.id}: no activity on ${p}`);
  // further rules the sample means to show (or not): cross-platform-fatigue, disguised-employment
  const mine = orders.filter((o) => o.w === w);
  const platforms = new Set(mine.map((o) => o.platform));
  const wantCross = (w.further ?? []).includes('cross-platform-fatigue');
  if (platforms.size > 1) {
    const merged = spansOf(mine);
    const longest = Math.max(...merged.map((s) => s.end - s.start)) / 60;
    if (wantCross && longest < 270) problems.push(`${w.id}: cross-platform longest span only ${longest} min`);
    if (!wantCross && longest > 210) problems.push(`${w.id}: unintended cross-platform span ${longest} min`);
  } else if (wantCross) problems.push(`${w.id}: single platform`);
  const indep = byWp.get(wpKey(w, P1));
  if (w.contracts.some((c) => c.type === '合作协议' && c.signer !== P2) && indep) {
    const wantDisguised = (w.further ?? []).includes('disguised-employment');
    for (const m of MONTHS) {
      const mm = indep.months[m.key];
      const isPattern = mm && mm.days >= 20 && mm.secs / 3600 / mm.days >= 6;
      if (mm && wantDisguised && !(mm.days >= 22 && mm.secs / 3600 / mm.days >= 6.5)) problems.push(`${w.id}: weak disguised-employment pattern in ${m.key}`);
      if (!wantDisguised && isPattern) problems.push(`${w.id}: unintended disguised-employment pattern`);
    }
  }
}
if (problems.length) {
  console.error('make-samples: the generated data does not match the intended findings:\n  ' + problems.join('\n  '));
  process.exit(1);
}

// ---------------------------------------------------------------- people
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢唐许冯宋韩邓彭曾曹袁蒋蔡余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'];
const MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建亮成峰东海志'];
const FEMALE = [...'敏静丽霞娟婷芳燕玲红兰琴梅艳萍雪慧莉'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
function idNumber(area6, birthDay, seq2, genderDigit) {
  const { y, m, d } = civil(birthDay);
  const body = `${area6}${y}${pad(m)}${pad(d)}${pad(seq2)}${genderDigit}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}
const usedNames = new Set();
for (const w of WORKERS) {
  const rng = rngFor(`person:${w.id}`);
  const male = rng.chance(0.85);
  let name;
  do {
    const given = male ? MALE : FEMALE;
    name = rng.pick(SURNAMES) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : '');
  } while (usedNames.has(name));
  usedNames.add(name);
  w.name = name;
  let birth = dayNum(rng.int(1976, 2002), rng.int(1, 12), rng.int(1, 28));
  if (w.birth) birth = parseDay(w.birth); // the minors of the sample
  w.birthDay = birth;
  w.idNumber = idNumber(AREAS[w.area].code, birth, rng.int(10, 99), rng.pick(male ? [1, 3, 5, 7, 9] : [0, 2, 4, 6, 8]));
  w.phone = rng.pick(['138', '139', '150', '158', '177', '187', '199', '133']) + String(rng.int(0, 99999999)).padStart(8, '0');
  const hired = parseDay(w.hired);
  w.training = hired - rng.int(1, 5);
  if (w.trained) w.training = w.trained === 'none' ? undefined : parseDay(w.trained);
}

// ---------------------------------------------------------------- further rules (self-check)
// An independent reading of the 19 further rules of spec/rules.md over the generated records:
// which rules each worker-platform (worker, platform) must show. The script refuses to write
// unless that is exactly what `further` declares, with margins.
const RULES = [
  'minimum-wage', 'written-contract', 'injury-insurance', 'continuous-order-time',
  'daily-work-time', 'cross-platform-fatigue', 'weekly-rest', 'overtime-limit', 'part-time-hours', 'holiday-pay',
  'deposit-charged', 'pay-in-kind', 'late-payment', 'payslip', 'excessive-deduction', 'social-insurance',
  'exclusivity-clause', 'disguised-employment', 'dispatch-agency', 'dispatch-share', 'child-labour', 'minor-worker', 'safety-training',
];
const SCOPE = { 'cross-platform-fatigue': 'worker', 'dispatch-share': 'platform' };
const WP_RULES = RULES.filter((r) => !SCOPE[r]);
const PLATFORM_FIRES = { [P1]: ['dispatch-share'], [P2]: [] }; // R2013 and R3011 are 2 of 速达配送's 8 labour + dispatch workers
const cnRuleset = JSON.parse(readFileSync(join(ROOT, 'rulesets/cn.json'), 'utf8'));
const STATUTORY = new Set(['2024', '2025'].flatMap((y) => cnRuleset.holidays[y].statutory.map(parseDay)));
const EMPLOYEE_REL = new Set(['labor', 'dispatch']);
const FREE_TO_WORK_ELSEWHERE = new Set(['part_time', 'not_fully', 'independent']);
const IN_KIND = new Set(['积分', '购物卡', '消费券', '实物', '有价证券']);
const dayOfS = (t) => Math.floor(t / DAY_S);
const isoMonday = (day) => day - ((weekday(day) + 6) % 7);
const ageOn = (birth, day) => {
  const b = civil(birth);
  const t = civil(day);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
};
/** Working minutes per day of spans (seconds), split at midnight. */
function minutesByDay(spans) {
  const m = new Map();
  for (const s of spans) {
    for (let from = s.start; from < s.end; ) {
      const day = dayOfS(from);
      const to = Math.min(s.end, (day + 1) * DAY_S);
      m.set(day, (m.get(day) ?? 0) + (to - from) / 60);
      from = to;
    }
  }
  return m;
}
function dominant(rel, days) {
  const n = new Map();
  for (const d of days) n.set(rel(d), (n.get(rel(d)) ?? 0) + 1);
  let best;
  for (const [r, k] of n) if (best === undefined || k > n.get(best)) best = r;
  return best;
}
const band = (name, x, lo, hi) => {
  if (x > lo && x < hi) problems.push(`${name}: ${Math.round(x * 1000) / 1000} is too close to a threshold (${lo}…${hi})`);
};
const asOf = Math.max(...[...byWp.values()].map((wp) => wp.activeDays[wp.activeDays.length - 1]));
/** The auditor's relation on a day: the latest-starting contract with the party covering it, whatever its form. */
function relationFor(wp) {
  const parties = new Set([wp.platform]);
  if (wp.platform === P1 && AREAS[wp.w.area].employer) parties.add(AREAS[wp.w.area].employer);
  const contracts = contractRowsFor(wp.w).filter((c) => parties.has(c.party));
  const byStart = [...contracts].sort((a, b) => a.startDay - b.startDay);
  return {
    parties,
    contracts,
    relationOn: (d) => {
      let found;
      for (const c of byStart) if (inRange(d, c.startDay, c.endDay)) found = c;
      return found ? RELATION[found.type] : 'unknown';
    },
  };
}

for (const wp of byWp.values()) {
  const w = wp.w;
  const name = `${w.id}|${wp.platform}`;
  const f = facts.get(wpKey(w, wp.platform));
  const { parties, contracts, relationOn } = relationFor(wp);
  const agencies = new Set(contracts.flatMap((c) => (c.agency ? [c.agency] : [])));
  const ins = insuranceRowsFor(w).filter((i) => parties.has(i.party) || agencies.has(i.party));
  const dayMin = minutesByDay(wp.spans);
  const active = wp.activeDays;
  const worked = [...new Set([...active, ...[...dayMin].filter(([, m]) => m > 0).map(([d]) => d)])].sort((a, b) => a - b);
  const pays = payRows.filter((r) => r.w === w && r.platform === wp.platform && !r.drop);
  const got = new Set();

  // daily-work-time
  const maxDay = Math.max(...dayMin.values());
  for (const m of dayMin.values()) {
    if (m > 720) got.add('daily-work-time');
    band(`${name}: minutes in a day`, m, 680, 760);
  }
  if (maxDay > 600) f.push(`longest day ${Math.round(maxDay)} min of working time (${[...dayMin.values()].filter((m) => m > 720).length} days over 720)`);
  // weekly-rest and overtime-limit (labour and dispatch)
  const empDays = worked.filter((d) => EMPLOYEE_REL.has(relationOn(d)));
  let run = 0;
  let best = [0, 0];
  for (let j = 0; j < empDays.length; j++) {
    run = j > 0 && empDays[j] === empDays[j - 1] + 1 ? run + 1 : 1;
    if (run > best[0]) best = [run, empDays[j]];
  }
  if (best[0] > 6) got.add('weekly-rest');
  if (best[0] > 5) f.push(`longest run of working days ${best[0]} (${isoDay(best[1] - best[0] + 1)}…${isoDay(best[1])})`);
  const monthOt = Object.fromEntries(MONTHS.map((m) => [m.key, 0]));
  let week = NaN;
  let regular = 0;
  for (const d of empDays) {
    const minutes = dayMin.get(d) ?? 0;
    if (minutes > 660) got.add('overtime-limit');
    band(`${name}: employee minutes in a day`, minutes, 630, 690);
    const dailyOver = Math.max(0, minutes - 480);
    if (isoMonday(d) !== week) [week, regular] = [isoMonday(d), 0];
    const standard = minutes - dailyOver;
    monthOt[monthOf(d).key] += dailyOver + Math.max(0, regular + standard - 2400) - Math.max(0, regular - 2400);
    regular += standard;
  }
  for (const [k, ot] of Object.entries(monthOt)) {
    if (ot > 2160) got.add('overtime-limit');
    band(`${name}: overtime in ${k}`, ot, 1800, 2520);
  }
  if (empDays.length && Object.values(monthOt).some((x) => x > 0)) f.push(`overtime ${MONTHS.map((m) => `${m.label} ${(monthOt[m.key] / 60).toFixed(1)} h`).join(', ')} (limit 36 h)`);
  // part-time-hours
  const ptWeeks = new Map();
  for (const d of worked.filter((x) => relationOn(x) === 'part_time')) ptWeeks.set(isoMonday(d), [...(ptWeeks.get(isoMonday(d)) ?? []), d]);
  let ptMax = 0;
  for (const days of ptWeeks.values()) {
    const minutes = days.reduce((t, d) => t + (dayMin.get(d) ?? 0), 0);
    if (minutes > 1440 || minutes / days.length > 240) got.add('part-time-hours');
    band(`${name}: part-time week`, minutes, 1340, 1540);
    band(`${name}: part-time average`, minutes / days.length, 215, 265);
    ptMax = Math.max(ptMax, minutes);
  }
  if (ptWeeks.size) f.push(`part-time: busiest week ${(ptMax / 60).toFixed(1)} h (limit 24 h)`);
  // holiday-pay
  for (const d of active.filter((x) => STATUTORY.has(x))) {
    const onDay = wp.orders.filter((o) => dayOfS(o.a) === d);
    if (onDay.length === 0) continue;
    if (onDay.some((o) => o.payFen === undefined)) problems.push(`${name}: holiday work without order pay`);
    const m = monthOf(d);
    const normalDays = worked.filter((x) => monthOf(x) === m && !STATUTORY.has(x));
    const fen = wp.orders.filter((o) => normalDays.includes(dayOfS(o.a))).reduce((t, o) => t + o.payFen, 0);
    const minutes = normalDays.reduce((t, x) => t + (dayMin.get(x) ?? 0), 0);
    const normalFen = (fen / (minutes / 60)) * ((dayMin.get(d) ?? 0) / 60);
    let extra = 0;
    for (const r of pays.filter((x) => x.holiday && x.ps <= d && d <= x.pe)) {
      const hols = worked.filter((x) => x >= r.ps && x <= r.pe && STATUTORY.has(x));
      extra += (r.holiday * (dayMin.get(d) ?? 0)) / hols.reduce((t, x) => t + (dayMin.get(x) ?? 0), 0);
    }
    const paid = Math.round(onDay.reduce((t, o) => t + o.payFen, 0) + extra);
    const employee = EMPLOYEE_REL.has(relationOn(d));
    const required = Math.round(normalFen * (employee ? 3 : 1));
    if (employee ? paid < required : paid <= required) got.add('holiday-pay');
    band(`${name}: holiday pay ratio`, paid / required, 0.93, 1.07);
    f.push(`${isoDay(d)} (statutory holiday): ${((dayMin.get(d) ?? 0) / 60).toFixed(2)} h, paid ${yuan(paid)}; normal pay ${yuan(Math.round(normalFen))}, ${employee ? `at least 300 % = ${yuan(required)} due` : 'more than that due'}`);
  }
  // pay records
  for (const r of pays) {
    if ((r.reasonCode === 'deposit' || r.reasonCode === 'training') && r.deduction > 0) got.add('deposit-charged');
    if (IN_KIND.has(r.method)) got.add('pay-in-kind');
    const days = active.filter((d) => d >= r.ps && d <= r.pe);
    if ((dominant(relationOn, days) ?? relationOn(r.pe)) === 'part_time' && r.pe - r.ps + 1 > 15) got.add('late-payment');
    const after = (r.payDay ?? asOf) - r.pe;
    if (after > 30) got.add('late-payment');
    band(`${name}: days after the pay period`, after, 25, 36);
    if (r.payDay !== undefined && r.payslip === '否') got.add('payslip');
  }
  for (const m of MONTHS) {
    const rows = pays.filter((r) => r.ps <= m.last && r.pe >= m.first);
    const share = (r) => Math.max(0, Math.min(r.pe, m.last) - Math.max(r.ps, m.first) + 1) / (r.pe - r.ps + 1);
    const ded = Math.round(rows.reduce((t, r) => t + (['fine', 'equipment', 'other'].includes(r.reasonCode) ? r.deduction * share(r) : 0), 0));
    if (ded <= 0) continue;
    const days = active.filter((d) => d >= m.first && d <= m.last);
    const relation = dominant(relationOn, days) ?? relationOn(m.last);
    if (relation === 'independent') continue;
    const gross = Math.round(rows.reduce((t, r) => t + r.gross * share(r), 0));
    const comparable = Math.round(rows.reduce((t, r) => t + r.comparable * share(r), 0));
    if (ded > Math.floor(gross * 0.2 + 1e-6)) got.add('excessive-deduction');
    band(`${name}: deduction share`, ded / gross, 0.15, 0.25);
    f.push(`${m.label}: fines ${yuan(ded)} of ${yuan(gross)} (${((100 * ded) / gross).toFixed(1)} %, limit 20 %)`);
    if (EMPLOYEE_REL.has(relation)) {
      const required = Math.round(AREAS[w.area].min[m.key].monthly * 100 * Math.min(1, days.length / 21.75));
      if (comparable - ded < required) got.add('excessive-deduction');
      band(`${name}: pay left after deductions / minimum`, (comparable - ded) / required, 0.92, 1.08);
    }
  }
  if (pays.some((r) => r.reasonCode === 'deposit')) f.push(`deposit deducted: ${pays.filter((r) => r.reasonCode === 'deposit').map((r) => `${yuan(r.deduction)} (${r.reason})`).join(', ')}`);
  if (pays.some((r) => r.payDay - r.pe > 30)) f.push(`paid ${pays.filter((r) => r.payDay - r.pe > 30).map((r) => `${isoDay(r.payDay)}, ${r.payDay - r.pe} days after ${isoDay(r.pe)}`).join('; ')}`);
  // social-insurance
  const missing = [];
  for (const m of MONTHS) {
    if (!active.some((d) => d >= m.first && d <= m.last && EMPLOYEE_REL.has(relationOn(d)))) continue;
    const ok = (t) => ins.some((i) => i.type === t && i.status === '正常' && i.startDay <= m.last && (i.endDay === undefined || i.endDay >= m.first));
    if (!ok('养老保险') || !ok('医疗保险')) missing.push(m.label);
  }
  if (missing.length) {
    got.add('social-insurance');
    f.push(`no pension/medical insurance in ${missing.join(', ')}`);
  }
  // exclusivity-clause, dispatch-agency
  if (contracts.some((c) => c.exclusive === '是' && FREE_TO_WORK_ELSEWHERE.has(RELATION[c.type]))) got.add('exclusivity-clause');
  for (const c of contracts.filter((x) => RELATION[x.type] === 'dispatch')) {
    if (!c.agency || c.agency === wp.platform || c.licensed === '否') got.add('dispatch-agency');
    f.push(`dispatch agency ${c.agency ?? '(none)'}, licensed ${c.licensed ?? '(not recorded)'}`);
  }
  // disguised-employment
  for (const m of MONTHS) {
    const days = worked.filter((d) => d >= m.first && d <= m.last && relationOn(d) === 'independent');
    if (!days.length) continue;
    const avg = days.reduce((t, d) => t + (dayMin.get(d) ?? 0), 0) / days.length;
    if (days.length >= 20 && avg >= 360) got.add('disguised-employment');
    if (days.length > 17 && avg > 320 && !(days.length >= 22 && avg >= 390)) problems.push(`${name}: independent month near the thresholds (${days.length} days, ${avg} min)`);
  }
  // child-labour, minor-worker, safety-training (roster)
  const ages = active.map((d) => ageOn(w.birthDay, d));
  if (ages.some((a) => a < 16)) got.add('child-labour');
  if (worked.some((d) => ageOn(w.birthDay, d) >= 16 && ageOn(w.birthDay, d) < 18)) got.add('minor-worker');
  if (Math.min(...ages) < 18) f.push(`born ${isoDay(w.birthDay)}: aged ${Math.min(...ages) === Math.max(...ages) ? Math.min(...ages) : `${Math.min(...ages)}–${Math.max(...ages)}`} while working`);
  const firstOrder = Math.min(...wp.orders.map((o) => dayOfS(o.a)));
  if (w.training === undefined || firstOrder < w.training) {
    got.add('safety-training');
    f.push(w.training === undefined ? 'no safety training date' : `first order ${isoDay(firstOrder)}, safety training ${isoDay(w.training)}`);
  }

  const want = new Set((wp.platform === P1 ? w.further : w.furtherP2) ?? []);
  for (const r of WP_RULES.slice(4)) {
    if (want.has(r) !== got.has(r)) problems.push(`${name}: ${r} expected ${want.has(r)}, got ${got.has(r)}`);
  }
  wp.further = [...got];
}

// cross-platform-fatigue: a worker's orders merged across platforms (per worker)
const workerFires = new Map();
for (const w of WORKERS) {
  const mine = [...byWp.values()].filter((wp) => wp.w === w);
  let got = false;
  if (mine.length > 1) {
    const pooled = mine.flatMap((wp) => wp.orders.map((o) => ({ a: o.a, c: o.c, wp }))).sort((x, y) => x.a - y.a || x.c - y.c);
    const merged = [];
    for (const o of pooled) {
      const cur = merged[merged.length - 1];
      if (cur && o.a < cur.end + BRIDGE) {
        cur.end = Math.max(cur.end, o.c);
        cur.orders.push(o);
      } else merged.push({ start: o.a, end: o.c, orders: [o] });
    }
    for (const s of merged) {
      const wps = new Set(s.orders.map((o) => o.wp));
      if (wps.size < 2) continue;
      const len = (s.end - s.start) / 60;
      band(`${w.id}: merged span across platforms`, len, 220, 270);
      const own = [...wps].map((wp) => Math.max(...spansOf(s.orders.filter((o) => o.wp === wp)).map((x) => (x.end - x.start) / 60)));
      if (len > 240 && own.every((m) => m <= 240)) got = true;
    }
    const byDay = minutesByDay(merged);
    for (const [d, total] of byDay) {
      const on = mine.filter((wp) => (minutesByDay(wp.spans).get(d) ?? 0) > 0);
      if (on.length < 2) continue;
      band(`${w.id}: minutes across platforms on ${isoDay(d)}`, total, 690, 750);
      if (total > 720 && on.every((wp) => minutesByDay(wp.spans).get(d) <= 720)) got = true;
    }
  }
  const want = (w.further ?? []).includes('cross-platform-fatigue');
  if (want !== got) problems.push(`${w.id}: cross-platform-fatigue expected ${want}, got ${got}`);
  workerFires.set(w.id, got ? ['cross-platform-fatigue'] : []);
}

// dispatch-share: dispatched workers of a platform's labour + dispatch workers, per month (per platform)
const platformFires = new Map();
const platformFacts = new Map();
for (const platform of [P1, P2]) {
  let got = false;
  const text = [];
  for (const m of MONTHS) {
    let labor = 0;
    let dispatch = 0;
    for (const wp of [...byWp.values()].filter((x) => x.platform === platform)) {
      const days = wp.activeDays.filter((d) => d >= m.first && d <= m.last);
      if (!days.length) continue;
      const rel = dominant(relationFor(wp).relationOn, days);
      if (rel === 'labor') labor++;
      if (rel === 'dispatch') dispatch++;
    }
    if (labor + dispatch) text.push(`${m.label}: ${dispatch} dispatched of ${labor + dispatch} labour + dispatch workers`);
    if (dispatch === 0) continue;
    if (dispatch > Math.floor((labor + dispatch) * 0.1 + 1e-9)) got = true;
    band(`${platform}: dispatch share in ${m.key}`, dispatch / (labor + dispatch), 0.06, 0.19);
  }
  const want = PLATFORM_FIRES[platform].includes('dispatch-share');
  if (want !== got) problems.push(`${platform}: dispatch-share expected ${want}, got ${got}`);
  platformFires.set(platform, got ? ['dispatch-share'] : []);
  platformFacts.set(platform, text.join('; ') || 'no labour or dispatch workers');
}
if (problems.length) {
  console.error('make-samples: the generated data does not match the intended findings:\n  ' + problems.join('\n  '));
  process.exit(1);
}

// ---------------------------------------------------------------- orders.csv
orders.sort((x, y) => x.a - y.a || x.w.id.localeCompare(y.w.id) || x.platform.localeCompare(y.platform));
// Deliberately bad rows (the README lists them). They are extra orders of clean controls, so
// rejecting them changes no finding.
const find = (id, n) => orders.filter((o) => o.w.id === id && o.platform === P1)[n];
const badZero = { ...find('R2009', 40), bad: 'zero-date', payFen: 950, cancelled: false };
const badBackwards = { ...find('R1002', 60), bad: 'backwards', payFen: 1120, cancelled: false };
badBackwards.c = badBackwards.a - 40 * MIN; // completed 40 min before accepted: implausible
orders.splice(orders.indexOf(find('R2009', 40)) + 1, 0, badZero);
orders.splice(orders.indexOf(find('R1002', 60)) + 1, 0, badBackwards);
// The riders added for the further rules (R1018 onwards in WORKERS) number their orders after
// the day's orders of the first 37 riders, so that the order ids of the first edition of the
// samples stay as they were (documents and tests cite them).
const FIRST_EDITION = new Set(WORKERS.slice(0, WORKERS.findIndex((w) => w.id === 'R1018')).map((w) => w.id));
const seqByDay = new Map();
for (const o of [...orders.filter((x) => FIRST_EDITION.has(x.w.id)), ...orders.filter((x) => !FIRST_EDITION.has(x.w.id))]) {
  const day = Math.floor(o.a / DAY_S);
  const prefix = o.platform === P1 ? 'SD' : 'KP';
  const k = `${prefix}${day}`;
  const n = (seqByDay.get(k) ?? 0) + 1;
  seqByDay.set(k, n);
  const { y, m, d } = civil(day);
  o.id = `${prefix}${String(y).slice(2)}${pad(m)}${pad(d)}${String(n).padStart(4, '0')}`;
}
const dupOf = find('R3001', 25);
orders.splice(orders.indexOf(dupOf) + 3, 0, { ...dupOf, bad: 'duplicate' });

const orderRows = [];
const badLines = [];
for (const o of orders) {
  const area = AREAS[o.w.area];
  const line = o.platform === P1 ? area.line : 'ride_hailing';
  const employer = o.platform === P1 ? area.employer : '';
  const row = [
    o.id, o.w.id, o.bad === 'zero-date' ? '0000-00-00 00:00:00' : isoTime(o.a), isoTime(o.c), o.platform, employer,
    area.region, line, o.payFen === undefined ? '' : yuan(o.payFen), o.cancelled ? 'cancelled' : 'completed',
  ];
  orderRows.push(row);
  if (o.bad) badLines.push({ line: orderRows.length + 1, kind: o.bad, id: o.id, worker: o.w.id });
}
const ordersCsv = csvText(
  ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'employer', 'region', 'business_line', 'order_pay', 'status'],
  orderRows,
);

// ---------------------------------------------------------------- 结算记录.csv (GB18030)
payRows.sort((x, y) => x.ps - y.ps || x.w.id.localeCompare(y.w.id) || x.platform.localeCompare(y.platform));
const payCsvRows = payRows.filter((r) => !r.drop).map((r) => [
  r.w.id, r.w.name, r.platform, slashDay(r.ps), slashDay(r.pe), yuanCn(r.gross), yuanCn(r.overtime), yuanCn(r.allowance), yuanCn(r.holiday),
  yuanCn(r.deduction), r.reason, yuanCn(r.gross - r.deduction), slashDay(r.payDay), r.method, r.payslip,
]);
const payCsv = csvText(
  ['工号', '姓名', '平台', '结算周期开始', '结算周期结束', '应发工资', '加班费', '夜班津贴', '节假日加班费', '扣款', '扣款原因', '实发工资', '发放日期', '支付方式', '是否提供工资清单'],
  payCsvRows,
);

// ---------------------------------------------------------------- contracts.csv (UTF-8 with BOM) + 劳务派遣协议.csv
// Dispatch contracts come in a file of their own, as a dispatch agency's export would: a second
// contracts file in the same run, with the agency and its licence.
const contractCsvRows = [];
const dispatchCsvRows = [];
let contractNo = 0;
for (const w of WORKERS) {
  for (const c of w.contracts) {
    const party = c.signer === P2 ? P2 : partyOf(w, c.signer, P1);
    const start = parseDay(c.start);
    if (c.type === '劳务派遣') {
      dispatchCsvRows.push([w.id, c.type, party, c.agency ?? '', c.licensed ?? '', isoDay(start), c.end ?? '', isoDay(start - 2)]);
      continue;
    }
    contractNo++;
    contractCsvRows.push([
      w.id, `HT-${civil(start).y}-${pad(contractNo, 4)}`, c.type, party, isoDay(start), c.end ?? '',
      c.formCol === '口头' ? '' : isoDay(start - (contractNo % 3)), c.formCol ?? '书面', c.exclusive ?? '否', c.note ?? '',
    ]);
  }
}
const contractsCsv = '\ufeff' + csvText(
  ['worker_id', 'contract_no', 'contract_type', 'platform', 'start_date', 'end_date', 'signed_date', 'form', 'exclusive', 'note'],
  contractCsvRows,
);
const dispatchCsv = csvText(['工号', '合同类型', '用工主体', '劳务派遣单位', '是否具备派遣许可', '合同开始日期', '合同结束日期', '签订日期'], dispatchCsvRows);

// ---------------------------------------------------------------- insurance.csv
const insuranceCsvRows = [];
for (const w of WORKERS) {
  for (const i of w.insurance) {
    const party = i.payer === P2 ? P2 : partyOf(w, i.payer, P1);
    insuranceCsvRows.push([w.id, i.type, party, cnDay(parseDay(i.start)), i.end ? cnDay(parseDay(i.end)) : '', i.status ?? '正常']);
  }
}
const insuranceCsv = csvText(['骑手ID', '险种', '缴费单位', '参保日期', '停保日期', '参保状态'], insuranceCsvRows);

// ---------------------------------------------------------------- workers.csv
const workersCsv = csvText(
  ['worker_id', '姓名', '身份证号', '出生日期', '手机号', '区县', '入职日期', '安全培训日期'],
  WORKERS.map((w) => [
    w.id, w.name, w.birthVia === 'birth' ? '' : w.idNumber, w.birthVia ? isoDay(w.birthDay) : '', w.phone, AREAS[w.area].roster, w.hired,
    w.training === undefined ? '' : isoDay(w.training),
  ]),
);

// ---------------------------------------------------------------- expected.json + README
const CORE = RULES.slice(0, 4);
const wpList = [...byWp.values()].sort((a, b) => a.w.id.localeCompare(b.w.id) || (a.platform === P1 ? 0 : 1) - (b.platform === P1 ? 0 : 1));
const firesOf = (wp) => RULES.filter((r) => wp.fires.includes(r) || wp.further.includes(r));
const expectedJson = {
  description:
    'Expected outcome of every rule for the bundled samples (generated by scripts/make-samples.mjs): per worker-platform, ' +
    'per worker for worker-level rules and per platform for platform-level rules, each listing exactly the rules that fire.',
  period: { from: isoDay(WINDOW_START), to: isoDay(WINDOW_END) },
  rules: RULES,
  coreRules: CORE,
  scopes: Object.fromEntries(RULES.map((r) => [r, SCOPE[r] ?? 'worker-platform'])),
  workerPlatforms: Object.fromEntries(wpList.map((wp) => [wpKey(wp.w, wp.platform), {
    fires: firesOf(wp),
    ...(wp.platform === P1 && wp.w.mwMonths ? { minimumWageMonths: wp.w.mwMonths } : {}),
  }])),
  workers: Object.fromEntries(WORKERS.map((w) => [w.id, { fires: workerFires.get(w.id) }])),
  platforms: Object.fromEntries([P1, P2].map((p) => [p, { fires: platformFires.get(p) }])),
  rejectedRows: badLines.map((b) => ({ file: 'orders.csv', line: b.line, orderId: b.id, kind: b.kind })),
};

const counts = {
  orders: orderRows.length,
  pay: payCsvRows.length,
  contracts: contractCsvRows.length,
  dispatch: dispatchCsvRows.length,
  insurance: insuranceCsvRows.length,
  workers: WORKERS.length,
};
const firesCount = Object.fromEntries(RULES.map((r) => [
  r,
  SCOPE[r] === 'worker' ? [...workerFires.values()].filter((x) => x.includes(r)).length
    : SCOPE[r] === 'platform' ? [...platformFires.values()].filter((x) => x.includes(r)).length
      : wpList.filter((wp) => firesOf(wp).includes(r)).length,
]));
const badText = {
  'zero-date': 'accepted_at is `0000-00-00 00:00:00` (a zero date from the export) → rejected, unparseable date-time',
  backwards: 'completed_at is 40 minutes before accepted_at → rejected as implausible',
  duplicate: 'exact repeat of an earlier row (same order_id) → reported as a duplicate and counted once',
};
const code = (list) => (list.length ? list.map((r) => `\`${r}\``).join(', ') : '—');
const table = wpList.map((wp) => {
  const detail = facts.get(wpKey(wp.w, wp.platform)).join('; ');
  const workerLevel = wp.platform === P1 && workerFires.get(wp.w.id).length ? ` (worker level: ${code(workerFires.get(wp.w.id))})` : '';
  return `| ${wp.w.id} | ${wp.platform} | ${AREAS[wp.w.area].region} | ${code(firesOf(wp))}${workerLevel} | ${wp.platform === P1 ? wp.w.shows : `(${P2} side of the row above)`} | ${detail} |`;
});
const whereFires = RULES.map((r) => {
  const where = SCOPE[r] === 'worker' ? WORKERS.filter((w) => workerFires.get(w.id).includes(r)).map((w) => `${w.id} (worker)`)
    : SCOPE[r] === 'platform' ? [P1, P2].filter((p) => platformFires.get(p).includes(r)).map((p) => `${p} (platform)`)
      : wpList.filter((wp) => firesOf(wp).includes(r)).map((wp) => (wp.platform === P1 ? wp.w.id : `${wp.w.id} (${wp.platform})`));
  return `| \`${r}\` | ${CORE.includes(r) ? 'core' : 'further'} | ${SCOPE[r] ?? 'worker-platform'} | ${where.join(', ')} |`;
});

const readme = `# Sample export set (速达配送 / 快跑出行, Dec 2024 – Jan 2025)

A small, realistic set of platform exports for trying \`gigaudit\` and for end-to-end tests.
Everything in it is invented: the platforms 速达配送 (food delivery) and 快跑出行 (ride
hailing), the partner companies and dispatch agencies, the ${WORKERS.length} riders, their names,
resident ID numbers (18 digits with a correct GB 11643 check digit, but fictional) and phone
numbers. Every one of the ${RULES.length} rules fires at least once; the tables below say where.

Generated by \`node scripts/make-samples.mjs\` (seeded, no clock: re-running writes the same
bytes; do not edit these files by hand — change the script and regenerate). The script checks
its own output against the rule semantics of \`spec/rules.md\` — an independent reading of all
${RULES.length} rules — and refuses to write if an expected finding below does not hold, an
unexpected one would, or a margin is thin. \`expected.json\` holds the same outcome in
machine-readable form (it and this README are ignored by a folder run, which reads only
\`.csv/.tsv/.txt\`); \`tests/cli/samples.test.ts\` asserts that the audit matches it exactly.

\`\`\`
gigaudit audit samples/          # the report
gigaudit check samples/*.csv     # kinds detected, rows read / used / rejected
node scripts/make-samples.mjs    # regenerate (same bytes every time)
\`\`\`

## Files

| file | kind | encoding / format | rows |
|---|---|---|---|
| \`orders.csv\` | orders | UTF-8, no BOM, comma, CRLF; English headers; date-times \`2025-01-06 08:15:00\` (Asia/Shanghai, no offset); amounts \`12.50\`; \`business_line\` takeaway / instant_delivery / ride_hailing; \`status\` completed / cancelled | ${counts.orders} |
| \`结算记录.csv\` | pay | **GB18030**, comma, CRLF; Chinese headers (工号, 姓名, 平台, 结算周期开始, 结算周期结束, 应发工资, 加班费, 夜班津贴, 节假日加班费, 扣款, 扣款原因, 实发工资, 发放日期, 支付方式, 是否提供工资清单); amounts \`¥2,345.60\` (quoted, they contain a comma); dates \`2025/1/31\`; 扣款原因 社保个人部分 / 餐箱押金 / 超时罚款; 支付方式 银行转账 / 微信 / 支付宝 / 购物卡 | ${counts.pay} |
| \`contracts.csv\` | contracts | UTF-8 **with BOM**; English headers; Chinese values (书面协议, 新就业形态书面协议, 劳动合同, 非全日制劳动合同, 合作协议; 形式 书面/电子/口头; exclusive (排他条款) 是/否); ISO dates; extra columns \`contract_no\`, \`note\` (quoted, with commas) that the auditor should ignore | ${counts.contracts} |
| \`劳务派遣协议.csv\` | contracts (a second file of the kind) | UTF-8, no BOM; Chinese headers (工号, 合同类型, 用工主体, 劳务派遣单位, 是否具备派遣许可, 合同开始日期, 合同结束日期, 签订日期); 合同类型 劳务派遣; licence 是/否; ISO dates | ${counts.dispatch} |
| \`insurance.csv\` | insurance | UTF-8; Chinese headers (骑手ID, 险种, 缴费单位, 参保日期, 停保日期, 参保状态); dates \`2024年3月1日\`; types 职业伤害保障 / 工伤保险 / 养老保险 / 医疗保险 / 商业意外险; status 正常 / 欠费 / 停保 | ${counts.insurance} |
| \`workers.csv\` | workers | UTF-8; mixed headers (worker_id, 姓名, 身份证号, 出生日期, 手机号, 区县, 入职日期, 安全培训日期); ISO dates; 出生日期 given for R3014 only (with its ID number: the birth date is read first) | ${counts.workers} |

## How the data is built

- Period: orders from ${isoDay(WINDOW_START)} to ${isoDay(WINDOW_END)}, the last active day and so the
  audit's "today" (late or unpaid pay is judged as of it). Only R2011 and R1024 work on 元旦
  (2025-01-01, a statutory holiday); nobody works from 2025-01-28 (春节).
- Places: 永川区 and 城口县 (Chongqing tiers 1 and 2) and 旌阳区 (德阳, Sichuan). Minimum wages
  used by the self-check (facts.md §1.1–1.2): 永川 2100/21 → 2330/23, 城口 2000/20 → 2200/22,
  德阳 1970/21 → 2200/22, the second figure from 2025-01-01.
- 永川 riders of 速达配送 are managed by the partner company 永捷配送 (重庆永捷配送服务有限公司)
  and 德阳 riders by 旌达物流 (德阳旌达物流有限公司), named in the \`employer\` column of the
  orders; some of their agreements and insurances are with that company, which counts as with
  the platform. 城口 riders deal with 速达配送 directly. The two 劳务派遣 workers are insured by
  their dispatch agency, which also counts.
- Orders last 15–45 minutes (cancelled ones 5–14), with gaps of 0–10 minutes inside a shift
  and some stacked orders; ordinary shifts last at most 190 minutes and are at least 40
  minutes apart. "Long" shifts last 5½–6 hours with no gap of 20 minutes. The riders who
  show working-time rules (R1018, R1023, R2011) work shifts of exact length, as does R1024 on 元旦.
- Hourly-paid riders' monthly gross pay is their rate × working time (merged spans, waiting
  gaps included); \`order_pay\` adds up exactly to the same comparable pay per month.
  Salaried labour and dispatch workers' orders carry no \`order_pay\`, and their 扣款 is the
  employee social-insurance share (社保个人部分); R2011 is a labour-contract rider paid by the order.
- Pay for a month is paid 8–12 days after it ends (every ten days, 旬结, for the part-timers), in
  money, with a pay slip, without deposits or fines — except for R1019, R1020, R1021, R2014 and
  R3012 below. Only R3013's agreement has an exclusivity clause. Everyone but R1022 and R3014
  was trained before the first order, and everyone but R2015 (17) and R3014 (15) is an adult.

## Where each rule fires

Worker-platforms (workers, platforms) for which each of the ${RULES.length} rules fires: ${RULES.map((r) => `\`${r}\` ${firesCount[r]}`).join(', ')}.

| rule | kind | scope | fires for |
|---|---|---|---|
${whereFires.join('\n')}

Platform level: ${[P1, P2].map((p) => `${p}: ${platformFacts.get(p)}`).join('; ')}.

## Expected findings per worker-platform

Everything not listed here should be clean. \`cross-platform-fatigue\` is a worker-level rule
(R1011, both platforms together: noted on its 速达配送 row) and \`dispatch-share\` a
platform-level one (速达配送, see above).

| worker | platform | region | rules expected to fire | what it shows | computed facts |
|---|---|---|---|---|---|
${table.join('\n')}

## Deliberately bad rows (${badLines.length})

All in \`orders.csv\`; they belong to clean controls, so dropping them changes no finding.

| line | order_id | worker | problem |
|---|---|---|---|
${badLines.map((b) => `| ${b.line} | ${b.id} | ${b.worker} | ${badText[b.kind]} |`).join('\n')}
`;

// ---------------------------------------------------------------- write
mkdirSync(OUT, { recursive: true });
const files = [
  ['orders.csv', Buffer.from(ordersCsv, 'utf8')],
  ['结算记录.csv', iconv.encode(payCsv, 'gb18030')],
  ['contracts.csv', Buffer.from(contractsCsv, 'utf8')],
  ['劳务派遣协议.csv', Buffer.from(dispatchCsv, 'utf8')],
  ['insurance.csv', Buffer.from(insuranceCsv, 'utf8')],
  ['workers.csv', Buffer.from(workersCsv, 'utf8')],
  ['expected.json', Buffer.from(JSON.stringify(expectedJson, null, 2) + '\n', 'utf8')],
  ['README.md', Buffer.from(readme, 'utf8')],
];
for (const [name, bytes] of files) writeFileSync(join(OUT, name), bytes);
console.log(
  `samples/: ${files.map(([n, b]) => `${n} ${b.length} B`).join(', ')}\n` +
    `rows: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}\n` +
    `firing: ${RULES.map((r) => `${r} ${firesCount[r]}`).join(', ')}`,
);
