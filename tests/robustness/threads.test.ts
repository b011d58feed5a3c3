// Ending our worker threads: a thread asked to close ends on its own, and asking again (or
// asking one that has ended) must not wait for the terminate() fallback. Before this was
// handled, a run with rule threads closed its pool twice and sat out the 5 s fallback.
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { endWorker } from '../../src/threads.js';
import { RuleThreads, ruleThreadsAvailable } from '../../src/audit/ruleThreads.js';

const CLOSING_THREAD = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => { if (m && m.type === 'close') parentPort.close(); });
parentPort.postMessage('up');
`;

/** 'ended' if p settles within `ms`, else 'waiting' (the fallback waits far longer). */
const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => 'ended'), new Promise((r) => setTimeout(() => r('waiting'), ms))]);

describe('endWorker', () => {
  it('a thread told to close ends on its own, without terminate()', async () => {
    const w = new Worker(CLOSING_THREAD, { eval: true });
    await new Promise((r) => w.once('message', r));
    const terminate = vi.spyOn(w, 'terminate');
    expect(await within(endWorker(w, 600_000), 10_000)).toBe('ended');
    expect(terminate).not.toHaveBeenCalled();
    expect(w.threadId).toBe(-1);
  });

  it('a thread that has ended already: at once, without terminate()', async () => {
    const w = new Worker(CLOSING_THREAD, { eval: true });
    await new Promise((r) => w.once('message', r));
    await endWorker(w);
    const terminate = vi.spyOn(w, 'terminate');
    expect(await within(endWorker(w, 600_000), 2_000)).toBe('ended');
    expect(terminate).not.toHaveBeenCalled();
  });

  it('a thread that ignores close is terminated after the wait', async () => {
    const w = new Worker(`require('node:worker_threads').parentPort.on('message', () => {});`, { eval: true });
    const terminate = vi.spyOn(w, 'terminate');
    await endWorker(w, 50);
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(w.threadId).toBe(-1);
  });
});

describe('RuleThreads.close', () => {
  it.runIf(ruleThreadsAvailable())('closing twice: the second call finds no thread and returns at once', async () => {
    const pool = new RuleThreads(2, {});
    expect(pool.size).toBe(2);
    await pool.close();
    expect(pool.size).toBe(0);
    expect(await within(pool.close(), 2_000)).toBe('ended');
  }, 30_000);
});
