// Memory between the phases of a large run. V8 lets garbage pile up to several times what
// is live before it collects, and memory outside its heap (typed arrays' buffers) counts
// little towards that; at a few points we know a lot has just died and collect at once.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFunction: (() => void) | undefined | null = null;

/**
 * V8's gc(), made once per process: changing V8 flags while the process runs is allowed but
 * not meant to be routine (Node's docs warn of crashes), and other isolates (worker threads)
 * may be busy at the time, so the flag is set once, on first use, and never again.
 */
function exposeGc(): (() => void) | undefined {
  if (gcFunction !== null) return gcFunction;
  try {
    v8.setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  } catch {
    gcFunction = undefined;
  }
  return gcFunction;
}

/** Collects garbage now (where the engine lets us). */
export function dropGarbage(): void {
  exposeGc()?.();
}

/**
 * Keeps the JS heap near what is live while the rules run batch by batch: each batch leaves
 * its spans and the rules' scratch behind, and V8 lets such garbage pile up to several times
 * the live heap before it collects. When the heap has grown by half since the last collection
 * (and is over 128 MB), collect now; and once more before the report is written. Memory, not
 * speed: a run over a few thousand workers never gets there.
 */
export function heapKeeper(): { settle(force?: boolean): void; dropGarbage(): void } {
  const gc = exposeGc();
  let base = process.memoryUsage().heapUsed;
  return {
    settle(force = false) {
      if (!gc) return;
      const used = process.memoryUsage().heapUsed;
      if (used < 128 * 2 ** 20 || (!force && used < 1.5 * base)) return;
      gc();
      base = process.memoryUsage().heapUsed;
    },
    /**
     * After reading: the readers' batches (each order's columns, handed over by the worker
     * threads) and the duplicate check's arrays are garbage outside the JS heap, hundreds of
     * MB for millions of orders, that V8 would collect only later. Grouping is about to copy
     * columns: collect now, so that they do not add up at the run's peak.
     */
    dropGarbage() {
      if (!gc) return;
      gc();
      base = process.memoryUsage().heapUsed;
    },
  };
}

