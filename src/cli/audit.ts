// `gigaudit audit`: options → runAudit → reporters → files/stdout → exit code.
import { readTextFile, unreadable } from '../textFile.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dropGarbage } from '../audit/memory.js';
import { runAudit, type AuditOptions } from '../audit/run.js';
import { UsageError } from '../errors.js';
import { parseBaseline, parseSuppressions } from '../report/baseline.js';
import { makeMasker, maskReport, type PersonalData } from '../report/mask.js';
import type { Lang, Report } from '../report/model.js';
import { PLANNED_FORMATS, REPORTERS } from '../reporters/index.js';
import { severityRank } from '../rules/engine.js';
import { defaultLang, type Io } from './io.js';
import { progressBar } from './progress.js';
import { parseShard, type Shard } from '../audit/shard.js';
import { applyNightly, checkOutputs, noteTo, warnTo, writeOutputs } from './finish.js';
import { collect, inputSpecs, kindOptions, readMap } from './inputs.js';

export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Output {
  format: string;
  file?: string;
}

export function parseFormats(formats: string[] | undefined, out: string | undefined): Output[] {
  const list = (formats?.length ? formats : ['table']).map((f) => {
    const i = f.indexOf(':');
    return i < 0 ? { format: f } : { format: f.slice(0, i), file: f.slice(i + 1) || undefined };
  });
  for (const o of list) {
    if (PLANNED_FORMATS.includes(o.format)) throw new UsageError(`--format ${o.format} is not available in this version yet`);
    if (!REPORTERS[o.format]) throw new UsageError(`unknown --format "${o.format}" (${Object.keys(REPORTERS).join(', ')})`);
  }
  if (out !== undefined) {
    const bare = list.filter((o) => o.file === undefined);
    if (bare.length !== 1) throw new UsageError('--out needs exactly one --format without its own file');
    bare[0].file = out;
  }
  if (list.filter((o) => o.file === undefined).length > 1) throw new UsageError('only one --format can go to stdout; give the others a file (json:report.json)');
  return list;
}

export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const threshold = severityRank(failOn);
  return report.findings.some(
    (f) => severityRank(f.severity) >= threshold && f.baseline !== 'unchanged' && f.baseline !== 'absent' && f.suppressed === undefined,
  )
    ? 1
    : 0;
}

/** Reads a file an option names; unreadable is a usage error naming the option and file. */
export function readOptionFile(option: string, path: string, cwd: string): string {
  try {
    return readTextFile(resolve(cwd, path));
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot read: ${unreadable(e)}`);
  }
}

export function registerAudit(program: Command, io: Io, setExit: (code: number) => void) {
  kindOptions(
    program
      .command('audit')
      .description('read exports, run the rules, write a report')
      .argument('[paths...]', 'files and folders (a folder means every .csv/.tsv/.txt in it)'),
  )
    .option('--ruleset <id>', 'jurisdiction for records without a region')
    .option('--region <name>', 'region for records without one (name or 6-digit code)')
    .option('--from <date>', 'first day audited (YYYY-MM-DD)')
    .option('--to <date>', 'last day audited (YYYY-MM-DD)')
    .option('--format <format[:file]>', 'table|json|csv|markdown|html|sarif, repeatable; to stdout unless a file is given', collect)
    .option('--out <file>', 'the file of a single --format given without one')
    .option('--config <file>', 'per-platform parameters and severities, rules on/off, mappings')
    .option('--fail-on <severity>', 'error|warning|info|never: exit 1 at or above', 'error')
    .option('--baseline <file>', 'an earlier JSON report: findings marked new/unchanged/absent, only new ones fail')
    .option('--suppress <file>', 'JSON list of accepted findings {id | rule+workerId/platform, reason, expires}')
    .option('--lang <lang>', 'zh|en (default from the locale)')
    .option('--no-mask', 'show personal data (names, ID numbers, phones)')
    .option('--strict', 'any rejected row fails the run (exit 2)')
    .option('--tz <zone>', 'time zone of date-times without an offset', 'Asia/Shanghai')
    .option('--encoding <name>', 'input encoding (default: detected)')
    .option('--map <file>', 'JSON mapping canonical column -> header name')
    .option('--platform <name>', 'platform for records without one')
    .option('--threads <n>', 'worker threads for large orders files (default: the cores, at most 4; 0 = none)')
    .option('--shard <k/n>', 'audit only the workers whose id hashes to shard k of n (JSON report for gigaudit merge)')
    .option('--quiet', 'no progress or notes on stderr')
    .option('--verbose', 'notes on stderr: skipped files, ignored columns')
    .action(async (paths: string[], o: Record<string, any>) => {
      const failOn = o.failOn as FailOn;
      if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
      const lang: Lang = o.lang ?? defaultLang(io.env);
      if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang must be zh or en');
      const outputs = parseFormats(o.format, o.out);
      let shard: Shard | undefined;
      if (o.shard !== undefined) {
        shard = parseShard(String(o.shard));
        if (!shard) throw new UsageError(`--shard expects K/N with 1 ≤ K ≤ N, e.g. 2/8, got "${o.shard}"`);
        if (!outputs.some((x) => x.format === 'json')) throw new UsageError('--shard writes a shard report for gigaudit merge: give --format json');
        if (o.baseline !== undefined || o.suppress !== undefined) {
          throw new UsageError('--baseline and --suppress apply to the whole run: give them to gigaudit merge, not to the shards');
        }
      }
      const inputs = inputSpecs(paths, o);
      if (inputs.length === 0) throw new UsageError('no input: give files or folders (e.g. gigaudit audit samples)');
      await checkOutputs(outputs, inputs, io.cwd);
      // Option files are read before the (possibly long) audit, so a typo fails at once.
      const baseline = o.baseline === undefined ? undefined : parseBaseline(readOptionFile('--baseline', o.baseline, io.cwd), o.baseline);
      const suppressions = o.suppress === undefined ? undefined : parseSuppressions(readOptionFile('--suppress', o.suppress, io.cwd), o.suppress);
      // Roster names for masking, filled by runAudit while it reads.
      const personal: PersonalData = { names: [] };
      const options: AuditOptions = {
        inputs,
        lang,
        tz: o.tz,
        encoding: o.encoding,
        map: readMap(o.map, io.cwd),
        platform: o.platform,
        ruleset: o.ruleset,
        region: o.region,
        from: o.from,
        to: o.to,
        config: o.config,
        strict: o.strict,
        personalData: personal,
        maskErrors: o.mask !== false,
      };
      if (o.threads !== undefined) {
        const t = Number(o.threads);
        if (!Number.isInteger(t) || t < 0 || t > 64) throw new UsageError('--threads must be a whole number from 0 to 64');
        options.threads = t;
      }
      options.shard = shard;
      const bar = progressBar(io, Boolean(o.quiet));
      options.onProgress = bar.update;
      // Notes quote paths and values from the inputs: one line each, nothing a terminal acts on.
      const note = noteTo(io);
      if (!o.quiet) options.onNote = note;
      const timings: Record<string, number> | undefined = io.env.GIGAUDIT_TIMINGS ? {} : undefined;
      options.timings = timings;
      let report: Report;
      try {
        report = await runAudit(options);
      } finally {
        bar.done();
      }
      const writeStart = performance.now();
      // The orders and dossiers died with the run; give their memory back before the report
      // is masked and written (for millions of orders, the run's peak was here).
      if (report.run.inputs.reduce((n, i) => n + i.rowsRead, 0) >= 1_000_000) dropGarbage();
      if (!o.quiet) {
        // A folder member that is not read is said, not dropped silently: it may be an export with a broken header.
        for (const s of report.run.skipped ?? []) note(`skipped ${s.path}: ${s.reason}`);
      }
      // A file none of whose rows could be read (a changed date format, a shifted column) would
      // otherwise pass a nightly check green: said even under --quiet.
      for (const i of report.run.inputs) {
        if (i.rowsRead > 0 && i.rowsUsed === 0) {
          const first = report.rejected.find((r) => r.file === i.path);
          const reason = first && (o.mask !== false ? makeMasker(personal)(first.reason) : first.reason);
          const why = first ? ` (first: line ${first.line}${first.column ? ` column ${first.column}` : ''}: ${reason})` : '';
          warnTo(io)(`${i.path}: all ${i.rowsRead} rows rejected${why}`);
        }
      }
      if (o.verbose) {
        for (const i of report.run.inputs) if (i.ignoredColumns.length) note(`${i.path}: ignored columns: ${i.ignoredColumns.join(', ')}`);
      }
      // Order matters: baseline and suppressions match on fingerprints and raw worker ids,
      // masking comes last so that absent findings carried over from the baseline are masked too.
      report = applyNightly(report, { baseline, suppressions, quiet: o.quiet }, note);
      if (o.mask !== false) report = maskReport(report, personal);
      writeOutputs(report, outputs, io);
      if (timings) {
        timings['mask+write'] = performance.now() - writeStart;
        io.stderr(`gigaudit: timings (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}\n`);
      }
      setExit(exitCodeFor(report, failOn));
    });
}
