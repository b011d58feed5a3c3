import type { Report } from '../report/model.js';
import { jsonText } from './escape.js';

/** The JSON report, schema version 1 (shared/spec/cli-and-report.md). */
export const json = (report: Report): string => `${jsonText(report, 2)}\n`;
