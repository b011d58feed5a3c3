// The JSON report written in pieces (large runs) is the JSON reporter's text, byte for byte.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { json } from '../../src/reporters/json.js';
import { jsonPieces } from '../../src/reporters/jsonPieces.js';
import { HOSTILE, report } from '../helpers/report.js';

const joined = (r: Parameters<typeof json>[0]) => [...jsonPieces(r)].join('');

describe('JSON in pieces', () => {
  it('equals the JSON reporter on hand-built reports', () => {
    const r = report();
    expect(joined(r)).toBe(json(r));
    expect(joined(report({ findings: [], rejected: [] }))).toBe(json(report({ findings: [], rejected: [] })));
    const hostile = report();
    hostile.findings[0].message = `${HOSTILE}\u2028\u202e\u0085"\\\n`;
    hostile.rejected[0].reason = '\u0000\u001f\u007f';
    expect(joined(hostile)).toBe(json(hostile));
  });

  it('equals the JSON reporter on the samples', async () => {
    const r = await runAudit({ inputs: [{ path: 'samples' }], lang: 'zh', now: () => new Date('2026-01-01T00:00:00Z') });
    expect(r.findings.length).toBeGreaterThan(10);
    expect(joined(r)).toBe(json(r));
  });
});
