// A progress bar on stderr while large inputs are read: bytes of the total, rows, rate and
// time left. Only when stderr is a terminal (never in pipes, logs or CI output) and not
// --quiet, and only for inputs over a few MB, where a run takes long enough to wonder.
import type { ReadProgress } from '../read/index.js';
import type { Io } from './io.js';

/** Inputs smaller than this get no bar. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
const WIDTH = 24;
const EVERY_MS = 100;

export interface ProgressBar {
  update(p: ReadProgress): void;
  /** Clears the bar (before anything else is written to stderr). */
  done(): void;
}

const mb = (b: number) => (b / 1e6).toFixed(1);
const group = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** One line of the bar (no control characters). */
export function progressLine(p: ReadProgress, elapsedMs: number): string {
  const frac = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const filled = Math.round(frac * WIDTH);
  const secs = elapsedMs / 1000;
  const rate = secs > 0 ? p.bytes / secs : 0;
  const left = rate > 0 ? (p.totalBytes - p.bytes) / rate : Infinity;
  return (
    `reading [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(frac * 100)).padStart(3)}% ` +
    `${mb(p.bytes)}/${mb(p.totalBytes)} MB  ${group(p.rows)} rows  ${mb(rate)} MB/s  ${duration(left)} left`
  );
}

/** A bar for this run, or one that draws nothing (pipe, --quiet, small inputs). */
export function progressBar(io: Io, quiet: boolean, now: () => number = () => performance.now()): ProgressBar {
  if (quiet || !io.stderrIsTTY) return { update: () => undefined, done: () => undefined };
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      if (p.totalBytes < PROGRESS_MIN_BYTES) return;
      const t = now();
      if (t - last < EVERY_MS && p.bytes < p.totalBytes) return;
      last = t;
      io.stderr(`\r${progressLine(p, t - start)}\x1b[K`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
