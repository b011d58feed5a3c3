import { describe, expect, it } from 'vitest';
import { d, law } from './helpers.js';

describe('holiday calendar', () => {
  it.each([
    ['2025-01-28', 'statutory'], // 除夕 is a holiday from 2025 (国务院令第795号)
    ['2024-02-09', 'workday'], // 除夕 2024 was not, and was a working Friday
    ['2024-02-10', 'statutory'],
    ['2024-02-13', 'rest'], // 补假
    ['2025-05-02', 'statutory'], // second Labour Day from 2025
    ['2024-05-02', 'rest'], // 调休 in 2024
    ['2025-02-08', 'workday'], // make-up Saturday
    ['2025-02-03', 'rest'], // 调休 weekday
    ['2025-10-06', 'statutory'], // 中秋
    ['2025-03-08', 'rest'], // an ordinary Saturday
    ['2025-03-10', 'workday'],
    ['2026-02-16', 'statutory'], // 除夕 2026
    ['2026-02-28', 'workday'],
    ['2023-01-22', 'statutory'], // 春节 2023 (verified false, from chinese-days)
    ['2023-01-28', 'workday'],
  ])('%s is %s', (day, type) => {
    expect(law.dayType(d(day))).toBe(type);
  });

  it('has 11 statutory days a year before 2025 and 13 from 2025', () => {
    const count = (y: number) => {
      let n = 0;
      for (let day = d(`${y}-01-01`); day <= d(`${y}-12-31`); day++) if (law.dayType(day) === 'statutory') n++;
      return n;
    };
    expect([2021, 2022, 2023, 2024].map(count)).toEqual([11, 11, 11, 11]);
    expect([2025, 2026].map(count)).toEqual([13, 13]);
  });

  it('knows nothing of years it has no calendar for', () => {
    expect(law.dayType(d('2019-10-01'))).toBeUndefined();
    expect(law.dayType(d('2027-01-01'))).toBeUndefined();
  });

  it('lists its years with sources, all unverified', () => {
    const years = law.calendarYears();
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years.find((y) => y.year === 2025)?.source).toMatch(/国办发明电〔2024〕12号/);
    expect(years.every((y) => y.verified === false)).toBe(true);
  });
});
