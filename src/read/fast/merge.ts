// Folds OrderBatches into the run, in file order: row accounting, rejections in line order,
// the duplicate-id check against every earlier order of the run, and the sink. Batches
// from worker threads come here in the order of their byte ranges, so the first of two
// equal ids is the one earlier in the file, as with the one-row-at-a-time reader.

import type { OrderBlock, OrderSink } from '../../assemble/collect.js';
import { BUSINESS_LINES } from '../../assemble/orderLog.js';
import type { CanonicalRecord, InputSummary, Rejection } from '../../model.js';
import type { OrderIdIndex } from '../../normalise/orderIds.js';
import { duplicateReject } from '../../normalise/orders.js';
import type { OrderBatch } from './orders.js';

const decoder = new TextDecoder();

export interface MergeTarget {
  path: string;
  /** Index of the file in the run's inputs. */
  file: number;
  summary: InputSummary;
  rejected: Rejection[];
  orderIds: OrderIdIndex;
  pathOf: (file: number) => string;
  /** The reader's sink; its `orders` property, when there, takes orders without records. */
  sink: ((rec: CanonicalRecord) => void) & { orders?: OrderSink };
}

export class OrderMerger {
  private readonly strs: string[] = [];
  private platformId: Int32Array = new Int32Array(64).fill(-1);
  private stringId: Int32Array = new Int32Array(64).fill(-2);
  /** Per local platform string: local worker string → worker-platform number + 1. */
  private readonly wps = new Map<number, Int32Array>();

  constructor(private readonly t: MergeTarget) {}

  private grow(a: Int32Array, n: number, fill: number): Int32Array {
    if (n < a.length) return a;
    let size = a.length;
    while (size <= n) size *= 2;
    const b = new Int32Array(size).fill(fill);
    b.set(a);
    return b;
  }

  private platformOf(local: number): number {
    let p = this.platformId[local];
    if (p < 0) {
      p = this.t.orderIds.platformId(this.strs[local]);
      this.platformId[local] = p;
    }
    return p;
  }

  private globalString(local: number, sink: OrderSink): number {
    if (local < 0) return -1;
    let g = this.stringId[local];
    if (g === -2) {
      g = sink.strings.id(this.strs[local]);
      this.stringId[local] = g;
    }
    return g;
  }

  private workerPlatform(worker: number, platform: number, sink: OrderSink): number {
    let byWorker = this.wps.get(platform);
    if (byWorker === undefined) {
      byWorker = new Int32Array(Math.max(64, this.strs.length));
      this.wps.set(platform, byWorker);
    }
    if (worker >= byWorker.length) {
      byWorker = this.grow(byWorker, worker, 0);
      this.wps.set(platform, byWorker);
    }
    let wp = byWorker[worker] - 1;
    if (wp < 0) {
      wp = sink.workerPlatform(this.strs[worker], this.strs[platform]);
      byWorker[worker] = wp + 1;
    }
    return wp;
  }

  /** Scratch per batch row: platform numbers in the id index, claim results. */
  private pids = new Int32Array(0);
  private claims = new Int32Array(0);

  /** Merges a batch whose lines are relative: line in the file = batch line + lineOffset. */
  merge(b: OrderBatch, lineOffset = 0): void {
    const t = this.t;
    const strs = this.strs;
    if (b.strsFrom !== strs.length) throw new Error(`OrderMerger: batch strings start at ${b.strsFrom}, expected ${strs.length}`);
    for (const s of b.strs) strs.push(s);
    this.platformId = this.grow(this.platformId, strs.length, -1);
    this.stringId = this.grow(this.stringId, strs.length, -2);
    const s = t.summary;
    s.rowsRead += b.rows;
    const n = b.used;
    if (this.pids.length < n) {
      this.pids = new Int32Array(n);
      this.claims = new Int32Array(n);
    }
    const pids = this.pids;
    const claims = this.claims;
    const platform = b.platform;
    for (let k = 0; k < n; k++) pids[k] = this.platformOf(platform[k]);
    // Every id of the batch claimed in one pass, in row order (so the first of two equal ids
    // in the batch is the one claimed); rows are then taken or rejected in row order.
    t.orderIds.claimBatch(b, pids, t.file, lineOffset, claims);
    const orderSink = t.sink.orders;
    const rejects = b.rejects;
    if (orderSink?.takesBlocks) return this.mergeBlocks(b, claims, lineOffset, orderSink);
    let ri = 0;
    let idStart = 0;
    for (let k = 0; k < n; k++) {
      while (ri < rejects.length && rejects[ri].at === k) this.rejectFromBatch(rejects[ri++], lineOffset);
      const line = b.line[k] + lineOffset;
      const idEnd = b.idEnd[k];
      const e = claims[k];
      if (e < 0) this.rejectDuplicate(b, k, e, lineOffset);
      else {
        s.rowsUsed++;
        if (orderSink) {
          orderSink.pushOrder(
            this.workerPlatform(b.worker[k], platform[k], orderSink),
            b.acceptedAt[k],
            b.completedAt[k],
            b.payFen[k],
            t.file,
            line,
            this.globalString(b.region[k], orderSink),
            this.globalString(b.employer[k], orderSink),
            b.businessLine[k],
            b.cancelled[k],
            e,
          );
        } else {
          const pay = b.payFen[k];
          t.sink({
            kind: 'orders',
            record: {
              file: t.file,
              line,
              orderId: decoder.decode(b.idBytes.subarray(idStart, idEnd)),
              workerId: strs[b.worker[k]],
              acceptedAt: b.acceptedAt[k],
              completedAt: b.completedAt[k],
              platform: strs[platform[k]],
              employer: b.employer[k] < 0 ? undefined : strs[b.employer[k]],
              region: b.region[k] < 0 ? undefined : strs[b.region[k]],
              businessLine: BUSINESS_LINES[b.businessLine[k]],
              orderPayFen: pay !== pay ? undefined : pay,
              status: b.cancelled[k] ? 'cancelled' : 'completed',
            },
          });
        }
      }
      idStart = idEnd;
    }
    while (ri < rejects.length) this.rejectFromBatch(rejects[ri++], lineOffset);
  }

  private wpCol = new Int32Array(0);
  private regionCol = new Int32Array(0);
  private employerCol = new Int32Array(0);

  /**
   * merge() for a sink that takes blocks: the runs of kept rows between duplicates go over
   * as column blocks (copied whole, string numbers translated column by column), and the
   * rejections, the batch's and the duplicates', are added in line order.
   */
  private mergeBlocks(b: OrderBatch, claims: Int32Array, lineOffset: number, sink: OrderSink): void {
    const t = this.t;
    const n = b.used;
    if (this.wpCol.length < n) {
      this.wpCol = new Int32Array(n);
      this.regionCol = new Int32Array(n);
      this.employerCol = new Int32Array(n);
    }
    const wp = this.wpCol;
    const region = this.regionCol;
    const employer = this.employerCol;
    for (let k = 0; k < n; k++) {
      if (claims[k] < 0) continue; // a duplicate adds no worker-platform or string
      wp[k] = this.workerPlatform(b.worker[k], b.platform[k], sink);
      region[k] = this.globalString(b.region[k], sink);
      employer[k] = this.globalString(b.employer[k], sink);
    }
    const block: OrderBlock = {
      from: 0,
      to: 0,
      wp,
      acceptedAt: b.acceptedAt,
      completedAt: b.completedAt,
      payFen: b.payFen,
      file: t.file,
      line: b.line,
      lineOffset,
      region,
      employer,
      businessLine: b.businessLine,
      cancelled: b.cancelled,
      idRef: claims,
    };
    const rejects = b.rejects;
    let ri = 0;
    let dups = 0;
    for (let k = 0; k < n; k++) {
      while (ri < rejects.length && rejects[ri].at === k) this.rejectFromBatch(rejects[ri++], lineOffset);
      const e = claims[k];
      if (e >= 0) continue;
      block.to = k;
      if (block.to > block.from) sink.pushOrders(block);
      block.from = k + 1;
      dups++;
      this.rejectDuplicate(b, k, e, lineOffset);
    }
    block.to = n;
    if (block.to > block.from) sink.pushOrders(block);
    while (ri < rejects.length) this.rejectFromBatch(rejects[ri++], lineOffset);
    t.summary.rowsUsed += n - dups;
  }

  private rejectDuplicate(b: OrderBatch, k: number, e: number, lineOffset: number): void {
    const t = this.t;
    const first = t.orderIds.originOf(-e - 1);
    const id = decoder.decode(b.idBytes.subarray(k === 0 ? 0 : b.idEnd[k - 1], b.idEnd[k]));
    const r = duplicateReject(id, t.pathOf(first.file), first.line);
    t.summary.rowsRejected++;
    t.rejected.push({ file: t.path, line: b.line[k] + lineOffset, column: r.column, reason: r.reason });
  }

  private rejectFromBatch(r: OrderBatch['rejects'][number], lineOffset: number): void {
    this.t.summary.rowsRejected++;
    const line = r.line + lineOffset;
    this.t.rejected.push(r.column === undefined ? { file: this.t.path, line, reason: r.reason } : { file: this.t.path, line, column: r.column, reason: r.reason });
  }
}
