import type { CanonicalRecord } from '../model.js';
import { firstDayOfMonth, lastDayOfMonth } from '../time.js';
import {
  RowReject,
  cell,
  optBool,
  optDay,
  optEnum,
  optFen,
  optHours,
  optText,
  reqDay,
  reqFen,
  reqMonth,
  reqText,
} from './cells.js';
import { parseDeductionReason, parsePaymentMethod } from './enums.js';
import { type ColumnIndex, type ConvertContext, type RowConverter, col, guarded } from './convert.js';

export function payConverter(cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  const iWorker = col(cols, 'worker_id');
  const iStart = col(cols, 'period_start');
  const iEnd = col(cols, 'period_end');
  const iMonth = col(cols, 'month');
  const iGross = col(cols, 'gross_pay');
  const iPlatform = col(cols, 'platform');
  const iNet = col(cols, 'net_pay');
  const iPayDate = col(cols, 'pay_date');
  const iMethod = col(cols, 'payment_method');
  const iPayslip = col(cols, 'payslip_provided');
  const iHours = col(cols, 'hours_worked');
  const iOvertime = col(cols, 'overtime_pay');
  const iHoliday = col(cols, 'holiday_pay');
  const iAllowances = col(cols, 'allowances');
  const iDeduction = col(cols, 'deduction');
  const iReason = col(cols, 'deduction_reason');
  const { clock, file } = ctx;
  const havePeriod = iStart >= 0 && iEnd >= 0;

  return guarded((f, line): CanonicalRecord | RowReject => {
    const workerId = reqText(cell(f, iWorker), 'worker_id');
    let periodStart: number;
    let periodEnd: number;
    const startText = havePeriod ? cell(f, iStart) : '';
    const endText = havePeriod ? cell(f, iEnd) : '';
    if (iMonth >= 0 && startText === '' && endText === '') {
      const month = reqMonth(cell(f, iMonth), 'month', clock);
      periodStart = firstDayOfMonth(month);
      periodEnd = lastDayOfMonth(month);
    } else {
      periodStart = reqDay(startText, 'period_start', clock);
      periodEnd = reqDay(endText, 'period_end', clock);
      if (periodEnd < periodStart) return new RowReject('period_end', 'pay period ends before it starts');
    }
    const grossFen = reqFen(cell(f, iGross), 'gross_pay');
    // Negative gross pay is no pay record (a sign typo, a reversal booked as a row): taken as
    // it is, it would turn into arrears of any size. (A deduction's sign is the export's
    // convention: -300 is the same deduction as 300.)
    if (grossFen < 0) return new RowReject('gross_pay', 'gross pay is negative');
    const deduction = optFen(cell(f, iDeduction), 'deduction');
    return {
      kind: 'pay',
      record: {
        file,
        line,
        workerId,
        periodStart,
        periodEnd,
        grossFen,
        platform: optText(cell(f, iPlatform)) ?? ctx.platform,
        netFen: optFen(cell(f, iNet), 'net_pay'),
        payDate: optDay(cell(f, iPayDate), 'pay_date', clock),
        paymentMethod: optEnum(cell(f, iMethod), 'payment_method', parsePaymentMethod, 'payment method'),
        payslipProvided: optBool(cell(f, iPayslip), 'payslip_provided'),
        hoursWorked: optHours(cell(f, iHours), 'hours_worked'),
        overtimeFen: optFen(cell(f, iOvertime), 'overtime_pay'),
        holidayFen: optFen(cell(f, iHoliday), 'holiday_pay'),
        allowancesFen: optFen(cell(f, iAllowances), 'allowances'),
        // Exports disagree on the sign of a deduction (50 or -50); the column already says it is one.
        deductionFen: deduction === undefined ? undefined : Math.abs(deduction),
        deductionReason: optEnum(cell(f, iReason), 'deduction_reason', parseDeductionReason, 'deduction reason'),
      },
    };
  });
}
