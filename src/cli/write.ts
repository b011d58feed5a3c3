import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/** Writes via a temp file and rename, so a killed run never leaves a half-written report. */
export function writeAtomic(path: string, text: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Writes pieces of text via a temp file and rename, as writeAtomic, without ever joining them
 * into one string (a report over millions of orders can be a hundred MB of JSON).
 */
export function writeAtomicPieces(path: string, pieces: Iterable<string>): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(tmp, 'w');
    let buf: string[] = [];
    let size = 0;
    for (const p of pieces) {
      buf.push(p);
      size += p.length;
      if (size > 1 << 20) {
        writeSync(fd, buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (buf.length) writeSync(fd, buf.join(''));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
