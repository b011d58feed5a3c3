// Worker thread of the rules (ruleThreads.ts): the run's orders in shared memory, its own
// law and rule context; per batch, the dossiers of its worker-platforms, the rules about
// workers over them, the findings back as data.
import { parentPort, workerData } from 'node:worker_threads';
import type { CLOSE } from '../threads.js';
import { Dossier } from '../assemble/dossier.js';
import { OrderLog, StringTable, type OrderColumns } from '../assemble/orderLog.js';
import { loadConfig, loadLaw, withConfig } from '../law/index.js';
import type { LawBook } from '../law/law.js';
import { SharedIds } from '../normalise/orderIds.js';
import { RULES } from '../rules/index.js';
import { runRules } from '../rules/engine.js';
import { Clock } from '../time.js';
import { makeContext } from './context.js';
import type { RuleBatch, RuleThreadInit, RuleWorkerMessage } from './ruleThreads.js';

const post = (m: RuleWorkerMessage) => parentPort!.postMessage(m);

try {
  // Loaded while the inputs are read: the law (and config) and the rules.
  const setup = workerData as { config?: string };
  let law: LawBook = loadLaw();
  if (setup.config) law = withConfig(law, loadConfig(setup.config));
  const workerRules = RULES.filter((r) => r.scope !== 'platform');
  let run: ((t: RuleBatch) => void) | undefined;

  parentPort!.on('message', (m: { type: 'init'; init: RuleThreadInit } | { type: 'batch'; task: RuleBatch } | typeof CLOSE) => {
    if (m.type === 'close') return parentPort!.close(); // ends this thread (threads.ts)
    try {
      if (m.type === 'init') {
        run = prepare(m.init, law, workerRules);
        post({ type: 'ready' });
      } else run!(m.task);
    } catch (e) {
      const err = e as Error;
      post({ type: 'error', name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack });
    }
  });
  post({ type: 'loaded' });
} catch (e) {
  const err = e as Error;
  post({ type: 'error', name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack });
}

/** The run's orders and context in this thread; returns what runs one batch. */
function prepare(init: RuleThreadInit, law: LawBook, workerRules: typeof RULES): (t: RuleBatch) => void {
  const clock = new Clock(init.tz);
  const shared = new SharedIds(init.ids);
  const c = init.columns;
  const cols: OrderColumns = {
    acceptedAt: new Float64Array(c.acceptedAt),
    completedAt: new Float64Array(c.completedAt),
    payFen: new Float64Array(c.payFen),
    file: new Uint16Array(c.file),
    line: new Uint32Array(c.line),
    region: new Int32Array(c.region),
    employer: new Int32Array(c.employer),
    businessLine: new Uint8Array(c.businessLine),
    cancelled: new Uint8Array(c.cancelled),
    idRef: new Int32Array(c.idRef),
    ids: { idAt: (ref) => (ref >= 0 ? shared.idAt(ref) : init.extraIds[-ref - 1]) },
  };
  const strings = new StringTable();
  for (const s of init.strings) strings.id(s);
  const ctx = makeContext(law, clock, init.files, init.inputs, init.fallback, init.asOf, init.period);
  return (t) => {
    const dossiers = t.wps.map(
      (wp) =>
        new Dossier(
          wp.workerId,
          wp.platform,
          new OrderLog(cols, wp.start, wp.end),
          strings,
          clock,
          wp.gap,
          { contracts: t.contracts[wp.workerId], insurance: t.insurance[wp.workerId], pay: t.pay[wp.workerId] },
          t.workers[wp.workerId],
        ),
    );
    const r = runRules(workerRules, dossiers, ctx, init.lang, (ds) => {
      for (const d of ds) d.release();
    });
    post({ type: 'done', k: t.k, findings: r.findings, notAssessed: r.notAssessed, parameterSources: ctx.configValuesUsed() });
  };
}
