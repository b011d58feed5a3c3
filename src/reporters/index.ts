// Reporters by name: each a pure (report) => string.
import type { Report } from '../report/model.js';
import { json } from './json.js';
import { table } from './table.js';

export type Reporter = (report: Report) => string;

export const REPORTERS: Record<string, Reporter> = { table, json };
/** Formats the contract names that this version does not render yet. */
export const PLANNED_FORMATS = ['csv', 'markdown', 'html', 'sarif'];
