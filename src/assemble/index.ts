// Assembly: from the folded state to one dossier per worker-platform, in a stable order.
import type { Clock } from '../time.js';
import type { Collector, WorkerPlatformLog } from './collect.js';
import { Dossier } from './dossier.js';

export { Collector, wpKey, type Period } from './collect.js';
export { Dossier, RELATION_OF, covers, monthOf, sameParty } from './dossier.js';
export type { Spans } from './spans.js';

/** Bridge gap for a worker-platform, from the law as of its first order (see run.ts). */
export type GapResolver = (wp: WorkerPlatformLog) => number;

export function assemble(c: Collector, clock: Clock, gapFor: GapResolver): Dossier[] {
  const wps = [...c.orders.values()].sort((a, b) =>
    a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0,
  );
  return wps.map(
    (wp) =>
      new Dossier(
        wp.workerId,
        wp.platform,
        wp.log,
        c.strings,
        clock,
        gapFor(wp),
        {
          contracts: c.contracts.get(wp.workerId) ?? [],
          insurance: c.insurance.get(wp.workerId) ?? [],
          pay: c.pay.get(wp.workerId) ?? [],
        },
        c.workers.get(wp.workerId),
      ),
  );
}
