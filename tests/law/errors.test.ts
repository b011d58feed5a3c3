// Broken rulesets: the loader must refuse them with a message naming file and key path.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESET_DIR, loadLaw } from '../../src/law/index.js';
import { UsageError } from '../../src/errors.js';

const original = (name: string) => JSON.parse(readFileSync(path.join(DEFAULT_RULESET_DIR, name), 'utf8'));

/** A temp copy of the rulesets with one file edited (or added); returns the directory. */
function withEdit(name: string, edit: (json: any) => unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gigaudit-rulesets-'));
  for (const n of ['cn.json', 'cn-chongqing.json', 'cn-chongqing-yongchuan.json', 'cn-sichuan.json', 'cn-sichuan-deyang.json'])
    copyFileSync(path.join(DEFAULT_RULESET_DIR, n), path.join(dir, n));
  let json: any;
  try {
    json = original(name);
  } catch {
    json = undefined;
  }
  const out = edit(json) ?? json;
  writeFileSync(path.join(dir, name), typeof out === 'string' ? out : JSON.stringify(out));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadLaw(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message.replace(dir + path.sep, '');
  }
  throw new Error('loaded a broken ruleset');
}

describe('ruleset validation', () => {
  it('loads an unedited copy', () => {
    expect(loadLaw(withEdit('cn.json', () => undefined)).rulesets.length).toBe(5);
  });

  it.each<[string, string, (j: any) => unknown, RegExp | string]>([
    ['a number where tiers are expected', 'cn-chongqing.json',
      (j) => { j.parameters['minimum_wage.monthly_fen'].values['2025-01-01'].value = 233000; },
      /^cn-chongqing\.json: parameters\.minimum_wage\.monthly_fen\.values\.2025-01-01\.value: expected object/],
    ['a missing source', 'cn-chongqing.json',
      (j) => { delete j.parameters['minimum_wage.hourly_fen'].values['2022-04-01'].source; },
      /cn-chongqing\.json: parameters\.minimum_wage\.hourly_fen\.values\.2022-04-01\.source: /],
    ['an empty source', 'cn.json',
      (j) => { j.rules['weekly-rest'].parameters.max_consecutive_days.values['1995-01-01'].source = ' '; },
      'cn.json: rules.weekly-rest.parameters.max_consecutive_days.values.1995-01-01.source: must not be empty'],
    ['an invalid date', 'cn-chongqing.json',
      (j) => { const v = j.parameters['minimum_wage.monthly_fen'].values; v['2025-02-30'] = v['2025-01-01']; },
      'cn-chongqing.json: parameters.minimum_wage.monthly_fen.values.2025-02-30: invalid key: expected an ISO day YYYY-MM-DD'],
    ['an unknown key', 'cn-chongqing.json', (j) => { j.regions[1].teir = '1'; }, 'cn-chongqing.json: regions.1.teir: unknown key'],
    ['an unknown law parameter', 'cn-chongqing.json',
      (j) => { j.parameters['minimum_wage.daily_fen'] = j.parameters['minimum_wage.monthly_fen']; },
      'cn-chongqing.json: parameters.minimum_wage.daily_fen: unknown key'],
    ['a tier left out', 'cn-chongqing.json',
      (j) => { delete j.parameters['minimum_wage.monthly_fen'].values['2022-04-01'].value['2']; },
      /cn-chongqing\.json: parameters\.minimum_wage\.monthly_fen\.values\.2022-04-01\.value: no value for tier "2"/],
    ['a missing parent', 'cn-chongqing-yongchuan.json', (j) => { j.extends = 'cn-chungking'; },
      'cn-chongqing-yongchuan.json: extends: unknown ruleset "cn-chungking"'],
    ['a cycle', 'cn-chongqing.json', (j) => { j.extends = 'cn-chongqing-yongchuan'; }, /extends: inheritance cycle/],
    ['an unknown rule id', 'cn-chongqing-yongchuan.json', (j) => { j.rules['continous-order-time'] = { severity: 'error' }; },
      'cn-chongqing-yongchuan.json: rules.continous-order-time: unknown rule id (not in cn.json)'],
    ['an unknown rule parameter', 'cn-chongqing-yongchuan.json',
      (j) => { j.rules['continuous-order-time'].parameters = { max_hours: { values: { '2025-02-11': { value: 4, source: 'x', verified: false } } } }; },
      'cn-chongqing-yongchuan.json: rules.continuous-order-time.parameters.max_hours: unknown parameter of rule "continuous-order-time"'],
    ['a wrongly typed rule parameter', 'cn-chongqing-yongchuan.json',
      (j) => { j.rules['continuous-order-time'].parameters = { max_minutes: { values: { '2025-02-11': { value: '4h', source: 'x', verified: false } } } }; },
      'cn-chongqing-yongchuan.json: rules.continuous-order-time.parameters.max_minutes.values.2025-02-11.value: expected number, received string'],
    ['a basis citing an unlisted document', 'cn-chongqing-yongchuan.json',
      (j) => { j.rules['payslip'].basis = [{ document: '永人社发〔2025〕21号', clause: '5' }]; },
      'cn-chongqing-yongchuan.json: rules.payslip.basis.0.document: unknown document "永人社发〔2025〕21号" (list it in documents here or in an ancestor)'],
    ['a root rule without severity', 'cn.json', (j) => { delete j.rules['payslip'].severity; }, 'cn.json: rules.payslip.severity: required in the root ruleset'],
    ['a holiday list with a weekday make-up day', 'cn.json', (j) => { j.holidays['2025'].workdays.push('2025-03-05'); },
      /cn\.json: holidays\.2025\.workdays\.5: 2025-03-05 is a weekday/],
    ['holidays outside the root', 'cn-chongqing.json', (j) => { j.holidays = {}; }, 'cn-chongqing.json: holidays: only the root ruleset holds the holiday calendar'],
    ['a file id that differs from its name', 'cn-chongqing-yongchuan.json', (j) => { j.id = 'cn-yongchuan'; },
      'cn-chongqing-yongchuan.json: id: "cn-yongchuan" does not match the file name "cn-chongqing-yongchuan"'],
    ['a conflicting tier', 'cn-chongqing-yongchuan.json', (j) => { j.regions[0].tier = '2'; },
      /cn-chongqing-yongchuan\.json: regions\.0\.tier: "2" conflicts with "1"/],
    ['a name given to two places', 'cn-sichuan.json', (j) => { j.regions[2].aliases = ['永川']; }, /"永川" names both/],
    ['invalid JSON', 'cn-chongqing.json', () => '{ "id": ', /cn-chongqing\.json: invalid JSON/],
    ['a second root', 'cn-other.json', () => ({ id: 'cn-other', version: '1', name: { zh: 'x', en: 'x' }, documents: [] }),
      /expected exactly one root ruleset/],
  ])('rejects %s', (_what, file, edit, message) => {
    const msg = loadError(withEdit(file, edit));
    if (typeof message === 'string') expect(msg).toBe(message);
    else expect(msg).toMatch(message);
  });

  it('loads extra ruleset files that extend the bundled ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gigaudit-extra-'));
    const extra = path.join(dir, 'company.json');
    writeFileSync(extra, JSON.stringify({
      id: 'cn-chongqing-yongchuan-acme', extends: 'cn-chongqing-yongchuan', version: '1',
      name: { zh: '某公司协商', en: 'Acme negotiated limits' }, documents: [],
      rules: { 'continuous-order-time': { severity: 'error', parameters: { max_minutes: { values: { '2025-03-01': { value: 210, source: 'collective agreement 2025', verified: true } } } } } },
    }));
    const law = loadLaw(DEFAULT_RULESET_DIR, [extra]);
    const day = 20150; // 2025-03-03
    expect(law.ruleParam('cn-chongqing-yongchuan-acme', 'continuous-order-time', 'max_minutes', day)).toMatchObject({ value: 210, rulesetId: 'cn-chongqing-yongchuan-acme' });
    expect(law.ruleParam('cn-chongqing-yongchuan-acme', 'continuous-order-time', 'max_minutes', day - 5)?.value).toBe(240);
    expect(law.ruleSettings('cn-chongqing-yongchuan-acme', 'continuous-order-time').severity).toBe('error');
    expect(law.param('cn-chongqing-yongchuan-acme', 'minimum_wage.monthly_fen', day, '1')?.value).toBe(233000);
  });
});
