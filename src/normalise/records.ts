// Rows -> canonical records. read/ resolves the header to column indices once per file and
// asks for a converter; the converter then runs once per row and either builds the record
// or says which column made the row unusable.

import type { Kind } from '../model.js';
import { contractsConverter } from './contracts.js';
import type { ColumnIndex, ConvertContext, RowConverter } from './convert.js';
import { withRowChecks } from './hygiene.js';
import { insuranceConverter } from './insurance.js';
import { ordersConverter } from './orders.js';
import { payConverter } from './pay.js';
import { workersConverter } from './workers.js';

export { RowReject } from './cells.js';
export type { ColumnIndex, ConvertContext, RowConverter } from './convert.js';

export { MAX_VALUE_CHARS } from './hygiene.js';

/** The converter of one file: row checks (hygiene.ts), then the kind's own conversion. */
export function makeConverter(kind: Kind, cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  return withRowChecks(cols, kindConverter(kind, cols, ctx));
}

function kindConverter(kind: Kind, cols: ColumnIndex, ctx: ConvertContext): RowConverter {
  switch (kind) {
    case 'orders':
      return ordersConverter(cols, ctx);
    case 'pay':
      return payConverter(cols, ctx);
    case 'contracts':
      return contractsConverter(cols, ctx);
    case 'insurance':
      return insuranceConverter(cols, ctx);
    case 'workers':
      return workersConverter(cols, ctx);
  }
}
