#!/usr/bin/env node
// Pathological volume (issue 6): times `gigaudit audit` end to end on the shapes that expose
// quadratic work, one at a time. Not a test (tests/robustness/volume.test.ts checks the same
// shapes for completion and correctness, without timing).
//
//   npm run build && node scripts/volume.mjs [one|many|many-contracts|contracts ...] [--keep]
//
//   one        one worker with 200 000 orders (500 back-to-back 2-minute orders a day, 400 days)
//   many       200 000 workers with one order each
//   many-contracts  the same with one contract each (platform-scoped rules group all of them)
//   contracts  one worker, 10 000 contracts over 1 000 active days
//
// Prints wall time and peak RSS of the child process. Target (issue 6): each in seconds; the
// 200 000-order worker in under 30 s.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ORDER_HEADER = 'order_id,worker_id,accepted_at,completed_at,platform,region,business_line,order_pay,status';

const pad = (n) => String(n).padStart(2, '0');
/** 'YYYY-MM-DD' of the day `k` days after 2025-01-01. */
export function dayText(k) {
  return new Date(Date.UTC(2025, 0, 1 + k)).toISOString().slice(0, 10);
}
const clock = (minutes) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;

/**
 * One worker, `days` days of `perDay` back-to-back 2-minute orders from 06:00 (one work span
 * a day of perDay × 2 minutes). Returns the CSV lines, header first.
 */
export function oneWorkerLines({ orders = 200_000, perDay = 500 } = {}) {
  const lines = [ORDER_HEADER];
  for (let k = 0; k < orders; k++) {
    const day = dayText(Math.floor(k / perDay));
    const m = 6 * 60 + (k % perDay) * 2;
    lines.push(`O${k},W1,${day} ${clock(m)},${day} ${clock(m + 2)},速达,永川区,外卖,1.20,已完成`);
  }
  return lines;
}

/**
 * `workers` workers with one 30-minute order each (spread over 300 days), every
 * `longEvery`-th of them a 300-minute order (over the continuous limit); one contract each.
 */
export function manyWorkersFiles({ workers = 200_000, longEvery = 20_000 } = {}) {
  const orders = [ORDER_HEADER];
  const contracts = ['worker_id,contract_type,start_date,end_date,platform'];
  for (let k = 0; k < workers; k++) {
    const day = dayText(k % 300);
    const long = k % longEvery === longEvery - 1;
    orders.push(`O${k},W${k},${day} 09:00:00,${day} ${long ? '14:00:00' : '09:30:00'},速达,永川区,外卖,12.00,已完成`);
    contracts.push(`W${k},${k % 2 ? '合作协议' : '书面协议'},2024-12-01,,速达`);
  }
  return { orders: orders.join('\n') + '\n', contracts: contracts.join('\n') + '\n' };
}

/**
 * One worker, one 30-minute order a day for `days` days, and `contracts` contracts: day k is
 * covered by contracts of one day each (several per day), every 10th day by none.
 */
export function manyContractsFiles({ contracts = 10_000, days = 1_000 } = {}) {
  const orders = [ORDER_HEADER];
  for (let k = 0; k < days; k++) orders.push(`O${k},W1,${dayText(k)} 09:00:00,${dayText(k)} 09:30:00,速达,永川区,外卖,12.00,已完成`);
  const types = ['书面协议', '合作协议', '劳动合同', '非全日制', '劳务派遣'];
  const rows = ['worker_id,contract_type,start_date,end_date,platform,dispatch_agency,agency_licensed,exclusive'];
  const covered = [];
  for (let k = 0; k < days; k++) if (k % 10 !== 9) covered.push(k);
  for (let c = 0; c < contracts; c++) {
    const k = covered[c % covered.length];
    const type = types[c % types.length];
    rows.push(`W1,${type},${dayText(k)},${dayText(k)},速达,${type === '劳务派遣' ? '某派遣公司,是' : ','},${c % 7 === 0 ? '是' : '否'}`);
  }
  return { orders: orders.join('\n') + '\n', contracts: rows.join('\n') + '\n' };
}

function time(label, dir) {
  const out = join(dir, 'report.json');
  const args = [join(ROOT, 'bin/gigaudit.js'), 'audit', dir, '--format', 'json', '--out', out, '--fail-on', 'never', '--quiet'];
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error || r.status !== 0) {
    // No /usr/bin/time: run directly.
    const t1 = process.hrtime.bigint();
    const d = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const s = Number(process.hrtime.bigint() - t1) / 1e9;
    console.log(`${label}: exit ${d.status}, ${s.toFixed(1)} s${d.stderr ? ` (${d.stderr.trim().split('\n').at(-1)})` : ''}`);
    return;
  }
  const rss = Number(r.stderr.trim().split('\n').at(-1)) / 1024;
  console.log(`${label}: ${secs.toFixed(1)} s, peak RSS ${rss.toFixed(0)} MiB`);
}

async function main() {
  const argv = process.argv.slice(2);
  const keep = argv.includes('--keep');
  const which = argv.filter((a) => !a.startsWith('--'));
  const cases = which.length ? which : ['one', 'many', 'contracts'];
  const root = mkdtempSync(join(tmpdir(), 'gigaudit-volume-'));
  try {
    for (const c of cases) {
      const dir = join(root, c);
      mkdirSync(dir);
      if (c === 'one') {
        writeFileSync(join(dir, 'orders.csv'), oneWorkerLines().join('\n') + '\n');
        time('one worker, 200 000 orders', dir);
      } else if (c === 'many') {
        writeFileSync(join(dir, 'orders.csv'), manyWorkersFiles().orders);
        time('200 000 workers, one order each', dir);
      } else if (c === 'many-contracts') {
        const f = manyWorkersFiles();
        writeFileSync(join(dir, 'orders.csv'), f.orders);
        writeFileSync(join(dir, 'contracts.csv'), f.contracts);
        time('200 000 workers, one order and one contract each', dir);
      } else if (c === 'contracts') {
        const f = manyContractsFiles();
        writeFileSync(join(dir, 'orders.csv'), f.orders);
        writeFileSync(join(dir, 'contracts.csv'), f.contracts);
        time('one worker, 10 000 contracts, 1 000 active days', dir);
      } else {
        console.error(`unknown case ${c} (one, many, many-contracts, contracts)`);
        process.exitCode = 2;
      }
    }
  } finally {
    if (keep) console.log(`data kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
