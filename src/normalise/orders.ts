import type { CanonicalRecord, OrderRecord } from '../model.js';
import { MS_PER_DAY } from '../time.js';
import { RowReject, cell, optEnum, optFen, optText, reqDateTime, reqText } from './cells.js';
import { parseBusinessLine, parseOrderStatus } from './enums.js';
import { type ColumnIndex, type ConvertContext, type RowConverter, col, guarded } from './convert.js';

/** What parsing an order row needs (no duplicate index: claims are a separate, ordered step). */
export type OrderParseContext = Pick<ConvertContext, 'clock' | 'file' | 'platform' | 'fileStem'>;

/**
 * Parses an order row to a record, or says which column makes it unusable. Everything but
 * the duplicate-id check: the fast reader (read/fast/) runs this in worker threads and
 * claims ids afterwards, in file order, on the main thread.
 */
export function ordersParser(cols: ColumnIndex, ctx: OrderParseContext): (f: string[], line: number) => OrderRecord | RowReject {
  const iId = col(cols, 'order_id');
  const iWorker = col(cols, 'worker_id');
  const iAccepted = col(cols, 'accepted_at');
  const iCompleted = col(cols, 'completed_at');
  const iPlatform = col(cols, 'platform');
  const iEmployer = col(cols, 'employer');
  const iRegion = col(cols, 'region');
  const iLine = col(cols, 'business_line');
  const iPay = col(cols, 'order_pay');
  const iStatus = col(cols, 'status');
  const { clock, file } = ctx;
  const defaultPlatform = ctx.platform ?? ctx.fileStem;

  return (f, line) => {
    try {
      const orderId = reqText(cell(f, iId), 'order_id');
      const workerId = reqText(cell(f, iWorker), 'worker_id');
      const acceptedAt = reqDateTime(cell(f, iAccepted), 'accepted_at', clock);
      const completedAt = reqDateTime(cell(f, iCompleted), 'completed_at', clock);
      const platform = optText(cell(f, iPlatform)) ?? defaultPlatform;
      const employer = optText(cell(f, iEmployer));
      const region = optText(cell(f, iRegion));
      const businessLine = optEnum(cell(f, iLine), 'business_line', parseBusinessLine, 'business line');
      const orderPayFen = optFen(cell(f, iPay), 'order_pay');
      const status = optEnum(cell(f, iStatus), 'status', parseOrderStatus, 'order status') ?? 'completed';
      const bad = checkOrderTimes(acceptedAt, completedAt);
      if (bad) return bad;
      return { file, line, orderId, workerId, acceptedAt, completedAt, platform, employer, region, businessLine, orderPayFen, status };
    } catch (e) {
      if (e instanceof RowReject) return e;
      throw e;
    }
  };
}

/** The plausibility checks on an order's two times (after every cell has parsed). */
/**
 * Orders of platform work fall within 2000–2099: a time outside it is a typo or a wrong
 * format (epoch seconds read from another column, a year 2925), and one such row would move
 * the audit's period and its as-of day. Fixed bounds, not the run's date: output stays
 * deterministic.
 */
// Widened by the extreme UTC offsets (+14, −12), so that the bounds hold on local time in any zone.
const PLAUSIBLE_FROM_MS = Date.UTC(2000, 0, 1) - 14 * 3_600_000;
const PLAUSIBLE_TO_MS = Date.UTC(2100, 0, 1) + 12 * 3_600_000;

export function checkOrderTimes(acceptedAt: number, completedAt: number): RowReject | undefined {
  if (acceptedAt < PLAUSIBLE_FROM_MS || acceptedAt >= PLAUSIBLE_TO_MS) return new RowReject('accepted_at', 'order time outside 2000–2099 (implausible)');
  if (completedAt < acceptedAt) return new RowReject('completed_at', 'order ends before it starts');
  if (completedAt - acceptedAt > MS_PER_DAY) return new RowReject('completed_at', 'order lasts longer than 24 hours (implausible)');
  return undefined;
}

/** The duplicate-id rejection, as every reader words it. */
export function duplicateReject(orderId: string, firstPath: string, firstLine: number): RowReject {
  return new RowReject('order_id', `duplicate order id ${orderId} (first at ${firstPath} line ${firstLine})`);
}

export function ordersConverter(cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  const parse = ordersParser(cols, ctx);
  return guarded((f, line): CanonicalRecord | RowReject => {
    const r = parse(f, line);
    if (r instanceof RowReject) return r;
    // Claimed last, so a rejected row never takes the id from a later valid one.
    const first = ctx.orderIds.claim(r.platform, r.orderId, r.file, line);
    if (first !== undefined) return duplicateReject(r.orderId, ctx.pathOf(first.file), first.line);
    return { kind: 'orders', record: r };
  });
}
