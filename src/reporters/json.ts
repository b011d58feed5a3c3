import type { Report } from '../report/model.js';

/** The JSON report, schema version 1 (shared/spec/cli-and-report.md). */
export const json = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
