// --config FILE: rule on/off, severities and parameters, globally or per platform (limits
// are negotiated per platform: 人社厅发〔2023〕50号 art. 5), plus column mappings.
// Config values win over rulesets and are reported with origin 'config'.
import { parseJsonText, readTextFile, unreadable } from '../textFile.js';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { RuleParamValue, SeveritySchema, formatIssues } from './schema.js';
import { displayPath } from './load.js';
import type { LawBook } from './law.js';
import type { Law, ParamValue, RuleSettings } from './types.js';

const RuleOverride = z.strictObject({
  enabled: z.boolean().optional(),
  severity: SeveritySchema.optional(),
  parameters: z.record(z.string(), RuleParamValue).optional(),
});
const RuleOverrides = z.record(z.string(), RuleOverride);

export const ConfigSchema = z.strictObject({
  rules: RuleOverrides.optional(),
  platforms: z.record(z.string(), z.strictObject({ rules: RuleOverrides })).optional(),
  map: z.record(z.string(), z.string()).optional(), // canonical column → header name
});

export type RuleOverrideConfig = z.infer<typeof RuleOverride>;
export interface GigConfig extends z.infer<typeof ConfigSchema> {
  file: string; // as displayed in messages and in ParamValue.source
}

/** Parse an already-read config object; `file` names it in errors and sources. */
export function parseConfig(json: unknown, file: string): GigConfig {
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${file}: ${formatIssues(parsed.error)}`);
  return { ...parsed.data, file };
}

export function loadConfig(file: string): GigConfig {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readTextFile(file);
  } catch (e) {
    throw new UsageError(`${shown}: ${unreadable(e)}`);
  }
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (e) {
    throw new UsageError(`${shown}: invalid JSON: ${(e as Error).message}`);
  }
  return parseConfig(json, shown);
}

const kind = (v: unknown) => typeof v;

/** Check rule ids, parameter names and value types against the rulesets. */
function checkConfig(law: LawBook, config: GigConfig): void {
  const ids = new Set(law.ruleIds());
  const root = law.rulesets.find((r) => r.extends === undefined)!.id;
  const check = (rules: Record<string, RuleOverrideConfig> | undefined, base: string) => {
    for (const [ruleId, r] of Object.entries(rules ?? {})) {
      if (!ids.has(ruleId)) throw new UsageError(`${config.file}: ${base}.${ruleId}: unknown rule id`);
      const names = law.ruleParamNames(ruleId);
      for (const [name, value] of Object.entries(r.parameters ?? {})) {
        const path = `${base}.${ruleId}.parameters.${name}`;
        if (!names.includes(name))
          throw new UsageError(`${config.file}: ${path}: unknown parameter of ${ruleId}${names.length ? ` (known: ${names.join(', ')})` : ' (it has none)'}`);
        const want = kind(law.ruleParamSeries(root, ruleId, name)[0]?.value);
        if (kind(value) !== want) throw new UsageError(`${config.file}: ${path}: expected ${want}, received ${kind(value)}`);
        if (typeof value === 'number' && value < 0) throw new UsageError(`${config.file}: ${path}: must not be negative`);
      }
    }
  };
  check(config.rules, 'rules');
  for (const [platform, p] of Object.entries(config.platforms ?? {})) check(p.rules, `platforms.${platform}.rules`);
}

/**
 * The law with a config applied: per-platform settings over global ones over rulesets.
 * `law` must come from loadLaw() (or withConfig), which can list rule and parameter names.
 */
export function withConfig<L extends Law>(law: L, config: GigConfig): L {
  if (!('ruleIds' in law)) throw new Error('withConfig needs a law from loadLaw()');
  checkConfig(law as unknown as LawBook, config);
  const overrides = (ruleId: string, platform: string | undefined): RuleOverrideConfig[] =>
    [platform !== undefined ? config.platforms?.[platform]?.rules[ruleId] : undefined, config.rules?.[ruleId]].filter(
      (o): o is RuleOverrideConfig => o !== undefined,
    );
  const configured: Partial<Law> = {
    ruleParam<T>(rulesetId: string, ruleId: string, name: string, day: number, platform?: string): ParamValue<T> | undefined {
      const base = law.ruleParam<T>(rulesetId, ruleId, name, day, platform); // also rejects unknown names
      const value = overrides(ruleId, platform).find((o) => o.parameters?.[name] !== undefined)?.parameters?.[name];
      if (value === undefined) return base;
      // A config value holds for every date of the run: since = 0 (1970-01-01).
      return { value: value as T, since: 0, rulesetId, origin: 'config', source: `config ${config.file}`, verified: true };
    },
    ruleSettings(rulesetId: string, ruleId: string, platform?: string): RuleSettings {
      const base = law.ruleSettings(rulesetId, ruleId, platform);
      const o = overrides(ruleId, platform);
      return {
        enabled: o.find((x) => x.enabled !== undefined)?.enabled ?? base.enabled,
        severity: o.find((x) => x.severity !== undefined)?.severity ?? base.severity,
        basis: base.basis,
      };
    },
  };
  // Everything else is the underlying law's, bound to it.
  return new Proxy(law, {
    get(target, prop, receiver) {
      if (prop in configured) return configured[prop as keyof Law];
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
