// The pipeline of one audit: read → normalise → assemble per worker → rules → report.
import { assemble, Collector, type Dossier } from '../assemble/index.js';
import { InputError, UsageError } from '../errors.js';
import { loadConfig, loadLaw, withConfig } from '../law/index.js';
import { checkConfigValues, checkRulesetValues } from './checkParams.js';
import type { LawBook } from '../law/law.js';
import type { Jurisdiction, Law, ParamValue } from '../law/types.js';
import { OrderIdIndex } from '../normalise/orderIds.js';
import type { Engine } from '../read/csvStream.js';
import { defaultThreads, readInputs, type InputSpec, type ReadProgress } from '../read/index.js';
import { buildReport } from '../report/build.js';
import { makeMasker, type PersonalData } from '../report/mask.js';
import type { Finding, Lang, NotAssessed, ParameterSource, Report } from '../report/model.js';
import { RULES } from '../rules/index.js';
import { runRules } from '../rules/engine.js';
import { Clock, parseIsoDay } from '../time.js';
import { VERSION } from '../version.js';
import { makeContext } from './context.js';
import { heapKeeper } from './memory.js';
import { mergeNotAssessed, shardOf, type Shard } from './shard.js';
import { batchTask, RuleThreads } from './ruleThreads.js';
import { expandInputs } from '../read/expand.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';

export interface AuditOptions {
  inputs: InputSpec[];
  lang: Lang;
  tz?: string;
  encoding?: string;
  map?: Record<string, string>;
  platform?: string;
  ruleset?: string;
  region?: string;
  from?: string;
  to?: string;
  config?: string;
  strict?: boolean;
  now?: () => Date;
  /** Parser for the inputs (default 'auto'); worker threads for large orders files (0 = none). */
  engine?: Engine;
  threads?: number;
  /** Filled with milliseconds per phase (read, group, assemble, rules, report) when given. */
  timings?: Record<string, number>;
  /** Keep only the workers of this shard (`--shard K/N`); the report carries what `gigaudit merge` needs. */
  shard?: Shard;
  /** Worker-platforms per batch of the rules about workers (default 2000; tests). */
  ruleBatch?: number;
  /** Worker-platforms from which rule batches also run on threads (default 4000), input bytes from which threads start (64 MiB); tests. */
  ruleThreadsMin?: number;
  ruleThreadsMinBytes?: number;
  /** Cores assumed for the rule threads (default: the machine's; tests). */
  ruleCores?: number;
  /** Thresholds of the parallel reader (tests). */
  readTuning?: { parallelMinBytes?: number; parallelRangeBytes?: number };
  /** Progress while reading (the CLI draws a bar from it). */
  onProgress?: (p: ReadProgress) => void;
  /** Told what the user may want to know and the report does not say (e.g. a config block for a platform the data lacks). */
  onNote?: (text: string) => void;
  /** Filled with the roster's names, so that reporters can mask them (src/report/mask.ts). */
  personalData?: PersonalData;
  /** Mask personal data in error messages that quote input values (the caller masks the report). */
  maskErrors?: boolean;
}

function day(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const d = parseIsoDay(value);
  if (d === undefined) throw new UsageError(`--${option} expects a date like 2025-03-01, got "${value}"`);
  return d;
}

function fallbackJurisdiction(law: Law, o: AuditOptions): Jurisdiction | undefined {
  if (o.region !== undefined) {
    const j = law.resolveRegion(o.region);
    if (!j) throw new UsageError(`unknown region "${o.region}" (see \`gigaudit rulesets\`)`);
    return j;
  }
  if (o.ruleset !== undefined) {
    if (!law.ruleset(o.ruleset)) throw new UsageError(`unknown ruleset "${o.ruleset}" (see \`gigaudit rulesets\`)`);
    return law.defaultJurisdiction(o.ruleset);
  }
  return undefined;
}

/** The chain of a ruleset up to `cn`, most general first. */
function chain(law: Law, id: string): string[] {
  const out: string[] = [];
  for (let r = law.ruleset(id); r; r = r.extends ? law.ruleset(r.extends) : undefined) out.unshift(r.id);
  return out;
}

function phaseTimer(into: Record<string, number> | undefined): (phase: string) => void {
  if (!into) return () => undefined;
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    into[phase] = (into[phase] ?? 0) + (now - last);
    // resident memory and JS heap at the end of the phase, in MB
    const m = process.memoryUsage();
    into[`${phase}.rssMB`] = m.rss / 2 ** 20;
    into[`${phase}.heapMB`] = m.heapUsed / 2 ** 20;
    into[`${phase}.buffersMB`] = m.arrayBuffers / 2 ** 20;
    last = now;
  };
}

export async function runAudit(o: AuditOptions): Promise<Report> {
  const now = o.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const tz = o.tz ?? 'Asia/Shanghai';
  try {
    Clock.validate(tz);
  } catch {
    throw new UsageError(`unknown time zone "${tz}" (use an IANA name such as Asia/Shanghai)`);
  }
  const clock = new Clock(tz);
  const period = { from: day('from', o.from), to: day('to', o.to) };
  if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
    throw new UsageError('--from is after --to');
  }
  let law: LawBook = loadLaw();
  checkRulesetValues(law);
  let map = o.map;
  let configPlatforms: string[] = [];
  if (o.config) {
    const config = loadConfig(o.config);
    configPlatforms = Object.keys(config.platforms ?? {});
    checkConfigValues(config);
    law = withConfig(law, config);
    map = { ...(config.map ?? {}), ...(map ?? {}) };
  }
  const fallback = fallbackJurisdiction(law, o);

  // Rule threads start now, to load while the inputs are read (only for large inputs, and
  // only with three cores or more: on two, a thread that starts cold while this one runs
  // batches gained nothing in our measurements).
  const cores = o.ruleCores ?? availableParallelism();
  const ruleThreadCount = cores >= 3 ? Math.max(0, Math.min(o.threads ?? defaultThreads(), cores) - 1) : 0;
  let pool: RuleThreads | undefined =
    ruleThreadCount > 0 && (await inputBytes(o.inputs)) >= (o.ruleThreadsMinBytes ?? RULE_THREADS_MIN_BYTES) ? new RuleThreads(ruleThreadCount, { config: o.config }) : undefined;
  try {
  // Duplicate ids are found after reading (the collector drops later copies then): cheaper
  // than a table lookup per order, and the same result (tests/read/differential.test.ts).
  const orderIds = new OrderIdIndex({ deferred: true });
  const collector = new Collector(clock, period, orderIds);
  const mark = phaseTimer(o.timings);
  const read = await readInputs(
    o.inputs,
    { clock, encoding: o.encoding, map, platform: o.platform, orderIds, engine: o.engine, threads: o.threads, onProgress: o.onProgress, ...o.readTuning },
    collector.add,
  );
  if (read.inputs.length === 0) {
    // Only folder members that are not exports (explicit files fail on their own): nothing to audit.
    const why = read.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ');
    throw new InputError(`no export to audit among the inputs${why ? ` (skipped ${why})` : ''}`);
  }
  if (o.personalData) {
    for (const w of collector.workers.values()) if (w.name) o.personalData.names.push(w.name);
  }
  if (o.strict && read.rejected.length > 0) {
    const r = read.rejected[0];
    // The reason quotes the cell: masked like the report unless --no-mask.
    const reason = o.maskErrors ? makeMasker(o.personalData)(r.reason) : r.reason;
    throw new UsageError(`--strict: ${read.rejected.length} row(s) rejected; first: ${r.file} line ${r.line}${r.column ? ` column ${r.column}` : ''}: ${reason}`);
  }
  const files = read.inputs.map((i) => i.path);
  mark('read');
  orderIds.seal(); // duplicate checks are over: keep only the ids
  const heap = heapKeeper();
  if (collector.orderCount >= 100_000) heap.dropGarbage();
  collector.orders; // group and sort the orders
  mark('group');
  // Worker-platforms share a handful of regions and days: their rulesets and gaps are looked up once each.
  const rulesetOfRegion = new Map<string | undefined, string>();
  const gapOn = new Map<string, Map<number, number>>();
  const dossiers = assemble(collector, clock, (wp) => {
    const first = wp.log.firstAccepted();
    const region = collector.strings.get(wp.log.region[first]);
    let rulesetId = rulesetOfRegion.get(region);
    if (rulesetId === undefined) {
      const j = (region === undefined ? undefined : law.resolveRegion(region)) ?? fallback;
      rulesetOfRegion.set(region, (rulesetId = j?.rulesetId ?? 'cn'));
    }
    const day = clock.dayOf(wp.log.acceptedAt[first]);
    let byDay = gapOn.get(rulesetId);
    if (!byDay) gapOn.set(rulesetId, (byDay = new Map()));
    const known = byDay.get(day);
    if (known !== undefined) return known;
    // Spans are a way of measuring time, not a limit: work before the first dated value is
    // measured with that value (rules whose limits were not yet in force say so themselves).
    const gap =
      law.param<number>(rulesetId, 'work_span.bridge_gap_minutes', day) ??
      (law.paramHistory(rulesetId, 'work_span.bridge_gap_minutes')[0] as ParamValue<number> | undefined);
    if (!gap) throw new UsageError(`ruleset ${rulesetId}: parameter work_span.bridge_gap_minutes is missing`);
    byDay.set(day, gap.value);
    return gap.value;
  });
  let lastActive: number | undefined;
  for (const d of dossiers) {
    const z = d.activeDays[d.activeDays.length - 1];
    if (z !== undefined && (lastActive === undefined || z > lastActive)) lastActive = z;
  }
  const ctx = makeContext(law, clock, files, read.inputs, fallback, period.to ?? lastActive, period);
  mark('assemble');
  const shard = o.shard;
  const own = shard ? dossiers.filter((d) => shardOf(d.workerId, shard.count) === shard.index) : dossiers;
  // Rules about workers run batch by batch of workers, each batch's spans dropped after it;
  // rules about whole platforms run once over every worker-platform (of every shard).
  const workerRules = RULES.filter((r) => r.scope !== 'platform');
  const platformRules = RULES.filter((r) => r.scope === 'platform');
  const findings: Finding[] = [];
  const notAssessedParts: NotAssessed[][] = [];
  const batches = byWorkerBatches(own, o.ruleBatch ?? RULE_BATCH);
  // With many workers, batches also go to rule threads (one core is this thread's).
  if (pool && own.length < (o.ruleThreadsMin ?? RULE_THREADS_MIN)) {
    await pool.close(); // not worth it
    pool = undefined;
  }
  const fromThreads = await (pool ?? new RuleThreads(0, {})).run(
    batches.length,
    () => {
      const shared = collector.sharedOrders();
      return {
        columns: shared.columns,
        extraIds: shared.extraIds,
        ids: orderIds.shared(),
        strings: collector.strings.values,
        tz,
        lang: o.lang,
        files,
        inputs: read.inputs,
        fallback,
        asOf: period.to ?? lastActive,
        period,
      };
    },
    (k) => batchTask(k, batches[k], collector),
    (k) => {
      // A worker's dossiers drop what they built for the rules as soon as its rules are over.
      const r = runRules(workerRules, batches[k], ctx, o.lang, releaseAll);
      for (const f of r.findings) findings.push(f);
      notAssessedParts.push(r.notAssessed);
      heap.settle();
    },
  );
  await pool?.close();
  const threadSources: ParameterSource[] = [];
  for (const r of fromThreads) {
    for (const f of r.findings) findings.push(f);
    notAssessedParts.push(r.notAssessed);
    threadSources.push(...r.parameterSources);
  }
  const p = runRules(platformRules, dossiers, ctx, o.lang);
  for (const f of p.findings) findings.push(f);
  notAssessedParts.push(p.notAssessed);
  const notAssessed = mergeNotAssessed(
    RULES.map((r) => r.id),
    notAssessedParts,
  );
  mark('rules');

  const used = new Set<string>();
  for (const d of own) {
    const j = ctx.jurisdictionOf(d, d.activeDays[0], d.activeDays[d.activeDays.length - 1]);
    if (j) used.add(j.rulesetId);
  }
  for (const f of findings) if (f.region) used.add(ctx.jurisdiction(f.region)?.rulesetId ?? 'cn');
  if (fallback) used.add(fallback.rulesetId);
  used.add('cn');
  const ids = [...new Set([...used].flatMap((id) => chain(law, id)))].sort();
  const report = buildReport({
    version: VERSION,
    startedAt,
    finishedAt: now().toISOString(),
    lang: o.lang,
    timezone: tz,
    rulesets: ids.map((id) => ({ id, version: law.ruleset(id)!.version })),
    period,
    inputs: read.inputs,
    rejected: read.rejected,
    rules: RULES,
    dossiers: own,
    activeDays: shard ? activeRange(dossiers) : undefined,
    findings,
    notAssessed,
    ctx,
    parameterSources: mergeSources(ctx.configValuesUsed(), threadSources),
    skipped: read.skipped,
  });
  if (shard) {
    // Ranks of worker ids among all of the run's (dossiers are sorted by worker id), so that
    // merge can order findings by the raw id even where masking has changed it.
    const rank = new Map<string, number>();
    for (const d of dossiers) if (!rank.has(d.workerId)) rank.set(d.workerId, rank.size);
    report.shard = {
      index: shard.index,
      count: shard.count,
      key: 'fnv1a32-utf8',
      platformRules: RULES.filter((r) => r.scope === 'platform').map((r) => r.id),
      workerRanks: report.findings.map((f) => (f.workerId === undefined ? -1 : (rank.get(f.workerId) ?? -1))),
    };
  }
  // A config block for a platform the data does not have (a typo) changes nothing: said.
  const seen = new Set(report.employment.byPlatform.map((p) => p.platform));
  for (const name of configPlatforms) {
    if (!seen.has(name)) o.onNote?.(`${o.config}: platforms.${name}: no such platform in the data (${[...seen].join(', ') || 'none'})`);
  }
  heap.settle(true);
  mark('report');
  return report;
  } finally {
    await pool?.close();
  }
}

/** Config values used, from this thread's context and the rule threads', one per rule, platform and name, sorted as configValuesUsed sorts them. */
function mergeSources(mine: ParameterSource[], theirs: ParameterSource[]): ParameterSource[] {
  if (theirs.length === 0) return mine;
  const key = (p: ParameterSource) => `${p.rule}\u0000${p.platform}\u0000${p.name}`;
  const all = new Map<string, ParameterSource>();
  for (const p of [...mine, ...theirs]) if (!all.has(key(p))) all.set(key(p), p);
  return [...all.keys()].sort().map((k) => all.get(k)!);
}

/** Worker-platforms from which the rules about workers also run on threads. */
const RULE_THREADS_MIN = 4000;
/** Input size from which rule threads are started (while reading: the worker-platforms are not known yet). */
const RULE_THREADS_MIN_BYTES = 64 * 1024 * 1024;

async function inputBytes(inputs: InputSpec[]): Promise<number> {
  let n = 0;
  try {
    for (const f of await expandInputs(inputs)) n += await stat(f.path).then((s) => s.size, () => 0);
  } catch {
    // readInputs says what is wrong with the inputs
  }
  return n;
}

const releaseAll = (ds: Dossier[]) => {
  for (const d of ds) d.release();
};

/** Worker-platforms per batch of the rules about workers (a worker's are never split). */
const RULE_BATCH = 2000;

/** Consecutive runs of dossiers (sorted by worker) of about `size`, a worker's together; [[]] for none. */
function byWorkerBatches(dossiers: Dossier[], size: number): Dossier[][] {
  const out: Dossier[][] = [];
  let cur: Dossier[] = [];
  for (let i = 0; i < dossiers.length; i++) {
    if (cur.length >= size && dossiers[i].workerId !== dossiers[i - 1].workerId) {
      out.push(cur);
      cur = [];
    }
    cur.push(dossiers[i]);
  }
  if (cur.length > 0 || out.length === 0) out.push(cur);
  return out;
}

function activeRange(dossiers: Dossier[]): { first?: number; last?: number } {
  let first: number | undefined;
  let last: number | undefined;
  for (const d of dossiers) {
    const a = d.activeDays[0];
    const z = d.activeDays[d.activeDays.length - 1];
    if (a !== undefined && (first === undefined || a < first)) first = a;
    if (z !== undefined && (last === undefined || z > last)) last = z;
  }
  return { first, last };
}
