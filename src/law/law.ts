// The resolved law: rulesets with their inheritance chains, values as of a day.
import type { BusinessLine } from '../model.js';
import type {
  Basis,
  DayType,
  HolidayCalendarYear,
  Jurisdiction,
  Law,
  ParamValue,
  RuleSettings,
  RulesetInfo,
  Severity,
} from './types.js';
import { HolidayCalendar } from './holidays.js';
import { schemeCovers } from './injury.js';
import { formatDay, parseIsoDay } from '../time.js';
import { RegionIndex, type Place } from './regions.js';
import { chainHistory, lookupChain, verifiedFor, type DatedEntry, type Series } from './series.js';
import { LAW_PARAMETER_KEYS, type InjurySchemeValue } from './schema.js';

export interface CompiledRule {
  severity?: Severity;
  enabled?: boolean;
  basis: Basis[];
  params: Map<string, Series>;
}

export interface CompiledRuleset {
  info: RulesetInfo;
  chain: CompiledRuleset[]; // self first, root last
  province?: string; // own or inherited
  ownProvince: boolean;
  defaultRegion?: string;
  params: Map<string, Series>;
  rules: Map<string, CompiledRule>;
}

/** Law plus what the CLI needs to list and explain rules and rulesets. */
export interface LawBook extends Law {
  ruleIds(): string[];
  ruleParamNames(ruleId: string): string[];
  /** Places a ruleset claims (all places when no id), with their codes and tiers. */
  places(rulesetId?: string): Place[];
  /** Ids from the ruleset to the root, e.g. [cn-chongqing-yongchuan, cn-chongqing, cn]. */
  chain(rulesetId: string): string[];
}

export class RulesetLaw implements LawBook {
  readonly rulesets: RulesetInfo[];
  private readonly byId: Map<string, CompiledRuleset>;
  private readonly root: CompiledRuleset;
  private readonly index: RegionIndex;
  private readonly calendar: HolidayCalendar;

  constructor(
    compiled: CompiledRuleset[],
    private readonly allPlaces: Place[],
    calendar: HolidayCalendar,
  ) {
    this.byId = new Map(compiled.map((c) => [c.info.id, c]));
    this.rulesets = compiled.map((c) => c.info);
    this.root = compiled.find((c) => c.chain.length === 1)!;
    this.index = new RegionIndex(allPlaces);
    this.calendar = calendar;
    for (const c of compiled) if (c.ownProvince && c.province) this.provinceRulesets.set(c.province, c);
  }

  private readonly provinceRulesets = new Map<string, CompiledRuleset>();

  ruleset(id: string): RulesetInfo | undefined {
    return this.byId.get(id)?.info;
  }

  chain(rulesetId: string): string[] {
    return this.get(rulesetId).chain.map((c) => c.info.id);
  }

  resolveRegion(nameOrCode: string): Jurisdiction | undefined {
    const hit = this.index.resolve(nameOrCode);
    if (!hit) return undefined;
    const p = hit.place;
    if (hit.unlisted === undefined) return { rulesetId: p.claimant, region: p.name, code: p.code, province: p.province, tier: p.tier };
    const code = /^\d{6}$/.test(hit.unlisted) ? hit.unlisted : undefined;
    // A place under a prefix that no table lists: the prefix's ruleset, and the tier the
    // prefix gives its unlisted places (Yunnan: category III), else the prefix's own tier
    // (a city-wide standard such as Deyang's), else none (could not assess).
    return { rulesetId: p.claimant, region: hit.unlisted, code, province: p.province, tier: p.unlistedTier ?? p.tier };
  }

  /**
   * Jurisdiction for records without a region. A ruleset for one district or city names
   * its `defaultRegion` (tier included); a province-wide ruleset gives no tier, because the
   * province spans tiers: tiered minimum-wage lookups then return undefined and the rule
   * reports that it could not assess for want of a region. The root `cn` has province ''.
   */
  defaultJurisdiction(rulesetId: string): Jurisdiction | undefined {
    const rs = this.byId.get(rulesetId);
    if (!rs) return undefined;
    if (rs.defaultRegion) {
      const j = this.resolveRegion(rs.defaultRegion);
      if (j) return { ...j, rulesetId };
    }
    return { rulesetId, region: rs.info.name.zh, province: rs.province ?? '' };
  }

  param<T = unknown>(rulesetId: string, key: string, day: number, tier?: string): ParamValue<T> | undefined {
    const hit = lookupChain(this.paramChain(rulesetId, key), day);
    return hit ? toParam<T>(hit.series, hit.entry, tier) : undefined;
  }

  lowestTier(rulesetId: string, key: string, day: number): string | undefined {
    const hit = lookupChain(this.paramChain(rulesetId, key), day);
    if (!hit || !hit.series.tiered) return undefined;
    let best: [string, number] | undefined;
    for (const [tier, v] of Object.entries(hit.entry.value as Record<string, unknown>).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (typeof v === 'number' && (!best || v < best[1])) best = [tier, v];
    }
    return best?.[0];
  }

  paramHistory(rulesetId: string, key: string, tier?: string): ParamValue[] {
    return chainHistory(this.paramChain(rulesetId, key))
      .map((h) => (tier === undefined ? toParam(h.series, h.entry, undefined, true) : toParam(h.series, h.entry, tier)))
      .filter((p): p is ParamValue => p !== undefined);
  }

  ruleParam<T = unknown>(rulesetId: string, ruleId: string, name: string, day: number, _platform?: string): ParamValue<T> | undefined {
    const hit = lookupChain(this.ruleParamChain(rulesetId, ruleId, name), day);
    return hit ? toParam<T>(hit.series, hit.entry, undefined) : undefined;
  }

  ruleParamSeries(rulesetId: string, ruleId: string, name: string): ParamValue[] {
    return chainHistory(this.ruleParamChain(rulesetId, ruleId, name)).map((h) => toParam(h.series, h.entry, undefined)!);
  }

  private inForceDays: Map<string, number> | undefined;

  citedOn(basis: readonly Basis[], day: number): Basis[] {
    if (!this.inForceDays) {
      this.inForceDays = new Map();
      for (const r of this.rulesets) for (const d of r.documents) if (d.inForce) this.inForceDays.set(d.id, parseIsoDay(d.inForce)!);
    }
    const from = this.inForceDays;
    return basis.filter((b) => !(from.get(b.document)! > day));
  }

  ruleSettings(rulesetId: string, ruleId: string, _platform?: string): RuleSettings {
    this.rootRule(ruleId);
    const rules = this.get(rulesetId).chain.map((c) => c.rules.get(ruleId)).filter((r) => r !== undefined);
    const basis: Basis[] = [];
    const seen = new Set<string>();
    for (const b of rules.flatMap((r) => r.basis)) {
      const k = `${b.document}\u0000${b.clause ?? ''}`;
      if (!seen.has(k)) basis.push(b);
      seen.add(k);
    }
    return {
      enabled: rules.find((r) => r.enabled !== undefined)?.enabled ?? true,
      severity: rules.find((r) => r.severity !== undefined)?.severity,
      basis,
    };
  }

  ruleIds(): string[] {
    return [...this.root.rules.keys()];
  }

  ruleParamNames(ruleId: string): string[] {
    return [...this.rootRule(ruleId).params.keys()];
  }

  occupationalInjuryCovers(province: string, businessLine: BusinessLine | undefined, day: number): ParamValue<boolean> {
    // The province's own ruleset may date its joining differently; otherwise the national table.
    const rs = this.provinceRulesets.get(province) ?? this.root;
    const key = 'occupational_injury.scheme';
    const scheme = this.param<InjurySchemeValue>(rs.info.id, key, day);
    if (!scheme) {
      const first = this.paramHistory(rs.info.id, key)[0];
      return {
        value: false,
        since: 0,
        rulesetId: this.root.info.id,
        origin: 'ruleset',
        source: first ? `no occupational-injury scheme before ${formatDay(first.since)} (${first.source})` : 'no occupational-injury scheme',
        verified: first?.verified ?? false,
      };
    }
    return { ...scheme, value: schemeCovers(scheme.value, province, businessLine) };
  }

  dayType(day: number): DayType | undefined {
    return this.calendar.dayType(day);
  }

  calendarYears(): HolidayCalendarYear[] {
    return this.calendar.calendarYears();
  }

  places(rulesetId?: string): Place[] {
    if (rulesetId === undefined) return [...this.allPlaces];
    const rs = this.get(rulesetId);
    return this.allPlaces.filter((p) => p.province === rs.province && rs.info.regions.includes(p.name));
  }

  private get(id: string): CompiledRuleset {
    const rs = this.byId.get(id);
    if (!rs) throw new Error(`unknown ruleset id "${id}"`);
    return rs;
  }

  private rootRule(ruleId: string): CompiledRule {
    const r = this.root.rules.get(ruleId);
    if (!r) throw new Error(`unknown rule id "${ruleId}" (not in ${this.root.info.id}.json)`);
    return r;
  }

  // Rules ask per span or per worker-month: the chains of series are cached.
  private readonly chains = new Map<string, Series[]>();

  private paramChain(rulesetId: string, key: string): Series[] {
    const k = `${rulesetId}\u0000${key}`;
    let chain = this.chains.get(k);
    if (!chain) {
      if (!LAW_PARAMETER_KEYS.includes(key)) throw new Error(`unknown law parameter "${key}"`);
      chain = this.get(rulesetId).chain.flatMap((c) => c.params.get(key) ?? []);
      this.chains.set(k, chain);
    }
    return chain;
  }

  private ruleParamChain(rulesetId: string, ruleId: string, name: string): Series[] {
    const k = `${rulesetId}\u0000${ruleId}\u0000${name}`;
    let chain = this.chains.get(k);
    if (!chain) {
      if (!this.rootRule(ruleId).params.has(name)) throw new Error(`unknown parameter "${name}" of rule "${ruleId}"`);
      chain = this.get(rulesetId).chain.flatMap((c) => c.rules.get(ruleId)?.params.get(name) ?? []);
      this.chains.set(k, chain);
    }
    return chain;
  }
}

/** A dated entry as a ParamValue; tiered values need a tier unless `whole` is asked for. */
function toParam<T>(series: Series, entry: DatedEntry, tier: string | undefined, whole = false): ParamValue<T> | undefined {
  let value = entry.value;
  if (series.tiered && !whole) {
    if (tier === undefined) return undefined;
    value = (entry.value as Record<string, unknown>)[tier];
    if (value === undefined) return undefined;
  }
  const verified = whole && typeof entry.verified !== 'boolean' ? Object.values(entry.verified).every(Boolean) : verifiedFor(entry, tier);
  return {
    value: value as T,
    since: entry.since,
    rulesetId: series.rulesetId,
    origin: 'ruleset',
    source: entry.source,
    verified,
    ...(entry.document ? { document: entry.document } : {}),
  };
}
