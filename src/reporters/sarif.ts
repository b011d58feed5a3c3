// SARIF 2.1.0 (OASIS), for code-scanning dashboards and the tools that read static-analysis
// results: one run, the rule registry as the driver's rules, one result per finding
// located at its evidence lines, the inputs with their SHA-256 as artifacts.
import { pathToFileURL } from 'node:url';
import type { Severity } from '../law/types.js';
import type { Finding, Lang, Report } from '../report/model.js';
import { RULES } from '../rules/index.js';
import { basisText, ruleTitle } from './common.js';
import { jsonText } from './escape.js';
import { LABELS } from '../i18n/labels.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A path as a URI reference: relative paths stay relative (to where gigaudit ran, the
 * usual %SRCROOT%), segments percent-encoded so Chinese names and spaces are valid URIs;
 * absolute paths become file: URIs.
 */
export function toUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) return pathToFileURL(path).href;
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Basis documents the report's findings cite for a rule (they come from the rulesets, per jurisdiction). */
function basisOf(report: Report, rule: string): string[] {
  const seen = new Set<string>();
  for (const f of report.findings) if (f.rule === rule) for (const b of f.basis) seen.add(basisText(b));
  return [...seen].sort();
}

function ruleDescriptor(report: Report, id: string, lang: Lang) {
  const L = LABELS[lang];
  const rule = RULES.find((r) => r.id === id);
  const basis = basisOf(report, id);
  const title = ruleTitle(id, lang);
  const description = rule?.description[lang] ?? title;
  const basisLine = basis.length ? `${L.basis}: ${basis.join('; ')}` : '';
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()), // SARIF names are PascalCase by convention
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: [description, basisLine].filter(Boolean).join('\n\n'),
      markdown: [description, basis.length ? `**${L.basis}**: ${basis.join('; ')}` : ''].filter(Boolean).join('\n\n'),
    },
    ...(rule ? { defaultConfiguration: { level: LEVEL[rule.defaultSeverity] } } : {}),
    properties: { tags: ['compliance', 'labour-law'], ...(basis.length ? { basis } : {}) },
  };
}

function result(f: Finding, ruleIndex: number, artifactIndex: Map<string, number>) {
  const location = (e: Finding['evidence'][number], id?: number) => {
    const index = artifactIndex.get(e.file);
    return {
      ...(id !== undefined ? { id } : {}),
      physicalLocation: {
        artifactLocation: { uri: toUri(e.file), ...(index !== undefined ? { index } : {}) },
        region: { startLine: Math.max(1, e.line) },
      },
      ...(e.orderId || e.note ? { message: { text: [e.orderId, e.note].filter(Boolean).join(' ') } } : {}),
    };
  };
  const subject = [f.platform, f.workerId].filter(Boolean).join('/');
  const [first, ...rest] = f.evidence;
  const locations = first
    ? [{ ...location(first), ...(subject ? { logicalLocations: [{ fullyQualifiedName: subject, kind: 'object' }] } : {}) }]
    : subject
      ? [{ logicalLocations: [{ fullyQualifiedName: subject, kind: 'object' }] }]
      : [];
  return {
    ruleId: f.rule,
    ruleIndex,
    kind: 'fail',
    level: LEVEL[f.severity],
    message: { text: f.message },
    ...(locations.length ? { locations } : {}),
    ...(rest.length ? { relatedLocations: rest.map((e, k) => location(e, k + 1)) } : {}),
    partialFingerprints: { 'gigaudit/v1': f.id },
    ...(f.baseline ? { baselineState: f.baseline } : {}),
    ...(f.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.suppressed.reason} (until ${f.suppressed.expires})` }] } : {}),
    properties: {
      severity: f.severity,
      ...(f.workerId !== undefined ? { workerId: f.workerId } : {}),
      ...(f.platform !== undefined ? { platform: f.platform } : {}),
      ...(f.region !== undefined ? { region: f.region } : {}),
      period: f.period,
      metrics: f.metrics,
      basis: f.basis,
      ...(f.evidenceOmitted ? { evidenceOmitted: f.evidenceOmitted } : {}),
      ...(f.unverified?.length ? { unverified: f.unverified } : {}),
    },
  };
}

export function sarif(report: Report): string {
  const lang = report.run.lang;
  // Every registered rule, then any rule only a baseline's absent findings still name.
  const ruleIds = [...RULES.map((r) => r.id)];
  for (const f of report.findings) if (!ruleIds.includes(f.rule)) ruleIds.push(f.rule);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const artifactIndex = new Map<string, number>();
  report.run.inputs.forEach((i, k) => artifactIndex.set(i.path, k));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: ruleIds.map((id) => ruleDescriptor(report, id, lang)),
          },
        },
        invocations: [{ executionSuccessful: true, startTimeUtc: report.run.startedAt, endTimeUtc: report.run.finishedAt }],
        language: lang === 'zh' ? 'zh-CN' : 'en-US',
        artifacts: report.run.inputs.map((i) => ({
          location: { uri: toUri(i.path) },
          length: i.bytes,
          hashes: { 'sha-256': i.sha256 },
          roles: ['analysisTarget'],
          properties: { kind: i.kind, encoding: i.encoding, rowsRead: i.rowsRead, rowsUsed: i.rowsUsed, rowsRejected: i.rowsRejected },
        })),
        results: report.findings.map((f) => result(f, ruleIndex.get(f.rule)!, artifactIndex)),
        properties: {
          period: report.run.period,
          timezone: report.run.timezone,
          rulesets: report.run.rulesets,
          summary: report.summary,
          employment: report.employment,
          notAssessed: report.notAssessed,
        },
      },
    ],
  };
  return `${jsonText(log, 2)}\n`;
}
