// The tail every reporting command shares (audit, merge): baseline, suppressions, then
// each output to its file or stdout.
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Kind } from '../model.js';
import { expandInputs } from '../read/expand.js';
import type { BaselineReport, Suppression } from '../report/baseline.js';
import { applyBaseline, applySuppressions } from '../report/baseline.js';
import type { Report } from '../report/model.js';
import { terminalText } from '../reporters/escape.js';
import { REPORTERS } from '../reporters/index.js';
import { jsonPieces } from '../reporters/jsonPieces.js';
import type { Io } from './io.js';
import { writeAtomic, writeAtomicPieces } from './write.js';

/** One line on stderr; values from inputs are quoted, nothing a terminal acts on. */
const lineTo = (io: Io, label: string) => (text: string) => io.stderr(`gigaudit: ${label}: ${terminalText(text).replace(/[\r\n\t]+/g, ' ')}\n`);
/** A note (--quiet drops them). */
export const noteTo = (io: Io) => lineTo(io, 'note');
/** A warning: something a nightly check must not pass over (said even under --quiet). */
export const warnTo = (io: Io) => lineTo(io, 'warning');

export function applyNightly(
  report: Report,
  o: { baseline?: BaselineReport; suppressions?: Suppression[]; quiet?: boolean },
  note: (text: string) => void,
): Report {
  if (o.baseline) report = applyBaseline(report, o.baseline);
  if (o.suppressions) {
    const r = applySuppressions(report, o.suppressions);
    report = r.report;
    if (!o.quiet) {
      for (const s of r.expired) note(`suppression expired ${s.expires}, its findings count again: ${s.id ?? [s.rule, s.workerId, s.platform].filter(Boolean).join(' ')}`);
      // A typo in a suppression (a rule id, a finding id) would otherwise go unnoticed.
      for (const s of r.unused) note(`suppression matches no finding: ${s.id ?? [s.rule, s.workerId, s.platform].filter(Boolean).join(' ')}`);
    }
  }
  return report;
}

export function writeOutputs(report: Report, outputs: { format: string; file?: string }[], io: Io): void {
  // Files first, stdout last: a file that cannot be written fails the run before anything
  // reaches stdout (a script reading stdout never takes a half-done run for a report).
  for (const out of [...outputs.filter((o) => o.file), ...outputs.filter((o) => !o.file)]) {
    // A JSON file is written piece by piece: a large run's report never becomes one string.
    if (out.file && out.format === 'json') {
      writeAtomicPieces(resolve(io.cwd, out.file), jsonPieces(report));
      continue;
    }
    const text = REPORTERS[out.format](report);
    if (out.file) writeAtomic(resolve(io.cwd, out.file), text);
    else io.stdout(text);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The path a file is known by: its real path when it exists (links resolved), else the resolved path. */
function identity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The output files, checked before anything is read or written: each must be writable, and
 * none may be one of the inputs (inputs are never modified: `--format json:orders.csv`,
 * `--out` onto an export or a shard report are usage errors).
 */
export async function checkOutputs(outputs: { file?: string }[], inputs: { path: string; kind?: Kind }[], cwd: string): Promise<void> {
  const files = outputs.filter((o) => o.file !== undefined);
  if (files.length === 0) return;
  // Where the reports go must be writable before a long run starts, not found out after it.
  for (const o of files) {
    const path = resolve(cwd, o.file!);
    if (isFolder(path)) throw new UsageError(`${o.file}: is a folder: give a file name for the report`);
    // Missing folders are made when the report is written: the nearest one that exists must take it.
    let dir = dirname(path);
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    if (!isFolder(dir)) throw new UsageError(`${o.file}: cannot write there (${dir} is not a folder)`);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      throw new UsageError(`${o.file}: cannot write there (permission denied)`);
    }
  }
  const taken = new Set((await expandInputs(inputs.map((i) => ({ ...i, path: resolve(cwd, i.path) })))).map((f) => identity(f.path)));
  for (const o of files) {
    if (taken.has(identity(resolve(cwd, o.file!)))) throw new UsageError(`${o.file}: is an input of this run; inputs are never overwritten: write the report elsewhere`);
  }
}
