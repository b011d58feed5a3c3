// Sharding by worker: findings are per worker (or per worker-platform), so the work splits by
// worker id. `--shard K/N` keeps the workers whose id hashes to K; every shard still reads
// every row (row accounting and duplicate ids need all of them) and runs the rules over
// whole platforms on every worker, so that `gigaudit merge` can take those once.
import type { NotAssessed } from '../report/model.js';

export interface Shard {
  index: number; // 1-based
  count: number;
}

const encoder = new TextEncoder();

/** The shard (1-based) of a worker id: 1 + FNV-1a 32 of its UTF-8 bytes, mod count. */
export function shardOf(workerId: string, count: number): number {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(workerId)) h = Math.imul(h ^ b, 0x01000193);
  return 1 + ((h >>> 0) % count);
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * notAssessed entries of several runs of the same rules, in the rules' order: per rule, the
 * worker-platform counts of equal reasons add up (the runs cover disjoint worker-platforms);
 * reasons sorted as the engine sorts them.
 */
export function mergeNotAssessed(ruleOrder: readonly string[], parts: NotAssessed[][]): NotAssessed[] {
  const byRule = new Map<string, Map<string, NotAssessed>>();
  for (const part of parts) {
    for (const n of part) {
      let reasons = byRule.get(n.rule);
      if (!reasons) byRule.set(n.rule, (reasons = new Map()));
      const prev = reasons.get(n.reason);
      if (!prev) reasons.set(n.reason, { ...n });
      else if (n.workerPlatforms !== undefined) prev.workerPlatforms = (prev.workerPlatforms ?? 0) + n.workerPlatforms;
    }
  }
  const out: NotAssessed[] = [];
  const order = [...ruleOrder, ...[...byRule.keys()].filter((r) => !ruleOrder.includes(r))];
  for (const rule of order) {
    const reasons = byRule.get(rule);
    if (!reasons) continue;
    out.push(...[...reasons.values()].sort((a, b) => (a.reason < b.reason ? -1 : 1)));
  }
  return out;
}
