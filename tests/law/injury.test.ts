import { describe, expect, it } from 'vitest';
import { d, law } from './helpers.js';

describe('occupationalInjuryCovers', () => {
  it('covers Chongqing takeaway from the 2022 pilot on', () => {
    const before = law.occupationalInjuryCovers('chongqing', 'takeaway', d('2022-06-30'));
    expect(before.value).toBe(false);
    expect(before.source).toMatch(/^no occupational-injury scheme before 2022-07-01 \(人社部发〔2021〕110号/);
    const on = law.occupationalInjuryCovers('chongqing', 'takeaway', d('2022-07-01'));
    expect(on.value).toBe(true);
    expect(on.since).toBe(d('2022-07-01'));
    expect(on.document).toBe('人社部发〔2021〕110号');
    expect(on.verified).toBe(false);
  });

  it('covers Yunnan only from 2026', () => {
    expect(law.occupationalInjuryCovers('yunnan', 'instant_delivery', d('2025-12-31')).value).toBe(false);
    const on = law.occupationalInjuryCovers('yunnan', 'instant_delivery', d('2026-01-01'));
    expect(on.value).toBe(true);
    expect(on.document).toBe('人社部发〔2025〕24号');
  });

  it('adds the second batch from 2025-07-01', () => {
    expect(law.occupationalInjuryCovers('zhejiang', 'ride_hailing', d('2025-06-30')).value).toBe(false);
    expect(law.occupationalInjuryCovers('zhejiang', 'ride_hailing', d('2025-07-01')).value).toBe(true);
  });

  it('treats takeaway and instant delivery as one industry', () => {
    // from 2025-07-01 only 即时配送 is listed; takeaway stays covered
    expect(law.occupationalInjuryCovers('sichuan', 'takeaway', d('2025-08-01')).value).toBe(true);
    expect(law.occupationalInjuryCovers('sichuan', 'instant_delivery', d('2022-08-01')).value).toBe(true);
  });

  it('never covers express or other work, and covers an unknown line where the province is covered', () => {
    expect(law.occupationalInjuryCovers('chongqing', 'express', d('2025-08-01')).value).toBe(false);
    expect(law.occupationalInjuryCovers('chongqing', 'other', d('2026-08-01')).value).toBe(false);
    expect(law.occupationalInjuryCovers('chongqing', 'freight', d('2023-01-01')).value).toBe(true);
    expect(law.occupationalInjuryCovers('chongqing', undefined, d('2023-01-01')).value).toBe(true);
    expect(law.occupationalInjuryCovers('yunnan', undefined, d('2023-01-01')).value).toBe(false);
  });
});
