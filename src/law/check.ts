// Checks across ruleset files that a per-file schema cannot make: references along the
// inheritance chain, rule ids and parameter names against the root, tier coverage.
import type { RulesetFile } from './schema.js';
import { checkHolidayYear } from './holidays.js';
import type { Place } from './regions.js';

export interface LoadedFile {
  file: string; // path as displayed in messages
  data: RulesetFile;
  chain: LoadedFile[]; // self first, root last
}

export type Fail = (file: string, path: string, message: string) => never;

const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);

export function checkRuleset(f: LoadedFile, root: LoadedFile, fail: Fail): void {
  const d = f.data;
  const isRoot = f === root;
  const docs = new Set(f.chain.flatMap((c) => c.data.documents.map((x) => x.id)));
  const own = new Set<string>();
  d.documents.forEach((doc, i) => {
    if (own.has(doc.id)) fail(f.file, `documents.${i}.id`, `duplicate document "${doc.id}"`);
    own.add(doc.id);
  });
  const needDoc = (path: string, id: string | undefined) => {
    if (id !== undefined && !docs.has(id)) fail(f.file, path, `unknown document "${id}" (list it in documents here or in an ancestor)`);
  };

  for (const [key, s] of Object.entries(d.parameters ?? {})) {
    if (!s) continue;
    for (const [date, e] of Object.entries(s.values)) {
      const path = `parameters.${key}.values.${date}`;
      needDoc(`${path}.document`, e.document);
      if (typeof e.verified === 'object') {
        for (const t of Object.keys(e.verified))
          if (!(t in (e.value as object))) fail(f.file, `${path}.verified.${t}`, `no value for tier "${t}"`);
        for (const t of Object.keys(e.value as object))
          if (!(t in e.verified)) fail(f.file, `${path}.verified`, `no verified flag for tier "${t}"`);
      }
    }
  }

  for (const [ruleId, r] of Object.entries(d.rules ?? {})) {
    const base = `rules.${ruleId}`;
    const rootRule = root.data.rules?.[ruleId];
    if (!rootRule) fail(f.file, base, `unknown rule id (not in ${root.data.id}.json)`);
    if (isRoot && !r.severity) fail(f.file, `${base}.severity`, 'required in the root ruleset');
    if (isRoot && !r.basis?.length) fail(f.file, `${base}.basis`, 'required in the root ruleset');
    r.basis?.forEach((b, i) => needDoc(`${base}.basis.${i}.document`, b.document));
    for (const [name, s] of Object.entries(r.parameters ?? {})) {
      const rootSeries = rootRule.parameters?.[name];
      if (!rootSeries) fail(f.file, `${base}.parameters.${name}`, `unknown parameter of rule "${ruleId}"`);
      const want = kind(Object.values(rootSeries.values)[0].value);
      for (const [date, e] of Object.entries(s.values)) {
        const path = `${base}.parameters.${name}.values.${date}`;
        if (kind(e.value) !== want) fail(f.file, `${path}.value`, `expected ${want}, received ${kind(e.value)}`);
        needDoc(`${path}.document`, e.document);
      }
    }
  }

  if (d.holidays && !isRoot) fail(f.file, 'holidays', 'only the root ruleset holds the holiday calendar');
  for (const [year, h] of Object.entries(d.holidays ?? {})) {
    needDoc(`holidays.${year}.document`, h.document);
    const problems = checkHolidayYear(year, h);
    if (problems.length) fail(f.file, `holidays.${year}.${problems[0].split(': ')[0]}`, problems[0].split(': ').slice(1).join(': '));
  }

  const province = f.chain.find((c) => c.data.province)?.data.province;
  const names = new Set<string>();
  d.regions?.forEach((r, i) => {
    if (!province) fail(f.file, `regions.${i}`, 'regions need a province (set "province" here or in an ancestor)');
    if (names.has(r.name)) fail(f.file, `regions.${i}.name`, `duplicate region "${r.name}"`);
    names.add(r.name);
  });
  if (d.defaultRegion && !names.has(d.defaultRegion))
    fail(f.file, 'defaultRegion', `"${d.defaultRegion}" is not one of this ruleset's regions`);
}

/** Every tiered value must have a figure for each tier that the ruleset's places use. */
export function checkTiers(f: LoadedFile, places: Place[], byId: Map<string, LoadedFile>, fail: Fail): void {
  // places claimed by this ruleset or by one that inherits from it
  const mine = places.filter((p) => byId.get(p.claimant)?.chain.includes(f));
  for (const [key, s] of Object.entries(f.data.parameters ?? {})) {
    if (!s || !('tiered' in s) || !s.tiered) continue;
    for (const [date, e] of Object.entries(s.values)) {
      for (const p of mine) {
        for (const t of [p.tier, p.unlistedTier]) {
          if (t !== undefined && !(t in (e.value as object)))
            fail(f.file, `parameters.${key}.values.${date}.value`, `no value for tier "${t}" used by ${p.name}`);
        }
      }
    }
  }
}
