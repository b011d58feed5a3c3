// Both cores on one large orders file: the bytes after the header are cut into ranges that
// worker threads (worker.ts) parse into OrderBatches; this thread merges the ranges in file
// order (merge.ts: accounting, rejections, duplicate ids), so the result is that of one
// sequential pass. The caller hashes the whole file meanwhile.
//
// Cuts: a range other than the first starts at the first line start after its nominal
// offset; its predecessor parses past its own nominal end up to the first line start after
// that offset. When a quoted field with a line break fools the guess, the two disagree and
// the range is parsed again from where its predecessor really stopped. Lines are counted
// per range and offset by the lines of the ranges before.

import { Worker } from 'node:worker_threads';
import { workerScript } from '../../paths.js';
import { endWorker } from '../../threads.js';
import type { ColumnIndex } from '../../normalise/convert.js';
import type { HandOff, Resume } from '../csvStream.js';
import type { OrderMerger } from './merge.js';
import type { OrderBatch } from './orders.js';

export interface RangeTask {
  k: number;
  path: string;
  /** Nominal start; with resync, the range starts at the first line start at or after it. */
  from: number;
  resync: boolean;
  /** The range ends at the first line start at or after this offset. */
  stopAt: number;
  size: number;
  delimiter: string;
  cols: ColumnIndex;
  /** Column labels by position (columnLabels); their count is the header's width. */
  labels: string[];
  tz: string;
  file: number;
  platform?: string;
  fileStem: string;
  batchRows: number;
  /** Stop at the record holding the first byte that is not ASCII (HandOff.asciiOnly). */
  asciiOnly?: boolean;
}

export interface RangeDone {
  type: 'done';
  k: number;
  start: number;
  stop: number;
  /** Lines and empty lines from start to stop (or to the bail). */
  lines: number;
  emptyLines: number;
  /**
   * A record the scanner does not handle: csv-parse goes on from there (local line). `ascii`:
   * the first record with a byte that is not ASCII, in an asciiOnly task.
   */
  bail?: { offset: number; line: number; emptyLines: number; ascii?: boolean };
}

export type WorkerMessage =
  | { type: 'start'; k: number; start: number }
  | { type: 'batch'; k: number; offset: number; batch: OrderBatch }
  | RangeDone
  | { type: 'error'; k: number; message: string };

/** The parse worker of the tree this runs from (paths.ts); undefined when not built. */
const workerUrl = () => workerScript('read/fast/worker.js');

/**
 * Counts for tests: ranges parsed again after a wrong guess, ranges that handed over to
 * csv-parse; threads started ahead (ReaderPool), taken by a read, ended untaken.
 */
export const parallelStats = { ranges: 0, redone: 0, bailed: 0, prestarted: 0, taken: 0, endedUntaken: 0 };

let cachedUrl: URL | undefined | null = null;
/** True when worker threads can be started (the compiled worker script exists). */
export function parallelAvailable(): boolean {
  if (cachedUrl === null) cachedUrl = workerUrl();
  return cachedUrl !== undefined;
}

function startWorker(url: URL): Worker {
  const w = new Worker(url);
  w.unref();
  return w;
}

/**
 * Parse threads started before their file is reached: a thread takes ~60–80 ms to start and
 * load its modules, time the run spends reading the small exports on this thread while the
 * other cores wait. readParallel takes threads from here first; close() ends those not taken.
 */
export class ReaderPool {
  private readonly ready: Worker[] = [];
  private failure: Error | undefined;

  constructor(threads: number) {
    const url = parallelAvailable() ? cachedUrl! : undefined;
    if (!url) return;
    for (let i = 0; i < threads; i++) {
      const w = startWorker(url);
      // A thread that fails to start is reported when it is taken, not as an unhandled event.
      w.on('error', (e) => (this.failure ??= e));
      this.ready.push(w);
      parallelStats.prestarted++;
    }
  }

  /** A started thread, or undefined when none is left. */
  take(): Worker | undefined {
    if (this.failure) throw this.failure;
    const w = this.ready.pop();
    if (w) {
      w.removeAllListeners('error');
      parallelStats.taken++;
    }
    return w;
  }

  async close(): Promise<void> {
    const left = this.ready.splice(0);
    await Promise.all(left.map((w) => endWorker(w).then(() => void parallelStats.endedUntaken++)));
  }
}

export interface ParallelOptions {
  threads: number;
  /** Threads started ahead (taken first; more are started when it has too few). */
  pool?: ReaderPool;
  cols: ColumnIndex;
  labels: string[];
  tz: string;
  file: number;
  platform?: string;
  fileStem: string;
  /** A merger per range (each range's batches number their strings from 0). */
  newMerger: () => OrderMerger;
  /** Told once how many more orders to expect (from the first batch's rows per byte), to size the duplicate index. */
  expectRows?: (rows: number) => void;
  /** Bytes per range (default: the file in about 4 ranges per thread, 8–64 MiB each). */
  rangeBytes?: number;
  batchRows?: number;
}

interface RangeState {
  task: RangeTask;
  batches: { batch: OrderBatch; offset: number }[];
  start?: number;
  done?: RangeDone;
  /** Result of an earlier guess that was discarded (messages of that run are ignored). */
  generation: number;
}

export async function readParallel(h: HandOff, signal: { aborted: boolean }, o: ParallelOptions): Promise<Resume | undefined> {
  if (!parallelAvailable()) throw new Error('parallel reader: the worker script is not built');
  const total = h.size - h.offset;
  const threads = Math.max(1, o.threads);
  const rangeBytes = o.rangeBytes ?? Math.min(64 << 20, Math.max(8 << 20, Math.ceil(total / (threads * 4))));
  const n = Math.max(1, Math.ceil(total / rangeBytes));
  const ranges: RangeState[] = [];
  for (let k = 0; k < n; k++) {
    const from = h.offset + k * rangeBytes;
    ranges.push({
      task: {
        k,
        path: h.path,
        from,
        resync: k > 0,
        stopAt: k + 1 < n ? h.offset + (k + 1) * rangeBytes : Infinity,
        size: h.size,
        delimiter: h.delimiter,
        cols: o.cols,
        labels: o.labels,
        tz: o.tz,
        file: o.file,
        platform: o.platform,
        fileStem: o.fileStem,
        batchRows: o.batchRows ?? 1 << 15,
        asciiOnly: h.asciiOnly,
      },
      batches: [],
      generation: 0,
    });
  }

  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: number[] = ranges.map((_, k) => k);
  const busy = new Map<Worker, { k: number; generation: number }>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let merged = 0; // ranges merged so far
  const window = threads + 2; // ranges ahead of the merge that may be parsed (bounds memory)

  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0 && queue[0] < merged + window) {
      const k = queue.shift()!;
      const w = idle.pop()!;
      busy.set(w, { k, generation: ranges[k].generation });
      w.postMessage(ranges[k].task);
    }
  };
  const url = cachedUrl!;
  for (let i = 0; i < Math.min(threads, n); i++) {
    const w = o.pool?.take() ?? startWorker(url);
    w.on('message', (m: WorkerMessage) => {
      const job = busy.get(w);
      if (m.type === 'error') {
        failure ??= new Error(`parallel reader: worker failed on range ${m.k}: ${m.message}`);
        notify();
        return;
      }
      if (!job || job.k !== m.k) return;
      const r = ranges[m.k];
      const current = job.generation === r.generation;
      if (m.type === 'start') {
        if (current) r.start = m.start;
      } else if (m.type === 'batch') {
        if (current) r.batches.push({ batch: m.batch, offset: m.offset });
      } else {
        if (current) r.done = m;
        busy.delete(w);
        idle.push(w);
        dispatch();
      }
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
    workers.push(w);
    idle.push(w);
  }
  dispatch();

  const next = () => new Promise<void>((resolve) => (wake = resolve));
  let line = h.line;
  let emptyLines = h.emptyLines;
  let expected = false;
  let expectStart = h.offset;
  try {
    for (let k = 0; k < n; k++) {
      const r = ranges[k];
      let merger: OrderMerger | undefined;
      for (;;) {
        if (failure) throw failure;
        if (signal.aborted) return undefined;
        if (r.start === undefined) {
          await next();
          continue;
        }
        if (r.start !== expectStart) {
          // The guess fell inside a quoted field: parse the range again from the true start.
          parallelStats.redone++;
          r.generation++;
          r.batches = [];
          r.start = undefined;
          r.done = undefined;
          r.task = { ...r.task, from: expectStart, resync: false };
          queue.unshift(k);
          dispatch();
          continue;
        }
        if (r.batches.length > 0) {
          merger ??= o.newMerger();
          for (const { batch, offset } of r.batches.splice(0)) {
            if (!expected && o.expectRows && offset > h.offset) {
              expected = true;
              o.expectRows(Math.ceil((batch.rows / (offset - h.offset)) * total * 1.05));
            }
            merger.merge(batch, line - 1);
            h.progress?.(offset);
          }
          continue;
        }
        if (r.done) break;
        await next();
      }
      const d = r.done!;
      parallelStats.ranges++;
      if (d.bail) {
        parallelStats.bailed++;
        return { offset: d.bail.offset, line: line - 1 + d.bail.line, emptyLines: emptyLines + d.bail.emptyLines, ascii: d.bail.ascii };
      }
      line += d.lines;
      emptyLines += d.emptyLines;
      expectStart = d.stop;
      merged = k + 1;
      dispatch();
      h.progress?.(d.stop);
    }
    return undefined;
  } finally {
    await Promise.all(workers.map((w) => endWorker(w)));
  }
}
