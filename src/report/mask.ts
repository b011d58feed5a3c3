// Privacy by default: personal data (names, resident ID numbers, mobile numbers) is masked
// in every output unless --no-mask. A pass over the report's free-text values: messages,
// message data and metrics, evidence, reasons. Ids (fingerprints) are computed before
// masking and are never touched, so baselines and suppressions match either way.
import { sortFindings } from './build.js';
import type { Evidence, Finding, Report } from './model.js';

export interface PersonalData {
  /** Names from the worker roster, masked wherever they appear. */
  names: string[];
}

/** 18-character resident ID: 6 region digits, a birth date 19xx/20xx, 3 digits, check digit or X. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})((?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![0-9A-Za-z])/g;
/** Mainland mobile numbers, optionally +86 and grouped 3-4-4 with spaces or hyphens. */
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9A-Za-z])/g;

/** `5001**********1234`: the first 4 (province and city) and last 4 kept. */
export const maskIdNumber = (id: string): string => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
/** `138****5678`. */
export const maskPhone = (digits: string): string => `${digits.slice(0, 3)}****${digits.slice(-4)}`;

/** Two-character surnames: `欧阳娜娜` → `欧阳**`, not `欧***`. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 轩辕 令狐 端木 西门 南宫 独孤 百里 呼延 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 钟离 闻人 万俟 赫连 拓跋 东郭 南门 第五 羊舌 微生 梁丘 左丘 东门 公羊 谷梁 乐正 漆雕 壤驷 公良 颛孙 巫马 亓官 司寇 仉督 子车 鲜于 闾丘 公西 段干 归海'.split(' '),
);

/** `张*`, `张**`, `欧阳**`; Latin names keep each word's initial (`J*** S****`). */
export function maskName(name: string): string {
  const chars = [...name];
  if (/^[\p{Script=Han}·•]+$/u.test(name)) {
    const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
  }
  return name.replace(/[\p{L}\p{N}]+/gu, (w) => {
    const c = [...w];
    return c[0] + '*'.repeat(Math.max(1, c.length - 1));
  });
}

/** Finds roster names in text by first character: linear in the text, whatever the roster size. */
class NameMatcher {
  private readonly byFirst = new Map<string, string[]>();
  constructor(names: string[]) {
    // A one-character "name" would mask that character everywhere: not a usable pattern.
    for (const n of new Set(names.map((x) => x.trim()).filter((x) => [...x].length >= 2))) {
      const first = [...n][0];
      const list = this.byFirst.get(first) ?? [];
      list.push(n);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length); // longest first
  }
  get empty() {
    return this.byFirst.size === 0;
  }
  replace(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const hit = this.byFirst.get(ch)?.find((n) => text.startsWith(n, i));
      if (hit) {
        out += maskName(hit);
        i += hit.length;
      } else {
        out += ch;
        i += ch.length;
      }
    }
    return out;
  }
}

/** A masking function for strings; numbers and booleans pass through. */
/**
 * What any match of ID_NUMBER or MOBILE contains (17 digits in a row; a mobile's digits), so
 * that text without it skips both: most of a report's strings are order ids and notes.
 */
const MAYBE_NUMBER = /\d{17}|1[3-9]\d[ -]?\d{4}[ -]?\d{4}/;

export function makeMasker(personal: PersonalData = { names: [] }): (text: string) => string {
  const names = new NameMatcher(personal.names);
  return (text: string) => {
    let s = text;
    if (MAYBE_NUMBER.test(s)) {
      s = s.replace(ID_NUMBER, (_m, a: string, b: string) => maskIdNumber(a + b));
      s = s.replace(MOBILE, (_m, a: string, b: string, c: string) => maskPhone(a + b + c));
    }
    return names.empty ? s : names.replace(s);
  };
}

/**
 * An evidence item with its order id and note masked; the item itself when masking changes
 * neither (most of them: a report lists tens of thousands, and a copy would print the same).
 */
function maskEvidence(e: Evidence, m: (s: string) => string): Evidence {
  const orderId = e.orderId === undefined ? undefined : m(e.orderId);
  const note = e.note === undefined ? undefined : m(e.note);
  if (orderId === e.orderId && note === e.note) return e;
  return {
    ...e,
    ...(e.orderId !== undefined ? { orderId } : {}),
    ...(e.note !== undefined ? { note } : {}),
  };
}

function maskFinding(f: Finding, m: (s: string) => string): Finding {
  // The object itself when masking changes none of its strings (it would print the same).
  const values = <T extends string | number | boolean>(o: Record<string, T>) => {
    let changed = false;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string' && m(v) !== v) {
        changed = true;
        break;
      }
    }
    if (!changed) return o;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? m(v) : v])) as Record<string, T>;
  };
  return {
    ...f,
    ...(f.workerId !== undefined ? { workerId: m(f.workerId) } : {}),
    message: m(f.message),
    data: values(f.data),
    metrics: values(f.metrics),
    evidence: f.evidence.map((e) => maskEvidence(e, m)),
    ...(f.suppressed ? { suppressed: { ...f.suppressed, reason: m(f.suppressed.reason) } } : {}),
  };
}

/**
 * The report with personal data masked. Worker ids stay as given (they are pseudonymous)
 * unless one is itself an ID number, a phone or a roster name; file paths, hashes, rule
 * ids and fingerprints are left alone.
 */
export function maskReport(report: Report, personal?: PersonalData): Report {
  const m = makeMasker(personal);
  const findings = report.findings.map((f) => maskFinding(f, m));
  // Findings are sorted by the worker id the report shows (cli-and-report.md): a masked id
  // sorts where its masked form does (ties fall to the period and the fingerprint).
  if (findings.some((f, k) => f.workerId !== report.findings[k].workerId)) sortFindings(findings);
  return {
    ...report,
    findings,
    notAssessed: report.notAssessed.map((n) => ({ ...n, reason: m(n.reason) })),
    rejected: report.rejected.map((r) => ({ ...r, reason: m(r.reason) })),
  };
}
