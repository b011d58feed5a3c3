// The bundled samples are documented worker by worker (samples/README.md, expected.json):
// the audit must show exactly the documented core findings.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';

const SAMPLES = resolve(__dirname, '../../samples');

describe('bundled samples', () => {
  it('fire exactly the documented core rules per worker-platform', async () => {
    const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as {
      coreRules: string[];
      workerPlatforms: Record<string, { fires: string[] }>;
    };
    const report = await runAudit({ inputs: [{ path: SAMPLES }], lang: 'zh' });
    const got = new Map<string, Set<string>>();
    for (const f of report.findings) {
      if (!expected.coreRules.includes(f.rule)) continue;
      const k = `${f.workerId}|${f.platform}`;
      got.set(k, (got.get(k) ?? new Set()).add(f.rule));
    }
    for (const [k, v] of Object.entries(expected.workerPlatforms)) {
      expect([...(got.get(k) ?? [])].sort(), k).toEqual([...v.fires].sort());
    }
    expect([...got.keys()].filter((k) => !(k in expected.workerPlatforms))).toEqual([]);
    for (const rule of expected.coreRules) expect(report.summary.byRule[rule], rule).toBeGreaterThan(0);
  });
});
