// The HTML report in a real browser: Debian's chromium driven by playwright-core. The
// report of the bundled samples is generated through the CLI, opened as a file: URL with
// every network request refused, and used as a person would: charts looked at, findings
// filtered, searched and sorted. Screenshots go to the OS temp folder, never the repository.
//
// No chromium is a failure, not a skip: `.ci/run` installs it (apt) when it runs as root.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { Report } from '../../src/report/model.js';
import { html } from '../../src/reporters/html.js';
import { finding, HOSTILE, report as fakeReport } from '../helpers/report.js';

const CHROMIUM = '/usr/bin/chromium';
const SAMPLES = resolve(__dirname, '../../samples');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const work = mkdtempSync(join(tmpdir(), 'gigaudit-browser-'));
const shots = mkdtempSync(join(tmpdir(), 'gigaudit-screenshots-'));
const profile = mkdtempSync(join(tmpdir(), 'gigaudit-chromium-profile-'));
let context: BrowserContext;

/** Writes the samples' report in one language through the CLI: the HTML file and the JSON to check it against. */
async function generate(lang: 'en' | 'zh'): Promise<{ url: string; report: Report }> {
  const out = join(work, lang);
  let stderr = '';
  const code = await main(['audit', SAMPLES, '--lang', lang, '--format', 'html:report.html', '--format', 'json:report.json', '--fail-on', 'never'], {
    stdout: () => {},
    stderr: (s) => void (stderr += s),
    env: { LANG: 'en_US.UTF-8' },
    cwd: out,
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return { url: pathToFileURL(join(out, 'report.html')).href, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) };
}

interface Opened {
  page: Page;
  /** Console errors and warnings, uncaught exceptions, refused requests and dialogs, as they happen. */
  problems: string[];
}

async function open(url: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** The findings rows a person can see: in the table, not hidden by a filter or the search. */
const visibleRows = (page: Page) =>
  page.$$eval('#findings-table > tbody > tr', (rows) =>
    rows
      .filter((r) => (r as HTMLElement).offsetParent !== null)
      .map((r) => ({
        id: r.getAttribute('data-id') ?? '',
        rule: r.getAttribute('data-rule') ?? '',
        severity: r.getAttribute('data-severity') ?? '',
        sev: Number(r.getAttribute('data-sev')),
        worker: r.getAttribute('data-worker') ?? '',
        when: r.getAttribute('data-when') ?? '',
      })),
  );

const shownText = (page: Page) => page.locator('#shown-count').innerText();

const MISSING =
  `${CHROMIUM} not found: the HTML report's browser test needs Debian's chromium. Install it with ` +
  '`apt-get update && apt-get install -y --no-install-recommends chromium` (.ci/run does this when run as root).';

// A test of its own, so that a machine without chromium shows one failed test that says why.
it('chromium is installed', () => {
  expect(existsSync(CHROMIUM), MISSING).toBe(true);
});

describe('HTML report in headless chromium', () => {
  let en: { url: string; report: Report };
  let zh: { url: string; report: Report };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(MISSING);
    en = await generate('en');
    zh = await generate('zh');
    // A fresh profile per run (launchPersistentContext owns the --user-data-dir flag).
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
    // The report is self-contained: anything but the file itself is refused and recorded.
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient')));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('loads without console errors, page errors or network requests, in English and Chinese', async () => {
    for (const [lang, r] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const { page, problems } = await open(r.url);
      expect(await page.title()).toContain(lang === 'zh' ? '合规审计报告' : 'compliance audit');
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(await page.locator('#findings-table > tbody > tr').count()).toBe(r.report.findings.length);
      // What a person reads has no unfilled template and no missing word.
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/\{\w+\}|undefined|NaN/);
      await page.screenshot({ path: join(shots, `report-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('draws the charts: SVG with bars and reference marks of non-zero size', async () => {
    const { page, problems } = await open(en.url);
    const charts = page.locator('#charts svg.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(20);
      const bars = chart.locator('rect.bar, rect.span');
      expect(await bars.count()).toBeGreaterThan(0);
      for (const bar of (await bars.all()).slice(0, 5)) {
        const b = await bar.boundingBox();
        expect(b!.width).toBeGreaterThan(0);
        expect(b!.height).toBeGreaterThan(0);
      }
    }
    // Minimum-wage bars: one per worker-month below the minimum, each with its minimum marked.
    const wage = page.locator('#chart-wage svg.chart');
    const wageFindings = en.report.findings.filter((f) => f.rule === 'minimum-wage' && typeof f.metrics.rateYuanPerHour === 'number' && typeof f.metrics.minimumYuanPerHour === 'number');
    expect(await wage.locator('rect.bar').count()).toBe(wageFindings.length);
    expect(await wage.locator('line.ref').count()).toBeGreaterThanOrEqual(wageFindings.length);
    // The timeline of one worker's work spans, the continuous limit marked on each.
    const timeline = page.locator('#chart-timeline svg.chart');
    expect(await timeline.locator('rect.span').count()).toBeGreaterThan(0);
    expect(await timeline.locator('line.ref').count()).toBeGreaterThan(0);
    await page.locator('#charts').screenshot({ path: join(shots, 'charts.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filtering by rule and severity changes the visible rows', async () => {
    const { page, problems } = await open(en.url);
    const all = en.report.findings;
    expect(await visibleRows(page)).toHaveLength(all.length);
    expect(await shownText(page)).toBe(`showing ${all.length} of ${all.length}`);

    await page.selectOption('select[data-filter="rule"]', 'continuous-order-time');
    let rows = await visibleRows(page);
    const cot = all.filter((f) => f.rule === 'continuous-order-time');
    expect(cot.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id).sort()).toEqual(cot.map((f) => f.id).sort());
    expect(await shownText(page)).toBe(`showing ${cot.length} of ${all.length}`);

    await page.selectOption('select[data-filter="rule"]', '');
    await page.selectOption('select[data-filter="severity"]', 'error');
    rows = await visibleRows(page);
    const errors = all.filter((f) => f.severity === 'error');
    expect(rows.map((r) => r.id).sort()).toEqual(errors.map((f) => f.id).sort());
    expect(rows.length).toBeLessThan(all.length);

    // Both at once: the intersection.
    await page.selectOption('select[data-filter="rule"]', 'minimum-wage');
    rows = await visibleRows(page);
    expect(rows.map((r) => r.id).sort()).toEqual(all.filter((f) => f.severity === 'error' && f.rule === 'minimum-wage').map((f) => f.id).sort());

    // Platform: the second platform's rows only.
    await page.selectOption('select[data-filter="rule"]', '');
    await page.selectOption('select[data-filter="severity"]', '');
    await page.selectOption('select[data-filter="platform"]', '快跑出行');
    rows = await visibleRows(page);
    expect(rows.length).toBe(all.filter((f) => f.platform === '快跑出行').length);
    await page.screenshot({ path: join(shots, 'filtered.png') });

    await page.selectOption('select[data-filter="platform"]', '');
    expect(await visibleRows(page)).toHaveLength(all.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searching a worker id narrows the table to that worker', async () => {
    const { page, problems } = await open(en.url);
    const mine = en.report.findings.filter((f) => f.workerId === 'R1007');
    expect(mine.length).toBeGreaterThan(1);
    await page.fill('#search-worker', 'R1007');
    let rows = await visibleRows(page);
    expect(rows.map((r) => r.id).sort()).toEqual(mine.map((f) => f.id).sort());
    expect(new Set(rows.map((r) => r.worker))).toEqual(new Set(['R1007']));
    // Case and surrounding spaces do not matter; an unknown worker shows nothing.
    await page.fill('#search-worker', '  r1007 ');
    expect(await visibleRows(page)).toHaveLength(mine.length);
    await page.fill('#search-worker', 'R9999');
    expect(await visibleRows(page)).toHaveLength(0);
    await page.fill('#search-worker', '');
    rows = await visibleRows(page);
    expect(rows).toHaveLength(en.report.findings.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorting by a column orders the rows, and a second click reverses it', async () => {
    const { page, problems } = await open(en.url);
    const sorted = <T,>(xs: T[], cmp: (a: T, b: T) => number) => [...xs].sort(cmp);

    await page.click('th button[data-sort="sev"]');
    let rows = await visibleRows(page);
    expect(rows.map((r) => r.sev)).toEqual(sorted(rows.map((r) => r.sev), (a, b) => a - b));
    expect(rows[0].severity).toBe('error');
    await page.click('th button[data-sort="sev"]');
    rows = await visibleRows(page);
    expect(rows.map((r) => r.sev)).toEqual(sorted(rows.map((r) => r.sev), (a, b) => b - a));
    expect(rows[0].severity).toBe('info');

    await page.click('th button[data-sort="worker"]');
    rows = await visibleRows(page);
    const workers = rows.map((r) => r.worker);
    expect(workers).toEqual(sorted(workers, (a, b) => a.localeCompare(b)));
    expect(workers[0] < workers[workers.length - 1]).toBe(true);

    await page.click('th button[data-sort="when"]');
    await page.click('th button[data-sort="when"]');
    rows = await visibleRows(page);
    const whens = rows.map((r) => r.when);
    expect(whens).toEqual(sorted(whens, (a, b) => b.localeCompare(a)));

    // Sorting keeps a filter: still only the filtered rows, now in the new order.
    await page.selectOption('select[data-filter="severity"]', 'warning');
    await page.click('th button[data-sort="worker"]');
    rows = await visibleRows(page);
    expect(rows.every((r) => r.severity === 'warning')).toBe(true);
    expect(rows).toHaveLength(en.report.findings.filter((f) => f.severity === 'warning').length);
    // The header says which way a column is sorted.
    expect(await page.getAttribute('th:has(button[data-sort="worker"])', 'aria-sort')).toMatch(/^(ascending|descending)$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a finding’s evidence, metrics and basis when opened', async () => {
    const { page, problems } = await open(en.url);
    const f = en.report.findings.find((x) => x.rule === 'continuous-order-time')!;
    const row = page.locator(`#findings-table tr[data-id="${f.id}"]`);
    const details = row.locator('details');
    expect(await details.locator('ul').first().isVisible()).toBe(false);
    await details.locator('summary').click();
    const text = await details.innerText();
    expect(text).toContain(`${f.evidence[0].file}:${f.evidence[0].line}`);
    expect(text).toContain('limitMinutes');
    expect(text).toContain(f.basis[0].document);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints: the controls are hidden and every finding’s details are open', async () => {
    const { page, problems } = await open(en.url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    writeFileSync(join(shots, 'report.pdf'), pdf);
    // beforeprint opened the details for the printout.
    expect(await page.locator('#findings-table details:not([open])').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs no script from hostile input values', async () => {
    const f = finding({
      rule: 'minimum-wage',
      workerId: `${HOSTILE}"><img src=x onerror="window.__pwned=1">`,
      platform: `<svg onload="window.__pwned=2">`,
      message: `${HOSTILE}<img src=x onerror="window.__pwned=3">`,
      metrics: { rateYuanPerHour: 10, minimumYuanPerHour: 21, month: HOSTILE },
      evidence: [{ file: HOSTILE, line: 3, orderId: '<b onmouseover=alert(1)>x</b>', note: HOSTILE }],
      basis: [{ document: HOSTILE }],
    });
    const file = join(work, 'hostile.html');
    writeFileSync(file, html(fakeReport({ findings: [f], notAssessed: [{ rule: HOSTILE, reason: HOSTILE }] })));
    const { page, problems } = await open(pathToFileURL(file).href);
    await page.fill('#search-worker', '<script');
    await page.click('th button[data-sort="worker"]');
    await page.locator('#findings-table details summary').first().click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#findings-table img, #findings-table b').count()).toBe(0);
    expect(await page.locator('#findings-table > tbody').innerText()).toContain(HOSTILE);
    expect(problems).toEqual([]);
    await page.close();
  });
});
