// Input paths -> the files to read: folders expand in place to their .csv/.tsv/.txt
// members (not recursive, sorted by code point so every machine reads them in one order).

import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Kind } from '../model.js';
import { InputError } from '../errors.js';

export const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export interface InputFile {
  /** Path as given, or folder path joined with the member name. */
  path: string;
  kind?: Kind;
  /** Came from a folder: a member that is not an export is skipped, not an error. */
  fromFolder: boolean;
}

/** Code-point order (plain sort compares UTF-16 units, which differs beyond the BMP). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

async function statOrFail(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${path}: no such file or folder`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${path}: permission denied`);
    throw new InputError(`${path}: cannot read (${code ?? String(e)})`);
  }
}

async function identity(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

export async function expandInputs(specs: { path: string; kind?: Kind }[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Map<string, InputFile>();
  const add = async (f: InputFile) => {
    const id = await identity(f.path);
    const prev = seen.get(id);
    if (!prev) {
      seen.set(id, f);
      out.push(f);
      return;
    }
    // A file is read once. An explicit flag overrides detection (data-contract.md) even
    // where the file also comes in through a folder; two different flags contradict.
    if (f.kind !== undefined && prev.kind === undefined) {
      prev.kind = f.kind;
      prev.fromFolder = false;
    } else if (f.kind !== undefined && prev.kind !== undefined && f.kind !== prev.kind) {
      throw new InputError(`${f.path}: given as both ${prev.kind} and ${f.kind}`);
    }
  };
  for (const spec of specs) {
    const st = await statOrFail(spec.path);
    // A pipe or a device would block the run (or never end); only files and folders are read.
    if (!st.isDirectory() && !st.isFile()) throw new InputError(`${spec.path}: not a regular file (a pipe or a device would block the run)`);
    if (!st.isDirectory()) {
      await add({ path: spec.path, kind: spec.kind, fromFolder: false });
      continue;
    }
    let entries;
    try {
      entries = await readdir(spec.path, { withFileTypes: true });
    } catch (e) {
      throw new InputError(`${spec.path}: cannot list the folder (${(e as { code?: string }).code ?? String(e)})`);
    }
    const names: string[] = [];
    for (const d of entries) {
      if (!DATA_EXTENSIONS.has(extname(d.name).toLowerCase())) continue;
      // Symlinks count when they point at a file.
      if (d.isFile() || (d.isSymbolicLink() && (await stat(join(spec.path, d.name)).catch(() => undefined))?.isFile())) {
        names.push(d.name);
      }
    }
    if (names.length === 0) throw new InputError(`${spec.path}: the folder has no .csv, .tsv or .txt files`);
    names.sort(compareCodePoints);
    for (const name of names) await add({ path: join(spec.path, name), kind: spec.kind, fromFolder: true });
  }
  return out;
}
