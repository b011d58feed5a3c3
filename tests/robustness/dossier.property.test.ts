// The dossier's per-day questions, asked per active day by the rules, are indexed (binary
// search, memo) so that a worker with thousands of contracts or orders costs no scan per
// day. Property: they answer exactly as the plain scans they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Collector, assemble, covers } from '../../src/assemble/index.js';
import type { ContractRecord, ContractType } from '../../src/model.js';
import { Clock, dayFromCivil } from '../../src/time.js';

const D0 = dayFromCivil(2025, 1, 1);
const TYPES: ContractType[] = ['labor_contract', 'part_time_contract', 'written_agreement', 'cooperation_agreement', 'dispatch_contract'];
const REGIONS = ['永川区', '江北区', '渝中区', undefined];

const order = fc.record({ day: fc.integer({ min: 0, max: 60 }), minute: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 0, max: 600 }), region: fc.integer({ min: 0, max: 3 }) });
const contract = fc.record({ start: fc.integer({ min: -10, max: 70 }), length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), type: fc.integer({ min: 0, max: 4 }) });

function build(zone: string, orders: { day: number; minute: number; length: number; region: number }[], contracts: { start: number; length?: number; type: number }[]) {
  const clock = new Clock(zone);
  const c = new Collector(clock);
  orders.forEach((o, k) => {
    const acceptedAt = clock.startOfDay(D0 + o.day) + o.minute * 60_000;
    c.add({
      kind: 'orders',
      record: { file: 0, line: k + 2, orderId: `O${k}`, workerId: 'W', acceptedAt, completedAt: acceptedAt + o.length * 60_000, platform: 'P', region: REGIONS[o.region], status: 'completed' },
    });
  });
  contracts.forEach((x, k) => {
    const record: ContractRecord = {
      file: 1,
      line: k + 2,
      workerId: 'W',
      contractType: TYPES[x.type],
      startDay: D0 + x.start,
      endDay: x.length === undefined ? undefined : D0 + x.start + x.length,
      platform: 'P',
      form: 'written',
    } as ContractRecord;
    c.add({ kind: 'contracts', record });
  });
  const [d] = assemble(c, clock, () => 20);
  return { d, clock };
}

describe('dossier indexes answer like a scan', () => {
  it('contractOn: the latest-starting contract covering the day', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 30 }), fc.array(contract, { maxLength: 40 }), (orders, contracts) => {
        const { d } = build('Asia/Shanghai', orders, contracts);
        for (let day = D0 - 15; day <= D0 + 110; day++) {
          let want: ContractRecord | undefined;
          for (const x of d.contracts) if (covers(x, day)) want = x;
          // Twice: the second answer comes from the memo.
          expect(d.contractOn(day)).toBe(want);
          expect(d.contractOn(day)).toBe(want);
        }
      }),
      { numRuns: 150 },
    );
  });

  // Regions drawn from all four (none included), from one only (the dossier's shortcut), or
  // from one and none (no shortcut).
  it.each([
    ['any regions', [0, 1, 2, 3]],
    ['one region', [1]],
    ['one region or none', [1, 3]],
  ])('dominantRegion: most order time among the days, ties to the first seen, in zones with and without DST (%s)', (_, regions) => {
    fc.assert(
      fc.property(
        fc.array(order, { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom(...regions), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: -3, max: 65 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/Sao_Paulo'),
        (drawn, regionOf, from, span, zone) => {
          const orders = drawn.map((o, k) => ({ ...o, region: regionOf[k] }));
          const { d, clock } = build(zone, orders, []);
          const weight = new Map<number, number>();
          for (let p = 0; p < d.sorted.length; p++) {
            const i = d.sorted[p];
            const day = clock.dayOf(d.log.acceptedAt[i]);
            if (day < D0 + from || day > D0 + from + span) continue;
            const r = d.log.region[i];
            weight.set(r, (weight.get(r) ?? 0) + (d.log.completedAt[i] - d.log.acceptedAt[i]) + 1);
          }
          let best = -1;
          let bestW = -1;
          for (const [r, w] of weight) if (r >= 0 && w > bestW) [best, bestW] = [r, w];
          expect(d.dominantRegion(D0 + from, D0 + from + span)).toBe(d.strings.get(best));
        },
      ),
      { numRuns: 150 },
    );
  });
});
