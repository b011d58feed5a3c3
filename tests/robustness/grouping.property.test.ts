// Grouping (assemble/collect.ts) sorts each worker-platform's orders by acceptance, then
// completion, then input order. With whole seconds it sorts packed numeric keys; with
// milliseconds, or spans too wide to pack, it sorts with a comparator. Property: every
// path gives the order of a plain stable sort, and every order lands in its own group.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/assemble/index.js';
import { Clock } from '../../src/time.js';

const T0 = Date.UTC(2025, 0, 1);
const WORKERS = ['W1', 'W2', 'W3'];
const PLATFORMS = ['P', 'Q'];

interface Row {
  worker: number;
  platform: number;
  /** Seconds after T0 (a few values, so that ties are common). */
  at: number;
  length: number;
  /** Milliseconds added to both times (0 keeps whole seconds). */
  ms: number;
}

const row = (ms: number[], atMax: number) =>
  fc.record({
    worker: fc.integer({ min: 0, max: 2 }),
    platform: fc.integer({ min: 0, max: 1 }),
    at: fc.integer({ min: 0, max: atMax }),
    length: fc.integer({ min: 0, max: 3 }),
    ms: fc.constantFrom(...ms),
  });

function grouped(rows: Row[]): Map<string, number[]> {
  const c = new Collector(new Clock('Asia/Shanghai'));
  rows.forEach((r, k) => {
    const acceptedAt = T0 + r.at * 1000 + r.ms;
    c.add({
      kind: 'orders',
      record: {
        file: 0,
        line: k + 2,
        orderId: `O${k}`,
        workerId: WORKERS[r.worker],
        platform: PLATFORMS[r.platform],
        acceptedAt,
        completedAt: acceptedAt + r.length * 1000,
        status: 'completed',
      },
    });
  });
  const out = new Map<string, number[]>();
  for (const wp of c.orders.values()) {
    const log = wp.log;
    const lines: number[] = [];
    for (let i = 0; i < log.length; i++) lines.push(log.line[i]);
    out.set(`${wp.workerId}|${wp.platform}`, lines);
  }
  return out;
}

function expected(rows: Row[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const keyed = rows.map((r, k) => ({ r, k, a: r.at * 1000 + r.ms, c: r.at * 1000 + r.ms + r.length * 1000 }));
  keyed.sort((x, y) => x.a - y.a || x.c - y.c || x.k - y.k);
  for (const { r, k } of keyed) {
    const key = `${WORKERS[r.worker]}|${PLATFORMS[r.platform]}`;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(k + 2);
  }
  return out;
}

describe('grouping sorts each worker-platform like a stable sort', () => {
  const cases: [string, fc.Arbitrary<Row[]>][] = [
    ['whole seconds (packed keys)', fc.array(row([0], 12), { maxLength: 300 })],
    ['milliseconds (comparator)', fc.array(row([1, 250, 999], 12), { maxLength: 300 })],
    ['whole seconds and milliseconds mixed', fc.array(row([0, 0, 500], 12), { maxLength: 300 })],
    // Acceptance over 2^42 s apart and lengths up to 300 s: with the index bits, the key needs over 53 bits; the comparator sorts.
    ['whole seconds over a span too wide to pack', fc.array(row([0], 12), { maxLength: 300 }).map((rs) => rs.map((r, k) => ({ ...r, at: k % 5 === 0 ? r.at * 2 ** 39 : r.at, length: r.length * 100 })))],
  ];
  for (const [name, rows] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(rows, (rs) => {
          expect(grouped(rs)).toEqual(expected(rs));
        }),
        { numRuns: 200 },
      );
    });
  }
});
