// `gigaudit merge`: shard reports (`gigaudit audit --shard K/N`) → the report one run over all
// workers would have written. Shards cover disjoint workers, so their worker counts, coverage
// counts and per-worker findings add up; what every shard computed over everything (inputs and
// row accounting, rejected rows, the period, the rules over whole platforms) is taken once and
// must agree. Findings are ordered as buildReport orders them, by the workers' raw ids (their
// ranks among all ids of the run, which each shard knows: masking may have changed the ids).
import { UsageError } from '../errors.js';
import { mergeNotAssessed } from '../audit/shard.js';
import { arrearsByRule, coverageOf } from './employment.js';
import { numberDuplicateIds } from './build.js';
import { shardProblem } from './shardSchema.js';
import type { CoverageCounts, EmploymentReport, Finding, Report } from './model.js';

const cmp = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const addCounts = (a: CoverageCounts, b: CoverageCounts): CoverageCounts => ({
  contract: a.contract + b.contract,
  injury: a.injury + b.injury,
  employees: a.employees + b.employees,
  social: a.social + b.social,
});

/** Checks that reports are the N shards of one run; returns them by shard index. */
function checkShards(reports: { name: string; report: Report }[]): { name: string; report: Report }[] {
  if (reports.length === 0) throw new UsageError('merge: no shard reports given');
  for (const { name, report } of reports) {
    if (report?.schemaVersion !== 1 || report.tool?.name !== 'gigaudit') throw new UsageError(`merge: ${name} is not a gigaudit JSON report`);
    if (!report.shard) throw new UsageError(`merge: ${name} is not a shard report (run gigaudit audit --shard K/N --format json)`);
    if (!report.employment?.counts) throw new UsageError(`merge: ${name} has no employment counts (written by an older gigaudit?)`);
    const problem = shardProblem(report);
    if (problem) throw new UsageError(`merge: ${name}: ${problem}`);
    // A finding added, dropped or renamed by hand would add up to wrong totals.
    if (report.summary.findings !== report.findings.length) throw new UsageError(`merge: ${name}: summary.findings is ${report.summary.findings}, the report lists ${report.findings.length}`);
    const unknown = report.findings.find((f) => !(f.rule in report.summary.byRule));
    if (unknown) throw new UsageError(`merge: ${name}: finding ${unknown.id}: rule "${unknown.rule}" is not among the run's rules`);
    const ids = new Set<string>();
    for (const f of report.findings) {
      if (ids.has(f.id)) throw new UsageError(`merge: ${name}: finding ${f.id} is listed twice`);
      ids.add(f.id);
    }
  }
  const count = reports[0].report.shard!.count;
  const byIndex = new Map<number, { name: string; report: Report }>();
  for (const r of reports) {
    const s = r.report.shard!;
    if (s.count !== count) throw new UsageError(`merge: ${r.name} is shard ${s.index}/${s.count}, ${reports[0].name} is of ${count}`);
    if (byIndex.has(s.index)) throw new UsageError(`merge: ${byIndex.get(s.index)!.name} and ${r.name} are both shard ${s.index}/${count}`);
    byIndex.set(s.index, r);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length) throw new UsageError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} missing`);
  const sorted = [...byIndex.keys()].sort((a, b) => a - b).map((k) => byIndex.get(k)!);
  // What every shard computed over all rows and workers must agree.
  const first = sorted[0];
  const shared: [string, (r: Report) => unknown][] = [
    ['tool', (r) => r.tool],
    ['timezone', (r) => r.run.timezone],
    ['language', (r) => r.run.lang],
    ['period', (r) => r.run.period],
    ['inputs', (r) => r.run.inputs],
    ['skipped files', (r) => r.run.skipped],
    ['rejected rows', (r) => [r.rejected, r.rejectedOmitted]],
    ['employment date', (r) => r.employment.asOf],
    ['rules over platforms', (r) => r.shard!.platformRules],
    ['rule list', (r) => Object.keys(r.summary.byRule)],
  ];
  for (const r of sorted.slice(1)) {
    for (const [what, get] of shared) {
      if (!same(get(first.report), get(r.report))) {
        throw new UsageError(`merge: ${first.name} and ${r.name} differ in ${what}: not shards of the same run (same inputs and options)`);
      }
    }
  }
  return sorted;
}

/** The merged report; `reports` are the parsed shard reports with names for messages. */
export function mergeShardReports(reports: { name: string; report: Report }[]): Report {
  const shards = checkShards(reports);
  const base = shards[0].report;
  const platformRules = new Set(base.shard!.platformRules);

  // Findings: per-worker ones from every shard, the platform ones once (they must agree).
  const ranked: { f: Finding; rank: number }[] = [];
  const platformFindings = (r: Report) => r.findings.filter((f) => platformRules.has(f.rule));
  for (const { name, report } of shards) {
    if (!same(platformFindings(report), platformFindings(base))) {
      throw new UsageError(`merge: ${shards[0].name} and ${name} differ in findings about whole platforms: not shards of the same run`);
    }
    const ranks = report.shard!.workerRanks;
    if (!Array.isArray(ranks) || ranks.length !== report.findings.length) throw new UsageError(`merge: ${name}: shard.workerRanks does not match its findings`);
    report.findings.forEach((f, i) => {
      if (!platformRules.has(f.rule) || report === base) ranked.push({ f, rank: ranks[i] });
    });
  }
  ranked.sort(
    (a, b) =>
      cmp(a.f.rule, b.f.rule) ||
      cmp(a.f.platform, b.f.platform) ||
      a.rank - b.rank ||
      cmp(a.f.period.from, b.f.period.from) ||
      cmp(a.f.period.to, b.f.period.to) ||
      cmp(a.f.id, b.f.id),
  );
  const findings = ranked.map((x) => x.f);
  // Ids that tie are numbered over the whole run, as a single run numbers them (in the same order).
  for (const f of findings) f.id = f.id.replace(/^([0-9a-f]{20})-\d+$/, '$1');
  numberDuplicateIds(findings);

  const out: Report = structuredClone(base);
  delete out.shard;
  const all = shards.map((s) => s.report);

  // run
  out.run.startedAt = all.map((r) => r.run.startedAt).sort()[0];
  out.run.finishedAt = all.map((r) => r.run.finishedAt).sort().at(-1)!;
  const rulesets = new Map<string, { id: string; version: string }>();
  for (const r of all) for (const rs of r.run.rulesets) if (!rulesets.has(rs.id)) rulesets.set(rs.id, rs);
  out.run.rulesets = [...rulesets.keys()].sort().map((id) => rulesets.get(id)!);
  if (all.some((r) => r.run.parameterSources?.length)) {
    const sources = new Map<string, NonNullable<Report['run']['parameterSources']>[number]>();
    for (const r of all) {
      for (const p of r.run.parameterSources ?? []) {
        const k = `${p.rule}\u0000${p.platform}\u0000${p.name}`;
        if (!sources.has(k)) sources.set(k, p);
      }
    }
    out.run.parameterSources = [...sources.keys()].sort().map((k) => sources.get(k)!);
  }

  // summary
  out.summary.workers = all.reduce((n, r) => n + r.summary.workers, 0);
  out.summary.workerPlatforms = all.reduce((n, r) => n + r.summary.workerPlatforms, 0);
  out.summary.findings = findings.length;
  out.summary.bySeverity = { error: 0, warning: 0, info: 0 };
  out.summary.byRule = Object.fromEntries(Object.keys(base.summary.byRule).map((k) => [k, 0]));
  for (const f of findings) {
    out.summary.bySeverity[f.severity]++;
    out.summary.byRule[f.rule] = (out.summary.byRule[f.rule] ?? 0) + 1;
  }
  out.findings = findings;

  // employment
  out.employment = mergeEmployment(
    all.map((r) => r.employment),
    findings,
  );

  // notAssessed: per-worker rules add up; the platform rules' come from one shard
  out.notAssessed = mergeNotAssessed(Object.keys(base.summary.byRule), [
    ...all.map((r) => r.notAssessed.filter((n) => !platformRules.has(n.rule))),
    base.notAssessed.filter((n) => platformRules.has(n.rule)),
  ]);
  return out;
}

function mergeEmployment(parts: EmploymentReport[], findings: Finding[]): EmploymentReport {
  const e: EmploymentReport = structuredClone(parts[0]);
  const zero: CoverageCounts = { contract: 0, injury: 0, employees: 0, social: 0 };
  e.workers = 0;
  e.workerPlatforms = 0;
  for (const k of Object.keys(e.byRelation) as (keyof EmploymentReport['byRelation'])[]) e.byRelation[k] = 0;
  e.counts = { ...zero };
  e.overLimits = { continuous: 0, daily: 0 };
  const platforms = new Map<string, { n: number; counts: CoverageCounts }>();
  for (const p of parts) {
    e.workers += p.workers;
    e.workerPlatforms += p.workerPlatforms;
    for (const [k, v] of Object.entries(p.byRelation)) e.byRelation[k as keyof typeof e.byRelation] += v;
    e.counts = addCounts(e.counts, p.counts);
    e.overLimits.continuous += p.overLimits.continuous;
    e.overLimits.daily += p.overLimits.daily;
    for (const b of p.byPlatform) {
      const t = platforms.get(b.platform) ?? { n: 0, counts: { ...zero } };
      t.n += b.workerPlatforms;
      t.counts = addCounts(t.counts, b.counts);
      platforms.set(b.platform, t);
    }
  }
  e.coverage = coverageOf(e.workerPlatforms, e.counts);
  e.byPlatform = [...platforms]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([platform, t]) => ({ platform, workerPlatforms: t.n, coverage: coverageOf(t.n, t.counts), counts: t.counts }));
  // The shards list the same rules (each ran them all), in the same order.
  e.arrears = arrearsByRule(findings, [...new Set(parts.flatMap((p) => Object.keys(p.arrears)))]);
  return e;
}
