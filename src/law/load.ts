// Reads rulesets/*.json (and any extra ruleset files), validates them and resolves the
// inheritance chains: cn ← cn-chongqing ← cn-chongqing-yongchuan, and so on.
import { parseJsonText } from '../textFile.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import { RulesetSchema, formatIssues } from './schema.js';
import { checkRuleset, checkTiers, type Fail, type LoadedFile } from './check.js';
import { compileSeries, type Series } from './series.js';
import { HolidayCalendar } from './holidays.js';
import { RulesetLaw, type CompiledRule, type CompiledRuleset, type LawBook } from './law.js';
import { normaliseRegionName, type Place } from './regions.js';
import type { RulesetInfo } from './types.js';

/** The package's own rulesets/ (with a trailing separator). */
export const DEFAULT_RULESET_DIR = path.join(PACKAGE_ROOT, 'rulesets') + path.sep;

const fail: Fail = (file, p, message) => {
  throw new UsageError(`${file}: ${p}: ${message}`);
};

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function readRuleset(file: string, idFromName: boolean): LoadedFile {
  const shown = displayPath(file);
  let json: unknown;
  try {
    json = parseJsonText(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `invalid JSON: ${(e as Error).message}`}`);
  }
  const parsed = RulesetSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${shown}: ${formatIssues(parsed.error)}`);
  const expected = path.basename(file, '.json');
  if (idFromName && parsed.data.id !== expected) fail(shown, 'id', `"${parsed.data.id}" does not match the file name "${expected}"`);
  return { file: shown, data: parsed.data, chain: [] };
}

export function loadLaw(dir: string = DEFAULT_RULESET_DIR, extraFiles: string[] = []): LawBook {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new UsageError(`${displayPath(dir)}: cannot read the rulesets directory`);
  }
  const files = [
    ...names.map((n) => readRuleset(path.join(dir, n), true)),
    ...extraFiles.map((f) => readRuleset(f, false)),
  ];
  const byId = new Map<string, LoadedFile>();
  for (const f of files) {
    const dup = byId.get(f.data.id);
    if (dup) fail(f.file, 'id', `"${f.data.id}" is also the id of ${dup.file}`);
    byId.set(f.data.id, f);
  }
  const roots = files.filter((f) => f.data.extends === undefined);
  if (roots.length !== 1) throw new UsageError(`${displayPath(dir)}: expected exactly one root ruleset (without "extends"), found ${roots.length}`);
  const root = roots[0];
  for (const f of files) {
    for (let c: LoadedFile | undefined = f; c; c = c.data.extends === undefined ? undefined : byId.get(c.data.extends)) {
      if (f.chain.includes(c)) fail(f.file, 'extends', `inheritance cycle: ${[...f.chain, c].map((x) => x.data.id).join(' → ')}`);
      f.chain.push(c);
      if (c.data.extends !== undefined && !byId.has(c.data.extends)) fail(c.file, 'extends', `unknown ruleset "${c.data.extends}"`);
    }
  }
  files.sort((a, b) => a.chain.length - b.chain.length || a.data.id.localeCompare(b.data.id)); // parents first
  for (const f of files) checkRuleset(f, root, fail);
  const places = mergePlaces(files, byId);
  for (const f of files) checkTiers(f, places, byId, fail);

  const compiled = new Map<string, CompiledRuleset>();
  for (const f of files) {
    const parent = f.data.extends === undefined ? undefined : compiled.get(f.data.extends)!;
    const c = compile(f, parent);
    compiled.set(f.data.id, c);
  }
  return new RulesetLaw([...compiled.values()], places, new HolidayCalendar(root.data.holidays));
}

function compile(f: LoadedFile, parent: CompiledRuleset | undefined): CompiledRuleset {
  const d = f.data;
  const params = new Map<string, Series>();
  for (const [key, s] of Object.entries(d.parameters ?? {}))
    if (s) params.set(key, compileSeries(d.id, s.values, 'tiered' in s && s.tiered));
  const rules = new Map<string, CompiledRule>();
  for (const [id, r] of Object.entries(d.rules ?? {})) {
    const rp = new Map(Object.entries(r.parameters ?? {}).map(([n, s]) => [n, compileSeries(d.id, s.values)]));
    rules.set(id, { severity: r.severity, enabled: r.enabled, basis: r.basis ?? [], params: rp });
  }
  const info: RulesetInfo = {
    id: d.id,
    version: d.version,
    ...(d.extends ? { extends: d.extends } : {}),
    name: d.name,
    documents: d.documents.map(({ id, title, issuer, date, inForce, url, file }) => ({ id, title, issuer, date, ...(inForce ? { inForce } : {}), url, file })),
    regions: (d.regions ?? []).map((r) => r.name),
  };
  const self: CompiledRuleset = {
    info,
    chain: [],
    province: d.province ?? parent?.province,
    ownProvince: d.province !== undefined,
    defaultRegion: d.defaultRegion,
    params,
    rules,
  };
  self.chain = [self, ...(parent?.chain ?? [])];
  return self;
}

/**
 * One place per (province, name) across all tables. Codes, aliases and tiers merge; the
 * deepest ruleset that lists the place claims it (cn-chongqing-yongchuan claims 永川区).
 */
function mergePlaces(files: LoadedFile[], byId: Map<string, LoadedFile>): Place[] {
  const places = new Map<string, Place>();
  for (const f of files) {
    const province = f.chain.find((c) => c.data.province)?.data.province ?? '';
    f.data.regions?.forEach((r, i) => {
      const key = `${province}|${r.name}`;
      const p = places.get(key);
      if (!p) {
        places.set(key, { name: r.name, aliases: r.aliases ?? [], code: r.code, tier: r.tier, prefix: r.prefix ?? false, unlistedTier: r.unlistedTier, province, claimant: f.data.id });
        return;
      }
      const owner = byId.get(p.claimant)!;
      if (!f.chain.includes(owner)) fail(f.file, `regions.${i}.name`, `${r.name} is also claimed by ${owner.data.id}, which it does not extend`);
      for (const k of ['code', 'tier', 'unlistedTier'] as const) {
        if (r[k] !== undefined && p[k] !== undefined && r[k] !== p[k]) fail(f.file, `regions.${i}.${k}`, `"${r[k]}" conflicts with "${p[k]}" in ${owner.file}`);
        p[k] = p[k] ?? r[k];
      }
      p.aliases = [...new Set([...p.aliases, ...(r.aliases ?? [])])];
      p.prefix ||= r.prefix ?? false;
      p.claimant = f.data.id; // files come parents first, so the deepest claimant is last
    });
  }
  // No name, alias or code (nor one of those without its 区/县/市) may point at two places.
  const keys = new Map<string, Place>();
  for (const p of places.values()) {
    const exact = [p.name, ...p.aliases, ...(p.code ? [p.code] : [])].map(normaliseRegionName);
    const loose = exact.filter((k) => k.length > 2 && /[区县市]$/u.test(k)).map((k) => k.slice(0, -1));
    for (const k of new Set([...exact, ...loose])) {
      const other = keys.get(k);
      if (other && other !== p) fail(byId.get(p.claimant)!.file, 'regions', `"${k}" names both ${other.name} and ${p.name}`);
      keys.set(k, p);
    }
  }
  return [...places.values()];
}
