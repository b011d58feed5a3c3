// Precision and recall of the 19 further rules, each at its own scope (per worker-platform;
// per worker for cross-platform-fatigue; per platform for dispatch-share), on generated
// export sets whose violations are known by construction (tests/support/synth-further.ts),
// in two dialects: comma-separated UTF-8 .csv with English headers and ISO dates, and
// tab-separated .txt with a UTF-8 BOM, other Chinese header aliases, dates `20250407`,
// date-times `2025年4月7日 08:00` and amounts `1,234.50元`. The four core rules must stay at
// 0.95 on the same sets, and no row may be rejected.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/model.js';
import { audit } from '../helpers/exports.js';
import { CORE_RULES } from '../support/synth.js';
import { FURTHER_RULES, RULE_SCOPE, synthesizeFurther, type AnyRule } from '../support/synth-further.js';

function keyOf(rule: AnyRule, f: Finding): string {
  const scope = RULE_SCOPE[rule];
  return scope === 'worker' ? `${f.workerId}` : scope === 'platform' ? `${f.platform}` : `${f.workerId}|${f.platform}`;
}

function score(predicted: Set<string>, truth: Set<string>) {
  let tp = 0;
  for (const k of predicted) if (truth.has(k)) tp++;
  return { precision: predicted.size ? tp / predicted.size : 1, recall: truth.size ? tp / truth.size : 1 };
}

/** Fewest expected keys per rule in a 300-worker set (platform scope: 12 platforms). */
const MIN_TRUTH: Partial<Record<AnyRule, number>> = { 'dispatch-share': 3, 'dispatch-agency': 4, 'child-labour': 5 };

describe.each([
  { dialect: 'en' as const, seed: 41 },
  { dialect: 'txt' as const, seed: 59 },
])('all rules on a generated $dialect export set', ({ dialect, seed }) => {
  it('reads every row; further rules reach 0.9 and core rules 0.95 precision and recall at their scope', async () => {
    const set = synthesizeFurther({ dialect, seed, workers: 300 });
    const report = await audit(Object.fromEntries(set.files.map((f) => [f.name, f.bytes])));
    expect(report.run.inputs.map((i) => i.kind).sort()).toEqual(['contracts', 'insurance', 'orders', 'pay', 'workers']);
    for (const input of report.run.inputs) {
      expect(input.rowsRejected, `${input.path} rejected rows`).toBe(0);
      expect(input.rowsRead).toBeGreaterThan(0);
    }
    expect(report.rejected).toEqual([]);
    const measured: string[] = [];
    for (const rule of [...CORE_RULES, ...FURTHER_RULES] as AnyRule[]) {
      const predicted = new Set(report.findings.filter((f) => f.rule === rule).map((f) => keyOf(rule, f)));
      const truth = set.truth[rule];
      expect(truth.size, `${rule}: expected keys`).toBeGreaterThanOrEqual(MIN_TRUTH[rule] ?? 8);
      const s = score(predicted, truth);
      measured.push(`${rule} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} (${truth.size})`);
      const misses = [...truth].filter((k) => !predicted.has(k)).slice(0, 3).map((k) => `${k}: ${set.details.get(k)?.join(' ')}`);
      const extras = [...predicted].filter((k) => !truth.has(k)).slice(0, 3).map((k) => `${k}: ${set.details.get(k)?.join(' ')}`);
      const floor = (CORE_RULES as readonly string[]).includes(rule) ? 0.95 : 0.9;
      expect(s.precision, `${rule} precision; extra: ${extras.join(' | ')}`).toBeGreaterThanOrEqual(floor);
      expect(s.recall, `${rule} recall; missed: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(floor);
    }
    // Every rule had its inputs: nothing is "could not assess" for a whole run.
    expect(report.notAssessed.filter((n) => /^no \w+ file$/.test(n.reason))).toEqual([]);
    if (process.env.GIGAUDIT_ACCURACY_LOG) console.log(`${dialect} seed ${seed}\n  ${measured.join('\n  ')}`);
  });
});
