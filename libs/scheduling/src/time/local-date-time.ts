import type { LocalDate, LocalTime, Result, Weekday } from '../model/types';

/**
 * Strict parsing and arithmetic for zone-less wall-clock values.
 *
 * Internally a wall-clock moment is carried as "wall ms": the epoch milliseconds it would have
 * if the wall clock were UTC (`Date.UTC(y, m - 1, d, h, min)`). That keeps calendar arithmetic
 * exact (every wall day is 86 400 000 ms long) and independent of the host's `TZ`; only the
 * zone conversion in `time-zone.ts` turns wall ms into real instants.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Calendar fields of a local date; month 1–12, day 1–31. */
export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

/** Fields of a local wall-clock time; hour 0–23, minute 0–59. */
export interface LocalTimeParts {
  hour: number;
  minute: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * Parses a `YYYY-MM-DD` local date strictly: exactly that shape, a real calendar day
 * (2026-02-29 is refused), years 1000–9999.
 */
export function parseLocalDate(value: unknown, field = 'date'): Result<LocalDateParts, 'invalid-date'> {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match) {
    return { ok: false, reason: 'invalid-date', field, message: `${field} must be a date written YYYY-MM-DD` };
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // A round trip through the day count that changes the fields means no such day (02-30).
  const probe = fromEpochDay(toEpochDay({ year, month, day }));
  if (year < 1000 || probe.year !== year || probe.month !== month || probe.day !== day) {
    return { ok: false, reason: 'invalid-date', field, message: `${field} ${String(value)} is not a calendar date` };
  }
  return { ok: true, value: { year, month, day } };
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (the rules of `parseLocalDate`). */
export function isLocalDate(value: unknown): value is LocalDate {
  return parseLocalDate(value).ok;
}

/** Parses a 24-hour `HH:mm` local time strictly (00:00–23:59; no seconds, no `24:00`). */
export function parseLocalTime(value: unknown, field = 'time'): Result<LocalTimeParts, 'invalid-time'> {
  const match = typeof value === 'string' ? TIME_PATTERN.exec(value) : null;
  if (!match) {
    return { ok: false, reason: 'invalid-time', field, message: `${field} must be a time written HH:mm (24-hour clock)` };
  }
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) {
    return { ok: false, reason: 'invalid-time', field, message: `${field} ${String(value)} is not a time of day (00:00–23:59)` };
  }
  return { ok: true, value: { hour, minute } };
}

/**
 * Minutes after local midnight of an `HH:mm` time (0–1439), or null when it is not one.
 * With `allowEndOfDay`, `24:00` is also accepted and gives 1440 (the end of a window that runs
 * to midnight). Zone-less: the minutes are wall-clock minutes, not elapsed time.
 */
export function parseMinuteOfDay(value: string, options: { allowEndOfDay?: boolean } = {}): number | null {
  if (options.allowEndOfDay && value === '24:00') return 24 * 60;
  const parsed = parseLocalTime(value);
  return parsed.ok ? toMinuteOfDay(parsed.value) : null;
}

/** Days since 1970-01-01 of a local calendar date (zone-less, proleptic Gregorian). */
export function toEpochDay(parts: LocalDateParts): number {
  // H. Hinnant's days_from_civil: integer maths, no Date objects, no host TZ.
  const y = parts.month <= 2 ? parts.year - 1 : parts.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (parts.month + (parts.month > 2 ? -3 : 9)) + 2) / 5) + parts.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar fields of a day count since 1970-01-01 (inverse of `toEpochDay`). */
export function fromEpochDay(epochDay: number): LocalDateParts {
  // H. Hinnant's civil_from_days.
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Formats a day count since 1970-01-01 as `YYYY-MM-DD`. */
export function formatEpochDay(epochDay: number): LocalDate {
  const { year, month, day } = fromEpochDay(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DD` of a wall-ms value. */
export function formatWallDate(wallMs: number): LocalDate {
  return formatEpochDay(Math.floor(wallMs / MS_PER_DAY));
}

/** `HH:mm` of a wall-ms value (seconds are dropped, not rounded). */
export function formatWallTime(wallMs: number): LocalTime {
  const minuteOfDay = Math.floor((wallMs - Math.floor(wallMs / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  return `${pad(Math.floor(minuteOfDay / 60), 2)}:${pad(minuteOfDay % 60, 2)}`;
}

/** Minutes after local midnight of a parsed time. */
export function toMinuteOfDay(parts: LocalTimeParts): number {
  return parts.hour * 60 + parts.minute;
}

/**
 * Adds whole calendar days to a `YYYY-MM-DD` date; returns the input's parse failure if it is
 * not a date. For untrusted input; code holding an already valid date uses `addCalendarDays`.
 */
export function addLocalDays(date: LocalDate, days: number): Result<LocalDate, 'invalid-date'> {
  const parsed = parseLocalDate(date);
  if (!parsed.ok) return parsed;
  return { ok: true, value: formatEpochDay(toEpochDay(parsed.value) + Math.trunc(days)) };
}

/**
 * `date` plus `days` whole calendar days (negative goes back), as `YYYY-MM-DD`. Zone-less: a
 * calendar day, not 24 h. `date` must already be valid (it came from a validated rule or from
 * `getLocalDate`); a malformed one is a programming error and throws a RangeError.
 */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const added = addLocalDays(date, days);
  if (!added.ok) throw new RangeError(`addCalendarDays: ${added.message}`);
  return added.value;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. Throws a RangeError on a malformed date. */
export function getIsoWeekday(date: LocalDate): Weekday {
  // 1970-01-01 (epoch day 0) was a Thursday, ISO 4.
  return ((((toEpochDayOf(date) + 3) % 7) + 7) % 7) + 1 as Weekday;
}

/** Monday (`YYYY-MM-DD`) of the ISO week (Monday–Sunday) containing `date`. */
export function getStartOfIsoWeek(date: LocalDate): LocalDate {
  return addCalendarDays(date, 1 - getIsoWeekday(date));
}

/** Epoch day of a valid `YYYY-MM-DD`; a malformed date is a programming error (RangeError). */
export function toEpochDayOf(date: LocalDate): number {
  const parsed = parseLocalDate(date);
  if (!parsed.ok) throw new RangeError(`toEpochDayOf: ${parsed.message}`);
  return toEpochDay(parsed.value);
}

/** Hours with at most one decimal and no trailing `.0` (9.5 → "9.5", 11 → "11"), for messages. */
export function formatDurationHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
