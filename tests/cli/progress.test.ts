// The progress bar: drawn on a terminal for large inputs, never in pipes or under --quiet.
import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_BYTES, progressBar, progressLine } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/io.js';

function fakeIo(tty: boolean) {
  const err: string[] = [];
  const io: Io = { stdout: () => undefined, stderr: (s) => void err.push(s), env: {}, cwd: '/', stderrIsTTY: tty };
  return { io, err };
}

const BIG = 100 * 1e6;

describe('progress bar', () => {
  it('shows bytes of the total, rows, rate and time left', () => {
    const line = progressLine({ bytes: 25e6, totalBytes: BIG, rows: 123456, path: 'o.csv' }, 1000);
    expect(line).toBe('reading [######..................]  25% 25.0/100.0 MB  123,456 rows  25.0 MB/s  3s left');
    expect(progressLine({ bytes: 0, totalBytes: BIG, rows: 0, path: 'o.csv' }, 0)).toMatch(/0% .* \? left$/);
    expect(progressLine({ bytes: 1e6, totalBytes: 10_000e6, rows: 1, path: 'o.csv' }, 1000)).toMatch(/2h46m left$/);
  });

  it('draws on a terminal, throttled, and clears itself', () => {
    const { io, err } = fakeIo(true);
    let t = 0;
    const bar = progressBar(io, false, () => t);
    for (let i = 1; i <= 10; i++) {
      t += 30;
      bar.update({ bytes: i * 1e6, totalBytes: BIG, rows: i * 1000, path: 'o.csv' });
    }
    expect(err.length).toBeGreaterThan(1);
    expect(err.length).toBeLessThan(10);
    expect(err[0].startsWith('\r')).toBe(true);
    bar.done();
    expect(err.at(-1)).toBe('\r\x1b[K');
  });

  it('stays silent in pipes, under --quiet and for small inputs', () => {
    for (const [tty, quiet, total] of [
      [false, false, BIG],
      [true, true, BIG],
      [true, false, PROGRESS_MIN_BYTES - 1],
    ] as const) {
      const { io, err } = fakeIo(tty);
      const bar = progressBar(io, quiet, () => 0);
      bar.update({ bytes: 1, totalBytes: total, rows: 1, path: 'o.csv' });
      bar.done();
      expect(err).toEqual([]);
    }
  });
});
