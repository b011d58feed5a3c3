// Option files (config, mapping, baseline, suppressions): small text files read whole.
import { readFileSync, statSync } from 'node:fs';

/** Why a path cannot be read as a text file, in a few words (from the error's code). */
export function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ENOTREG') return 'not a regular file (a pipe or a device would block the run)';
  return `cannot read (${code ?? (e as Error).message})`;
}

/**
 * The text of a regular file. A pipe or a device is refused before it is opened: reading one
 * blocks until its writer ends, or forever. Errors carry the system's code (ENOTREG for those).
 */
export function readTextFile(path: string): string {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error(`${path}: is a folder`), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error(`${path}: not a regular file`), { code: 'ENOTREG' });
  return readFileSync(path, 'utf8');
}
