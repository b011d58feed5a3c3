// Reporters by name: each a pure (report) => string.
import type { Report } from '../report/model.js';
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { table } from './table.js';

export type Reporter = (report: Report) => string;

export const REPORTERS: Record<string, Reporter> = { table, json, csv, markdown, html, sarif };
/** Formats the contract names that this version does not render yet. */
export const PLANNED_FORMATS: string[] = [];
