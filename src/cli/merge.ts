// `gigaudit merge SHARD.json…`: shard reports of `gigaudit audit --shard K/N` → the report of
// one run over all workers (src/report/merge.ts), in any format. Baselines and suppressions
// apply here, to the whole run, as `audit` applies them.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { applyBaseline, applySuppressions, parseBaseline, parseSuppressions } from '../report/baseline.js';
import { mergeShardReports } from '../report/merge.js';
import type { Report } from '../report/model.js';
import { terminalText } from '../reporters/escape.js';
import { REPORTERS } from '../reporters/index.js';
import { FAIL_ON, exitCodeFor, parseFormats, readOptionFile, type FailOn } from './audit.js';
import type { Io } from './io.js';
import { writeAtomic, writeAtomicPieces } from './write.js';
import { jsonPieces } from '../reporters/jsonPieces.js';

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
      const reports = paths.map((name) => {
        const text = readOptionFile('merge', name, io.cwd);
        try {
          return { name, report: JSON.parse(text) as Report };
        } catch (e) {
          throw new UsageError(`merge ${name}: not JSON (${(e as Error).message})`);
        }
      });
      let report = mergeShardReports(reports);
      if (baseline) report = applyBaseline(report, baseline);
      if (suppressions) {
        const r = applySuppressions(report, suppressions);
        report = r.report;
        if (!o.quiet) {
          // The suppression file's values are quoted: one line, nothing a terminal acts on.
          for (const s of r.expired) io.stderr(`gigaudit: note: ${terminalText(`suppression expired ${s.expires}, its findings count again: ${s.id ?? [s.rule, s.workerId, s.platform].filter(Boolean).join(' ')}`).replace(/[\r\n\t]+/g, ' ')}\n`);
        }
      }
      for (const out of outputs) {
        // A JSON file is written piece by piece: a large run's report never becomes one string.
        if (out.file && out.format === 'json') {
          writeAtomicPieces(resolve(io.cwd, out.file), jsonPieces(report));
          continue;
        }
        const text = REPORTERS[out.format](report);
        if (out.file) writeAtomic(resolve(io.cwd, out.file), text);
        else io.stdout(text);
      }
      setExit(exitCodeFor(report, failOn));
    });
}
