// The bundled samples are documented worker by worker (samples/README.md, expected.json):
// the audit must show exactly the documented findings of all 23 rules — per worker-platform,
// per worker for worker-level rules and per platform for platform-level rules — every rule
// at least once, the documented bad rows rejected, and nothing left unassessed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import type { Report } from '../../src/report/model.js';
import { RULES } from '../../src/rules/index.js';

const SAMPLES = resolve(__dirname, '../../samples');

type Scope = 'worker-platform' | 'worker' | 'platform';
interface Expected {
  rules: string[];
  coreRules: string[];
  scopes: Record<string, Scope>;
  workerPlatforms: Record<string, { fires: string[]; minimumWageMonths?: string[] }>;
  workers: Record<string, { fires: string[] }>;
  platforms: Record<string, { fires: string[] }>;
  rejectedRows: { file: string; line: number; orderId: string; kind: string }[];
}

const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as Expected;
let report: Report;
const audited = async () => (report ??= await runAudit({ inputs: [{ path: SAMPLES }], lang: 'zh' }));

/** Rules found per key of each scope. */
function fired(r: Report) {
  const got: Record<Scope, Map<string, Set<string>>> = { 'worker-platform': new Map(), worker: new Map(), platform: new Map() };
  for (const f of r.findings) {
    const scope = expected.scopes[f.rule];
    const key = scope === 'worker' ? `${f.workerId}` : scope === 'platform' ? `${f.platform}` : `${f.workerId}|${f.platform}`;
    const map = got[scope];
    map.set(key, (map.get(key) ?? new Set()).add(f.rule));
  }
  return got;
}

describe('bundled samples', () => {
  it('document every rule of the catalogue with its scope', () => {
    expect([...expected.rules].sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) expect(expected.scopes[rule.id], rule.id).toBe(rule.scope);
    expect(expected.coreRules).toEqual(['minimum-wage', 'written-contract', 'injury-insurance', 'continuous-order-time']);
  });

  it('fire exactly the documented rules per worker-platform, worker and platform', async () => {
    const got = fired(await audited());
    const sets: [Scope, Record<string, { fires: string[] }>][] = [
      ['worker-platform', expected.workerPlatforms],
      ['worker', expected.workers],
      ['platform', expected.platforms],
    ];
    for (const [scope, table] of sets) {
      for (const [k, v] of Object.entries(table)) {
        const mine = v.fires.filter((r) => expected.scopes[r] === scope);
        expect(mine, `${k}: rules of another scope listed`).toEqual(v.fires);
        expect([...(got[scope].get(k) ?? [])].sort(), `${scope} ${k}`).toEqual([...v.fires].sort());
      }
      expect([...got[scope].keys()].filter((k) => !(k in table)), `undocumented ${scope} keys`).toEqual([]);
    }
  });

  it('show every rule at least once, in the documented months for minimum-wage', async () => {
    const r = await audited();
    for (const rule of expected.rules) expect(r.summary.byRule[rule] ?? 0, rule).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(expected.workerPlatforms)) {
      if (!v.minimumWageMonths) continue;
      const months = r.findings.filter((f) => f.rule === 'minimum-wage' && `${f.workerId}|${f.platform}` === k).map((f) => f.period.from.slice(0, 7));
      expect([...new Set(months)].sort(), k).toEqual(v.minimumWageMonths);
    }
  });

  it('reject exactly the documented bad rows and assess every rule for every worker-platform', async () => {
    const r = await audited();
    const orders = r.run.inputs.find((i) => i.path.endsWith('orders.csv'))!;
    expect(orders.rowsRejected).toBe(expected.rejectedRows.length);
    for (const i of r.run.inputs.filter((x) => x !== orders)) expect(i.rowsRejected, i.path).toBe(0);
    const lines = r.rejected.map((x) => x.line).sort((a, b) => a - b);
    expect(lines).toEqual(expected.rejectedRows.map((b) => b.line).sort((a, b) => a - b));
    expect(r.notAssessed).toEqual([]);
  });
});
