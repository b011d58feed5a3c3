import { describe, expect, it } from 'vitest';
import { law } from './helpers.js';
import { normaliseRegionName } from '../../src/law/index.js';

// input → [ruleset, canonical region, tier]
const TABLE: [string, string, string, string | undefined][] = [
  ['永川', 'cn-chongqing-yongchuan', '永川区', '1'],
  ['永川区', 'cn-chongqing-yongchuan', '永川区', '1'],
  ['重庆市永川区', 'cn-chongqing-yongchuan', '永川区', '1'],
  ['重庆永川', 'cn-chongqing-yongchuan', '永川区', '1'],
  [' 重庆市 永川区 ', 'cn-chongqing-yongchuan', '永川区', '1'],
  ['500118', 'cn-chongqing-yongchuan', '永川区', '1'],
  ['５００１１８', 'cn-chongqing-yongchuan', '永川区', '1'], // full-width digits (NFKC)
  ['城口县', 'cn-chongqing-chengkou', '城口县', '2'],
  ['城口', 'cn-chongqing-chengkou', '城口县', '2'],
  ['500229', 'cn-chongqing-chengkou', '城口县', '2'],
  ['铜梁区', 'cn-chongqing-tongliang', '铜梁区', '1'],
  ['渝中区', 'cn-chongqing', '渝中区', '1'],
  ['两江新区', 'cn-chongqing', '两江新区', '1'],
  ['石柱县', 'cn-chongqing', '石柱土家族自治县', '2'],
  ['开县', 'cn-chongqing', '开州区', '1'],
  ['德阳', 'cn-sichuan-deyang', '德阳市', '2'],
  ['德阳市', 'cn-sichuan-deyang', '德阳市', '2'],
  ['广汉市', 'cn-sichuan-deyang', '广汉市', '2'],
  ['四川省德阳市广汉市', 'cn-sichuan-deyang', '广汉市', '2'],
  ['510681', 'cn-sichuan-deyang', '广汉市', '2'],
  ['德阳市旌阳区', 'cn-sichuan-deyang', '旌阳区', '2'],
  ['五华区', 'cn-yunnan', '五华区', 'I'],
  ['昆明市五华区', 'cn-yunnan', '五华区', 'I'],
  ['云南省昆明市东川区', 'cn-yunnan', '东川区', 'II'],
  ['530113', 'cn-yunnan', '东川区', 'II'],
  ['磨憨', 'cn-yunnan', '勐腊县', 'III'],
  ['勐腊县', 'cn-yunnan', '勐腊县', 'III'],
];

describe('resolveRegion', () => {
  it.each(TABLE)('%s → %s %s tier %s', (input, rulesetId, region, tier) => {
    const j = law.resolveRegion(input);
    expect(j).toBeDefined();
    expect(j!.rulesetId).toBe(rulesetId);
    expect(j!.region).toBe(region);
    expect(j!.tier).toBe(tier);
  });

  it('gives codes and provinces', () => {
    expect(law.resolveRegion('永川')).toMatchObject({ code: '500118', province: 'chongqing' });
    expect(law.resolveRegion('德阳')).toMatchObject({ code: '510600', province: 'sichuan' });
    expect(law.resolveRegion('两江新区')?.code).toBeUndefined();
  });

  it('puts unlisted places in Yunnan in category III by default', () => {
    expect(law.resolveRegion('云南省西双版纳州勐海县')).toMatchObject({ rulesetId: 'cn-yunnan', province: 'yunnan', tier: 'III' });
    expect(law.resolveRegion('532822')).toMatchObject({ rulesetId: 'cn-yunnan', code: '532822', tier: 'III' });
  });

  it('gives no tier where a name spans tiers', () => {
    expect(law.resolveRegion('昆明')).toMatchObject({ rulesetId: 'cn-yunnan', region: '昆明市', tier: undefined });
    expect(law.resolveRegion('重庆')).toMatchObject({ rulesetId: 'cn-chongqing', tier: undefined });
    expect(law.resolveRegion('重庆市某某新区')).toMatchObject({ rulesetId: 'cn-chongqing', province: 'chongqing', tier: undefined });
  });

  it('returns undefined for unknown places', () => {
    for (const s of ['北京市朝阳区', 'Springfield', '', '   ', '110105', '永']) expect(law.resolveRegion(s), s).toBeUndefined();
  });

  it('normalises names', () => {
    expect(normaliseRegionName(' 永川\u3000区 ')).toBe('永川区');
  });
});

describe('defaultJurisdiction', () => {
  it('uses the default region of a district or city ruleset', () => {
    expect(law.defaultJurisdiction('cn-chongqing-yongchuan')).toMatchObject({ rulesetId: 'cn-chongqing-yongchuan', region: '永川区', tier: '1' });
    expect(law.defaultJurisdiction('cn-chongqing-chengkou')).toMatchObject({ region: '城口县', tier: '2' });
    expect(law.defaultJurisdiction('cn-sichuan-deyang')).toMatchObject({ region: '德阳市', tier: '2', province: 'sichuan' });
  });

  it('gives no tier for a whole province, and undefined for unknown ids', () => {
    const j = law.defaultJurisdiction('cn-chongqing');
    expect(j).toMatchObject({ rulesetId: 'cn-chongqing', region: '重庆市', province: 'chongqing' });
    expect(j?.tier).toBeUndefined();
    expect(law.param('cn-chongqing', 'minimum_wage.monthly_fen', 20200, j?.tier)).toBeUndefined();
    expect(law.defaultJurisdiction('cn')).toMatchObject({ rulesetId: 'cn', province: '' });
    expect(law.defaultJurisdiction('cn-tibet')).toBeUndefined();
  });
});
