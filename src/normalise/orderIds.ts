// First-seen origin of every order id, per platform, across all order files of a run.
// Order files can hold tens of millions of rows: values are packed numbers (file, line),
// keys are the id strings the parser already allocated, and a platform's ids spill over
// into further Maps because one V8 Map holds at most 2^24 entries.

const SHARD_LIMIT = 16_000_000;
const LINE_SPAN = 2 ** 32;

export class OrderIdIndex {
  private readonly byPlatform = new Map<string, Map<string, number>[]>();

  /**
   * Records the id at (file, line) unless the platform already has it; returns the earlier
   * origin in that case (and records nothing).
   */
  claim(platform: string, orderId: string, file: number, line: number): { file: number; line: number } | undefined {
    let shards = this.byPlatform.get(platform);
    if (shards === undefined) {
      shards = [new Map()];
      this.byPlatform.set(platform, shards);
    }
    for (let i = 0; i < shards.length; i++) {
      const packed = shards[i].get(orderId);
      if (packed !== undefined) return { file: Math.floor(packed / LINE_SPAN), line: packed % LINE_SPAN };
    }
    let last = shards[shards.length - 1];
    if (last.size >= SHARD_LIMIT) {
      last = new Map();
      shards.push(last);
    }
    last.set(orderId, file * LINE_SPAN + line);
    return undefined;
  }

  /** Number of distinct ids recorded (all platforms). */
  get size(): number {
    let n = 0;
    for (const shards of this.byPlatform.values()) for (const m of shards) n += m.size;
    return n;
  }
}
