// The HTML report: one self-contained file to open, print or mail. No network at all (a
// Content-Security-Policy forbids it), system fonts, inline CSS and SVG, and one small
// inline script to filter, sort and search the findings. Every value from the report is
// escaped: inputs are untrusted. A pure function of the report, like every reporter.
import { localiseNote } from '../i18n/notes.js';
import { fillTemplate } from '../i18n/format.js';
import { LABELS, type Labels } from '../i18n/labels.js';
import { localiseReason } from '../i18n/reasons.js';
import { localiseRejection } from '../i18n/rejections.js';
import { RELATIONS } from '../model.js';
import type { Coverage, Finding, Report } from '../report/model.js';
import { baselineCounts, basisText, evidenceRef, isCurrent, pct, ruleRows, ruleTitle, SEVERITIES, when } from './common.js';
import { escapeHtml } from './escape.js';
import { barChart, timelineChart, type Bar, type ChartOptions, type Span } from './svg.js';

export { escapeHtml } from './escape.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
/** Rows in the findings table at most (the browser stays responsive); JSON/CSV have them all. */
export const HTML_FINDINGS_CAP = 5000;
/** Bars per chart at most: past that a chart is unreadable. */
const CHART_CAP = 40;
/** Workers with a timeline of their spans at most (the first shown, the rest folded). */
const TIMELINES = 10;
const REJECTED_LISTED = 50;

const h = escapeHtml;
const SEV_RANK = { error: 0, warning: 1, info: 2 } as const;

const STYLE = `
:root{--err:#b3261e;--warn:#b26a00;--info:#1f6fb2;--ok:#2e7d32;--line:#d0d4da;--muted:#5f6670;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:24px;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1d2329}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.sev{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-size:12px;white-space:nowrap}
.sev-error{background:var(--err)}.sev-warning{background:var(--warn)}.sev-info{background:var(--info)}
.tag{display:inline-block;padding:0 5px;border:1px solid var(--line);border-radius:3px;font-size:12px;margin:1px 2px 1px 0;white-space:nowrap}
.tag-new{border-color:var(--err);color:var(--err)}.tag-absent{color:var(--muted);text-decoration:line-through}.tag-suppressed{border-color:var(--muted);color:var(--muted)}
tr.absent td{color:var(--muted)}
.meter{display:inline-block;width:180px;height:10px;background:#e6e8eb;border-radius:5px;vertical-align:middle;margin-right:8px;overflow:hidden}
.meter span{display:block;height:100%;background:var(--ok)}.meter.low span{background:var(--err)}.meter.mid span{background:var(--warn)}
.muted{color:var(--muted)}.note{color:var(--muted);font-size:12px;margin:2px 0 6px}
.controls{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:8px 0;padding:8px;background:var(--bg);border:1px solid var(--line)}
.controls label{font-size:12px;color:var(--muted)}.controls select,.controls input{font:inherit;font-size:13px;margin-left:4px;max-width:20em}
td.nowrap{white-space:nowrap}td.nowrap code{word-break:normal}#findings-table th{white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}th button::after{content:" \\2195";color:var(--muted)}
details summary{cursor:pointer;color:var(--info);font-size:12px}details ul{margin:4px 0;padding-left:18px}
table.kv{width:auto}table.kv td{padding:1px 6px;font-size:12px}
svg.chart{max-width:760px;display:block;margin:4px 0 10px}
svg .bar,svg .span{fill:#7a8794}svg .bar.breach,svg .span.over{fill:var(--err)}svg .ref{stroke:#111;stroke-width:2}
svg .grid{stroke:#e3e6ea;stroke-width:1}svg text{font-size:11px;fill:#333}svg .axis{fill:var(--muted)}
@media print{
  body{max-width:none;padding:0;font-size:11px}
  section{break-before:page}section:first-of-type{break-before:auto}
  .controls,th button::after{display:none}
  tr,svg{break-inside:avoid}
  details summary{display:none}
  details.timeline summary{display:block;color:inherit}
}
`;

// Filter, sort and search over the rows' data-* attributes. Static text: no report value
// is ever placed inside the script, and rows are only shown, hidden or moved.
const SCRIPT = `
(function () {
  var table = document.getElementById('findings-table');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filters = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var search = document.getElementById('search-worker');
  var count = document.getElementById('shown-count');
  function apply() {
    var q = (search.value || '').trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = filters.every(function (f) {
        if (!f.value) return true;
        var v = r.getAttribute('data-' + f.getAttribute('data-filter')) || '';
        return v.split(' ').indexOf(f.value) >= 0 || v === f.value;
      });
      if (ok && q) ok = (r.getAttribute('data-worker') || '').toLowerCase().indexOf(q) >= 0;
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = count.getAttribute('data-template').replace('{n}', shown).replace('{total}', rows.length);
  }
  filters.forEach(function (f) { f.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  var dir = {};
  Array.prototype.slice.call(table.querySelectorAll('th button[data-sort]')).forEach(function (b) {
    b.addEventListener('click', function () {
      var key = b.getAttribute('data-sort');
      var d = dir[key] = -(dir[key] || -1);
      Array.prototype.slice.call(table.tHead.rows[0].cells).forEach(function (c) { c.removeAttribute('aria-sort'); });
      b.parentNode.setAttribute('aria-sort', d > 0 ? 'ascending' : 'descending');
      rows.sort(function (x, y) {
        var a = x.getAttribute('data-' + key) || '', c = y.getAttribute('data-' + key) || '';
        var na = Number(a), nc = Number(c);
        var r = a !== '' && c !== '' && !isNaN(na) && !isNaN(nc) ? na - nc : a.localeCompare(c);
        return r * d || Number(x.getAttribute('data-order')) - Number(y.getAttribute('data-order'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  window.addEventListener('beforeprint', function () {
    Array.prototype.slice.call(document.querySelectorAll('details')).forEach(function (d) { d.open = true; });
  });
  apply();
})();
`;

function meter(x: number | null): string {
  if (x === null) return '<span class="muted">—</span>';
  const w = Math.min(100, Math.max(0, x * 100));
  const cls = x < 0.5 ? 'meter low' : x < 0.9 ? 'meter mid' : 'meter';
  return `<span class="${cls}"><span style="width:${w.toFixed(1)}%"></span></span>${pct(x)}`;
}

function header(report: Report): string {
  const L = LABELS[report.run.lang];
  const r = report.run;
  const inputs = r.inputs
    .map(
      (i) =>
        `<tr><td>${h(i.path)}</td><td>${h(i.kind)}</td><td class="n">${i.rowsRead}</td><td class="n">${i.rowsUsed}</td><td class="n">${i.rowsRejected}</td>` +
        `<td class="n">${i.bytes}</td><td><code>${h(i.sha256)}</code></td></tr>`,
    )
    .join('');
  return `<header>
<h1>${h(L.title)}</h1>
<dl class="meta">
<dt>${h(L.period)}</dt><dd>${h(r.period.from ?? '—')} ~ ${h(r.period.to ?? '—')} (${h(r.timezone)})</dd>
<dt>${h(L.rulesets)}</dt><dd>${r.rulesets.map((x) => `<code>${h(x.id)}@${h(x.version)}</code>`).join(', ') || '—'}</dd>
<dt>${h(L.toolVersion)}</dt><dd>${h(report.tool.name)} ${h(report.tool.version)}</dd>
<dt>${h(L.runTime)}</dt><dd>${h(r.startedAt)} – ${h(r.finishedAt)}</dd>
</dl>
<h3>${h(L.inputs)}</h3>
<table><thead><tr><th>${h(L.file)}</th><th>${h(L.kind)}</th><th class="n">${h(L.rowsRead)}</th><th class="n">${h(L.rowsUsed)}</th><th class="n">${h(L.rowsRejected)}</th><th class="n">${h(L.bytes)}</th><th>SHA-256</th></tr></thead>
<tbody>${inputs}</tbody></table>
</header>`;
}

function summary(report: Report): string {
  const lang = report.run.lang;
  const L = LABELS[lang];
  const rows = ruleRows(report);
  const body = rows
    .map((r) => `<tr><td><code>${h(r.rule)}</code> ${h(ruleTitle(r.rule, lang))}</td>${SEVERITIES.map((s) => `<td class="n">${r.counts[s]}</td>`).join('')}<td class="n">${r.total}</td></tr>`)
    .join('');
  const totals = SEVERITIES.map((s) => rows.reduce((n, r) => n + r.counts[s], 0));
  const b = baselineCounts(report);
  const extra: string[] = [];
  if (b.states) extra.push(`${h(L.baseline)}: ${h(L.new)} ${b.states.new} · ${h(L.unchanged)} ${b.states.unchanged} · ${h(L.absent)} ${b.states.absent}`);
  if (b.suppressed) extra.push(`${h(L.suppressed)}: ${b.suppressed}`);
  return `<section id="summary"><h2>${h(L.summary)}</h2>
<table><thead><tr><th>${h(L.rule)}</th>${SEVERITIES.map((s) => `<th class="n"><span class="sev sev-${s}">${h(L[s])}</span></th>`).join('')}<th class="n">${h(L.total)}</th></tr></thead>
<tbody>${body}<tr><th>${h(L.total)}</th>${totals.map((n) => `<th class="n">${n}</th>`).join('')}<th class="n">${totals.reduce((a, n) => a + n, 0)}</th></tr></tbody></table>
${extra.map((x) => `<p>${x}</p>`).join('')}
</section>`;
}

function employment(report: Report): string {
  const L = LABELS[report.run.lang];
  const e = report.employment;
  const cov = (c: Coverage) => [c.contract, c.injury, c.social];
  const relations = RELATIONS.filter((r) => e.byRelation[r])
    .map((r) => `<tr><td>${h(L.relation[r])}</td><td class="n">${e.byRelation[r]}</td></tr>`)
    .join('');
  const platforms = e.byPlatform
    .map((p) => `<tr><td>${h(p.platform)}</td><td class="n">${p.workerPlatforms}</td>${cov(p.coverage).map((x) => `<td>${meter(x)}</td>`).join('')}</tr>`)
    .join('');
  const arrears = Object.entries(e.arrears)
    .map(([r, y]) => `<code>${h(r)}</code> ${h(y.toFixed(2))}`)
    .join('<br>');
  return `<section id="employment"><h2>${h(L.employment)} <span class="muted">(${h(L.asOf)} ${h(e.asOf)})</span></h2>
<table class="kv"><tbody>
<tr><td>${h(L.workers)}</td><td class="n">${e.workers}</td></tr>
<tr><td>${h(L.workerPlatforms)}</td><td class="n">${e.workerPlatforms}</td></tr>
<tr><td>${h(L.coverageContract)}</td><td>${meter(e.coverage.contract)}</td></tr>
<tr><td>${h(L.coverageInjury)}</td><td>${meter(e.coverage.injury)}</td></tr>
<tr><td>${h(L.coverageSocial)}</td><td>${meter(e.coverage.social)}</td></tr>
<tr><td>${h(L.overLimits)}</td><td class="n">${e.overLimits.continuous} / ${e.overLimits.daily}</td></tr>
<tr><td>${h(L.arrears)}</td><td>${arrears || '0'}</td></tr>
</tbody></table>
${relations ? `<h3>${h(L.byRelation)}</h3><table class="kv"><tbody>${relations}</tbody></table>` : ''}
${platforms ? `<h3>${h(L.byPlatform)}</h3><table><thead><tr><th>${h(L.platform)}</th><th class="n">${h(L.workerPlatforms)}</th><th>${h(L.coverageContract)}</th><th>${h(L.coverageInjury)}</th><th>${h(L.coverageSocial)}</th></tr></thead><tbody>${platforms}</tbody></table>` : ''}
</section>`;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function chartBlock(id: string, title: string, note: string, shown: number, total: number, body: string, L: Labels): string {
  const content = shown ? body : `<p class="muted">${h(L.noData)}</p>`;
  const more = total > shown ? `<p class="note">${h(fillTemplate(L.notShown, { n: total - shown }))}</p>` : '';
  return `<div class="chart-block" id="chart-${id}"><h3>${h(title)}</h3><p class="note">${h(note)}</p>${content}${more}</div>`;
}

/** Minutes after midnight of an ISO local date-time (`2024-12-07T10:04:00+08:00`); undefined for a bare day. */
const minuteOfDay = (iso: string): number | undefined => {
  const m = /T(\d{2}):(\d{2})/.exec(iso);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

function charts(report: Report): string {
  const L = LABELS[report.run.lang];
  const current = report.findings.filter(isCurrent);
  const who = (f: Finding) => [f.workerId, f.platform].filter(Boolean).join(' · ');
  const blocks: string[] = [];
  const bars = (id: string, title: string, note: string, all: Bar[], o: Omit<ChartOptions, 'title'>) => {
    const shown = all.slice(0, CHART_CAP);
    blocks.push(chartBlock(id, title, note, shown.length, all.length, shown.length ? barChart(shown, { title, ...o }) : '', L));
  };

  // Hourly pay per worker-month: only months below the minimum are findings, so that is what is drawn.
  const wage: Bar[] = [];
  for (const f of current) {
    if (f.rule !== 'minimum-wage') continue;
    const rate = num(f.metrics.rateYuanPerHour);
    const min = num(f.metrics.minimumYuanPerHour);
    if (rate === undefined || min === undefined) continue;
    const month = String(f.metrics.month ?? f.period.from.slice(0, 7));
    wage.push({ label: `${f.workerId ?? '—'} ${month}`, value: rate, reference: min, title: `${who(f)} ${month}: ${rate} / ${min} ${L.yuanPerHour}` });
  }
  wage.sort((a, b) => a.value - b.value || (a.label < b.label ? -1 : 1));
  bars('wage', L.chartWage, L.chartWageNote, wage, { unit: L.yuanPerHour, referenceLabel: L.minimumLine, breach: (x) => x.value < (x.reference ?? 0) });

  // Daily working time per worker against the daily limit: one platform's days and days
  // over the limit only across platforms (cross-platform-fatigue, daily check).
  const daily: Bar[] = [];
  for (const f of current) {
    if (f.rule !== 'daily-work-time' && !(f.rule === 'cross-platform-fatigue' && f.metrics.check === 'daily')) continue;
    const minutes = num(f.metrics.minutes);
    const limit = num(f.metrics.limitMinutes);
    if (minutes === undefined || limit === undefined) continue;
    const day = String(f.metrics.day ?? f.period.from.slice(0, 10));
    daily.push({ label: `${f.workerId ?? '—'} ${day}`, value: minutes, reference: limit, title: `${who(f)} ${day}: ${minutes} / ${limit} ${L.minutes}` });
  }
  daily.sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
  bars('daily', L.chartDaily, L.chartDailyNote, daily, { unit: L.minutes, referenceLabel: L.limitLine, breach: (x) => x.value > (x.reference ?? Infinity) });

  // Continuous spans over the limit, all workers, longest first.
  const spans: Bar[] = [];
  // And per worker-platform, the same spans on a time-of-day axis.
  const byWorker = new Map<string, { who: string; spans: Span[] }>();
  for (const f of current) {
    if (f.rule !== 'continuous-order-time') continue;
    const minutes = num(f.metrics.minutes);
    const limit = num(f.metrics.limitMinutes);
    if (minutes === undefined || limit === undefined) continue;
    spans.push({ label: `${f.workerId ?? '—'} ${f.period.from.slice(5, 16).replace('T', ' ')}`, value: minutes, reference: limit, title: `${who(f)} ${when(f)}: ${minutes} / ${limit} ${L.minutes}` });
    const start = minuteOfDay(f.period.from);
    if (start === undefined) continue;
    const key = `${f.workerId ?? ''}\u0000${f.platform ?? ''}`;
    if (!byWorker.has(key)) byWorker.set(key, { who: who(f) || '—', spans: [] });
    byWorker.get(key)!.spans.push({ label: f.period.from.slice(0, 10), start, minutes, limit, title: `${who(f)} ${when(f)}: ${minutes} / ${limit} ${L.minutes}` });
  }
  spans.sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
  bars('spans', L.chartSpans, L.chartSpansNote, spans, { unit: L.minutes, referenceLabel: L.limitLine, breach: (x) => x.value > (x.reference ?? Infinity) });

  // Timelines: the worker with the most spans over the limit first and shown; the next
  // ones folded (opened for printing), at most TIMELINES of them.
  const workers = [...byWorker.values()].sort((a, b) => b.spans.length - a.spans.length || (a.who < b.who ? -1 : 1));
  if (workers.length === 0) {
    blocks.push(chartBlock('timeline', fillTemplate(L.chartTimeline, { worker: '—' }), L.chartTimelineNote, 0, 0, '', L));
  } else {
    const timeline = (w: (typeof workers)[number]) => {
      const list = [...w.spans].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.start - b.start)).slice(0, CHART_CAP);
      const title = fillTemplate(L.chartTimeline, { worker: w.who });
      return { title, shown: list.length, svg: timelineChart(list, { title, referenceLabel: L.limitLine }) };
    };
    const first = timeline(workers[0]);
    const others = workers.slice(1, TIMELINES).map((w) => {
      const t = timeline(w);
      return `<details class="timeline"><summary>${h(t.title)}</summary>${t.svg}</details>`;
    });
    const more = workers.length > TIMELINES ? `<p class="note">${h(fillTemplate(L.notShown, { n: workers.length - TIMELINES }))}</p>` : '';
    blocks.push(chartBlock('timeline', first.title, L.chartTimelineNote, first.shown, workers[0].spans.length, first.svg + others.join('') + more, L));
  }

  // Active days without injury cover, summed per platform.
  const perPlatform = new Map<string, number>();
  for (const f of current) {
    if (f.rule !== 'injury-insurance') continue;
    const days = num(f.metrics.uncoveredActiveDays);
    if (days === undefined) continue;
    const p = f.platform ?? '—';
    perPlatform.set(p, (perPlatform.get(p) ?? 0) + days);
  }
  const injury: Bar[] = [...perPlatform]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([p, d]) => ({ label: p, value: d, title: `${p}: ${d} ${L.days}` }));
  bars('injury', L.chartInjury, L.chartInjuryNote, injury, { unit: L.days, breach: () => true });

  return `<section id="charts"><h2>${h(L.charts)}</h2>
${blocks.join('\n')}
</section>`;
}

function details(f: Finding, report: Report): string {
  const L = LABELS[report.run.lang];
  const evidence = f.evidence.map((e) => `<li><code>${h(evidenceRef(e))}</code>${e.note ? ` ${h(localiseNote(e.note, report.run.lang))}` : ''}</li>`).join('');
  const omitted = f.evidenceOmitted ? `<li class="muted">${h(fillTemplate(L.evidenceOmitted, { n: f.evidenceOmitted }))}</li>` : '';
  // Money as money: yuan with two decimals (277.20, not 277.2).
  const shown = (k: string, v: string | number | boolean) => (typeof v === 'number' && /Yuan(PerHour|PerMonth)?$/.test(k) ? v.toFixed(2) : v);
  const metrics = Object.entries(f.metrics)
    .map(([k, v]) => `<tr><td><code>${h(k)}</code></td><td>${h(shown(k, v))}</td></tr>`)
    .join('');
  const basis = f.basis.map((b) => `<li>${h(basisText(b))}</li>`).join('');
  const unverified = f.unverified?.length ? `<p class="note">${h(L.unverified)}: ${f.unverified.map(h).join('; ')}</p>` : '';
  return `<details><summary>${h(L.details)}</summary>
<div><strong>${h(L.evidence)}</strong><ul>${evidence || '<li class="muted">—</li>'}${omitted}</ul></div>
<div><strong>${h(L.metrics)}</strong><table class="kv"><tbody>${metrics}</tbody></table></div>
<div><strong>${h(L.basis)}</strong><ul>${basis || '<li class="muted">—</li>'}</ul></div>${unverified}
<div class="note"><code>${h(f.id)}</code></div>
</details>`;
}

function statusTags(f: Finding, report: Report): { html: string; data: string } {
  const L = LABELS[report.run.lang];
  const tags: string[] = [];
  const data: string[] = [];
  if (f.baseline) {
    tags.push(`<span class="tag tag-${f.baseline}">${h(L[f.baseline])}</span>`);
    data.push(f.baseline);
  }
  if (f.suppressed) {
    tags.push(`<span class="tag tag-suppressed" title="${h(f.suppressed.reason)}">${h(L.suppressed)} ${h(L.until)} ${h(f.suppressed.expires)}</span>`);
    tags.push(`<div class="note">${h(f.suppressed.reason)}</div>`);
    data.push('suppressed');
  }
  return { html: tags.join(''), data: data.join(' ') };
}

function options(name: string, label: string, values: [string, string][], all: string): string {
  const opts = values.map(([v, text]) => `<option value="${h(v)}">${h(text)}</option>`).join('');
  return `<label>${h(label)}<select data-filter="${name}"><option value="">${h(all)}</option>${opts}</select></label>`;
}

const distinct = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

function findings(report: Report): string {
  const lang = report.run.lang;
  const L = LABELS[lang];
  const all = report.findings;
  if (all.length === 0) return `<section id="findings"><h2>${h(L.findings)}</h2><p>${h(L.none)}</p></section>`;
  const listed = all.slice(0, HTML_FINDINGS_CAP);
  const rows = listed
    .map((f, i) => {
      const st = statusTags(f, report);
      const attrs = [
        `data-order="${i}"`,
        `data-id="${h(f.id)}"`,
        `data-rule="${h(f.rule)}"`,
        `data-severity="${h(f.severity)}"`,
        `data-sev="${SEV_RANK[f.severity]}"`,
        `data-worker="${h(f.workerId ?? '')}"`,
        `data-platform="${h(f.platform ?? '')}"`,
        `data-region="${h(f.region ?? '')}"`,
        `data-when="${h(f.period.from)}"`,
        `data-status="${h(st.data)}"`,
      ].join(' ');
      const message = h(f.message) + (f.unverified?.length ? ` <span class="muted">(${h(L.unverified)})</span>` : '');
      return (
        `<tr class="f${f.baseline === 'absent' ? ' absent' : ''}" ${attrs}>` +
        `<td><span class="sev sev-${h(f.severity)}">${h(L[f.severity])}</span></td>` +
        `<td class="nowrap"><code>${h(f.rule)}</code></td><td class="nowrap">${h(f.workerId ?? '—')}</td><td class="nowrap">${h(f.platform ?? '—')}</td><td class="nowrap">${h(f.region ?? '—')}</td>` +
        `<td>${h(when(f))}</td><td>${message}${details(f, report)}</td><td>${st.html}</td></tr>`
      );
    })
    .join('\n');
  const statuses: [string, string][] = [];
  const b = baselineCounts(report);
  if (b.states) for (const s of ['new', 'unchanged', 'absent'] as const) if (b.states[s]) statuses.push([s, L[s]]);
  if (all.some((f) => f.suppressed)) statuses.push(['suppressed', L.suppressed]);
  const controls = [
    options('rule', L.rule, distinct(all.map((f) => f.rule)).map((r) => [r, `${r} ${ruleTitle(r, lang)}`]), L.all),
    options('severity', L.severity, SEVERITIES.filter((s) => all.some((f) => f.severity === s)).map((s) => [s, L[s]]), L.all),
    options('platform', L.platform, distinct(all.map((f) => f.platform)).map((p) => [p, p]), L.all),
    options('region', L.region, distinct(all.map((f) => f.region)).map((r) => [r, r]), L.all),
    statuses.length ? options('status', L.status, statuses, L.all) : '',
    `<label>${h(L.searchWorker)}<input id="search-worker" type="search" autocomplete="off"></label>`,
    `<span id="shown-count" class="muted" data-template="${h(L.shown)}"></span>`,
  ].join('');
  const th = (key: string, text: string) => `<th><button type="button" data-sort="${key}">${h(text)}</button></th>`;
  const more = all.length > listed.length ? `<p class="note">${h(fillTemplate(L.moreSeeFull, { n: all.length - listed.length }))}</p>` : '';
  return `<section id="findings"><h2>${h(L.findings)} (${report.summary.findings})</h2>
<div class="controls">${controls}</div>
<table id="findings-table"><thead><tr>${th('sev', L.severity)}${th('rule', L.rule)}${th('worker', L.worker)}${th('platform', L.platform)}${th('region', L.region)}${th('when', L.when)}<th>${h(L.message)}</th>${th('status', L.status)}</tr></thead>
<tbody>
${rows}
</tbody></table>${more}
</section>`;
}

function rest(report: Report): string {
  const L = LABELS[report.run.lang];
  const parts: string[] = [];
  if (report.notAssessed.length) {
    parts.push(
      `<h2>${h(L.notAssessed)}</h2><ul>${report.notAssessed
        .map((n) => `<li><code>${h(n.rule)}</code>: ${h(localiseReason(n.reason, report.run.lang))}${n.workerPlatforms ? ` (${h(fillTemplate(L.notAssessedCount, { n: n.workerPlatforms }))})` : ''}</li>`)
        .join('')}</ul>`,
    );
  }
  const rejected = report.run.inputs.reduce((s, i) => s + i.rowsRejected, 0);
  if (rejected) {
    const items = report.rejected
      .slice(0, REJECTED_LISTED)
      .map((r) => `<li><code>${h(r.file)}:${r.line}</code>${r.column ? ` [${h(r.column)}]` : ''} ${h(localiseRejection(r.reason, report.run.lang))}</li>`)
      .join('');
    const more = rejected > REJECTED_LISTED ? `<li class="muted">${h(fillTemplate(L.more, { n: rejected - Math.min(REJECTED_LISTED, report.rejected.length) }))}</li>` : '';
    parts.push(`<h2>${h(L.rejected)} (${rejected})</h2><ul>${items}${more}</ul>`);
  }
  return parts.length ? `<section id="other">${parts.join('\n')}</section>` : '';
}

export function html(report: Report): string {
  const L = LABELS[report.run.lang];
  return `<!DOCTYPE html>
<html lang="${report.run.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="gigaudit ${h(report.tool.version)}">
<title>${h(L.title)} ${h(report.run.period.from ?? '')} ~ ${h(report.run.period.to ?? '')}</title>
<style>${STYLE}</style>
</head>
<body>
${header(report)}
${summary(report)}
${employment(report)}
${charts(report)}
${findings(report)}
${rest(report)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
