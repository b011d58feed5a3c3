import type { CanonicalRecord } from '../model.js';
import { RowReject, cell, optBool, optDay, optEnum, optText, reqDay, reqEnum, reqText } from './cells.js';
import { parseContractForm, parseContractType } from './enums.js';
import { type ColumnIndex, type ConvertContext, type RowConverter, col, guarded } from './convert.js';

export function contractsConverter(cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  const iWorker = col(cols, 'worker_id');
  const iType = col(cols, 'contract_type');
  const iStart = col(cols, 'start_date');
  const iEnd = col(cols, 'end_date');
  const iPlatform = col(cols, 'platform');
  const iSigned = col(cols, 'signed_date');
  const iAgency = col(cols, 'dispatch_agency');
  const iLicensed = col(cols, 'agency_licensed');
  const iExclusive = col(cols, 'exclusive');
  const iForm = col(cols, 'form');
  const { clock, file } = ctx;

  return guarded((f, line): CanonicalRecord | RowReject => {
    const workerId = reqText(cell(f, iWorker), 'worker_id');
    const contractType = reqEnum(cell(f, iType), 'contract_type', parseContractType, 'contract type');
    const startDay = reqDay(cell(f, iStart), 'start_date', clock);
    const endDay = optDay(cell(f, iEnd), 'end_date', clock);
    if (endDay !== undefined && endDay < startDay) return new RowReject('end_date', 'contract ends before it starts');
    return {
      kind: 'contracts',
      record: {
        file,
        line,
        workerId,
        contractType,
        startDay,
        endDay,
        platform: optText(cell(f, iPlatform)) ?? ctx.platform,
        signedDay: optDay(cell(f, iSigned), 'signed_date', clock),
        dispatchAgency: optText(cell(f, iAgency)),
        agencyLicensed: optBool(cell(f, iLicensed), 'agency_licensed'),
        exclusive: optBool(cell(f, iExclusive), 'exclusive'),
        form: optEnum(cell(f, iForm), 'form', parseContractForm, 'contract form') ?? 'written',
      },
    };
  });
}
