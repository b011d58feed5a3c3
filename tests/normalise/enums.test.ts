import { describe, expect, it } from 'vitest';
import { parseBusinessLine, parseContractForm, parseContractType, parseDeductionReason, parseInsuranceStatus, parseInsuranceType, parseOrderStatus, parsePaymentMethod } from '../../src/normalise/enums.js';
import { ENUM_TABLES, type EnumParser as Parser } from '../helpers/enum-tables.js';

describe.each(ENUM_TABLES)('%s: every listed word and id', (_name, words, parse) => {
  const rows = Object.entries(words).flatMap(([id, ws]) => [[id, id] as const, ...ws.map((w) => [w, id] as const)]);
  it.each(rows)('%j → %s', (word, id) => {
    expect(parse(word)).toBe(id);
  });
});

describe('words from data-contract.md', () => {
  const cases: [Parser, string, string][] = [
    [parseContractType, '劳动合同', 'labor_contract'],
    [parseContractType, '全日制劳动合同', 'labor_contract'],
    [parseContractType, '非全日制劳动合同', 'part_time_contract'],
    [parseContractType, '非全日制', 'part_time_contract'],
    [parseContractType, '劳务派遣', 'dispatch_contract'],
    [parseContractType, '派遣劳动合同', 'dispatch_contract'],
    [parseContractType, '书面协议', 'written_agreement'],
    [parseContractType, '用工协议', 'written_agreement'],
    [parseContractType, '新就业形态书面协议', 'written_agreement'],
    [parseContractType, '合作协议', 'cooperation_agreement'],
    [parseContractType, '承揽协议', 'cooperation_agreement'],
    [parseContractType, '服务协议', 'cooperation_agreement'],
    [parseContractType, '众包协议', 'cooperation_agreement'],
    [parseContractType, '个体工商户', 'individual_business'],
    [parseContractType, '个体户', 'individual_business'],
    [parseContractType, 'Labor Contract', 'labor_contract'],
    [parseContractType, 'PART_TIME_CONTRACT', 'part_time_contract'],
    [parseContractType, 'part-time', 'part_time_contract'],
    [parseInsuranceType, '工伤保险', 'work_injury'],
    [parseInsuranceType, '职业伤害保障', 'occupational_injury'],
    [parseInsuranceType, '养老保险', 'pension'],
    [parseInsuranceType, '医疗保险', 'medical'],
    [parseInsuranceType, '失业保险', 'unemployment'],
    [parseInsuranceType, '商业意外险', 'accident'],
    [parseInsuranceType, '人身意外险', 'accident'],
    [parseInsuranceType, '雇主责任险', 'employer_liability'],
    [parseInsuranceStatus, '正常', 'active'],
    [parseInsuranceStatus, '已缴', 'active'],
    [parseInsuranceStatus, '欠费', 'unpaid'],
    [parseInsuranceStatus, '未缴', 'unpaid'],
    [parseInsuranceStatus, '停保', 'lapsed'],
    [parseInsuranceStatus, '中断', 'lapsed'],
    [parseOrderStatus, '已完成', 'completed'],
    [parseOrderStatus, '已取消', 'cancelled'],
    [parseOrderStatus, 'Cancelled', 'cancelled'],
    [parseOrderStatus, 'canceled', 'cancelled'],
    [parsePaymentMethod, '银行转账', 'bank'],
    [parsePaymentMethod, '微信', 'wechat'],
    [parsePaymentMethod, '支付宝', 'alipay'],
    [parsePaymentMethod, '现金', 'cash'],
    [parsePaymentMethod, '积分', 'points'],
    [parsePaymentMethod, '购物卡', 'voucher'],
    [parsePaymentMethod, '消费券', 'voucher'],
    [parsePaymentMethod, '实物', 'goods'],
    [parsePaymentMethod, '有价证券', 'equity'],
    [parsePaymentMethod, 'securities', 'equity'],
    [parsePaymentMethod, 'Bank Transfer', 'bank'],
    [parseDeductionReason, '押金', 'deposit'],
    [parseDeductionReason, '保证金', 'deposit'],
    [parseDeductionReason, '罚款', 'fine'],
    [parseDeductionReason, '装备费', 'equipment'],
    [parseDeductionReason, '培训费', 'training'],
    [parseDeductionReason, '保险', 'insurance'],
    [parseDeductionReason, '个税', 'tax'],
    [parseDeductionReason, '社保个人部分', 'social'],
    [parseBusinessLine, '外卖', 'takeaway'],
    [parseBusinessLine, '即时配送', 'instant_delivery'],
    [parseBusinessLine, '闪送', 'instant_delivery'],
    [parseBusinessLine, '跑腿', 'instant_delivery'],
    [parseBusinessLine, '网约车', 'ride_hailing'],
    [parseBusinessLine, '出行', 'ride_hailing'],
    [parseBusinessLine, '快递', 'express'],
    [parseBusinessLine, '同城货运', 'freight'],
    [parseBusinessLine, '货运', 'freight'],
    [parseBusinessLine, 'ride-hailing', 'ride_hailing'],
    [parseContractForm, '书面', 'written'],
    [parseContractForm, '电子', 'electronic'],
    [parseContractForm, '口头', 'oral'],
  ];
  it.each(cases)('%#: %j → %s', (parse, word, id) => {
    expect(parse(word)).toBe(id);
  });
});

describe('normalised like headers', () => {
  it('ignores case, spaces, separators, full width and bracketed notes', () => {
    expect(parseContractType(' Labour_Contract ')).toBe('labor_contract');
    expect(parseInsuranceType('工伤保险（统筹）')).toBe('work_injury');
    expect(parseOrderStatus('ＣＯＭＰＬＥＴＥＤ')).toBe('completed');
    expect(parsePaymentMethod('WeChat')).toBe('wechat');
  });
});

describe('unknown words', () => {
  it('are undefined for closed enumerations', () => {
    expect(parseContractType('实习协议')).toBeUndefined();
    expect(parseInsuranceType('生育保险')).toBeUndefined();
    expect(parseInsuranceStatus('whatever')).toBeUndefined();
    expect(parseOrderStatus('配送中')).toBeUndefined();
    expect(parsePaymentMethod('比特币')).toBeUndefined();
    expect(parseContractForm('手写')).toBeUndefined();
  });
  it('business line falls back to other, using keywords first', () => {
    expect(parseBusinessLine('美团外卖')).toBe('takeaway');
    expect(parseBusinessLine('网约车(快车)')).toBe('ride_hailing');
    expect(parseBusinessLine('家政服务')).toBe('other');
  });
  it('deduction reasons are classified by keyword, else other', () => {
    expect(parseDeductionReason('超时罚款')).toBe('fine');
    expect(parseDeductionReason('餐箱押金')).toBe('deposit');
    expect(parseDeductionReason('社会保险个人缴纳')).toBe('social');
    expect(parseDeductionReason('意外保险费')).toBe('insurance');
    expect(parseDeductionReason('差评')).toBe('other');
  });
  it('memoised answers stay the same on repeat', () => {
    expect(parseOrderStatus('已取消')).toBe('cancelled');
    expect(parseOrderStatus('已取消')).toBe('cancelled');
    expect(parseOrderStatus('配送中')).toBeUndefined();
    expect(parseOrderStatus('配送中')).toBeUndefined();
  });
});
