// Privacy by default, end to end: the samples' roster (workers.csv: 姓名, 身份证号, 手机号)
// is personal data. Planted into values that do reach a report — worker ids, order ids in
// messages and evidence, a rejected cell, a suppression's reason — none of it may appear in
// any output format unless --no-mask is given; with it the planted values do appear; and
// masking never changes a finding's id.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { Report } from '../../src/report/model.js';

const SAMPLES = resolve(__dirname, '../../samples');
const PAY = '结算记录.csv'; // GB18030
const FILES = { json: 'R.json', html: 'R.html', csv: 'R.csv', markdown: 'R.md', sarif: 'R.sarif' } as const;

interface Person {
  workerId: string;
  name: string;
  idNumber: string;
  phone: string;
}
const roster: Person[] = (parse(readFileSync(join(SAMPLES, 'workers.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]).map((r) => ({
  workerId: r.worker_id,
  name: r['姓名'],
  idNumber: r['身份证号'],
  phone: r['手机号'],
}));
const person = (id: string) => roster.find((p) => p.workerId === id)!;
/** Every piece of personal data in the roster. */
const personal = roster.flatMap((p) => [p.name, p.idNumber, p.phone]);

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

async function run(cwd: string, args: string[]): Promise<{ code: number; outputs: Record<string, string>; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['audit', cwd, '--format', 'table', ...Object.entries(FILES).flatMap(([f, n]) => ['--format', `${f}:out/${n}`]), '--fail-on', 'never', ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: { LANG: 'en_US.UTF-8' },
    cwd,
  });
  const outputs: Record<string, string> = { table: stripAnsi(stdout) };
  for (const [f, n] of Object.entries(FILES)) outputs[f] = readFileSync(join(cwd, 'out', n), 'utf8');
  return { code, outputs, stderr };
}

/** The value itself, and as JSON or a URI would write it (\u escapes are not used for CJK, but be sure). */
function leaks(text: string, value: string): boolean {
  return text.includes(value) || text.includes(JSON.stringify(value).slice(1, -1)) || text.includes(encodeURIComponent(value));
}

describe('no personal data in any output unless --no-mask', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigaudit-privacy-'));
  const planted: Record<string, string> = {};
  let suppressFile: string;

  beforeAll(async () => {
    for (const f of readdirSync(SAMPLES)) if (f.endsWith('.csv')) copyFileSync(join(SAMPLES, f), join(dir, f));
    // Which orders the samples' findings name: the first order dispatched after the limit.
    const plain = await run(dir, []);
    const before: Report = JSON.parse(plain.outputs.json);
    const afterLimit = (worker: string) => String(before.findings.find((f) => f.rule === 'continuous-order-time' && f.workerId === worker)!.metrics.firstOrderAfterLimit);

    planted.orderIdPhone = person('R1007').phone;
    planted.orderIdNumber = person('R3007').idNumber;
    planted.orderIdName = `${person('R2008').name}-0058`;
    planted.workerIdPhone = person('R1006').phone;
    planted.workerIdNumber = person('R3005').idNumber;
    planted.workerIdName = person('R1013').name;
    planted.duplicateOrderId = person('R3001').idNumber;
    planted.badDateTime = person('R2009').phone;
    const orderIds: Record<string, string> = {
      [afterLimit('R1007')]: planted.orderIdPhone,
      [afterLimit('R3007')]: planted.orderIdNumber,
      [afterLimit('R2008')]: planted.orderIdName,
      SD2412140069: planted.duplicateOrderId, // the samples' duplicated order: its id is in the rejection reason
    };
    const workerIds: Record<string, string> = { R1006: planted.workerIdPhone, R3005: planted.workerIdNumber, R1013: planted.workerIdName };
    const swapWorkers = (line: string) => line.replace(/(^|,)(R\d{4})(?=,|$)/g, (m, sep: string, id: string) => (workerIds[id] ? sep + workerIds[id] : m));

    const orders = readFileSync(join(dir, 'orders.csv'), 'utf8')
      .split('\r\n')
      .map((line) => {
        const cells = line.split(',');
        if (orderIds[cells[0]]) cells[0] = orderIds[cells[0]];
        if (cells[2] === '0000-00-00 00:00:00') cells[2] = planted.badDateTime; // rejected, the cell quoted in the reason
        return swapWorkers(cells.join(','));
      });
    writeFileSync(join(dir, 'orders.csv'), orders.join('\r\n'));
    for (const f of ['workers.csv', 'insurance.csv', 'contracts.csv']) {
      writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').split('\n').map(swapWorkers).join('\n'));
    }
    const pay = iconv.decode(readFileSync(join(dir, PAY)), 'gb18030');
    writeFileSync(join(dir, PAY), iconv.encode(pay.split('\r\n').map(swapWorkers).join('\r\n'), 'gb18030'));

    // A team's suppression reason naming a person: a report value too.
    suppressFile = join(dir, 'suppress.json');
    const r1001 = person('R1001');
    writeFileSync(suppressFile, JSON.stringify([{ rule: 'written-contract', workerId: planted.workerIdPhone, reason: `agreed with ${r1001.name} (${r1001.phone}, ID ${r1001.idNumber})`, expires: '2099-12-31' }]));
  });

  for (const lang of ['en', 'zh']) {
    it(`masks names, ID numbers and phones in every format (${lang})`, async () => {
      const { code, outputs, stderr } = await run(dir, ['--lang', lang, '--suppress', suppressFile]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const report: Report = JSON.parse(outputs.json);
      // The planted values did reach the report: as masked findings, evidence and a rejection.
      const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;
      const suppressed = report.findings.find((f) => f.workerId === maskPhone(planted.workerIdPhone) && f.rule === 'written-contract')!;
      expect(suppressed.suppressed!.reason).toContain(maskPhone(person('R1001').phone));
      expect(report.findings.some((f) => f.workerId === '5106**********8176')).toBe(true);
      expect(report.findings.some((f) => f.workerId === `${[...planted.workerIdName][0]}${'*'.repeat([...planted.workerIdName].length - 1)}`)).toBe(true);
      expect(report.findings.some((f) => f.evidence.some((e) => e.orderId === '177****6777'))).toBe(true);
      expect(report.rejected.some((r) => r.reason.includes('5106**********'))).toBe(true);
      for (const [format, text] of Object.entries(outputs)) {
        for (const value of personal) expect(leaks(text, value), `${format} shows ${value}`).toBe(false);
        // Masked, not dropped: the order id named in a message is there as 177****6777 (Markdown escapes the stars).
        expect(text.replace(/\\\*/g, '*'), format).toContain(maskPhone(planted.orderIdPhone));
      }
    });
  }

  it('with --no-mask the planted values appear, and the findings keep their ids', async () => {
    const masked = await run(dir, ['--suppress', suppressFile]);
    const shown = await run(dir, ['--suppress', suppressFile, '--no-mask']);
    expect(shown.code).toBe(0);
    const evidenceBearing = [planted.orderIdPhone, planted.orderIdNumber, planted.orderIdName, planted.workerIdPhone, planted.workerIdNumber, planted.workerIdName];
    for (const format of Object.keys(FILES)) {
      // Markdown lists only the 50 findings that need attention first (errors before warnings):
      // the planted order ids sit in continuous-order-time warnings and the suppressed worker is
      // left out, so there only the workers named in error findings must show.
      const expected = format === 'markdown' ? [planted.workerIdNumber, planted.workerIdName] : evidenceBearing;
      for (const value of expected) expect(leaks(shown.outputs[format], value), `${format} lacks ${value}`).toBe(true);
    }
    const ids = (r: { outputs: Record<string, string> }) => (JSON.parse(r.outputs.json) as Report).findings.map((f) => f.id);
    expect(ids(shown)).toEqual(ids(masked));
    // SARIF fingerprints too.
    const fingerprints = (r: { outputs: Record<string, string> }) => JSON.parse(r.outputs.sarif).runs[0].results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['gigaudit/v1']);
    expect(fingerprints(shown)).toEqual(fingerprints(masked));
  });
});
