// Preloaded into a CLI run (node --import) by tests/cli/bundle.test.ts: appends the script of
// every worker thread started, and the kinds of the messages each sends back, to the file in
// GIGAUDIT_TEST_THREAD_LOG, so a test sees which tree's workers ran and that they worked.
// With GIGAUDIT_TEST_CORES, os.availableParallelism() says that many cores: rule threads
// start only with three or more, which a test machine may not have.
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import threads from 'node:worker_threads';

const log = process.env.GIGAUDIT_TEST_THREAD_LOG;
if (log && threads.isMainThread) {
  const Base = threads.Worker;
  threads.Worker = class extends Base {
    constructor(script, options) {
      super(script, options);
      this.script = String(script);
      appendFileSync(log, `start ${this.script}\n`);
    }

    // Not a 'message' listener of our own: a worker's port keeps the process alive only when
    // its first listener comes after unref(), and ours would come first.
    emit(event, ...args) {
      if (event === 'message') appendFileSync(log, `${args[0]?.type ?? typeof args[0]} ${this.script}\n`);
      return super.emit(event, ...args);
    }
  };
}
const cores = Number(process.env.GIGAUDIT_TEST_CORES);
if (cores > 0) os.availableParallelism = () => cores;
syncBuiltinESMExports();
