import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { CSP, escapeHtml, html } from '../../src/reporters/html.js';
import { finding, HOSTILE, report } from '../helpers/report.js';

/** Every URL an element could load or navigate to. */
const urls = (page: string) => [...page.matchAll(/\b(?:src|href|action|xlink:href|srcset|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]);

describe('html reporter', () => {
  it('is one self-contained page: CSP meta, no external URL, inline SVG charts', () => {
    const page = html(report());
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    expect(urls(page)).toEqual([]);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/@import|url\(/);
    expect(page).toContain('<svg');
    // Wage, continuous spans, the timeline of the one worker with a span, injury (no daily finding: no daily chart).
    expect((page.match(/<svg /g) ?? []).length).toBe(4);
    expect(page).toMatch(/<html lang="en">/);
  });

  it('charts what the findings carry: rate vs minimum, span vs limit, uncovered days per platform', () => {
    const page = html(report());
    expect(page).toContain('R1003 2025-03'); // wage bar label
    expect(page).toContain('>18.5<'); // its value
    expect(page).toContain('>305<'); // span minutes
    expect(page).toMatch(/速达<\/text>/); // platform bar
  });

  it('charts daily working time against the daily limit, and a worker’s spans on a time-of-day axis', () => {
    const daily = finding({
      rule: 'daily-work-time',
      severity: 'warning',
      workerId: 'R2001',
      period: { from: '2025-03-05', to: '2025-03-05' },
      metrics: { day: '2025-03-05', minutes: 800, limitMinutes: 720, overMinutes: 80 },
    });
    const page = html(report({ findings: [...report().findings, daily] }));
    const block = (id: string) => page.slice(page.indexOf(`id="chart-${id}"`), page.indexOf('</div>', page.indexOf(`id="chart-${id}"`)));
    expect(block('daily')).toContain('R2001 2025-03-05');
    expect(block('daily')).toContain('>800<');
    expect(block('daily')).toContain('class="bar breach"');
    // The span 08:00–13:05 with the 240-minute limit reached at 12:00: grey to 12:00, red after.
    const timeline = block('timeline');
    expect(timeline).toContain('R1001 · 速达');
    expect(timeline).toContain('class="span"');
    expect(timeline).toContain('class="span over"');
    expect(timeline).toContain('08:00–13:05 (305)');
    expect(timeline).toContain('>12:00<');
  });

  it('escapes a hostile worker id, platform, message and evidence everywhere', () => {
    const f = finding({
      rule: 'minimum-wage',
      workerId: HOSTILE,
      platform: `"><img src=x onerror=alert(1)>`,
      message: HOSTILE,
      metrics: { rateYuanPerHour: 10, minimumYuanPerHour: 21, month: HOSTILE },
      evidence: [{ file: HOSTILE, line: 3, orderId: HOSTILE, note: HOSTILE }],
      basis: [{ document: HOSTILE }],
    });
    const page = html(report({ findings: [f], notAssessed: [{ rule: HOSTILE, reason: HOSTILE }] }));
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The only script element is the report's own.
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('escapeHtml covers text and attribute contexts', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml('a\u0000b')).toBe('ab');
  });

  it('has the filter controls, the evidence, metrics and basis of each finding', () => {
    const page = html(report());
    for (const name of ['rule', 'severity', 'platform', 'region']) expect(page).toContain(`data-filter="${name}"`);
    expect(page).toContain('id="search-worker"');
    expect(page).toContain('orders.csv:20:O20');
    expect(page).toContain('<code>limitMinutes</code>');
    expect(page).toContain('永人社发〔2025〕20号 6');
    expect(page).toContain('a'.repeat(64)); // full SHA-256 of the input
  });

  it('is a pure function of the report and speaks Chinese for a zh report', () => {
    const r = report({ run: { ...report().run, lang: 'zh' } });
    expect(html(r)).toBe(html(structuredClone(r)));
    expect(html(r)).toContain('<html lang="zh-CN">');
    expect(html(r)).toContain('用工情况报告');
  });

  it('shows baseline and suppression status', () => {
    const [a, b] = report().findings;
    const page = html(report({ findings: [{ ...a, baseline: 'new' }, { ...b, baseline: 'absent', suppressed: { reason: 'agreed', expires: '2025-06-30' } }] }));
    expect(page).toContain('data-filter="status"');
    expect(page).toContain('tag-new');
    expect(page).toContain('tag-absent');
    expect(page).toContain('tag-suppressed');
  });

  it('renders the bundled samples end to end', async () => {
    const samples = resolve(__dirname, '../../samples');
    const r = await runAudit({ inputs: [{ path: samples }], lang: 'zh', now: () => new Date('2026-01-01T00:00:00Z') });
    const page = html(r);
    expect(urls(page)).toEqual([]);
    expect(page).toContain('<svg');
    expect((page.match(/<tr class="f/g) ?? []).length).toBe(r.findings.length);
  });
});
