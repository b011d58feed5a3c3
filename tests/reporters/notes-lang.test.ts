// Evidence notes in the HTML report follow --lang (the JSON keeps them in English for
// scripts): every note form the rules write, and the real report on the samples.
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { localiseNote } from '../../src/i18n/notes.js';

describe('localiseNote', () => {
  it.each([
    ['roster', '花名册'],
    ['holiday_pay', '节假日工资'],
    ['first order accepted after the limit', '达到上限后接的第一单'],
    ['labor_contract 2025-01-01–2025-12-31', '劳动合同 2025-01-01至2025-12-31'],
    ['written_agreement 2024-08-19– oral', '书面协议 2024-08-19至长期（口头）'],
    ['written_agreement 2024-08-19–', '书面协议 2024-08-19至长期'],
    ['cooperation_agreement, exclusive', '合作协议，含排他条款'],
    ['dispatch_contract, no agency', '劳务派遣合同，未写明派遣单位'],
    ['worker R1: dispatch_contract, agency 渝才人力', '劳动者 R1：劳务派遣合同，派遣单位 渝才人力'],
    ['work_injury lapsed 2025-01-01–2025-03-31', '工伤保险 停保 2025-01-01至2025-03-31'],
    [
      '2024-12-01–2024-12-31, gross 793.17, net 593.17, deduction 200.00 (deposit), paid 2025-01-09, by wechat',
      '2024-12-01至2024-12-31，应发 793.17，实发 593.17，扣款 200.00（押金），发放于 2025-01-09，以微信支付',
    ],
    ['2025-01-01–2025-01-31, gross 100.00, no pay slip', '2025-01-01至2025-01-31，应发 100.00，未提供工资清单'],
    ['2025-01-01–2025-01-31, gross 100.00, not paid', '2025-01-01至2025-01-31，应发 100.00，未发放'],
    ['something else entirely', 'something else entirely'],
  ])('%s', (en, zh) => {
    expect(localiseNote(en, 'zh')).toBe(zh);
    expect(localiseNote(en, 'en')).toBe(en);
  });
});

describe('the zh HTML report on the samples', () => {
  it('has no English evidence note; the JSON keeps them in English', async () => {
    const out = async (format: string) => {
      let stdout = '';
      await main(['audit', resolve(__dirname, '../../samples'), '--format', format, '--fail-on', 'never', '--lang', 'zh'], {
        stdout: (s) => void (stdout += s),
        stderr: () => {},
        env: {},
        cwd: tmpdir(),
      });
      return stdout;
    };
    const html = await out('html');
    const notes = [...html.matchAll(/<\/code> ([^<]+)<\/li>/g)].map((m) => m[1]).filter((n) => !/^\[/.test(n)); // rejected rows: [column] reason
    expect(notes.length).toBeGreaterThan(50);
    for (const n of notes) expect(n, n).not.toMatch(/\b(roster|first order|gross|agency|contract|agreement|active|lapsed|paid|exclusive)\b/);
    const json = JSON.parse(await out('json'));
    expect(json.findings.flatMap((f: { evidence: { note?: string }[] }) => f.evidence.map((e) => e.note)).filter(Boolean)).toContain('first order accepted after the limit');
  });
});
