// The rules about workers on more than one core: batches of worker-platforms go to worker
// threads (ruleWorker.ts) that see the run's orders in shared memory and build their own
// dossiers, while this thread runs batches too. Findings and notAssessed come back as data
// and are put together as if one thread had run every batch (findings are sorted when the
// report is built; notAssessed add up per rule and reason, see shard.ts).
import { Worker } from 'node:worker_threads';
import { workerScript } from '../paths.js';
import { endWorker } from '../threads.js';
import type { Collector } from '../assemble/collect.js';
import type { Dossier } from '../assemble/index.js';
import { InputError, UsageError } from '../errors.js';
import type { Jurisdiction } from '../law/types.js';
import type { ContractRecord, InputSummary, InsuranceRecord, PayRecord, WorkerRecord } from '../model.js';
import type { SharedIdMemory } from '../normalise/orderIds.js';
import type { Finding, Lang, NotAssessed, ParameterSource } from '../report/model.js';

export interface RuleThreadInit {
  columns: ReturnType<Collector['sharedOrders']>['columns'];
  extraIds: string[];
  ids: SharedIdMemory;
  strings: string[];
  tz: string;
  lang: Lang;
  files: string[];
  inputs: InputSummary[];
  fallback?: Jurisdiction;
  asOf?: number;
  period?: { from?: number; to?: number };
}

export interface RuleBatch {
  k: number;
  wps: { workerId: string; platform: string; start: number; end: number; gap: number }[];
  contracts: Record<string, ContractRecord[]>;
  insurance: Record<string, InsuranceRecord[]>;
  pay: Record<string, PayRecord[]>;
  workers: Record<string, WorkerRecord>;
}

export interface RuleBatchResult {
  k: number;
  findings: Finding[];
  notAssessed: NotAssessed[];
  parameterSources: ParameterSource[];
}

export type RuleWorkerMessage =
  | { type: 'loaded' }
  | { type: 'ready' }
  | ({ type: 'done' } & RuleBatchResult)
  | { type: 'error'; name: string; message: string; stack?: string };

/** The rule worker of the tree this runs from (paths.ts); undefined when not built. */
const workerUrl = () => workerScript('audit/ruleWorker.js');

/** True when rule threads can be started (the compiled worker script exists). */
export function ruleThreadsAvailable(): boolean {
  return workerUrl() !== undefined;
}

/** The task of one batch: its worker-platforms' places in the shared columns and their workers' records. */
export function batchTask(k: number, batch: Dossier[], c: Collector): RuleBatch {
  const task: RuleBatch = { k, wps: [], contracts: {}, insurance: {}, pay: {}, workers: {} };
  for (const d of batch) {
    const { start, end } = d.log.range;
    task.wps.push({ workerId: d.workerId, platform: d.platform, start, end, gap: d.bridgeGap });
    const w = d.workerId;
    if (task.contracts[w] === undefined) {
      task.contracts[w] = c.contracts.get(w) ?? [];
      task.insurance[w] = c.insurance.get(w) ?? [];
      task.pay[w] = c.pay.get(w) ?? [];
      const rec = c.workers.get(w);
      if (rec) task.workers[w] = rec;
    }
  }
  return task;
}

/**
 * Rule threads, started early (they load their modules and the law while the inputs are
 * read) and given the orders and batches once the rules are due.
 */
export class RuleThreads {
  private readonly workers: Worker[] = [];
  private readonly loaded: Promise<void>[] = [];
  private onMessage: ((w: Worker, m: RuleWorkerMessage) => void) | undefined;
  private failure: Error | undefined;

  /** `n` threads (none when the worker script is not built). */
  constructor(n: number, setup: { config?: string }) {
    const url = workerUrl();
    if (!url) return;
    for (let i = 0; i < n; i++) {
      const w = new Worker(url, { workerData: setup });
      w.unref();
      let loaded!: () => void;
      this.loaded.push(new Promise<void>((resolve) => (loaded = resolve)));
      w.on('message', (m: RuleWorkerMessage) => {
        if (m.type === 'loaded') return loaded();
        if (m.type === 'error') {
          const E = m.name === 'InputError' ? InputError : m.name === 'UsageError' ? UsageError : Error;
          this.failure ??= Object.assign(new E(m.message), { stack: m.stack });
          loaded();
        }
        this.onMessage?.(w, m);
      });
      w.on('error', (e) => {
        this.failure ??= e;
        loaded();
        this.onMessage?.(w, { type: 'error', name: e.name, message: e.message });
      });
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Runs batches: `local` runs one here; the rest go to the threads as they ask. Resolves
   * with the threads' results (the local ones the caller has already).
   */
  async run(count: number, init: () => RuleThreadInit, task: (k: number) => RuleBatch, local: (k: number) => void): Promise<RuleBatchResult[]> {
    const queue = Array.from({ length: count }, (_, k) => k);
    const results: RuleBatchResult[] = [];
    if (this.workers.length === 0 || count < 2) {
      for (const k of queue) local(k);
      return results;
    }
    let inflight = 0;
    let wake: (() => void) | undefined;
    const notify = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const give = (w: Worker) => {
      const k = queue.shift();
      if (k === undefined) return;
      inflight++;
      w.postMessage({ type: 'batch', task: task(k) });
    };
    this.onMessage = (w, m) => {
      if (m.type === 'ready') give(w);
      else if (m.type === 'done') {
        inflight--;
        results.push({ k: m.k, findings: m.findings, notAssessed: m.notAssessed, parameterSources: m.parameterSources });
        give(w);
      }
      notify();
    };
    const data = init();
    for (const w of this.workers) w.postMessage({ type: 'init', init: data });
    const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      if (this.failure) throw this.failure;
      const k = queue.shift();
      if (k !== undefined) {
        local(k);
        await yieldToMessages();
        continue;
      }
      if (inflight === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (this.failure) throw this.failure;
    return results;
  }

  /** Ends the threads (a second call finds none left). */
  async close(): Promise<void> {
    const ending = this.workers.splice(0);
    await Promise.all(ending.map((w) => endWorker(w)));
  }
}
