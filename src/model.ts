// The canonical records every stage shares. Times are plain numbers, never Date objects:
// instants are epoch milliseconds (UTC), calendar days are "day numbers" (days since
// 1970-01-01 in the run's time zone, see src/time.ts). Money is integer fen.

export const KINDS = ['orders', 'pay', 'contracts', 'insurance', 'workers'] as const;
export type Kind = (typeof KINDS)[number];

export type Relation = 'labor' | 'part_time' | 'dispatch' | 'not_fully' | 'independent' | 'unknown';
export const RELATIONS: Relation[] = ['labor', 'part_time', 'dispatch', 'not_fully', 'independent', 'unknown'];

export type ContractType =
  | 'labor_contract'
  | 'part_time_contract'
  | 'dispatch_contract'
  | 'written_agreement'
  | 'cooperation_agreement'
  | 'individual_business';

export type InsuranceType =
  | 'work_injury'
  | 'occupational_injury'
  | 'pension'
  | 'medical'
  | 'unemployment'
  | 'accident'
  | 'employer_liability';

export type InsuranceStatus = 'active' | 'unpaid' | 'lapsed';
export type BusinessLine = 'takeaway' | 'instant_delivery' | 'ride_hailing' | 'express' | 'freight' | 'other';
export type OrderStatus = 'completed' | 'cancelled';
export type PaymentMethod = 'bank' | 'wechat' | 'alipay' | 'cash' | 'points' | 'voucher' | 'goods' | 'equity' | 'other';
export type DeductionReason = 'deposit' | 'fine' | 'equipment' | 'training' | 'insurance' | 'tax' | 'social' | 'other';
export type ContractForm = 'written' | 'electronic' | 'oral';

/** Where a record came from: index into the run's input list, 1-based physical line of the record's first line. */
export interface Origin {
  file: number;
  line: number;
}

export interface OrderRecord extends Origin {
  orderId: string;
  workerId: string;
  acceptedAt: number; // epoch ms
  completedAt: number; // epoch ms
  platform: string;
  employer?: string;
  region?: string;
  businessLine?: BusinessLine;
  orderPayFen?: number;
  status?: OrderStatus;
}

export interface PayRecord extends Origin {
  workerId: string;
  periodStart: number; // day number
  periodEnd: number; // day number, inclusive
  grossFen: number;
  platform?: string;
  netFen?: number;
  payDate?: number; // day number; undefined = not paid
  paymentMethod?: PaymentMethod;
  payslipProvided?: boolean;
  hoursWorked?: number; // hours (may be fractional)
  overtimeFen?: number;
  holidayFen?: number;
  allowancesFen?: number;
  deductionFen?: number;
  deductionReason?: DeductionReason;
}

export interface ContractRecord extends Origin {
  workerId: string;
  contractType: ContractType;
  startDay: number;
  endDay?: number; // undefined = open-ended; inclusive
  platform?: string;
  signedDay?: number;
  dispatchAgency?: string;
  agencyLicensed?: boolean;
  exclusive?: boolean;
  form: ContractForm;
}

export interface InsuranceRecord extends Origin {
  workerId: string;
  insuranceType: InsuranceType;
  startDay: number;
  endDay?: number; // inclusive; undefined = open-ended
  platform?: string;
  status: InsuranceStatus; // default 'active' when the column is absent or empty
  premiumFen?: number;
}

export interface WorkerRecord extends Origin {
  workerId: string;
  name?: string;
  idNumber?: string;
  birthDay?: number;
  phone?: string;
  region?: string;
  hiredDay?: number;
  safetyTrainingDay?: number;
}

export type CanonicalRecord =
  | { kind: 'orders'; record: OrderRecord }
  | { kind: 'pay'; record: PayRecord }
  | { kind: 'contracts'; record: ContractRecord }
  | { kind: 'insurance'; record: InsuranceRecord }
  | { kind: 'workers'; record: WorkerRecord };

export interface Rejection {
  file: string; // path as given / displayed
  line: number;
  column?: string; // canonical column name, or header name when not canonical
  reason: string;
}

/** Accounting and fingerprint of one input file. rowsRead = rowsUsed + rowsRejected always. */
export interface InputSummary {
  path: string;
  kind: Kind;
  sha256: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  columns: string[]; // canonical columns found
  ignoredColumns: string[];
}
