// Statutory holiday calendar (全国年节及纪念日放假办法 and the yearly 国办发明电 notices).
// Only years the root ruleset lists are known: for other years dayType() is undefined, so
// holiday-pay reports "could not assess" rather than guessing.
import type { DayType, HolidayCalendarYear } from './types.js';
import type { HolidayYearFile } from './schema.js';
import { civilFromDay, parseIsoDay, weekdayOfDay } from '../time.js';

interface Year extends HolidayCalendarYear {
  statutory: Set<number>;
  rest: Set<number>;
  workdays: Set<number>;
}

export class HolidayCalendar {
  private readonly years = new Map<number, Year>();

  constructor(data: Record<string, HolidayYearFile> = {}) {
    for (const [y, v] of Object.entries(data)) {
      const days = (list: string[]) => new Set(list.map((s) => parseIsoDay(s)!));
      this.years.set(Number(y), {
        year: Number(y),
        source: v.source,
        verified: v.verified,
        statutory: days(v.statutory),
        rest: days(v.rest),
        workdays: days(v.workdays),
      });
    }
  }

  dayType(day: number): DayType | undefined {
    const y = this.years.get(civilFromDay(day).y);
    if (!y) return undefined;
    if (y.statutory.has(day)) return 'statutory';
    if (y.rest.has(day)) return 'rest';
    if (y.workdays.has(day)) return 'workday';
    return weekdayOfDay(day) >= 6 ? 'rest' : 'workday';
  }

  calendarYears(): HolidayCalendarYear[] {
    return [...this.years.values()]
      .sort((a, b) => a.year - b.year)
      .map(({ year, source, verified }) => ({ year, source, verified }));
  }
}

/** Problems in one year's lists, as "key: message" (empty when consistent). */
export function checkHolidayYear(year: string, v: HolidayYearFile): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const list of ['statutory', 'rest', 'workdays'] as const) {
    v[list].forEach((s, i) => {
      if (!s.startsWith(`${year}-`)) problems.push(`${list}.${i}: ${s} is not in ${year}`);
      const other = seen.get(s);
      if (other) problems.push(`${list}.${i}: ${s} is also in ${other}`);
      seen.set(s, list);
      const wd = weekdayOfDay(parseIsoDay(s)!);
      if (list === 'workdays' && wd < 6) problems.push(`${list}.${i}: ${s} is a weekday, not a make-up working weekend`);
    });
  }
  return problems;
}
