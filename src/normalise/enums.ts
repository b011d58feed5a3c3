// Enumerated cells: the Chinese and English words of data-contract.md, compared in the
// same normal form as headers, plus the canonical ids themselves. The same few words repeat
// on millions of order rows, so each parser memoises its answers.

import type {
  BusinessLine,
  ContractForm,
  ContractType,
  DeductionReason,
  InsuranceStatus,
  InsuranceType,
  OrderStatus,
  PaymentMethod,
} from '../model.js';
import { normKey } from './text.js';

type Words<T extends string> = Record<T, string[]>;
/** Keyword containment for free-text columns: first keyword found in the value decides. */
type Keywords<T extends string> = [string, T][];

const MEMO_LIMIT = 10_000;

function makeParser<T extends string>(words: Words<T>, keywords: Keywords<T> = [], fallback?: T) {
  const table = new Map<string, T>();
  for (const id of Object.keys(words) as T[]) {
    table.set(normKey(id), id);
    for (const w of words[id]) {
      const k = normKey(w);
      const prev = table.get(k);
      if (prev !== undefined && prev !== id) throw new Error(`enum word ${w} maps to both ${prev} and ${id}`);
      table.set(k, id);
    }
  }
  const kw = keywords.map(([w, id]) => [normKey(w), id] as const);
  const memo = new Map<string, T | null>();
  return (raw: string): T | undefined => {
    const hit = memo.get(raw);
    if (hit !== undefined) return hit ?? undefined;
    const k = normKey(raw);
    let v: T | undefined = table.get(k);
    if (v === undefined) {
      for (const [w, id] of kw) {
        if (k.includes(w)) {
          v = id;
          break;
        }
      }
    }
    if (v === undefined) v = fallback;
    if (memo.size < MEMO_LIMIT) memo.set(raw, v ?? null);
    return v;
  };
}

export const CONTRACT_TYPE_WORDS: Words<ContractType> = {
  labor_contract: ['劳动合同', '全日制劳动合同', '全日制', '固定期限劳动合同', '无固定期限劳动合同', 'labor contract', 'labour contract', 'employment contract', 'full-time contract', 'full time'],
  part_time_contract: ['非全日制劳动合同', '非全日制', '非全日制用工', 'part-time contract', 'part-time', 'part time labor contract'],
  dispatch_contract: ['劳务派遣', '派遣劳动合同', '劳务派遣合同', '派遣', 'dispatch', 'dispatch contract', 'labor dispatch', 'labour dispatch'],
  written_agreement: ['书面协议', '用工协议', '新就业形态书面协议', '新就业形态用工协议', 'written agreement', 'work agreement'],
  cooperation_agreement: ['合作协议', '承揽协议', '服务协议', '众包协议', '众包', '劳务协议', '劳务合同', '承揽合同', 'cooperation agreement', 'cooperation', 'crowdsourcing agreement', 'crowdsourcing', 'service agreement', 'contractor agreement'],
  individual_business: ['个体工商户', '个体户', '个体经营', 'individual business', 'self-employed', 'sole proprietor'],
};

export const INSURANCE_TYPE_WORDS: Words<InsuranceType> = {
  work_injury: ['工伤保险', '工伤', '工伤险', 'work injury insurance', 'work injury', "workers' compensation", 'workers compensation'],
  occupational_injury: ['职业伤害保障', '职业伤害保险', '职业伤害', '新就业形态人员职业伤害保障', 'occupational injury protection', 'occupational injury insurance', 'occupational injury'],
  pension: ['养老保险', '基本养老保险', '养老', '职工基本养老保险', 'pension insurance', 'pension'],
  medical: ['医疗保险', '基本医疗保险', '医保', '医疗', '职工基本医疗保险', 'medical insurance', 'medical', 'health insurance'],
  unemployment: ['失业保险', '失业', 'unemployment insurance', 'unemployment'],
  accident: ['商业意外险', '人身意外险', '意外险', '意外伤害保险', '团体意外险', '骑手意外险', 'accident insurance', 'accident', 'personal accident'],
  employer_liability: ['雇主责任险', '雇主责任保险', 'employer liability insurance', 'employer liability', "employer's liability"],
};

export const INSURANCE_STATUS_WORDS: Words<InsuranceStatus> = {
  active: ['正常', '已缴', '已缴费', '正常缴费', '缴费正常', '参保', '在保', '参保中', '有效', '生效', 'paid', 'normal', 'in force', 'valid'],
  unpaid: ['欠费', '未缴', '未缴费', '欠缴', '补缴', 'arrears', 'owed'],
  lapsed: ['停保', '中断', '中断缴费', '终止', '失效', '退保', '已停保', '暂停', 'stopped', 'terminated', 'suspended', 'expired', 'cancelled'],
};

export const ORDER_STATUS_WORDS: Words<OrderStatus> = {
  completed: ['已完成', '完成', '已送达', '送达', '已签收', '签收', '完单', '已完单', '成功', 'done', 'finished', 'delivered', 'success', 'complete'],
  cancelled: ['已取消', '取消', '已撤销', '撤单', '已撤单', 'canceled', 'cancel'],
};

export const PAYMENT_METHOD_WORDS: Words<PaymentMethod> = {
  bank: ['银行转账', '银行卡', '银行', '转账', '银行代发', '对公转账', 'bank transfer', 'bank card'],
  wechat: ['微信', '微信支付', '微信转账', '微信零钱', 'weixin', 'wechat pay'],
  alipay: ['支付宝', '支付宝转账', 'alipay transfer'],
  cash: ['现金', 'cash payment'],
  points: ['积分', '平台积分', 'point', 'credits'],
  voucher: ['购物卡', '消费券', '代金券', '购物券', '优惠券', '礼品卡', 'coupon', 'gift card', 'vouchers'],
  goods: ['实物', '实物发放', '商品', 'in kind', 'in-kind'],
  equity: ['有价证券', '股权', '股票', '期权', 'securities', 'stock', 'shares'],
  other: ['其他', '其它'],
};

export const DEDUCTION_REASON_WORDS: Words<DeductionReason> = {
  deposit: ['押金', '保证金', '风险金', '质保金'],
  fine: ['罚款', '罚金', '处罚', '扣罚', '违规扣款', 'penalty'],
  equipment: ['装备费', '装备', '服装费', '设备费', '工服', '餐箱', '头盔', 'uniform', 'gear'],
  training: ['培训费', '培训', 'training fee'],
  insurance: ['保险', '保险费', '保费', '意外险', 'insurance premium', 'premium'],
  tax: ['个税', '个人所得税', '所得税', '代扣个税', 'income tax'],
  social: ['社保个人部分', '社保', '社会保险', '社保个人缴纳', '个人社保', '公积金', 'social insurance', 'social security'],
  other: ['其他', '其它'],
};
// Deduction reasons are often free text (超时罚款, 餐箱押金): classify by keyword, never reject.
const DEDUCTION_KEYWORDS: Keywords<DeductionReason> = [
  ['社保', 'social'],
  ['社会保险', 'social'],
  ['公积金', 'social'],
  ['押金', 'deposit'],
  ['保证金', 'deposit'],
  ['罚', 'fine'],
  ['装备', 'equipment'],
  ['服装', 'equipment'],
  ['设备', 'equipment'],
  ['培训', 'training'],
  ['个税', 'tax'],
  ['所得税', 'tax'],
  ['保险', 'insurance'],
  ['保费', 'insurance'],
];

export const BUSINESS_LINE_WORDS: Words<BusinessLine> = {
  takeaway: ['外卖', '餐饮外卖', '外卖配送', 'food delivery', 'food'],
  instant_delivery: ['即时配送', '闪送', '跑腿', '同城配送', '同城急送', 'instant delivery', 'errand'],
  ride_hailing: ['网约车', '出行', '打车', '专车', '快车', '顺风车', '网约车出行', 'ride hailing', 'ride-hailing', 'taxi'],
  express: ['快递', '快递收派', '快递配送', 'courier', 'parcel'],
  freight: ['同城货运', '货运', '货运配送', 'logistics'],
  other: ['其他', '其它'],
};
// The contract says: anything else is `other`. Keywords catch 美团外卖, 网约车(快车) and similar.
const BUSINESS_KEYWORDS: Keywords<BusinessLine> = [
  ['外卖', 'takeaway'],
  ['即时配送', 'instant_delivery'],
  ['闪送', 'instant_delivery'],
  ['跑腿', 'instant_delivery'],
  ['网约车', 'ride_hailing'],
  ['出行', 'ride_hailing'],
  ['快递', 'express'],
  ['货运', 'freight'],
];

export const CONTRACT_FORM_WORDS: Words<ContractForm> = {
  written: ['书面', '纸质', '书面合同', '纸质合同', 'paper'],
  electronic: ['电子', '电子合同', '电子签', '电子签约', '线上', 'online', 'e-contract', 'digital'],
  oral: ['口头', '口头约定', '口头协议', 'verbal'],
};

export const parseContractType = makeParser(CONTRACT_TYPE_WORDS);
export const parseInsuranceType = makeParser(INSURANCE_TYPE_WORDS);
export const parseInsuranceStatus = makeParser(INSURANCE_STATUS_WORDS);
export const parseOrderStatus = makeParser(ORDER_STATUS_WORDS);
export const parsePaymentMethod = makeParser(PAYMENT_METHOD_WORDS);
export const parseDeductionReason = makeParser(DEDUCTION_REASON_WORDS, DEDUCTION_KEYWORDS, 'other');
export const parseBusinessLine = makeParser(BUSINESS_LINE_WORDS, BUSINESS_KEYWORDS, 'other');
export const parseContractForm = makeParser(CONTRACT_FORM_WORDS);
