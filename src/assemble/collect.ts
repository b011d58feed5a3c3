// The reader's sink: folds canonical records into per-worker state as they stream.
// Orders go to compact per worker-platform logs; the other kinds are small and are kept
// per worker.
import type {
  CanonicalRecord,
  ContractRecord,
  InsuranceRecord,
  PayRecord,
  WorkerRecord,
} from '../model.js';
import type { Clock } from '../time.js';
import { OrderLog, StringTable } from './orderLog.js';

export interface WorkerPlatformLog {
  workerId: string;
  platform: string;
  log: OrderLog;
}

export interface Period {
  from?: number; // day number, inclusive
  to?: number; // day number, inclusive
}

export const wpKey = (workerId: string, platform: string) => `${workerId}\u0000${platform}`;

function pushTo<T>(m: Map<string, T[]>, k: string, v: T) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class Collector {
  readonly strings = new StringTable();
  readonly orders = new Map<string, WorkerPlatformLog>();
  readonly pay = new Map<string, PayRecord[]>();
  readonly contracts = new Map<string, ContractRecord[]>();
  readonly insurance = new Map<string, InsuranceRecord[]>();
  readonly workers = new Map<string, WorkerRecord>();
  /** Orders outside --from/--to: valid rows, not audited. */
  ordersOutsidePeriod = 0;

  constructor(
    private readonly clock: Clock,
    private readonly period: Period = {},
  ) {}

  readonly add = (rec: CanonicalRecord): void => {
    switch (rec.kind) {
      case 'orders': {
        const o = rec.record;
        const day = this.clock.dayOf(o.acceptedAt);
        if ((this.period.from !== undefined && day < this.period.from) || (this.period.to !== undefined && day > this.period.to)) {
          this.ordersOutsidePeriod++;
          return;
        }
        const k = wpKey(o.workerId, o.platform);
        let wp = this.orders.get(k);
        if (!wp) {
          wp = { workerId: o.workerId, platform: o.platform, log: new OrderLog() };
          this.orders.set(k, wp);
        }
        wp.log.push(o, this.strings);
        return;
      }
      case 'pay':
        return pushTo(this.pay, rec.record.workerId, rec.record);
      case 'contracts':
        return pushTo(this.contracts, rec.record.workerId, rec.record);
      case 'insurance':
        return pushTo(this.insurance, rec.record.workerId, rec.record);
      case 'workers':
        // The first roster row for a worker wins; later duplicates add nothing new.
        if (!this.workers.has(rec.record.workerId)) this.workers.set(rec.record.workerId, rec.record);
        return;
    }
  };
}
