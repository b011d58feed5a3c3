// Parameter values against each rule's own zod schema, before any row is read: a config or
// ruleset value the rule would refuse (a limit of 0, a share of 5, a day count of 2.5) is
// named by its file and key path here, not reported later against the ruleset it overrides.
import { UsageError } from '../errors.js';
import type { GigConfig, RuleOverrideConfig } from '../law/config.js';
import type { LawBook } from '../law/law.js';
import { findRule } from '../rules/index.js';
import { formatDay } from '../time.js';

/** The zod schema of one parameter of a rule (its parameters object's field), if any. */
function schemaOf(ruleId: string, name: string) {
  const shape = (findRule(ruleId)?.parameters as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }> })?.shape;
  return shape?.[name];
}

function problem(ruleId: string, name: string, value: unknown): string | undefined {
  const r = schemaOf(ruleId, name)?.safeParse(value);
  return r && !r.success ? (r.error?.issues[0]?.message ?? 'not a valid value') : undefined;
}

/** Every parameter a config sets, globally and per platform. */
export function checkConfigValues(config: GigConfig): void {
  const check = (rules: Record<string, RuleOverrideConfig> | undefined, base: string) => {
    for (const [ruleId, r] of Object.entries(rules ?? {})) {
      for (const [name, value] of Object.entries(r.parameters ?? {})) {
        const why = problem(ruleId, name, value);
        if (why) throw new UsageError(`${config.file}: ${base}.${ruleId}.parameters.${name}: ${why} (got ${JSON.stringify(value)})`);
      }
    }
  };
  check(config.rules, 'rules');
  for (const [platform, p] of Object.entries(config.platforms ?? {})) check(p.rules, `platforms.${platform}.rules`);
}

/** Every dated value of every rule parameter in the rulesets. */
export function checkRulesetValues(law: LawBook): void {
  for (const rs of law.rulesets) {
    for (const ruleId of law.ruleIds()) {
      for (const name of law.ruleParamNames(ruleId)) {
        for (const v of law.ruleParamSeries(rs.id, ruleId, name)) {
          if (v.rulesetId !== rs.id) continue; // named where it is written
          const why = problem(ruleId, name, v.value);
          if (why) throw new UsageError(`rulesets/${rs.id}.json: rules.${ruleId}.parameters.${name}.values.${formatDay(v.since)}.value: ${why} (got ${JSON.stringify(v.value)})`);
        }
      }
    }
  }
}
