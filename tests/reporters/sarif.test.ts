import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { sarif, toUri } from '../../src/reporters/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { finding, report } from '../helpers/report.js';

// The OASIS schema is kept in shared/schemas, beside the repository (as CI checks it out).
const SCHEMA_PATH = [resolve(__dirname, '../../../shared/schemas/sarif-schema-2.1.0.json'), '/work/shared/schemas/sarif-schema-2.1.0.json'].find((p) => existsSync(p));
if (!SCHEMA_PATH) throw new Error('sarif-schema-2.1.0.json not found in ../shared/schemas beside the repository');
const SCHEMA = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
// The published schema's `language` pattern has a stray `]` that is invalid in Unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

function valid(text: string) {
  const log = JSON.parse(text);
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

describe('sarif reporter', () => {
  it('validates against the SARIF 2.1.0 schema and carries rules, results and artifacts', () => {
    const log = valid(sarif(report()));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('gigaudit');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const mw = run.tool.driver.rules.find((r: { id: string }) => r.id === 'minimum-wage');
    expect(mw.shortDescription.text).toBe('Pay below the local minimum wage');
    expect(mw.help.text).toContain('渝人社发〔2024〕22号');
    expect(run.artifacts[1]).toMatchObject({ location: { uri: '%E7%BB%93%E7%AE%97%E8%AE%B0%E5%BD%95.csv' }, hashes: { 'sha-256': 'b'.repeat(64) } });
    const levels = run.results.map((r: { level: string }) => r.level);
    expect(levels).toEqual(['warning', 'error', 'error', 'note']);
    const cot = run.results[0];
    expect(cot.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'orders.csv', index: 0 }, region: { startLine: 20 } });
    expect(cot.relatedLocations[0].physicalLocation.region.startLine).toBe(31);
    expect(cot.partialFingerprints['gigaudit/v1']).toBe(report().findings[0].id);
    expect(run.tool.driver.rules[cot.ruleIndex].id).toBe(cot.ruleId);
  });

  it('speaks the report language in rule descriptions', () => {
    const log = valid(sarif(report({ run: { ...report().run, lang: 'zh' } })));
    const mw = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'minimum-wage');
    expect(mw.shortDescription.text).toBe('报酬低于当地最低工资');
    expect(log.runs[0].language).toBe('zh-CN');
  });

  it('writes baselineState and suppressions, and still validates', () => {
    const [a, b, c] = report().findings;
    const findings = [
      { ...a, baseline: 'new' as const },
      { ...b, baseline: 'unchanged' as const, suppressed: { reason: 'agreed', expires: '2025-06-30' } },
      { ...c, baseline: 'absent' as const },
      finding({ rule: 'retired-rule', baseline: 'absent', evidence: [{ file: '/abs/path with space/o.csv', line: 0 }] }),
    ];
    const log = valid(sarif(report({ findings })));
    const results = log.runs[0].results;
    expect(results.map((r: { baselineState: string }) => r.baselineState)).toEqual(['new', 'unchanged', 'absent', 'absent']);
    expect(results[1].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(log.runs[0].tool.driver.rules.at(-1).id).toBe('retired-rule');
    expect(results[3].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///abs/path%20with%20space/o.csv');
  });

  it('has a validator that does reject a broken log (the check is real)', () => {
    const log = JSON.parse(sarif(report()));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].baselineState = 'gone';
    expect(validate(log)).toBe(false);
  });

  it('turns paths into URI references', () => {
    expect(toUri('samples/orders.csv')).toBe('samples/orders.csv');
    expect(toUri('data\\a b.csv')).toBe('data/a%20b.csv');
  });

  it('validates end to end on the bundled samples', async () => {
    const samples = resolve(__dirname, '../../samples');
    const r = await runAudit({ inputs: [{ path: samples }], lang: 'en', now: () => new Date('2026-01-01T00:00:00Z') });
    const log = valid(sarif(r));
    expect(log.runs[0].results.length).toBe(r.findings.length);
    expect(log.runs[0].artifacts.map((a: { hashes: { 'sha-256': string } }) => a.hashes['sha-256'])).toEqual(r.run.inputs.map((i) => i.sha256));
  });
});
