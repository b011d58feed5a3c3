#!/usr/bin/env node
// The benchmark (`npm run bench`, which builds first). Not a timed test.
//
//   node scripts/bench.mjs [--orders 1000000] [--workers 5000] [--seed 1] [--dir bench-data]
//                          [--runs 1] [--no-duckdb] [--duckdb-dir DIR] [--regen] [-- extra audit args]
//
// 1. Generates (seeded, deterministic) an unsorted export set into bench-data/: orders with
//    quoted Chinese fields (platform 速达配送, region 永川区, business line 外卖, a free-text
//    remark that sometimes holds commas, quotes and line breaks), contracts, pay and
//    insurance. A set already there with the same parameters is reused.
// 2. Times `gigaudit audit bench-data --format json --out … --fail-on never` as a child
//    process and prints rows/s, MB/s, wall time and peak RSS (from /usr/bin/time -v when
//    present, else the child reports process.resourceUsage().maxRSS itself).
// 3. When @duckdb/node-api can be imported (from this repo, from --duckdb-dir, or from
//    $GIGAUDIT_DUCKDB_DIR), times DuckDB's span job on the same orders file with
//    threads=2: read_csv_auto, work spans per worker-platform with the 20-minute bridge gap
//    (window functions), minutes per day. DuckDB is not a dependency of gigaudit; install
//    it outside the repo, e.g. `mkdir /tmp/duckdb && cd /tmp/duckdb && npm i @duckdb/node-api`.

import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = { orders: 1_000_000, workers: 5_000, seed: 1, dir: join(ROOT, 'bench-data'), runs: 1, duckdb: true, duckdbDir: process.env.GIGAUDIT_DUCKDB_DIR, regen: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--') {
      o.extra = argv.slice(i + 1);
      break;
    } else if (a === '--orders') o.orders = Number(val().replace(/_/g, ''));
    else if (a === '--workers') o.workers = Number(val().replace(/_/g, ''));
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--dir') o.dir = resolve(val());
    else if (a === '--runs') o.runs = Number(val());
    else if (a === '--no-duckdb') o.duckdb = false;
    else if (a === '--duckdb-dir') o.duckdbDir = resolve(val());
    else if (a === '--regen') o.regen = true;
    else if (a === '--duckdb-child') o.duckdbChild = val();
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 21).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!(o.orders > 0) || !(o.workers > 0) || o.workers > o.orders) throw new Error('--orders and --workers must be positive, workers ≤ orders');
  return o;
}

// ---------------------------------------------------------------- PRNG (mulberry32)
function rng(seed) {
  let a = (seed ^ 0x9e3779b9) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (arr) => arr[Math.floor(next() * arr.length)] };
}

// ---------------------------------------------------------------- data
const PLATFORMS = ['速达配送', '快跑出行'];
const EMPLOYERS = { 速达配送: ['永捷配送', '', '旌达物流'], 快跑出行: [''] };
const LINES = { 速达配送: ['外卖', '外卖', '外卖', '即时配送'], 快跑出行: ['网约车'] };
const REGIONS = ['永川区', '永川区', '永川区', '城口县', '旌阳区'];
const REMARKS = ['', '', '', '', '', '', '', '', '放门口', '客户要求"无接触"配送', '电话联系，不要敲门', '高峰加价'];
// Mostly written agreements (新就业形态), some employees, a few dispatched, part-time and independent riders.
const CONTRACTS = [
  ...Array(16).fill('新就业形态书面协议'),
  ...Array(2).fill('劳动合同'),
  '劳务派遣',
  '非全日制劳动合同',
  '合作协议',
];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const YEAR = 2025;
const MONTH = 3; // March 2025: 31 days, 2025-03-01 a Saturday
const DAYS = 31;
/** 'YYYY-MM-DD' of day d of the month (d may run into the next month). */
const DAY_TEXT = Array.from({ length: DAYS + 3 }, (_, d) => new Date(Date.UTC(YEAR, MONTH - 1, d)).toISOString().slice(0, 10));
const weekday = (d) => new Date(Date.UTC(YEAR, MONTH - 1, d)).getUTCDay();

function csvQuote(s) {
  return `"${s.replace(/"/g, '""')}"`;
}

class Writer {
  constructor(path) {
    this.stream = createWriteStream(path);
    this.buf = [];
    this.size = 0;
  }
  async line(s) {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush() {
    if (this.buf.length === 0) return;
    const ok = this.stream.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await new Promise((r) => this.stream.once('drain', r));
  }
  async end() {
    await this.flush();
    await new Promise((r, j) => this.stream.end((e) => (e ? j(e) : r())));
  }
}

function workerTable(o) {
  const r = rng(o.seed * 7919 + 1);
  const workers = [];
  for (let w = 0; w < o.workers; w++) {
    const id = `R${pad(100000 + w, 6)}`;
    const platform = r.next() < 0.85 ? PLATFORMS[0] : PLATFORMS[1];
    const second = r.next() < 0.15 ? PLATFORMS[1 - PLATFORMS.indexOf(platform)] : undefined;
    const contract = r.pick(CONTRACTS);
    const partTime = contract === '非全日制劳动合同';
    // One rest day a week (a few riders skip it), a shift of 3 (part-time) to 10 hours.
    const rest = r.next() < 0.9 ? r.int(0, 6) : -1;
    const days = [];
    for (let d = 1; d <= DAYS; d++) if (weekday(d) !== rest) days.push(d);
    workers.push({
      id,
      platform,
      second,
      region: r.pick(REGIONS),
      employer: r.pick(EMPLOYERS[platform]),
      days,
      start: r.int(7, 11) * 60,
      shift: partTime ? 180 : r.next() < 0.1 ? 600 : r.int(6, 9) * 60,
      contract,
      hasContract: r.next() < 0.95,
      insured: r.next() < 0.95,
    });
  }
  return workers;
}

async function generate(o) {
  mkdirSync(o.dir, { recursive: true });
  const manifest = join(o.dir, 'manifest.json');
  const want = JSON.stringify({ v: 5, orders: o.orders, workers: o.workers, seed: o.seed });
  if (!o.regen && existsSync(manifest) && readFileSync(manifest, 'utf8') === want) return false;
  rmSync(manifest, { force: true });
  const workers = workerTable(o);
  const r = rng(o.seed);
  const t0 = Date.now();

  // Orders: unsorted (a random worker and day per row), ~1 row in 25 000 rejected (a bad
  // date, a duplicate id), ids unique otherwise; CRLF, like Excel and most back-ends.
  const orders = new Writer(join(o.dir, 'orders.csv'));
  await orders.line('订单号,骑手ID,接单时间,完成时间,平台,用工主体,区县,业务类型,订单收入,订单状态,备注\r\n');
  const prefix = { 速达配送: 'SD', 快跑出行: 'KP' };
  const earned = new Map(); // worker|platform → fen, for the pay file
  for (let i = 0; i < o.orders; i++) {
    const w = workers[Math.floor(r.next() * workers.length)];
    const platform = w.second && r.next() < 0.3 ? w.second : w.platform;
    const day = w.days[Math.floor(r.next() * w.days.length)];
    const startMin = w.start + r.int(0, w.shift - 30);
    const dur = platform === PLATFORMS[1] ? r.int(8, 40) : r.int(15, 45);
    const ts = (m) => {
      const mm = m % 1440;
      return `${DAY_TEXT[day + Math.floor(m / 1440)]} ${pad(Math.floor(mm / 60))}:${pad(mm % 60)}:${pad(r.int(0, 59))}`;
    };
    let accepted = ts(startMin);
    const completed = ts(startMin + dur);
    let id = `${prefix[platform]}${pad(i + 1, 10)}`;
    if (i % 50_000 === 4_999) accepted = '2025-03-32 10:00:00'; // unparseable date
    if (i % 50_000 === 9_999 && i > 0) id = `${prefix[platform]}${pad(i - 100, 10)}`; // a duplicate id (when the platform matches)
    const fen = platform === PLATFORMS[1] ? r.int(2500, 6000) : r.int(1800, 3500);
    const k = `${w.id}|${platform}`;
    earned.set(k, (earned.get(k) ?? 0) + fen);
    const cancelled = r.next() < 0.01;
    let remark = r.pick(REMARKS);
    if (i % 20_011 === 17) remark = '地址有误\r\n已联系客户'; // a line break inside a quoted field
    const line =
      `${id},${w.id},${accepted},${completed},${csvQuote(platform)},${w.employer && platform === PLATFORMS[0] ? csvQuote(w.employer) : ''},` +
      `${csvQuote(w.region)},${csvQuote(r.pick(LINES[platform]))},${(fen / 100).toFixed(2)},${cancelled ? '已取消' : '已完成'},${remark ? csvQuote(remark) : ''}\r\n`;
    await orders.line(line);
  }
  await orders.end();

  const contracts = new Writer(join(o.dir, 'contracts.csv'));
  await contracts.line('骑手ID,合同类型,平台,合同开始日期,合同结束日期,签订日期,劳务派遣单位\r\n');
  const insurance = new Writer(join(o.dir, 'insurance.csv'));
  await insurance.line('骑手ID,险种,缴费单位,参保日期,停保日期,参保状态\r\n');
  const pay = new Writer(join(o.dir, 'pay.csv'));
  await pay.line('工号,平台,结算周期开始,结算周期结束,应发工资,实发工资,发放日期,支付方式,是否提供工资清单\r\n');
  for (const w of workers) {
    for (const p of w.second ? [w.platform, w.second] : [w.platform]) {
      const start = `2024-${pad(r.int(1, 9))}-${pad(r.int(1, 28))}`;
      if (w.hasContract) {
        const agency = w.contract === '劳务派遣' ? csvQuote('渝才人力资源') : '';
        await contracts.line(`${w.id},${csvQuote(w.contract)},${csvQuote(p)},${start},,${start},${agency}\r\n`);
      }
      const employee = w.contract === '劳动合同' || w.contract === '劳务派遣';
      if (w.insured) {
        await insurance.line(`${w.id},${employee ? '工伤保险' : '职业伤害保障'},${csvQuote(p)},${start.replace(/-0?/g, (m, i) => (i === 4 ? '年' : '月'))}日,,正常\r\n`);
        if (employee) {
          await insurance.line(`${w.id},养老保险,${csvQuote(p)},2024年1月1日,,正常\r\n`);
          await insurance.line(`${w.id},医疗保险,${csvQuote(p)},2024年1月1日,,正常\r\n`);
        }
      }
      const gross = Math.max(earned.get(`${w.id}|${p}`) ?? 0, 100_000) / 100;
      const money = gross.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      await pay.line(`${w.id},${csvQuote(p)},2025-03-01,2025-03-31,"¥${money}",${gross.toFixed(2)},2025-04-${pad(r.int(5, 10))},银行转账,是\r\n`);
    }
  }
  await Promise.all([contracts.end(), insurance.end(), pay.end()]);
  writeFileSync(manifest, want);
  console.log(`generated ${o.orders.toLocaleString('en')} orders for ${o.workers.toLocaleString('en')} workers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

// ---------------------------------------------------------------- timing
function parseTimeV(stderr) {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return {
    rssKb: rss ? Number(rss[1]) : undefined,
    cpu: user && sys ? Number(user[1]) + Number(sys[1]) : undefined,
    wall: wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : undefined,
  };
}

const HAS_TIME = existsSync('/usr/bin/time');

/** Runs a node script as a child, timed; returns wall seconds, peak RSS (KiB), CPU seconds and stdout. */
function timed(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const cmd = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const argv = HAS_TIME ? ['-v', process.execPath, ...args] : args;
  const res = spawnSync(cmd, argv, { env: { ...process.env, ...env, GIGAUDIT_REPORT_RSS: '1' }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) {
    process.stderr.write(res.stderr);
    throw new Error(`${args.join(' ')} exited with ${res.status}`);
  }
  const t = HAS_TIME ? parseTimeV(res.stderr) : {};
  const selfRss = /gigaudit-maxrss-kb: (\d+)/.exec(res.stderr);
  return { wall, rssKb: t.rssKb ?? (selfRss ? Number(selfRss[1]) : undefined), cpu: t.cpu, stdout: res.stdout, stderr: res.stderr };
}

// ---------------------------------------------------------------- DuckDB
const SPAN_SQL = (file) => `
WITH o AS (
  SELECT "骑手ID" AS worker_id, "平台" AS platform,
         CAST("接单时间" AS TIMESTAMP) AS a, CAST("完成时间" AS TIMESTAMP) AS c
  FROM read_csv_auto('${file.replace(/'/g, "''")}', header = true, all_varchar = true, ignore_errors = true)
  WHERE TRY_CAST("接单时间" AS TIMESTAMP) IS NOT NULL AND TRY_CAST("完成时间" AS TIMESTAMP) IS NOT NULL
), prev AS (
  SELECT *, max(c) OVER (PARTITION BY worker_id, platform ORDER BY a, c ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
  FROM o
), starts AS (
  SELECT *, CASE WHEN prev_end IS NULL OR a >= prev_end + INTERVAL 20 MINUTE THEN 1 ELSE 0 END AS new_span FROM prev
), ids AS (
  SELECT *, sum(new_span) OVER (PARTITION BY worker_id, platform ORDER BY a, c ROWS UNBOUNDED PRECEDING) AS span_id FROM starts
), spans AS (
  SELECT worker_id, platform, span_id, min(a) AS s, max(c) AS e FROM ids GROUP BY worker_id, platform, span_id
)
SELECT count(*) AS days, sum(minutes) AS minutes FROM (
  SELECT worker_id, platform, CAST(s AS DATE) AS day, sum(date_diff('second', s, e)) / 60.0 AS minutes
  FROM spans GROUP BY worker_id, platform, CAST(s AS DATE)
)`;

async function duckdbChild(file, dir) {
  const req = createRequire(join(dir ?? ROOT, 'package.json'));
  const { DuckDBInstance } = await import(pathToFileURL(req.resolve('@duckdb/node-api')).href);
  const t0 = process.hrtime.bigint();
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await db.connect();
  const reader = await con.runAndReadAll(SPAN_SQL(file));
  const rows = reader.getRowObjects();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ secs, result: rows[0], threads: (await (await con.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects())[0].t }, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

function duckdbAvailable(dir) {
  try {
    createRequire(join(dir ?? ROOT, 'package.json')).resolve('@duckdb/node-api');
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- main
const fmt = (n, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.duckdbChild) return duckdbChild(o.duckdbChild, o.duckdbDir);
  const cli = join(ROOT, 'bin', 'gigaudit.js');
  if (!existsSync(join(ROOT, 'dist', 'cli', 'program.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  await generate(o);
  const ordersFile = join(o.dir, 'orders.csv');
  const bytes = ['orders.csv', 'contracts.csv', 'pay.csv', 'insurance.csv'].reduce((s, f) => s + statSync(join(o.dir, f)).size, 0);
  const ordersBytes = statSync(ordersFile).size;
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`data: ${fmt(o.orders)} orders (${fmt(ordersBytes / 1e6, 1)} MB) for ${fmt(o.workers)} workers; all files ${fmt(bytes / 1e6, 1)} MB`);

  const out = join(o.dir, 'report.json');
  const results = [];
  for (let run = 0; run < o.runs; run++) {
    const r = timed([cli, 'audit', o.dir, '--format', 'json', '--out', out, '--fail-on', 'never', '--quiet', ...o.extra], { GIGAUDIT_TIMINGS: '1' });
    results.push(r);
    const phases = /gigaudit: timings \(ms\): (.*)/.exec(r.stderr)?.[1];
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const rows = report.run.inputs.reduce((s, i) => s + i.rowsRead, 0);
    console.log(
      `gigaudit audit: ${r.wall.toFixed(2)} s wall${r.cpu !== undefined ? `, ${r.cpu.toFixed(2)} s CPU` : ''}, peak RSS ${r.rssKb ? fmt(r.rssKb / 1024) + ' MB' : '?'}; ` +
        `${fmt(rows / r.wall)} rows/s, ${fmt(bytes / 1e6 / r.wall, 1)} MB/s; ` +
        `${fmt(report.summary.workerPlatforms)} worker-platforms, ${fmt(report.summary.findings)} findings, ${fmt(report.run.inputs.reduce((s, i) => s + i.rowsRejected, 0))} rows rejected`,
    );
    if (phases) {
      const ms = phases.split(', ').filter((p) => !p.includes('.')).join(', ');
      console.log(`  phases (ms): ${ms}`);
    }
  }
  const best = Math.min(...results.map((r) => r.wall));

  if (o.duckdb) {
    if (!duckdbAvailable(o.duckdbDir)) {
      console.log('duckdb: @duckdb/node-api not found (install it outside the repo and pass --duckdb-dir DIR); see the README for figures');
    } else {
      const duck = [];
      for (let run = 0; run < o.runs; run++) {
        const r = timed([fileURLToPath(import.meta.url), '--duckdb-child', ordersFile, ...(o.duckdbDir ? ['--duckdb-dir', o.duckdbDir] : [])]);
        const j = JSON.parse(r.stdout.trim().split('\n').pop());
        console.log(
          `duckdb span job (threads=${j.threads}, orders file only): ${r.wall.toFixed(2)} s wall (query ${j.secs.toFixed(2)} s)${r.cpu !== undefined ? `, ${r.cpu.toFixed(2)} s CPU` : ''}, peak RSS ${r.rssKb ? fmt(r.rssKb / 1024) + ' MB' : '?'}; ${fmt(j.result.days)} worker-days`,
        );
        duck.push(r.wall);
      }
      const d = Math.min(...duck);
      console.log(`gigaudit (whole audit) / duckdb (span job only), best wall times: ${best.toFixed(2)} s / ${d.toFixed(2)} s = ${(best / d).toFixed(2)}×`);
    }
  }
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
