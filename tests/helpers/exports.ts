// Builds small export sets as CSV text in a temp folder and audits them through the real
// pipeline (read → normalise → assemble → rules → report).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit, type AuditOptions } from '../../src/audit/run.js';
import type { Report } from '../../src/report/model.js';

export type Cell = string | number | undefined;

export function csv(header: string[], rows: Cell[][]): string {
  const q = (c: Cell) => {
    const s = c === undefined ? '' : String(c);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n';
}

export function writeSet(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gigaudit-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export async function audit(files: Record<string, string | Buffer>, opts: Partial<AuditOptions> = {}): Promise<Report> {
  const dir = writeSet(files);
  return runAudit({ inputs: [{ path: dir }], lang: 'en', now: () => new Date('2026-01-01T00:00:00Z'), ...opts });
}

export const ORDER_HEADER = ['order_id', 'worker_id', 'accepted_at', 'completed_at', 'platform', 'region', 'business_line', 'order_pay'];

let seq = 0;
const pad = (n: number) => String(n).padStart(2, '0');
function at(date: string, minutes: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return `${d.toISOString().slice(0, 10)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

export interface Shift {
  worker: string;
  date: string; // YYYY-MM-DD (local)
  start?: string; // HH:MM local, default 09:00
  orders: number;
  minutes?: number; // per order, default 30
  gap?: number; // minutes between orders, default 5
  payYuan?: number; // per order
  platform?: string;
  region?: string;
  line?: string;
}

/** Consecutive orders of one shift: `orders` × `minutes` with `gap` minutes between them. */
export function shift(s: Shift): Cell[][] {
  const [h, m] = (s.start ?? '09:00').split(':').map(Number);
  const rows: Cell[][] = [];
  let t = h * 60 + m;
  for (let k = 0; k < s.orders; k++) {
    const len = s.minutes ?? 30;
    rows.push([`O${++seq}`, s.worker, at(s.date, t), at(s.date, t + len), s.platform ?? '速达', s.region ?? '永川区', s.line ?? '外卖', s.payYuan]);
    t += len + (s.gap ?? 5);
  }
  return rows;
}

/** The same shift on each listed day. */
export function days(dates: string[], s: Omit<Shift, 'date'>): Cell[][] {
  return dates.flatMap((date) => shift({ ...s, date }));
}

/** Consecutive dates from a start, n days. */
export function dateRange(from: string, n: number): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < n; i++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export const findings = (r: Report, rule: string, worker?: string) =>
  r.findings.filter((f) => f.rule === rule && (worker === undefined || f.workerId === worker));
