import { DateTime, IANAZone } from 'luxon';
import { Instant, LocalDate, TimeZone } from '../model/types';

/*
 * Local wall-clock ↔ instant helpers private to coverage, rules and staffing.
 * (The shared `time/` module belongs to another part of the lib; these stay internal and are
 * not exported from the barrel, so the two never clash.)
 *
 * DST policy, shared with the rest of the domain:
 * - a local time that does not exist (spring-forward gap) moves forward by the gap
 *   (what luxon does: 02:30 on a Berlin spring-forward day becomes 03:30 CEST);
 * - a local time that exists twice (fall-back overlap) takes the EARLIER occurrence
 *   (luxon would pick the later one).
 *
 * Speed: coverage expands rules on every request, and one zone-offset lookup through Intl costs
 * tens of microseconds on this machine. Offsets are therefore looked up once per UTC day and
 * zone (plus a binary search to the 15-minute UTC slot on days with a transition) and memoised.
 * This assumes at most one offset change per UTC day and transitions on 15-minute UTC
 * boundaries, true for every zone since the 1970s. Pure calendar arithmetic (dates, weekdays)
 * uses integer civil-date maths instead of date objects.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SLOT_MS = 15 * MINUTE_MS;
const MAX_CACHED_DAYS_PER_ZONE = 100_000;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset in minutes at the start of a UTC day, and where (if anywhere) it changes that day. */
interface DayOffsets {
  start: number;
  end: number;
  /** First instant of the new offset; only meaningful when `start !== end`. */
  transition: Instant;
}

const offsetCache = new Map<TimeZone, Map<number, DayOffsets>>();

function rawOffset(zone: IANAZone, instant: Instant): number {
  return zone.offset(instant);
}

function dayOffsets(zoneName: TimeZone, dayIndex: number): DayOffsets {
  let zoneCache = offsetCache.get(zoneName);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(zoneName, zoneCache);
  }
  const cached = zoneCache.get(dayIndex);
  if (cached) return cached;
  const zone = IANAZone.create(zoneName);
  const dayStart = dayIndex * DAY_MS;
  const start = zoneCache.get(dayIndex - 1)?.end ?? rawOffset(zone, dayStart);
  const end = zoneCache.get(dayIndex + 1)?.start ?? rawOffset(zone, dayStart + DAY_MS);
  let transition = dayStart + DAY_MS;
  if (start !== end) {
    // First 15-minute slot of the day already on the new offset.
    let lo = 0;
    let hi = DAY_MS / SLOT_MS;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rawOffset(zone, dayStart + mid * SLOT_MS) === end) hi = mid;
      else lo = mid + 1;
    }
    transition = dayStart + lo * SLOT_MS;
  }
  if (zoneCache.size >= MAX_CACHED_DAYS_PER_ZONE) zoneCache.clear();
  const info = { start, end, transition };
  zoneCache.set(dayIndex, info);
  return info;
}

/** UTC offset of `zone` at `instant`, in minutes (e.g. 60 for CET, 330 for Asia/Kolkata). */
export function offsetMinutesAt(zone: TimeZone, instant: Instant): number {
  const info = dayOffsets(zone, Math.floor(instant / DAY_MS));
  return info.start === info.end || instant < info.transition ? info.start : info.end;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `daysFromCivil`, as `YYYY-MM-DD`. */
function civilFromDays(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or NaN when it is not a real date. */
function dayNumber(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) return NaN;
  const days = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  return civilFromDays(days) === date ? days : NaN;
}

/** Parses `HH:mm` (00:00..23:59) or, when `allow24` is set, `24:00`, into minutes after midnight. */
export function parseLocalTime(value: string, allow24 = false): number | null {
  if (allow24 && value === '24:00') return 24 * 60;
  const match = TIME_PATTERN.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  return typeof value === 'string' && !Number.isNaN(dayNumber(value));
}

/** True when `zone` is an IANA zone the runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

/**
 * Instant of a local date plus minutes after midnight in `zone` (minutes may be ≥ 1440: the
 * overflow rolls into the following days, so `24:00` is the next day's 00:00), applying the
 * DST policy above.
 */
export function resolveLocalDateTime(date: LocalDate, minutes: number, zone: TimeZone): Instant {
  // The wall-clock reading written as if it were UTC; a real instant t matches it when
  // t + offset(t) = wall. Offsets a day either side bracket any transition near it.
  const wall = dayNumber(date) * DAY_MS + minutes * MINUTE_MS;
  const before = offsetMinutesAt(zone, wall - DAY_MS);
  const after = offsetMinutesAt(zone, wall + DAY_MS);
  let best = Infinity;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset * MINUTE_MS;
    if (offsetMinutesAt(zone, candidate) === offset && candidate < best) best = candidate;
  }
  // No match: the reading falls in a spring-forward gap; reading it with the offset from
  // before the gap moves it forward by the gap's length.
  return best === Infinity ? wall - before * MINUTE_MS : best;
}

/** Local calendar date (`YYYY-MM-DD`) of an instant in `zone`. */
export function toLocalDate(instant: Instant, zone: TimeZone): LocalDate {
  return civilFromDays(Math.floor((instant + offsetMinutesAt(zone, instant) * MINUTE_MS) / DAY_MS));
}

/** `date` plus `days` calendar days (pure date arithmetic, no zone involved). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return civilFromDays(dayNumber(date) + days);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function weekdayOf(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Monday (`YYYY-MM-DD`) of the ISO week containing `date`. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addLocalDays(date, 1 - weekdayOf(date));
}

/** Instant of local midnight starting `date` in `zone` (DST policy above applies). */
export function startOfLocalDay(date: LocalDate, zone: TimeZone): Instant {
  return resolveLocalDateTime(date, 0, zone);
}

/** UTC ISO text of an instant, used in stable ids and messages. */
export function formatUtc(instant: Instant): string {
  return DateTime.fromMillis(instant, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;
}

/** Local `YYYY-MM-DD HH:mm` of an instant in `zone`, for human messages. */
export function formatLocal(instant: Instant, zone: TimeZone): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Hours with at most one decimal, no trailing `.0` ("9.5", "11"). */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
