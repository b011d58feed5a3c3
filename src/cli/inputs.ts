// The inputs of `audit` and `check`: files and folders, explicit kinds (--orders F …) and a
// column mapping (--map), read the same way by both commands.
import { parseJsonText, readTextFile, unreadable } from '../textFile.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Kind } from '../model.js';
import type { InputSpec } from '../read/index.js';

export const collect = (v: string, prev: string[] = []) => [...prev, v];

const KINDS: { kind: Kind; help: string }[] = [
  { kind: 'orders', help: 'an orders file (repeatable)' },
  { kind: 'pay', help: 'a pay file (repeatable)' },
  { kind: 'contracts', help: 'a contracts file (repeatable)' },
  { kind: 'insurance', help: 'an insurance file (repeatable)' },
  { kind: 'workers', help: 'a worker roster (repeatable)' },
];

/** --orders F, --pay F, … (explicit kinds: they override detection). */
export function kindOptions(cmd: Command): Command {
  for (const { kind, help } of KINDS) cmd.option(`--${kind} <file>`, help, collect);
  return cmd;
}

/** Paths as given, then the files of each explicit kind. */
export function inputSpecs(paths: string[], o: Record<string, unknown>): InputSpec[] {
  const inputs: InputSpec[] = paths.map((p) => ({ path: p }));
  for (const { kind } of KINDS) for (const p of (o[kind] as string[] | undefined) ?? []) inputs.push({ path: p, kind });
  return inputs;
}

/** A --map file: canonical column -> header name. */
export function readMap(path: string | undefined, cwd: string): Record<string, string> | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readTextFile(resolve(cwd, path));
  } catch (e) {
    throw new UsageError(`--map ${path}: ${unreadable(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (e) {
    throw new UsageError(`--map ${path}: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new UsageError(`--map ${path}: expected a JSON object of canonical column -> header name`);
  }
  return parsed as Record<string, string>;
}
