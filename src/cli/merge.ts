// `gigaudit merge SHARD.json…`: shard reports of `gigaudit audit --shard K/N` → the report of
// one run over all workers (src/report/merge.ts), in any format. Baselines and suppressions
// apply here, to the whole run, as `audit` applies them.
import { parseJsonText } from '../textFile.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseBaseline, parseSuppressions } from '../report/baseline.js';
import { sortFindings } from '../report/build.js';
import { mergeShardReports } from '../report/merge.js';
import type { Report } from '../report/model.js';
import { FAIL_ON, exitCodeFor, parseFormats, readOptionFile, type FailOn } from './audit.js';
import type { Io } from './io.js';
import { applyNightly, noteTo, checkOutputs, writeOutputs } from './finish.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerMerge(program: Command, io: Io, setExit: (code: number) => void) {
  program
    .command('merge')
    .description('combine the shard reports of `audit --shard K/N` (JSON) into the report of one run')
    .argument('<reports...>', 'the JSON reports of shards 1..N')
    .option('--format <format[:file]>', 'table|json|csv|markdown|html|sarif, repeatable; to stdout unless a file is given', collect)
    .option('--out <file>', 'the file of a single --format given without one')
    .option('--fail-on <severity>', 'error|warning|info|never: exit 1 at or above', 'error')
    .option('--baseline <file>', 'an earlier JSON report: findings marked new/unchanged/absent, only new ones fail')
    .option('--suppress <file>', 'JSON list of accepted findings {id | rule+workerId/platform, reason, expires}')
    .option('--quiet', 'no notes on stderr')
    .action(async (paths: string[], o: Record<string, any>) => {
      const failOn = o.failOn as FailOn;
      if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}`);
      const outputs = parseFormats(o.format, o.out);
      const baseline = o.baseline === undefined ? undefined : parseBaseline(readOptionFile('--baseline', o.baseline, io.cwd), o.baseline);
      const suppressions = o.suppress === undefined ? undefined : parseSuppressions(readOptionFile('--suppress', o.suppress, io.cwd), o.suppress);
      await checkOutputs(outputs, paths.map((path) => ({ path })), io.cwd);
      const reports = paths.map((name) => {
        const text = readOptionFile('merge', name, io.cwd);
        try {
          return { name, report: parseJsonText(text) as Report };
        } catch (e) {
          throw new UsageError(`merge ${name}: not JSON (${(e as Error).message})`);
        }
      });
      let report = mergeShardReports(reports);
      report = applyNightly(report, { baseline, suppressions, quiet: o.quiet }, noteTo(io));
      // Sorted by the worker ids the shards show (masked unless --no-mask), as a single run is.
      report = { ...report, findings: sortFindings([...report.findings]) };
      writeOutputs(report, outputs, io);
      setExit(exitCodeFor(report, failOn));
    });
}
