// The rule context of one run: jurisdictions by region and parameters as of a date,
// both memoised because rules ask for them per day.
import type { Dossier } from '../assemble/index.js';
import { NotInForceError, UsageError } from '../errors.js';
import type { Jurisdiction, Law, ParamValue, RuleSettings } from '../law/types.js';
import type { BusinessLine, InputSummary, Kind } from '../model.js';
import type { ParameterSource } from '../report/model.js';
import type { ResolvedParams, Rule, RuleContext } from '../rules/types.js';
import { formatDay, type Clock } from '../time.js';

function parameterNames(rule: Rule<unknown>): string[] {
  const shape = (rule.parameters as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * The law with `param` memoised: rules ask for a value per day (a minimum wage for every day
 * of every month of every worker), and a lookup walks the ruleset chain and builds a value.
 * The law is fixed for the run, so the answer for the same question is the same.
 */
function memoLaw(law: Law): Law {
  const cache = new Map<string, Map<string, Map<string, Map<number, unknown>>>>();
  const memo = Object.create(law) as Law;
  // The last ruleset, key and tier asked for, and their answers by day: rules ask for one
  // value day after day (a minimum wage for each day of a month).
  let lastRuleset: string | undefined;
  let lastKey: string | undefined;
  let lastTier: string | undefined;
  let lastByDay: Map<number, unknown> | undefined;
  memo.param = function <T>(rulesetId: string, key: string, day: number, tier?: string) {
    let byDay: Map<number, unknown>;
    if (lastByDay !== undefined && rulesetId === lastRuleset && key === lastKey && tier === lastTier) byDay = lastByDay;
    else {
      let byKey = cache.get(rulesetId);
      if (!byKey) cache.set(rulesetId, (byKey = new Map()));
      let byTier = byKey.get(key);
      if (!byTier) byKey.set(key, (byTier = new Map()));
      const t = tier ?? '\u0000';
      let found = byTier.get(t);
      if (!found) byTier.set(t, (found = new Map()));
      byDay = found;
      [lastRuleset, lastKey, lastTier, lastByDay] = [rulesetId, key, tier, byDay];
    }
    const hit = byDay.get(day);
    if (hit !== undefined || byDay.has(day)) return hit as ParamValue<T> | undefined;
    const v = law.param<T>(rulesetId, key, day, tier);
    byDay.set(day, v);
    return v;
  };
  // Asked per active day of every worker outside an employment relation (injury-insurance).
  memo.occupationalInjuryCovers = memo3((province: string, businessLine: BusinessLine | undefined, day: number) =>
    law.occupationalInjuryCovers.call(memo, province, businessLine, day),
  );
  // Asked per finding; the answer is built from the ruleset chain each time.
  memo.ruleSettings = memo3((rulesetId: string, ruleId: string, platform: string | undefined) => law.ruleSettings.call(memo, rulesetId, ruleId, platform));
  return memo;
}

/** A function of three arguments, remembered per argument triple (nested maps: no key strings). */
function memo3<A, B, C, V>(f: (a: A, b: B, c: C) => V): (a: A, b: B, c: C) => V {
  const byA = new Map<A, Map<B, Map<C, V>>>();
  return (a, b, c) => {
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    let v = byC.get(c);
    if (v === undefined && !byC.has(c)) byC.set(c, (v = f(a, b, c)));
    return v as V;
  };
}

export function makeContext(
  law: Law,
  clock: Clock,
  files: readonly string[],
  inputs: readonly InputSummary[],
  fallback: Jurisdiction | undefined,
  asOf: number | undefined,
  period: { from?: number; to?: number } = {},
): RuleContext & { configValuesUsed(): ParameterSource[] } {
  const fromConfig = new Map<string, ParameterSource>();
  const kindsPresent = new Set<Kind>(inputs.map((i) => i.kind));
  const columnsByKind = new Map<Kind, Set<string>>();
  for (const i of inputs) {
    const set = columnsByKind.get(i.kind) ?? new Set<string>();
    for (const c of i.columns) set.add(c);
    columnsByKind.set(i.kind, set);
  }
  const byRegion = new Map<string, Jurisdiction | undefined>();
  const paramCache = new Map<string, Map<string, Map<string, Map<number, ResolvedParams<unknown>>>>>();
  const jurisdiction = (region: string | undefined) => {
    if (region === undefined) return fallback;
    if (!byRegion.has(region)) byRegion.set(region, law.resolveRegion(region));
    return byRegion.get(region) ?? fallback;
  };
  const fastLaw = memoLaw(law);
  let lastRule: string | undefined;
  let lastRuleset: string | undefined;
  let lastPlatform: string | undefined;
  let lastDays: Map<number, ResolvedParams<unknown>> | undefined;
  return {
    law: fastLaw,
    clock,
    files,
    kindsPresent,
    asOf,
    period,
    columns: (kind: Kind) => columnsByKind.get(kind) ?? new Set<string>(),
    jurisdiction,
    /** Config values the rules actually used, in a stable order, for the report. */
    configValuesUsed() {
      return [...fromConfig.keys()].sort().map((k) => fromConfig.get(k)!);
    },
    jurisdictionOf(d: Dossier, fromDay: number, toDay: number) {
      return jurisdiction(d.dominantRegion(fromDay, toDay));
    },
    params<P>(rule: Rule<P>, j: Jurisdiction | undefined, day: number, platform: string): ResolvedParams<P> {
      const rulesetId = j?.rulesetId ?? 'cn';
      // rule → ruleset → platform → day: no key string per call (rules ask per span and per
      // day), and the same rule, ruleset and platform as the last call skip to the days.
      let byDay: Map<number, ResolvedParams<unknown>>;
      if (lastDays !== undefined && rule.id === lastRule && rulesetId === lastRuleset && platform === lastPlatform) byDay = lastDays;
      else {
        let byRuleset = paramCache.get(rule.id);
        if (!byRuleset) paramCache.set(rule.id, (byRuleset = new Map()));
        let byPlatform = byRuleset.get(rulesetId);
        if (!byPlatform) byRuleset.set(rulesetId, (byPlatform = new Map()));
        let found = byPlatform.get(platform);
        if (!found) byPlatform.set(platform, (found = new Map()));
        byDay = found;
        [lastRule, lastRuleset, lastPlatform, lastDays] = [rule.id, rulesetId, platform, byDay];
      }
      const hit = byDay.get(day);
      if (hit) return hit as ResolvedParams<P>;
      const raw: Record<string, unknown> = {};
      const unverified: string[] = [];
      const missing: string[] = [];
      for (const name of parameterNames(rule as Rule<unknown>)) {
        const v = law.ruleParam(rulesetId, rule.id, name, day, platform);
        if (!v) {
          missing.push(name);
          continue;
        }
        raw[name] = v.value;
        if (v.origin === 'config') {
          fromConfig.set(`${rule.id}\u0000${platform}\u0000${name}`, { rule: rule.id, platform, name, value: v.value, origin: 'config', source: v.source });
        }
        if (!v.verified) unverified.push(`${rule.id}.${name} = ${JSON.stringify(v.value)} (${v.source})`);
      }
      if (missing.length) throw new NotInForceError(`no ${missing.join(', ')} in force on ${formatDay(day)} (ruleset ${rulesetId})`);
      const parsed = rule.parameters.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(
          `ruleset ${rulesetId}: rule ${rule.id}: parameter ${issue.path.join('.') || '?'}: ${issue.message} (as of the work's date)`,
        );
      }
      const res = { values: parsed.data, unverified };
      byDay.set(day, res);
      return res;
    },
  };
}
