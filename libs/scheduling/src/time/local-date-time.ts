import type { LocalDate, LocalTime, Result } from '../model/types';

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
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over to 03-02; a round trip that changes the fields means no such day.
  if (year < 1000 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { ok: false, reason: 'invalid-date', field, message: `${field} ${String(value)} is not a calendar date` };
  }
  return { ok: true, value: { year, month, day } };
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

/** Days since 1970-01-01 of a local calendar date (zone-less). */
export function toEpochDay(parts: LocalDateParts): number {
  return Math.floor(Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY);
}

/** Formats a day count since 1970-01-01 as `YYYY-MM-DD`. */
export function formatEpochDay(epochDay: number): LocalDate {
  return formatWallDate(epochDay * MS_PER_DAY);
}

/** `YYYY-MM-DD` of a wall-ms value. */
export function formatWallDate(wallMs: number): LocalDate {
  const d = new Date(wallMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** `HH:mm` of a wall-ms value (seconds are dropped, not rounded). */
export function formatWallTime(wallMs: number): LocalTime {
  const d = new Date(wallMs);
  return `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}`;
}

/** Minutes after local midnight of a parsed time. */
export function toMinuteOfDay(parts: LocalTimeParts): number {
  return parts.hour * 60 + parts.minute;
}

/**
 * Adds whole calendar days to a `YYYY-MM-DD` date; returns the input's parse failure if it is
 * not a date.
 */
export function addLocalDays(date: LocalDate, days: number): Result<LocalDate, 'invalid-date'> {
  const parsed = parseLocalDate(date);
  if (!parsed.ok) return parsed;
  return { ok: true, value: formatEpochDay(toEpochDay(parsed.value) + Math.trunc(days)) };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
