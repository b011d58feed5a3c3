import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/audit.js';
import { UsageError } from '../../src/errors.js';
import { applyBaseline, applySuppressions, parseBaseline, parseSuppressions } from '../../src/report/baseline.js';
import { json } from '../../src/reporters/json.js';
import { csv, dateRange, days, ORDER_HEADER, audit } from '../helpers/exports.js';
import { finding, FINDINGS, report } from '../helpers/report.js';

const states = (r: ReturnType<typeof report>) => Object.fromEntries(r.findings.map((f) => [f.id, f.baseline]));

describe('applyBaseline', () => {
  it('the same report twice: every finding unchanged, nothing absent, nothing fails', () => {
    const r = applyBaseline(report(), report());
    expect(r.findings.map((f) => f.baseline)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(exitCodeFor(r, 'info')).toBe(0);
  });

  it('an added finding: exactly it is new, and it fails', () => {
    const added = finding({ rule: 'minimum-wage', workerId: 'R9999' });
    const r = applyBaseline(report({ findings: [...FINDINGS, added] }), report());
    expect(r.findings.filter((f) => f.baseline === 'new').map((f) => f.id)).toEqual([added.id]);
    expect(r.findings.filter((f) => f.baseline === 'unchanged')).toHaveLength(FINDINGS.length);
    expect(exitCodeFor(r, 'error')).toBe(1);
  });

  it('a removed finding is listed as absent (kept whole) and does not fail', () => {
    const [gone, ...rest] = FINDINGS;
    const r = applyBaseline(report({ findings: rest }), report());
    const absent = r.findings.filter((f) => f.baseline === 'absent');
    expect(absent).toHaveLength(1);
    expect(absent[0]).toMatchObject({ id: gone.id, rule: gone.rule, message: gone.message });
    expect(r.findings).toHaveLength(FINDINGS.length);
    expect(exitCodeFor(r, 'info')).toBe(0);
  });

  it('does not carry on findings that were already absent in the old report', () => {
    const old = applyBaseline(report({ findings: FINDINGS.slice(1) }), report());
    const r = applyBaseline(report({ findings: FINDINGS.slice(1) }), old);
    expect(r.findings.some((f) => f.baseline === 'absent')).toBe(false);
  });

  it('does not change the report it is given', () => {
    const r = report();
    const before = JSON.stringify(r);
    applyBaseline(r, report({ findings: [] }));
    expect(JSON.stringify(r)).toBe(before);
  });

  it('reads a JSON report back as a baseline, and names a bad file', () => {
    const old = parseBaseline(json(report()), 'old.json');
    expect(Object.values(states(applyBaseline(report(), old)))).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(() => parseBaseline('{not json', 'old.json')).toThrow(/--baseline old\.json: not JSON/);
    expect(() => parseBaseline('{"schemaVersion":2,"tool":{"name":"gigaudit"},"findings":[]}', 'old.json')).toThrow(UsageError);
    expect(() => parseBaseline('{"schemaVersion":1,"tool":{"name":"gigaudit"},"findings":[{"id":"x"}]}', 'old.json')).toThrow(/old\.json.*findings\.0\./);
  });

  it('fingerprints are stable end to end: unrelated rows added and rows reordered leave every finding unchanged', async () => {
    const base = days(dateRange('2025-03-03', 3), { worker: 'W1', orders: 10, minutes: 30, gap: 0, platform: '速达' });
    const old = await audit({ 'orders.csv': csv(ORDER_HEADER, base) });
    expect(old.findings.length).toBeGreaterThan(0);
    const unrelated = days(dateRange('2025-03-03', 2), { worker: 'W2', orders: 2, minutes: 20, platform: '速达' });
    const now = await audit({ 'orders.csv': csv(ORDER_HEADER, [...unrelated, ...base].reverse()) });
    const r = applyBaseline(now, parseBaseline(json(old), 'old.json'));
    const mine = r.findings.filter((f) => f.workerId === 'W1');
    expect(mine.map((f) => f.baseline)).toEqual(old.findings.filter((f) => f.workerId === 'W1').map(() => 'unchanged'));
    expect(r.findings.some((f) => f.baseline === 'absent')).toBe(false);
  });
});

describe('suppressions', () => {
  const [cot, injury, wage] = FINDINGS;

  it('marks matching findings by id or by rule+worker/platform; they do not fail', () => {
    const list = parseSuppressions(
      JSON.stringify([
        { id: injury.id, reason: 'platform enrolling them', expires: '2025-06-30' },
        { rule: 'minimum-wage', workerId: 'R1003', platform: '闪送达', reason: 'back pay agreed', expires: '2025-03-31' },
      ]),
      's.json',
    );
    const { report: r, expired, unused } = applySuppressions(report(), list);
    expect(expired).toEqual([]);
    expect(unused).toEqual([]);
    const by = Object.fromEntries(r.findings.map((f) => [f.id, f.suppressed]));
    expect(by[injury.id]).toEqual({ reason: 'platform enrolling them', expires: '2025-06-30' });
    expect(by[wage.id]).toEqual({ reason: 'back pay agreed', expires: '2025-03-31' });
    expect(by[cot.id]).toBeUndefined();
    expect(exitCodeFor(r, 'error')).toBe(0); // both errors suppressed
    expect(exitCodeFor(r, 'warning')).toBe(1); // the continuous-order-time warning is not
  });

  it('an expired suppression resurfaces its finding (compared with the period end, or an injected today)', () => {
    const list = [{ id: injury.id, reason: 'r', expires: '2025-03-30' }];
    const atPeriodEnd = applySuppressions(report(), list); // period ends 2025-03-31
    expect(atPeriodEnd.report.findings.find((f) => f.id === injury.id)!.suppressed).toBeUndefined();
    expect(atPeriodEnd.expired).toEqual(list);
    expect(exitCodeFor(atPeriodEnd.report, 'error')).toBe(1);
    const earlier = applySuppressions(report(), list, '2025-03-30'); // the last day it holds
    expect(earlier.report.findings.find((f) => f.id === injury.id)!.suppressed).toEqual({ reason: 'r', expires: '2025-03-30' });
    expect(applySuppressions(report(), list, '2025-03-31').expired).toHaveLength(1);
  });

  it('reports suppressions that match nothing', () => {
    const { unused } = applySuppressions(report(), [{ rule: 'minimum-wage', workerId: 'nobody', reason: 'r', expires: '2099-01-01' }]);
    expect(unused).toHaveLength(1);
  });

  it('rejects a suppression without reason, date, or that would silence a whole rule', () => {
    expect(() => parseSuppressions('[{"id":"x","expires":"2025-01-01"}]', 's.json')).toThrow(/--suppress s\.json/);
    expect(() => parseSuppressions('[{"id":"x","reason":"r","expires":"soon"}]', 's.json')).toThrow(/YYYY-MM-DD/);
    expect(() => parseSuppressions('[{"rule":"minimum-wage","reason":"r","expires":"2025-01-01"}]', 's.json')).toThrow(/workerId/);
    expect(() => parseSuppressions('{}', 's.json')).toThrow(UsageError);
  });

  it('a suppression is decided per run, never inherited from a baseline', () => {
    const old = applySuppressions(report(), [{ id: injury.id, reason: 'r', expires: '2025-12-31' }]).report;
    expect(old.findings.some((f) => f.suppressed)).toBe(true);
    const carried = applyBaseline(report({ findings: FINDINGS.filter((f) => f.id !== injury.id) }), old);
    expect(carried.findings.find((f) => f.id === injury.id)).toMatchObject({ baseline: 'absent' });
    expect(carried.findings.every((f) => f.suppressed === undefined)).toBe(true);
    expect(applySuppressions(old, []).report.findings.every((f) => f.suppressed === undefined)).toBe(true);
  });
});
