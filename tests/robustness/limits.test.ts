// Limits that say they are limits (issue 6): wherever a report lists only some rejected rows,
// evidence items or findings, it says how many it left out; counts are never capped.
import { describe, expect, it } from 'vitest';
import { ORDERS, audit, checkReports, csvText, hostileDir, shiftRows, writeFiles } from './harness.js';

async function run(files: Record<string, string>) {
  const dir = hostileDir();
  writeFiles(dir, files);
  const r = await audit([dir]);
  expect(r.code, r.stderr).toBe(0);
  checkReports(r);
  return r;
}

const badRow = (k: number) => `B${k},W1,not a date,2025-03-04 20:10:00,速达,永川区,外卖,5,已完成`;

describe('capped lists say how many they leave out; counts are whole', () => {
  it('1 500 rejected rows: JSON lists 1 000 and counts the rest; table, HTML and Markdown say the whole count', async () => {
    const text = csvText([ORDERS, ...shiftRows('W1', '2025-03-04', 3)]) + Array.from({ length: 1500 }, (_, k) => badRow(k)).join('\n') + '\n';
    const r = await run({ 'orders.csv': text });
    const rep = r.report;
    expect(rep.run.inputs[0]).toMatchObject({ rowsRead: 1503, rowsUsed: 3, rowsRejected: 1500 });
    expect(rep.rejected).toHaveLength(1000);
    expect(rep.rejectedOmitted).toBe(500);
    expect(rep.rejected.map((x: { line: number }) => x.line)).toEqual(Array.from({ length: 1000 }, (_, k) => k + 5));
    // Terminal: 20 listed, the rest counted.
    expect(r.stdout).toContain('Rejected rows (1500)');
    expect(r.stdout).toContain('1480 more not listed');
    expect(r.stdout.match(/orders\.csv:\d+ \[accepted_at\]/g)).toHaveLength(20);
    // HTML: 50 listed, the rest counted.
    expect(r.html).toContain('Rejected rows (1500)');
    expect(r.html).toContain('1450 more not listed');
    expect(r.md).toMatch(/Rejected rows\*\*: 1500/);
  });

  it('evidence: a 60-order span lists 50 orders and counts 10 more, in every format; its metrics count all 60', async () => {
    const rows = shiftRows('W1', '2025-03-04', 60).map((x, k) => {
      // 60 orders of 5 minutes, back to back: one 300-minute span.
      const a = 8 * 60 + k * 5;
      const t = (m: number) => `2025-03-04 ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
      return [x[0], x[1], t(a), t(a + 5), ...x.slice(4)];
    });
    const r = await run({ 'orders.csv': csvText([ORDERS, ...rows]) });
    const f = r.report.findings.find((x: { rule: string }) => x.rule === 'continuous-order-time');
    expect(f.metrics.orders).toBe(60);
    expect(f.evidence).toHaveLength(50);
    expect(f.evidenceOmitted).toBe(10);
    expect(r.csv).toContain('; +10 more');
    expect(r.html).toContain('10 more evidence items not listed');
    expect(r.md).toContain('+57');
  });

  it('evidence a rule does not cap itself (60 pay records of one month) is capped in the report, with the count', async () => {
    const pay = ['worker_id,period_start,period_end,gross_pay,payslip_provided,platform', ...Array.from({ length: 60 }, () => 'W1,2025-03-01,2025-03-31,1,是,速达')];
    const r = await run({ 'orders.csv': csvText([ORDERS, ...shiftRows('W1', '2025-03-04', 10)]), 'pay.csv': pay.join('\n') + '\n' });
    const f = r.report.findings.find((x: { rule: string }) => x.rule === 'minimum-wage');
    expect(f).toBeDefined();
    expect(f.evidence).toHaveLength(50);
    expect(f.evidenceOmitted).toBe(10);
  });

  it('findings: table lists 200, Markdown 50, HTML 5 000, each saying how many more; JSON and CSV have them all', async () => {
    const workers = 5100;
    const rows = Array.from({ length: workers }, (_, k) => shiftRows(`W${String(k).padStart(5, '0')}`, '2025-03-04', 10)).flat();
    const r = await run({ 'orders.csv': csvText([ORDERS, ...rows]) });
    const rep = r.report;
    const n = rep.findings.length;
    expect(n).toBeGreaterThanOrEqual(workers);
    expect(rep.summary.findings).toBe(n);
    expect(Object.values(rep.summary.byRule as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(n);
    expect(r.csv!.trimEnd().split('\r\n')).toHaveLength(n + 1);
    expect(r.stdout).toContain(`${n - 200} more not listed`);
    expect(r.md).toContain(`${n - 50} more not listed`);
    expect(r.html).toContain(`${n - 5000} more not listed`);
    expect((r.html!.match(/<tr class="f/g) ?? []).length).toBe(5000);
  }, 120_000);
});
