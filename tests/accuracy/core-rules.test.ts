// Precision and recall of the four core rules per worker-platform, on generated export sets
// whose violations are known by construction (tests/support/synth.ts), in two dialects:
// English headers/UTF-8/ISO date-times, and Chinese headers/GB18030/`2025/3/1 8:05`/`¥1,234.50`.
import { describe, expect, it } from 'vitest';
import { CORE_RULES, synthesize } from '../support/synth.js';
import { audit } from '../helpers/exports.js';

function score(predicted: Set<string>, truth: Set<string>) {
  let tp = 0;
  for (const k of predicted) if (truth.has(k)) tp++;
  return { precision: predicted.size ? tp / predicted.size : 1, recall: truth.size ? tp / truth.size : 1, tp };
}

describe.each([
  { dialect: 'en' as const, seed: 11 },
  { dialect: 'zh' as const, seed: 23 },
])('core rules on a generated $dialect export set', ({ dialect, seed }) => {
  it('reads every row and reaches 0.95 precision and recall per worker-platform', async () => {
    const set = synthesize({ dialect, seed, workers: 200 });
    const report = await audit(Object.fromEntries(set.files.map((f) => [f.name, f.bytes])));
    for (const input of report.run.inputs) {
      expect(input.rowsRejected, `${input.path} rejected rows`).toBe(0);
      expect(input.rowsRead).toBeGreaterThan(0);
    }
    expect(report.rejected).toEqual([]);
    for (const rule of CORE_RULES) {
      const predicted = new Set(report.findings.filter((f) => f.rule === rule).map((f) => `${f.workerId}|${f.platform}`));
      const truth = set.truth[rule];
      expect(truth.size).toBeGreaterThan(10);
      const s = score(predicted, truth);
      const misses = [...truth].filter((k) => !predicted.has(k)).slice(0, 3).map((k) => `${k}: ${set.details.get(k)?.join(', ')}`);
      const extras = [...predicted].filter((k) => !truth.has(k)).slice(0, 3).map((k) => `${k}: ${set.details.get(k)?.join(', ')}`);
      expect(s.precision, `${rule} precision; extra: ${extras.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${rule} recall; missed: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
