// Calendar arithmetic without Date objects in hot paths. A "day number" is the count of
// days since 1970-01-01 on the local calendar of the run's time zone.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Day number of a civil date (proleptic Gregorian). */
export function dayFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isValidCivil(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const c = civilFromDay(dayFromCivil(y, m, d));
  return c.y === y && c.m === m && c.d === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDay(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Parse strict ISO 'YYYY-MM-DD' (as used in rulesets, config and CLI options). */
export function parseIsoDay(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d) ? dayFromCivil(y, mo, d) : undefined;
}

/** Month index = y*12 + (m-1); compact key for per-month state. */
export function monthOfDay(day: number): number {
  const { y, m } = civilFromDay(day);
  return y * 12 + (m - 1);
}
export function firstDayOfMonth(month: number): number {
  return dayFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}
export function lastDayOfMonth(month: number): number {
  return firstDayOfMonth(month + 1) - 1;
}
export function formatMonth(month: number): string {
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`;
}

/** ISO weekday 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The run's clock: converts between instants and local calendar values for one IANA
 * time zone. Fixed-offset zones (Asia/Shanghai has had no DST since 1991) take a fast
 * path; others consult Intl once per hour bucket.
 */
export class Clock {
  readonly tz: string;
  private readonly fixedOffset: number | undefined;
  private readonly cache = new Map<number, number>();
  private readonly fmt: Intl.DateTimeFormat;

  constructor(tz = 'Asia/Shanghai') {
    this.tz = tz;
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const probes = [Date.UTC(2000, 0, 1), Date.UTC(2000, 6, 1), Date.UTC(2025, 0, 1), Date.UTC(2025, 6, 1)];
    const offs = probes.map((p) => this.computeOffset(p));
    this.fixedOffset = tz === 'Asia/Shanghai' || offs.every((o) => o === offs[0]) ? offs[2] : undefined;
  }

  /** Throws RangeError for an unknown zone; callers turn that into a usage error. */
  static validate(tz: string): void {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  }

  private computeOffset(ms: number): number {
    const parts = this.fmt.formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((local - Math.floor(ms / 1000) * 1000) / MS_PER_MINUTE);
  }

  /** Offset from UTC in minutes at an instant. */
  offsetAt(ms: number): number {
    if (this.fixedOffset !== undefined) return this.fixedOffset;
    const bucket = Math.floor(ms / 3_600_000);
    let o = this.cache.get(bucket);
    if (o === undefined) {
      o = this.computeOffset(bucket * 3_600_000);
      this.cache.set(bucket, o);
    }
    return o;
  }

  /** Local day number of an instant. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms) * MS_PER_MINUTE) / MS_PER_DAY);
  }

  /** The instant a local day starts. */
  startOfDay(day: number): number {
    const guess = day * MS_PER_DAY;
    let ms = guess - this.offsetAt(guess) * MS_PER_MINUTE;
    ms = guess - this.offsetAt(ms) * MS_PER_MINUTE;
    return ms;
  }

  /** Instant of a local wall-clock time (no offset given in the input). */
  fromLocal(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, msec = 0): number {
    return this.fromLocalDay(dayFromCivil(y, mo, d), h, mi, s, msec);
  }

  /** fromLocal with the date given as a day number (for readers that cache the date). */
  fromLocalDay(day: number, h = 0, mi = 0, s = 0, msec = 0): number {
    const wall = (day * 86400 + h * 3600 + mi * 60 + s) * 1000 + msec;
    let ms = wall - this.offsetAt(wall) * MS_PER_MINUTE;
    ms = wall - this.offsetAt(ms) * MS_PER_MINUTE;
    return ms;
  }

  /** ISO 8601 with the local offset, e.g. 2025-03-04T08:00:00+08:00. */
  formatInstant(ms: number): string {
    const off = this.offsetAt(ms);
    const local = ms + off * MS_PER_MINUTE;
    const day = Math.floor(local / MS_PER_DAY);
    const secOfDay = Math.floor((local - day * MS_PER_DAY) / 1000);
    const sign = off >= 0 ? '+' : '-';
    const a = Math.abs(off);
    return (
      `${formatDay(day)}T${pad(Math.floor(secOfDay / 3600))}:${pad(Math.floor((secOfDay % 3600) / 60))}:${pad(secOfDay % 60)}` +
      `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
    );
  }

  /** Local 'YYYY-MM-DD HH:MM' for human-facing text. */
  formatShort(ms: number): string {
    return this.formatInstant(ms).slice(0, 16).replace('T', ' ');
  }
}
