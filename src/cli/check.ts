// `gigaudit check`: validate inputs only — detected kind, rows read/used/rejected, reasons.
import Table from 'cli-table3';
import type { Command } from 'commander';
import { readInputs } from '../read/index.js';
import { Clock } from '../time.js';
import type { Io } from './io.js';
import { clean } from '../reporters/table.js';
import { jsonText } from '../reporters/escape.js';

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void) {
  program
    .command('check')
    .description('validate inputs only: kind, rows read/used/rejected with reasons (exit 1 if any row is rejected)')
    .argument('<paths...>', 'files and folders')
    .option('--tz <zone>', 'time zone of date-times without an offset', 'Asia/Shanghai')
    .option('--encoding <name>', 'input encoding (default: detected)')
    .option('--platform <name>', 'platform for records without one')
    .option('--json', 'machine-readable')
    .action(async (paths: string[], o) => {
      const clock = new Clock(o.tz);
      const res = await readInputs(paths.map((path) => ({ path })), { clock, encoding: o.encoding, platform: o.platform }, () => {});
      setExit(res.rejected.length > 0 ? 1 : 0);
      if (o.json) return io.stdout(`${jsonText(res, 2)}\n`);
      const t = new Table({ head: ['file', 'kind', 'encoding', 'read', 'used', 'rejected', 'sha256'] });
      for (const i of res.inputs) t.push([clean(i.path), i.kind, i.encoding, i.rowsRead, i.rowsUsed, i.rowsRejected, i.sha256.slice(0, 16)]);
      const lines = [t.toString()];
      for (const s of res.skipped) lines.push(`skipped ${clean(s.path)}: ${clean(s.reason)}`);
      for (const r of res.rejected) lines.push(`${clean(r.file)}:${r.line}${r.column ? ` [${clean(r.column)}]` : ''} ${clean(r.reason)}`);
      io.stdout(`${lines.join('\n')}\n`);
    });
}
