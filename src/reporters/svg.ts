// Inline SVG bar charts for the HTML report: no library, no script, no external resource.
// One horizontal bar per item, with an optional reference mark per bar (the minimum wage
// or the time limit in force for that item, which differ by region and platform).
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  reference?: number;
  /** Tooltip text. */
  title: string;
}

export interface ChartOptions {
  title: string;
  unit: string;
  referenceLabel?: string;
  /** Bars whose value breaches the reference are drawn in the alarm colour. */
  breach?: (bar: Bar) => boolean;
}

const WIDTH = 760;
const LABEL = 230;
const PLOT = 440;
const ROW = 20;
const TOP = 28;
const BOTTOM = 26;

/** A round step for about four axis ticks. */
function step(max: number): number {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ''));

/** Labels longer than the label column would run into the bars. */
const clip = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function barChart(bars: Bar[], o: ChartOptions): string {
  const max = Math.max(...bars.map((b) => Math.max(b.value, b.reference ?? 0)), 0) * 1.08 || 1;
  const tick = step(max);
  const x = (v: number) => LABEL + (Math.max(0, v) / max) * PLOT;
  const height = TOP + bars.length * ROW + BOTTOM;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(o.title)}">`,
    `<title>${escapeHtml(o.title)}</title>`,
  );
  for (let t = 0; t <= max; t += tick) {
    const tx = x(t).toFixed(1);
    parts.push(
      `<line class="grid" x1="${tx}" x2="${tx}" y1="${TOP - 4}" y2="${height - BOTTOM}"/>`,
      `<text class="axis" x="${tx}" y="${height - BOTTOM + 16}" text-anchor="middle">${fmt(t)}</text>`,
    );
  }
  parts.push(`<text class="axis" x="${LABEL + PLOT + 8}" y="${height - BOTTOM + 16}">${escapeHtml(o.unit)}</text>`);
  if (o.referenceLabel) {
    parts.push(
      `<line class="ref" x1="${LABEL}" x2="${LABEL + 18}" y1="12" y2="12"/>`,
      `<text class="axis" x="${LABEL + 24}" y="16">${escapeHtml(o.referenceLabel)}</text>`,
    );
  }
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(1, x(b.value) - LABEL);
    const cls = o.breach?.(b) ? 'bar breach' : 'bar';
    parts.push(
      `<g><title>${escapeHtml(b.title)}</title>`,
      `<text class="label" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(clip(b.label))}</text>`,
      `<rect class="${cls}" x="${LABEL}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}"/>`,
      `<text class="value" x="${(LABEL + w + 4).toFixed(1)}" y="${y + 13}">${fmt(b.value)}</text>`,
    );
    if (b.reference !== undefined) {
      const rx = x(b.reference).toFixed(1);
      parts.push(`<line class="ref" x1="${rx}" x2="${rx}" y1="${y + 1}" y2="${y + ROW - 1}"/>`);
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface Span {
  /** Row label: the day. */
  label: string;
  /** Minutes after midnight the span starts, and its length in minutes. */
  start: number;
  minutes: number;
  /** The continuous limit in force, in minutes from the span's start. */
  limit: number;
  title: string;
}

const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A worker's work spans on a time-of-day axis, one row per span: the part within the limit
 * in grey, the part past it in the alarm colour, the limit marked where it fell.
 */
export function timelineChart(spans: Span[], o: { title: string; referenceLabel: string }): string {
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => s.start + Math.max(s.minutes, s.limit)));
  let from = Math.floor(first / 60) * 60;
  let to = Math.ceil(last / 60) * 60;
  if (to - from < 360) {
    // At least six hours wide, so a short span still reads as part of a day.
    const pad = Math.ceil((360 - (to - from)) / 120) * 60;
    from = Math.max(0, from - pad);
    to = from + Math.max(360, to - from + pad);
  }
  const hourStep = to - from > 12 * 60 ? 120 : 60;
  // Narrower than the bar charts' plot: each row's "10:04–15:52 (348)" goes to its right.
  const plot = PLOT - 50;
  const x = (m: number) => LABEL + ((m - from) / (to - from)) * plot;
  const height = TOP + spans.length * ROW + BOTTOM;
  const parts: string[] = [
    `<svg class="chart timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(o.title)}">`,
    `<title>${escapeHtml(o.title)}</title>`,
  ];
  for (let t = from; t <= to; t += hourStep) {
    const tx = x(t).toFixed(1);
    parts.push(
      `<line class="grid" x1="${tx}" x2="${tx}" y1="${TOP - 4}" y2="${height - BOTTOM}"/>`,
      `<text class="axis" x="${tx}" y="${height - BOTTOM + 16}" text-anchor="middle">${clock(t)}</text>`,
    );
  }
  parts.push(
    `<line class="ref" x1="${LABEL}" x2="${LABEL + 18}" y1="12" y2="12"/>`,
    `<text class="axis" x="${LABEL + 24}" y="16">${escapeHtml(o.referenceLabel)}</text>`,
  );
  spans.forEach((s, i) => {
    const y = TOP + i * ROW;
    const end = s.start + s.minutes;
    const cut = Math.min(end, s.start + s.limit);
    const w1 = Math.max(1, x(cut) - x(s.start));
    parts.push(
      `<g><title>${escapeHtml(s.title)}</title>`,
      `<text class="label" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(clip(s.label))}</text>`,
      `<rect class="span" x="${x(s.start).toFixed(1)}" y="${y + 3}" width="${w1.toFixed(1)}" height="${ROW - 6}"/>`,
    );
    if (end > cut) parts.push(`<rect class="span over" x="${x(cut).toFixed(1)}" y="${y + 3}" width="${Math.max(1, x(end) - x(cut)).toFixed(1)}" height="${ROW - 6}"/>`);
    const rx = x(s.start + s.limit).toFixed(1);
    parts.push(
      `<line class="ref" x1="${rx}" x2="${rx}" y1="${y + 1}" y2="${y + ROW - 1}"/>`,
      `<text class="value" x="${(x(Math.max(end, s.start + s.limit)) + 4).toFixed(1)}" y="${y + 13}">${clock(s.start)}–${clock(end)} (${fmt(s.minutes)})</text>`,
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
