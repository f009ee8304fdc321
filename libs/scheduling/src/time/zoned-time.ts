import type { Instant, LocalDate, LocalTime, Result, TimeZone } from '../model/types';
import { formatEpochDay, formatWallDate, formatWallTime, MS_PER_DAY, MS_PER_MINUTE, parseLocalDate, parseLocalTime, toEpochDayOf } from './local-date-time';
import { getZoneOffsetMinutes, instantToWall, isValidTimeZone, wallToInstant } from './time-zone';

/** Why a wall-clock value could not be turned into an instant (or back). */
export type TimeConversionReason = 'invalid-date' | 'invalid-time' | 'invalid-zone' | 'invalid-instant';

/** A wall-clock reading in a zone. `offsetMinutes` is the UTC offset in force (Berlin summer → 120). */
export interface LocalDateTime {
  date: LocalDate;
  /** `HH:mm`; seconds and milliseconds of the instant are dropped, not rounded. */
  time: LocalTime;
  zone: TimeZone;
  offsetMinutes: number;
}

/**
 * Turns a local date and `HH:mm` time in an IANA zone into a UTC instant (epoch ms), following
 * the DST policy in `time-zone.ts`: a nonexistent time moves forward by the gap, an ambiguous
 * time takes its first occurrence. Bad input is a typed failure naming the field.
 */
export function localToInstant(input: { date: LocalDate; time: LocalTime; zone: TimeZone }): Result<Instant, TimeConversionReason> {
  const date = parseLocalDate(input.date, 'date');
  if (!date.ok) return date;
  const time = parseLocalTime(input.time, 'time');
  if (!time.ok) return time;
  if (!isValidTimeZone(input.zone)) return invalidZone(input.zone);
  const { year, month, day } = date.value;
  const wallMs = Date.UTC(year, month - 1, day, time.value.hour, time.value.minute);
  return { ok: true, value: wallToInstant(input.zone, wallMs) };
}

/** Reads an instant (UTC epoch ms) on the wall clock of an IANA zone. */
export function instantToLocal(instant: Instant, zone: TimeZone): Result<LocalDateTime, TimeConversionReason> {
  if (!Number.isFinite(instant)) {
    return { ok: false, reason: 'invalid-instant', field: 'instant', message: 'instant must be a finite number of epoch milliseconds' };
  }
  if (!isValidTimeZone(zone)) return invalidZone(zone);
  const offsetMinutes = getZoneOffsetMinutes(zone, instant);
  const wallMs = instant + offsetMinutes * MS_PER_MINUTE;
  return { ok: true, value: { date: formatWallDate(wallMs), time: formatWallTime(wallMs), zone, offsetMinutes } };
}

/**
 * Human-readable wall-clock rendering for the UI and iCal descriptions, e.g.
 * `2026-03-29 09:00 CEST (Europe/Berlin)`. Where no letter abbreviation is common for the zone
 * the numeric offset is shown instead (`2026-01-15 09:00 UTC+05:30 (Asia/Kolkata)`).
 * Zones are validated when they are stored, so an invalid zone here is a programming error and
 * throws a RangeError rather than returning a result.
 */
export function formatInZone(instant: Instant, zone: TimeZone): string {
  if (!isValidTimeZone(zone)) throw new RangeError(`formatInZone: not an IANA time zone: ${String(zone)}`);
  const wallMs = instantToWall(zone, instant);
  return `${formatWallDate(wallMs)} ${formatWallTime(wallMs)} ${getZoneAbbreviation(instant, zone)} (${zone})`;
}

/**
 * Instant (UTC epoch ms) of `minutes` wall-clock minutes after local midnight of `date` in
 * `zone`, under the DST policy in `time-zone.ts`. Minutes of 1440 or more roll into the
 * following days, so 1440 is the next day's 00:00 (the end of a window written `24:00`).
 * For values already validated (rules, rotations): a malformed date throws a RangeError; an
 * invalid zone gives NaN. Untrusted input goes through `localToInstant`.
 */
export function localMinuteToInstant(input: { date: LocalDate; minutes: number; zone: TimeZone }): Instant {
  return wallToInstant(input.zone, toEpochDayOf(input.date) * MS_PER_DAY + input.minutes * MS_PER_MINUTE);
}

/** Instant (UTC epoch ms) of local midnight starting `date` in `zone`; the DST policy applies. */
export function getStartOfLocalDay(date: LocalDate, zone: TimeZone): Instant {
  return localMinuteToInstant({ date, minutes: 0, zone });
}

/** Local calendar date (`YYYY-MM-DD`) in `zone` of an instant (UTC epoch ms). */
export function getLocalDate(instant: Instant, zone: TimeZone): LocalDate {
  return formatEpochDay(Math.floor(instantToWall(zone, instant) / MS_PER_DAY));
}

/** Local `YYYY-MM-DD HH:mm` in `zone` of an instant, without the zone, for human messages. */
export function formatLocalDateTime(instant: Instant, zone: TimeZone): string {
  const wallMs = instantToWall(zone, instant);
  return `${formatWallDate(wallMs)} ${formatWallTime(wallMs)}`;
}

/**
 * ISO 8601 text of an instant in UTC, milliseconds only when non-zero
 * (`2026-03-29T01:30:00Z`), used in stable ids and messages.
 */
export function formatIsoUtc(instant: Instant): string {
  const text = new Date(instant).toISOString();
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text;
}

/*
 * Abbreviations come from ICU and depend on the locale: en-US knows EST/EDT/PST but calls
 * Berlin "GMT+2"; en-GB knows CET/CEST/BST; en-AU knows ACST/AEST; en-IN knows IST. We take the
 * first that yields letters and fall back to a numeric offset, so the output never depends on
 * the host's locale or TZ.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;
const LETTER_ABBREVIATION = /^[A-Z]{2,5}$/;
const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

/** Short zone name in force at `instant` (`CEST`, `EDT`, `UTC`), or `UTC+05:30` style if none. */
export function getZoneAbbreviation(instant: Instant, zone: TimeZone): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const key = `${locale}|${zone}`;
    let format = abbreviationFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      abbreviationFormats.set(key, format);
    }
    const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
    // Letters only: "GMT+2" or "GMT-3" is a generic offset, not an abbreviation.
    if (name && LETTER_ABBREVIATION.test(name)) return name;
  }
  return formatOffset(getZoneOffsetMinutes(zone, instant));
}

/** `UTC+05:30`, `UTC-04:00`, `UTC` for a zero offset; input in minutes. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function invalidZone(zone: unknown): { ok: false; reason: 'invalid-zone'; field: string; message: string } {
  return { ok: false, reason: 'invalid-zone', field: 'zone', message: `${String(zone)} is not an IANA time zone (e.g. Europe/Berlin)` };
}
