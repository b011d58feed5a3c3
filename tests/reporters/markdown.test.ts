import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdown, MARKDOWN_FINDINGS_CAP } from '../../src/reporters/markdown.js';
import { finding, report } from '../helpers/report.js';

describe('markdown reporter', () => {
  it('has the sections a job summary needs', () => {
    const md = markdown(report());
    for (const h of ['# gigaudit compliance audit', '## Inputs', '## Summary', '## Employment report', '## Findings (4)', '## Could not assess']) {
      expect(md).toContain(h);
    }
    expect(md).toContain('80.0%');
    expect(md).toMatch(/\| `minimum-wage` Pay below the local minimum wage \| 1 \| 0 \| 0 \| 1 \|/);
  });

  it('escapes table pipes, backticks, HTML and leading block markers in values', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('`x`')).toBe('\\`x\\`');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('[x](http://e.example)')).toBe('\\[x\\]\\(http://e.example\\)');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
    expect(escapeMarkdown('@team')).toBe('&#64;team');
  });

  it('keeps a hostile worker id inside its table cell', () => {
    const f = finding({ rule: 'minimum-wage', workerId: '# x | <img src=x onerror=alert(1)> `y`', platform: 'p|q' });
    const md = markdown(report({ findings: [f] }));
    const line = md.split('\n').find((l) => l.includes('onerror'))!;
    expect(line).not.toContain('<img');
    // cells: severity … status = 10 cells → 11 unescaped pipes
    expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(12);
  });

  it('caps the findings listed and says how many are left out', () => {
    const many = Array.from({ length: MARKDOWN_FINDINGS_CAP + 7 }, (_, i) => finding({ rule: 'minimum-wage', workerId: `W${i}` }));
    const md = markdown(report({ findings: many }));
    expect(md).toContain('7 more not listed');
    expect(md.split('\n').filter((l) => /\| `minimum-wage` \| W\d+/.test(l))).toHaveLength(MARKDOWN_FINDINGS_CAP);
  });

  it('speaks Chinese when the report does', () => {
    const md = markdown(report({ run: { ...report().run, lang: 'zh' } }));
    expect(md).toContain('# gigaudit 合规审计报告');
    expect(md).toContain('## 用工情况报告');
  });
});
