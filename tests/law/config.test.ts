import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, withConfig } from '../../src/law/index.js';
import { UsageError } from '../../src/errors.js';
import { d, law } from './helpers.js';

const config = parseConfig(
  {
    rules: {
      'continuous-order-time': { parameters: { max_minutes: 300 } },
      payslip: { enabled: false },
    },
    platforms: {
      美团: { rules: { 'continuous-order-time': { severity: 'error', parameters: { max_minutes: 180 } } } },
    },
    map: { worker_id: '骑手编号' },
  },
  'gig.json',
);
const configured = withConfig(law, config);
const day = d('2025-03-04');

describe('--config', () => {
  it('lets a platform value win over the global one, and the global over the ruleset', () => {
    const mt = configured.ruleParam('cn-chongqing-yongchuan', 'continuous-order-time', 'max_minutes', day, '美团');
    expect(mt).toMatchObject({ value: 180, origin: 'config', source: 'config gig.json', verified: true });
    const other = configured.ruleParam('cn-chongqing-yongchuan', 'continuous-order-time', 'max_minutes', day, '饿了么');
    expect(other).toMatchObject({ value: 300, origin: 'config' });
    const none = configured.ruleParam('cn-chongqing-yongchuan', 'continuous-order-time', 'break_minutes', day, '美团');
    expect(none).toMatchObject({ value: 20, origin: 'ruleset', rulesetId: 'cn' });
    // the underlying law is untouched
    expect(law.ruleParam('cn-chongqing-yongchuan', 'continuous-order-time', 'max_minutes', day, '美团')?.value).toBe(240);
  });

  it('applies severities and on/off per platform, keeping the basis', () => {
    const mt = configured.ruleSettings('cn-chongqing-yongchuan', 'continuous-order-time', '美团');
    expect(mt.severity).toBe('error');
    expect(mt.basis[0]).toEqual({ document: '永人社发〔2025〕20号', clause: '6' });
    expect(configured.ruleSettings('cn-chongqing-yongchuan', 'continuous-order-time', '饿了么').severity).toBe('warning');
    expect(configured.ruleSettings('cn', 'payslip').enabled).toBe(false);
    expect(configured.ruleSettings('cn', 'minimum-wage').enabled).toBe(true);
  });

  it('passes everything else through to the law', () => {
    expect(configured.resolveRegion('永川')?.tier).toBe('1');
    expect(configured.rulesets.length).toBe(law.rulesets.length);
    expect(configured.dayType(d('2025-01-28'))).toBe('statutory');
    expect(config.map).toEqual({ worker_id: '骑手编号' });
  });

  it('rejects unknown rule ids, parameter names, wrong types and unknown keys, naming the key path', () => {
    const bad = (json: unknown) => () => withConfig(law, parseConfig(json, 'gig.json'));
    expect(bad({ rules: { 'no-such-rule': {} } })).toThrow('gig.json: rules.no-such-rule: unknown rule id');
    expect(bad({ platforms: { 美团: { rules: { 'daily-work-time': { parameters: { max_hours: 10 } } } } } })).toThrow(
      'gig.json: platforms.美团.rules.daily-work-time.parameters.max_hours: unknown parameter',
    );
    expect(bad({ rules: { 'daily-work-time': { parameters: { max_minutes: '600' } } } })).toThrow(
      'gig.json: rules.daily-work-time.parameters.max_minutes: expected number, received string',
    );
    expect(bad({ rules: { 'daily-work-time': { severity: 'fatal' } } })).toThrow(/gig\.json: rules\.daily-work-time\.severity:/);
    expect(bad({ rules: { 'daily-work-time': { enable: false } } })).toThrow('gig.json: rules.daily-work-time.enable: unknown key');
    expect(bad({ rulez: {} })).toThrow(UsageError);
  });

  it('reads a config file and names it in errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gigaudit-config-'));
    const good = path.join(dir, 'ok.json');
    writeFileSync(good, JSON.stringify({ rules: { 'weekly-rest': { parameters: { max_consecutive_days: 5 } } } }));
    const c = withConfig(law, loadConfig(good));
    expect(c.ruleParam('cn', 'weekly-rest', 'max_consecutive_days', day)).toMatchObject({ value: 5, source: `config ${good}` });
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "rules": ');
    expect(() => loadConfig(broken)).toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON`));
    expect(() => loadConfig(path.join(dir, 'missing.json'))).toThrow(/missing\.json: no such file/);
  });
});
