// Region names as they appear in exports (永川, 永川区, 重庆市永川区, 重庆永川, 500118) →
// one place from the rulesets' region tables.

export interface Place {
  name: string; // canonical name, e.g. 永川区
  aliases: string[];
  code?: string; // 6-digit division code
  tier?: string;
  prefix: boolean; // province or city: its names may precede other names
  unlistedTier?: string; // tier of places under this prefix that no table lists
  province: string;
  claimant: string; // the most specific ruleset that claims the place
}

export interface RegionHit {
  place: Place;
  /** Set when the input named a place under `place` (a prefix) that no table lists. */
  unlisted?: string;
}

/** NFKC (full-width digits and letters), no whitespace. */
export function normaliseRegionName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

const SUFFIX = /[区县市]$/u;
/** 永川区 → 永川, 广汉市 → 广汉; never down to a single character. */
function stripSuffix(s: string): string | undefined {
  return s.length > 2 && SUFFIX.test(s) ? s.slice(0, -1) : undefined;
}

export class RegionIndex {
  private readonly exact = new Map<string, Place | null>(); // null = ambiguous
  private readonly loose = new Map<string, Place | null>();
  private readonly codes = new Map<string, Place>();
  private readonly prefixes: { key: string; place: Place }[] = [];
  private readonly codePrefixes: { key: string; place: Place }[] = [];

  constructor(places: Place[]) {
    for (const p of places) {
      for (const n of [p.name, ...p.aliases].map(normaliseRegionName)) {
        put(this.exact, n, p);
        const s = stripSuffix(n);
        if (s) put(this.loose, s, p);
        if (p.prefix) this.prefixes.push({ key: n, place: p });
      }
      if (p.code) {
        this.codes.set(p.code, p);
        // 500000 → "50", 510600 → "5106": the significant part of a province or city code
        if (p.prefix) this.codePrefixes.push({ key: p.code.replace(/(00)+$/, ''), place: p });
      }
    }
    this.prefixes.sort((a, b) => b.key.length - a.key.length);
    this.codePrefixes.sort((a, b) => b.key.length - a.key.length);
  }

  resolve(input: string): RegionHit | undefined {
    const s = normaliseRegionName(input);
    if (!s) return undefined;
    if (/^\d{6}$/.test(s)) {
      const place = this.codes.get(s);
      if (place) return { place };
      const parent = this.codePrefixes.find((c) => s.startsWith(c.key));
      return parent ? { place: parent.place, unlisted: s } : undefined;
    }
    let rest = s;
    let context: Place | undefined;
    for (;;) {
      const hit = this.lookup(rest);
      if (hit) return { place: hit };
      // 重庆市永川区 → 永川区; 四川省德阳市旌阳区 → 德阳市旌阳区 → 旌阳区
      const p = this.prefixes.find((x) => rest.startsWith(x.key) && rest.length > x.key.length);
      if (!p) break;
      context = p.place;
      rest = rest.slice(p.key.length);
    }
    return context ? { place: context, unlisted: rest } : undefined;
  }

  private lookup(s: string): Place | undefined {
    const stripped = stripSuffix(s);
    return (
      this.exact.get(s) ?? this.loose.get(s) ?? (stripped ? this.loose.get(stripped) : undefined) ?? undefined
    );
  }
}

function put(map: Map<string, Place | null>, key: string, p: Place): void {
  const old = map.get(key);
  if (old === undefined) map.set(key, p);
  else if (old !== p) map.set(key, null); // two places share the key: neither answers
}
