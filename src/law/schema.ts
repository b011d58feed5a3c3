// Zod schemas of the ruleset files (rulesets/*.json). Objects are strict: an unknown key is
// an error, so a typo in a ruleset cannot silently drop a legal figure.
import { z } from 'zod';
import { parseIsoDay } from '../time.js';

export const BUSINESS_LINES = ['takeaway', 'instant_delivery', 'ride_hailing', 'express', 'freight', 'other'] as const;

export const IsoDay = z
  .string()
  .refine((s) => parseIsoDay(s) !== undefined, { error: 'expected an ISO day YYYY-MM-DD' });
/** Document dates may be known only to the month (e.g. 德人社发〔2022〕95号, "2022年4月"). */
const LooseDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD' });
const Text = z.string().trim().min(1, { error: 'must not be empty' });
const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'expected a snake_case key' });
const RuleId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'expected a kebab-case rule id' });
export const RulesetId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'expected a kebab-case ruleset id' });
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** One dated value: what it is, from when, and where it comes from. */
function dated<T extends z.ZodType, V extends z.ZodType = z.ZodBoolean>(value: T, verified?: V) {
  return z.strictObject({
    value,
    source: Text, // instrument and/or URL: required for every value
    document: Text.optional(), // document id (must be listed in `documents` along the chain)
    verified: (verified ?? z.boolean()) as V, // true only for facts confirmed from an official text ([C] in facts.md)
    note: z.string().optional(),
  });
}
const nonEmpty = (o: object) => Object.keys(o).length > 0;
function series<T extends z.ZodType>(value: T) {
  return z.strictObject({
    unit: z.string().optional(),
    description: z.string().optional(),
    values: z.record(IsoDay, dated(value)).refine(nonEmpty, { error: 'needs at least one dated value' }),
  });
}

const Fen = z.int().nonnegative();
const TierMap = z.record(Text, Fen).refine(nonEmpty, { error: 'needs at least one tier' });
/** Minimum wages: per tier (object keyed by tier) or one figure for the whole ruleset. */
const MinimumWage = z.discriminatedUnion('tiered', [
  z.strictObject({
    unit: z.literal('fen'),
    tiered: z.literal(true),
    description: z.string().optional(),
    // verified may be given per tier where tiers of one notice differ in certainty
    values: z.record(IsoDay, dated(TierMap, z.union([z.boolean(), z.record(Text, z.boolean())]))).refine(nonEmpty),
  }),
  z.strictObject({
    unit: z.literal('fen'),
    tiered: z.literal(false),
    description: z.string().optional(),
    values: z.record(IsoDay, dated(Fen)).refine(nonEmpty),
  }),
]);

export const ProvinceKey = z.string().regex(/^[a-z]+$/, { error: 'expected a pinyin province key like "chongqing"' });
export const InjuryScheme = z.strictObject({
  provinces: z.union([z.literal('all'), z.array(ProvinceKey)]),
  lines: z.array(z.enum(BUSINESS_LINES)),
});

/** Jurisdiction-level parameters (not tied to one rule). The key list is closed. */
export const LawParameters = z.strictObject({
  'minimum_wage.monthly_fen': MinimumWage.optional(),
  'minimum_wage.hourly_fen': MinimumWage.optional(),
  'work_span.bridge_gap_minutes': series(z.int().positive()).optional(),
  'pay.days_per_month': series(z.number().positive()).optional(),
  'occupational_injury.scheme': series(InjuryScheme).optional(),
});
export const LAW_PARAMETER_KEYS = Object.keys(LawParameters.shape);

export const RuleParamValue = z.union([z.number(), z.boolean(), Text]);
export const BasisSchema = z.strictObject({ document: Text, clause: Text.optional() });

export const RuleSchema = z.strictObject({
  severity: SeveritySchema.optional(), // required in the root ruleset (checked by the loader)
  enabled: z.boolean().optional(),
  basis: z.array(BasisSchema).optional(),
  parameters: z.record(Key, series(RuleParamValue)).optional(),
  note: z.string().optional(),
});

export const DocumentSchema = z.strictObject({
  id: Text,
  title: Text,
  issuer: Text.optional(),
  date: LooseDate.optional(),
  // The first day the instrument applies, where it postdates work an audit may see: a
  // finding about earlier work does not cite it. (Statutes amended since keep none: their
  // earlier versions were in force, with the clauses cited.)
  inForce: IsoDay.optional(),
  url: Text.optional(),
  file: Text.optional(), // shared/legal/documents/… or laws/… file holding the text
  verified: z.boolean().optional(),
  note: z.string().optional(),
});

export const RegionSchema = z.strictObject({
  name: Text,
  aliases: z.array(Text).optional(),
  code: z.string().regex(/^\d{6}$/, { error: 'expected a 6-digit division code' }).optional(),
  tier: Text.optional(),
  prefix: z.boolean().optional(), // a province or city whose name may precede other names
  unlistedTier: Text.optional(), // tier of places under this prefix that are not listed
  note: z.string().optional(),
});

export const HolidayYearSchema = z.strictObject({
  source: Text,
  document: Text.optional(),
  verified: z.boolean(),
  note: z.string().optional(),
  statutory: z.array(IsoDay), // 300 % days (Labour Law art. 44(3))
  rest: z.array(IsoDay), // other days off in the blocks: weekends, 补假 and 调休 weekdays
  workdays: z.array(IsoDay), // make-up working weekends (调休上班)
});

export const RulesetSchema = z.strictObject({
  id: RulesetId,
  extends: RulesetId.optional(),
  version: Text,
  name: z.strictObject({ zh: Text, en: Text }),
  province: ProvinceKey.optional(),
  defaultRegion: Text.optional(),
  note: z.string().optional(),
  documents: z.array(DocumentSchema),
  regions: z.array(RegionSchema).optional(),
  parameters: LawParameters.optional(),
  rules: z.record(RuleId, RuleSchema).optional(),
  holidays: z.record(z.string().regex(/^\d{4}$/, { error: 'expected a year' }), HolidayYearSchema).optional(),
});

export type RulesetFile = z.infer<typeof RulesetSchema>;
export type RuleFile = z.infer<typeof RuleSchema>;
export type RegionFile = z.infer<typeof RegionSchema>;
export type HolidayYearFile = z.infer<typeof HolidayYearSchema>;
export type InjurySchemeValue = z.infer<typeof InjuryScheme>;

/** "a.b.c: message" for the first few issues of a failed parse. */
export function formatIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => {
      const path = [...i.path];
      let msg = i.message.replace(/^Invalid input: /, '');
      if (i.code === 'invalid_type') msg = msg.replace('expected record', 'expected object');
      if (i.code === 'invalid_key' && i.issues[0]) msg = `invalid key: ${i.issues[0].message}`;
      if (i.code === 'unrecognized_keys') {
        path.push(i.keys[0]);
        msg = i.keys.length > 1 ? `unknown keys ${i.keys.join(', ')}` : 'unknown key';
      }
      return `${path.map(String).join('.') || '(root)'}: ${msg}`;
    })
    .join('; ');
}
