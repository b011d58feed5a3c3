// The law layer: rulesets (rulesets/*.json) → values as of a date, regions, holidays.
export type * from './types.js';
export { loadLaw, DEFAULT_RULESET_DIR, displayPath } from './load.js';
export { withConfig, loadConfig, parseConfig, ConfigSchema, type GigConfig, type RuleOverrideConfig } from './config.js';
export { RulesetLaw, type LawBook } from './law.js';
export { normaliseRegionName, RegionIndex, type Place, type RegionHit } from './regions.js';
export { HolidayCalendar } from './holidays.js';
export { RulesetSchema, LAW_PARAMETER_KEYS, BUSINESS_LINES, type RulesetFile, type InjurySchemeValue } from './schema.js';
