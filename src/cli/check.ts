// `gigaudit check`: validate inputs only — detected kind, rows read/used/rejected, reasons.
import Table from 'cli-table3';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { fillTemplate } from '../i18n/format.js';
import { LABELS } from '../i18n/labels.js';
import { localiseRejection } from '../i18n/rejections.js';
import { localiseSkip } from '../i18n/skips.js';
import { readInputs } from '../read/index.js';
import type { Lang } from '../report/model.js';
import { Clock } from '../time.js';
import { defaultLang, type Io } from './io.js';
import { inputSpecs, kindOptions, readMap } from './inputs.js';
import { clean, PLAIN_TABLE } from '../reporters/table.js';
import { jsonText } from '../reporters/escape.js';
import { makeMasker } from '../report/mask.js';

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void) {
  kindOptions(
    program
      .command('check')
      .description('validate inputs only: kind, rows read/used/rejected with reasons (exit 1 if any row is rejected)')
      .argument('[paths...]', 'files and folders'),
  )
    .option('--map <file>', 'JSON mapping canonical column -> header name')
    .option('--tz <zone>', 'time zone of date-times without an offset', 'Asia/Shanghai')
    .option('--encoding <name>', 'input encoding (default: detected)')
    .option('--platform <name>', 'platform for records without one')
    .option('--lang <lang>', 'zh|en (default from the locale); --json stays English')
    .option('--json', 'machine-readable')
    .option('--no-mask', 'show personal data (names, ID numbers, phones) quoted in reasons')
    .action(async (paths: string[], o) => {
      // The same rule as audit: --lang, else Chinese where the locale is zh.
      const lang: Lang = o.lang ?? defaultLang(io.env);
      if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang must be zh or en');
      const clock = new Clock(o.tz);
      // Roster names, to mask them where a reason quotes one (as audit does).
      const names: string[] = [];
      const inputs = inputSpecs(paths, o);
      if (inputs.length === 0) throw new UsageError('no input: give files or folders (e.g. gigaudit check samples)');
      const map = readMap(o.map, io.cwd);
      const read = await readInputs(inputs, { clock, encoding: o.encoding, platform: o.platform, map }, (r) => {
        if (r.kind === 'workers' && r.record.name) names.push(r.record.name);
      });
      const m = o.mask === false ? (t: string) => t : makeMasker({ names });
      const res = {
        ...read,
        skipped: read.skipped.map((x) => ({ ...x, reason: m(x.reason) })),
        rejected: read.rejected.map((x) => ({ ...x, reason: m(x.reason) })),
      };
      setExit(res.rejected.length > 0 ? 1 : 0);
      // The JSON keeps the English kinds and reasons whatever the language: scripts read it.
      if (o.json) return io.stdout(`${jsonText(res, 2)}\n`);
      const L = LABELS[lang];
      // check's headings have always been lower-case words (zh has no case).
      const head = [L.file, L.kind, L.encoding, L.rowsRead, L.rowsUsed, L.rowsRejected].map((h) => h.toLowerCase());
      const t = new Table({ head: [...head, 'sha256'], style: PLAIN_TABLE });
      for (const i of res.inputs) t.push([clean(i.path), L.kinds[i.kind] ?? i.kind, i.encoding, i.rowsRead, i.rowsUsed, i.rowsRejected, i.sha256.slice(0, 16)]);
      const lines = [t.toString()];
      for (const s of res.skipped) lines.push(fillTemplate(L.skippedFile, { path: clean(s.path), reason: clean(localiseSkip(s.reason, lang)) }));
      for (const r of res.rejected) lines.push(`${clean(r.file)}:${r.line}${r.column ? ` [${clean(r.column)}]` : ''} ${clean(localiseRejection(r.reason, lang))}`);
      io.stdout(`${lines.join('\n')}\n`);
    });
}
