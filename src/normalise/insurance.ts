import type { CanonicalRecord } from '../model.js';
import { RowReject, cell, optDay, optEnum, optFen, optText, reqDay, reqEnum, reqText } from './cells.js';
import { parseInsuranceStatus, parseInsuranceType } from './enums.js';
import { type ColumnIndex, type ConvertContext, type RowConverter, col, guarded } from './convert.js';

export function insuranceConverter(cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  const iWorker = col(cols, 'worker_id');
  const iType = col(cols, 'insurance_type');
  const iStart = col(cols, 'start_date');
  const iEnd = col(cols, 'end_date');
  const iPlatform = col(cols, 'platform');
  const iStatus = col(cols, 'status');
  const iPremium = col(cols, 'premium_paid');
  const { clock, file } = ctx;

  return guarded((f, line): CanonicalRecord | RowReject => {
    const workerId = reqText(cell(f, iWorker), 'worker_id');
    const insuranceType = reqEnum(cell(f, iType), 'insurance_type', parseInsuranceType, 'insurance type');
    const startDay = reqDay(cell(f, iStart), 'start_date', clock);
    const endDay = optDay(cell(f, iEnd), 'end_date', clock);
    if (endDay !== undefined && endDay < startDay) return new RowReject('end_date', 'coverage ends before it starts');
    return {
      kind: 'insurance',
      record: {
        file,
        line,
        workerId,
        insuranceType,
        startDay,
        endDay,
        platform: optText(cell(f, iPlatform)) ?? ctx.platform,
        status: optEnum(cell(f, iStatus), 'status', parseInsuranceStatus, 'insurance status') ?? 'active',
        premiumFen: optFen(cell(f, iPremium), 'premium_paid'),
      },
    };
  });
}
