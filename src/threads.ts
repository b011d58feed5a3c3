// Ending worker threads. A thread ended with terminate() is torn down wherever it is, and
// Node 20 can abort the whole process when that happens while V8 is still compiling for the
// thread in the background (an assertion in NodePlatform::ForIsolate, seen once in our test
// runs). A thread that ends on its own drains those tasks first: so each of our threads
// closes its port when told 'close' and runs out, and terminate() is only the fallback.
import type { Worker } from 'node:worker_threads';

/** The message that asks one of our worker threads to end. */
export const CLOSE = { type: 'close' } as const;

export function isClose(m: unknown): boolean {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'close';
}

/** Asks the thread to end and waits until it has (terminate() after `waitMs`). */
export function endWorker(w: Worker, waitMs = 5000): Promise<void> {
  // A thread that has ended already sends no 'exit' again (threadId is -1 once it stops).
  if (w.threadId === -1) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const kill = () => void w.terminate().then(finish, finish);
    // Keeps this process alive until the thread has ended (our threads are unref'd).
    w.ref();
    w.once('exit', finish);
    const timer = setTimeout(kill, waitMs);
    try {
      w.postMessage(CLOSE);
    } catch {
      kill();
    }
  });
}
