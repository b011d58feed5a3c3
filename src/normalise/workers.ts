import type { CanonicalRecord } from '../model.js';
import { RowReject, cell, optDay, optText, reqText } from './cells.js';
import { explainResidentId, parseResidentId } from './idNumber.js';
import { type ColumnIndex, type ConvertContext, type RowConverter, col, guarded } from './convert.js';

export function workersConverter(cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  const iWorker = col(cols, 'worker_id');
  const iName = col(cols, 'name');
  const iId = col(cols, 'id_number');
  const iBirth = col(cols, 'birth_date');
  const iPhone = col(cols, 'phone');
  const iRegion = col(cols, 'region');
  const iHired = col(cols, 'hired_at');
  const iTraining = col(cols, 'safety_training_at');
  const { clock, file } = ctx;

  return guarded((f, line): CanonicalRecord | RowReject => {
    const workerId = reqText(cell(f, iWorker), 'worker_id');
    const idText = cell(f, iId);
    let idNumber: string | undefined;
    let idBirth: number | undefined;
    if (idText !== '') {
      const parsed = parseResidentId(idText);
      if (parsed === undefined) return new RowReject('id_number', explainResidentId(idText));
      idNumber = parsed.id;
      idBirth = parsed.birthDay;
    }
    return {
      kind: 'workers',
      record: {
        file,
        line,
        workerId,
        name: optText(cell(f, iName)),
        idNumber,
        birthDay: optDay(cell(f, iBirth), 'birth_date', clock) ?? idBirth,
        phone: optText(cell(f, iPhone)),
        region: optText(cell(f, iRegion)),
        hiredDay: optDay(cell(f, iHired), 'hired_at', clock),
        safetyTrainingDay: optDay(cell(f, iTraining), 'safety_training_at', clock),
      },
    };
  });
}
