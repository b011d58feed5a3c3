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

/**
 * JSON text (a leading BOM allowed, as Windows editors write it) → value. A syntax error says
 * where by line and column, not by character position: people open these files in editors.
 */
export function parseJsonText(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message.replace(/ at position (\d+)(?: \(line \d+ column \d+\))?/, (_m, pos: string) => {
      const before = body.slice(0, Number(pos));
      const line = before.split('\n').length;
      const column = Number(pos) - before.lastIndexOf('\n');
      return ` at line ${line} column ${column}`;
    });
    throw new SyntaxError(message);
  }
}
