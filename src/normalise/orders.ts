import type { CanonicalRecord } from '../model.js';
import { MS_PER_DAY } from '../time.js';
import { RowReject, cell, optEnum, optFen, optText, reqDateTime, reqText } from './cells.js';
import { parseBusinessLine, parseOrderStatus } from './enums.js';
import { type ColumnIndex, type ConvertContext, type RowConverter, col, guarded } from './convert.js';

export function ordersConverter(cols: ColumnIndex, ctx: ConvertContext): RowConverter {
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

  return guarded((f, line): CanonicalRecord | RowReject => {
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
    if (completedAt < acceptedAt) return new RowReject('completed_at', 'order ends before it starts');
    if (completedAt - acceptedAt > MS_PER_DAY) {
      return new RowReject('completed_at', 'order lasts longer than 24 hours (implausible)');
    }
    // Claimed last, so a rejected row never takes the id from a later valid one.
    const first = ctx.orderIds.claim(platform, orderId, file, line);
    if (first !== undefined) {
      return new RowReject('order_id', `duplicate order id ${orderId} (first at ${ctx.pathOf(first.file)} line ${first.line})`);
    }
    return {
      kind: 'orders',
      record: {
        file,
        line,
        orderId,
        workerId,
        acceptedAt,
        completedAt,
        platform,
        employer,
        region,
        businessLine,
        orderPayFen,
        status,
      },
    };
  });
}
