// --lang zh|en: every heading, rule title, message and could-not-assess reason exists in both
// languages, and every format rendered in either language shows no unfilled `{placeholder}`,
// no `undefined`, and no word of the other language where a translation should be.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { fillTemplate } from '../../src/i18n/format.js';
import { LABELS } from '../../src/i18n/labels.js';
import { localiseReason } from '../../src/i18n/reasons.js';
import { applyBaseline, applySuppressions } from '../../src/report/baseline.js';
import type { Finding, Lang, Report } from '../../src/report/model.js';
import { REPORTERS } from '../../src/reporters/index.js';
import { RULES } from '../../src/rules/index.js';
import { finding, report as fakeReport } from '../helpers/report.js';

const LANGS: Lang[] = ['zh', 'en'];
const SRC = resolve(__dirname, '../../src');
const CJK = /\p{Script=Han}/u;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What a person reads: for HTML the text without tags, style, script or attributes. */
function visible(format: string, text: string): string {
  // Markdown: the backslash escapes of src/reporters/markdown.ts undone.
  if (format === 'markdown') return text.replace(/\\([\\`*_[\]{}()|~!#+=.-])/g, '$1').replace(/&#64;/g, '@').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  if (format !== 'html') return text;
  return text
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<script>[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every string in a JSON document. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

// Headings a reader of the other language would notice: each must appear in its own language only.
const HEADINGS = ['title', 'inputs', 'summary', 'findings', 'employment', 'notAssessed', 'rejected', 'coverageContract', 'coverageInjury', 'overLimits', 'arrears', 'charts', 'chartWage', 'chartSpans', 'chartInjury', 'searchWorker', 'toolVersion'] as const;

/** The could-not-assess reasons rules and the engine can give, with sample values for their `${…}` parts. */
function reasonsInSource(): string[] {
  const samples: Record<string, string> = { "missing.join(', ')": 'orders, pay', y: '2025', 'j.rulesetId': 'cn-chongqing', 'j.region': '永川区', 'formatDay(day)': '2025-01-01', rulesetId: 'cn' };
  const out: string[] = [];
  const files = readdirSync(join(SRC, 'rules')).map((f) => join(SRC, 'rules', f));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/notAssessed(?:\.push\(\{[^}]*?reason: |\()(['`])((?:(?!\1).)*)\1/g)) {
      const expanded = m[2].replace(/\$\{([^}]+)\}/g, (_w, expr: string) => {
        if (!(expr in samples)) throw new Error(`${file}: add a sample value for \${${expr}} to lang.test.ts`);
        return samples[expr];
      });
      out.push(expanded);
    }
  }
  // The engine's message for work before a parameter took effect (src/audit/context.ts, engine.ts).
  out.push('no max_minutes in force on the day of the work (ruleset cn)');
  return [...new Set(out)];
}

describe('labels and rule texts exist in both languages', () => {
  it('LABELS: the same keys, non-empty, the same placeholders', () => {
    const { zh, en } = LABELS;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      const a = zh[k];
      const b = en[k];
      if (typeof a === 'string') {
        expect(a.trim(), `zh.${k}`).not.toBe('');
        expect((b as string).trim(), `en.${k}`).not.toBe('');
        expect(placeholders(b as string), k).toEqual(placeholders(a));
      } else {
        expect(Object.keys(b).sort(), k).toEqual(Object.keys(a).sort());
        for (const [kk, v] of Object.entries(a)) expect([v, (b as Record<string, string>)[kk]].every((x) => x.trim() !== ''), `${k}.${kk}`).toBe(true);
      }
    }
  });

  it('every rule has a title, a description and its messages in both, with the same placeholders', () => {
    for (const rule of RULES) {
      for (const lang of LANGS) {
        expect(rule.title[lang]?.trim(), `${rule.id} title.${lang}`).toBeTruthy();
        expect(rule.description[lang]?.trim(), `${rule.id} description.${lang}`).toBeTruthy();
      }
      expect(CJK.test(rule.title.zh), `${rule.id} zh title`).toBe(true);
      expect(CJK.test(rule.title.en), `${rule.id} en title`).toBe(false);
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      for (const [id, m] of Object.entries(rule.messages)) {
        expect(m.zh?.trim(), `${rule.id}.${id}.zh`).toBeTruthy();
        expect(m.en?.trim(), `${rule.id}.${id}.en`).toBeTruthy();
        expect(placeholders(m.en), `${rule.id}.${id}`).toEqual(placeholders(m.zh));
      }
    }
  });

  it('every message id a rule names in its source has both templates', () => {
    for (const rule of RULES) {
      const text = readFileSync(join(SRC, 'rules', `${rule.id}.ts`), 'utf8');
      for (const m of text.matchAll(/messageId\s*(?::|=(?!=))\s*([^,;\n]+)/g)) {
        if (m[1].includes('`')) continue; // composed ids (late-payment): covered by the templates' own test
        for (const lit of m[1].matchAll(/(?<!===\s?)'(\w+)'/g)) expect(rule.messages[lit[1]], `${rule.id}: messageId '${lit[1]}'`).toBeDefined();
      }
    }
  });

  it('every could-not-assess reason the rules give reads in Chinese too', () => {
    const reasons = reasonsInSource();
    expect(reasons.length).toBeGreaterThan(10);
    for (const r of reasons) {
      const zh = localiseReason(r, 'zh');
      expect(CJK.test(zh), `no Chinese for "${r}"`).toBe(true);
      expect(zh).not.toMatch(/\b(no|not|the|for|in)\b/);
      expect(localiseReason(r, 'en')).toBe(r);
    }
    // An unknown reason passes through rather than vanishing.
    expect(localiseReason('something new', 'zh')).toBe('something new');
  });
});

describe('every format in both languages', () => {
  const rendered: Record<Lang, Record<string, string>> = { zh: {}, en: {} };
  const reports: Partial<Record<Lang, Report>> = {};
  const reasons = reasonsInSource();

  /** A report that exercises every part: a finding per rule, every state, every reason, a rejection. */
  function everything(lang: Lang): Report {
    const base = fakeReport();
    const findings: Finding[] = RULES.map((rule, i) => {
      const [messageId, templates] = Object.entries(rule.messages)[0];
      const data = Object.fromEntries(placeholders(templates[lang]).map((p) => [p, 7]));
      return finding({
        rule: rule.id,
        severity: (['error', 'warning', 'info'] as const)[i % 3],
        workerId: `W${i}`,
        messageId,
        data,
        message: fillTemplate(templates[lang], data),
        period: { from: `2025-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00`, to: `2025-03-${String((i % 28) + 1).padStart(2, '0')}T14:00:00+08:00` },
        metrics: { minutes: 300 + i, limitMinutes: 240, rateYuanPerHour: 18, minimumYuanPerHour: 21, uncoveredActiveDays: 3, day: '2025-03-04' },
        unverified: i % 2 ? ['a value'] : undefined,
      });
    });
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const f of findings) bySeverity[f.severity]++;
    const summary = { ...base.summary, findings: findings.length, bySeverity, byRule: Object.fromEntries(RULES.map((x) => [x.id, 1])) };
    let r: Report = { ...base, run: { ...base.run, lang }, summary, findings, notAssessed: reasons.map((reason, i) => ({ rule: RULES[i % RULES.length].id, reason, workerPlatforms: i + 1 })) };
    // Some findings new, some unchanged, one absent; one suppressed.
    r = applyBaseline(r, { findings: [...findings.slice(0, 5), finding({ rule: 'minimum-wage', workerId: 'GONE', message: 'fixed since' })] });
    return applySuppressions(r, [{ rule: RULES[1].id, workerId: 'W1', reason: 'agreed', expires: '2099-01-01' }]).report;
  }

  beforeAll(async () => {
    for (const lang of LANGS) {
      const samples = await runAudit({ inputs: [{ path: resolve(__dirname, '../../samples') }], lang, now: () => new Date('2026-01-01T00:00:00Z') });
      reports[lang] = samples;
      for (const [format, reporter] of Object.entries(REPORTERS)) {
        rendered[lang][`${format}/samples`] = reporter(samples);
        rendered[lang][`${format}/everything`] = reporter(everything(lang));
      }
    }
  }, 60_000);

  it('findings carry their rule’s message in the report language', () => {
    for (const lang of LANGS) {
      for (const f of reports[lang]!.findings) {
        const rule = RULES.find((r) => r.id === f.rule)!;
        expect(rule.messages[f.messageId], `${f.rule}.${f.messageId}`).toBeDefined();
        expect(f.message).toBe(fillTemplate(rule.messages[f.messageId][lang], f.data));
      }
    }
  });

  for (const lang of LANGS) {
    it(`${lang}: no placeholder, undefined or NaN in any format`, () => {
      for (const [name, text] of Object.entries(rendered[lang])) {
        const format = name.split('/')[0];
        const parts = format === 'json' || format === 'sarif' ? strings(JSON.parse(text)) : [visible(format, text)];
        for (const p of parts) {
          expect(p, name).not.toMatch(/\{\w+\}/);
          expect(p, name).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
        }
      }
    });

    it(`${lang}: headings, rule titles and reasons are in ${lang}, not the other language`, () => {
      const other: Lang = lang === 'zh' ? 'en' : 'zh';
      for (const format of ['table', 'markdown', 'html']) {
        const text = visible(format, rendered[lang][`${format}/everything`]);
        for (const k of HEADINGS) {
          if (LABELS[other][k] !== LABELS[lang][k]) expect(text, `${format}: ${other}.${k}`).not.toContain(LABELS[other][k]);
        }
        for (const rule of RULES) {
          expect(text, `${format}: ${rule.id} ${lang} title`).toContain(rule.title[lang]);
          expect(text, `${format}: ${rule.id} ${other} title`).not.toContain(rule.title[other]);
        }
        for (const r of reasons) expect(text.includes(localiseReason(r, lang)), `${format}: reason "${r}"`).toBe(true);
        if (lang === 'zh') for (const r of reasons) expect(text.includes(r), `${format}: English reason "${r}"`).toBe(false);
      }
      // SARIF's rule catalogue speaks the report's language too.
      const sarif = JSON.parse(rendered[lang]['sarif/everything']);
      expect(sarif.runs[0].language).toBe(lang === 'zh' ? 'zh-CN' : 'en-US');
      for (const d of sarif.runs[0].tool.driver.rules) expect(d.shortDescription.text).toBe(RULES.find((r) => r.id === d.id)!.title[lang]);
    });
  }
});
