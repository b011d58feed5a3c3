// Shared fixtures for the law tests: the package's rulesets, loaded once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadLaw, DEFAULT_RULESET_DIR } from '../../src/law/index.js';
import { parseIsoDay } from '../../src/time.js';

export const law = loadLaw();

/** Day number of an ISO date, failing loudly on a typo in a test. */
export function d(iso: string): number {
  const day = parseIsoDay(iso);
  if (day === undefined) throw new Error(`bad test date ${iso}`);
  return day;
}

/** The raw JSON of every ruleset file, by file name. */
export function rawRulesets(): Record<string, any> {
  const out: Record<string, any> = {};
  for (const n of readdirSync(DEFAULT_RULESET_DIR).filter((f) => f.endsWith('.json')))
    out[n] = JSON.parse(readFileSync(path.join(DEFAULT_RULESET_DIR, n), 'utf8'));
  return out;
}
