import { IANAZone } from 'luxon';
import type { Instant, TimeZone } from '../model/types';
import { MS_PER_DAY, MS_PER_MINUTE } from './local-date-time';

/*
 * DST POLICY (the one rule every part of Shiftdesk follows; also in libs/scheduling/README.md)
 *
 * A wall-clock time is turned into an instant in its IANA zone like this:
 *
 * 1. Nonexistent local time (spring-forward gap): it moves FORWARD by the length of the gap.
 *    02:30 Europe/Berlin on 2026-03-29 does not exist (02:00 CET jumps to 03:00 CEST) and becomes
 *    03:30 CEST = 01:30Z. Technically: the wall time is read with the offset in force just
 *    before the gap. Every time inside the gap therefore lands after the gap, never before it.
 * 2. Ambiguous local time (fall-back overlap): the EARLIER (first) occurrence wins.
 *    02:30 Europe/Berlin on 2026-10-25 happens twice; we take 02:30 CEST = 00:30Z, not
 *    02:30 CET = 01:30Z.
 * 3. A shift keeps its local start and its local end; its length is whatever elapses between
 *    them. A 22:00–06:00 shift across the spring change lasts 7 h, across the autumn change 9 h.
 *
 * Why not luxon's own `DateTime.fromObject`: for an ambiguous time luxon guesses from the offset
 * in force at `Settings.now()` (the machine clock), so the same input could give different
 * instants in summer and in winter. This module decides explicitly and never reads the clock.
 *
 * The resolution is monotonic (a later wall time never maps to an earlier instant), so a
 * rotation whose shifts touch on the wall clock still touches in real time and never overlaps.
 */

/** Offsets like `UTC+3`, `GMT-05:00`, `+03:00` are not zones: they have no DST rules. */
const OFFSET_LIKE = /^(?:[+\-\u2212]|(?:UTC|GMT)\s*[+\-\u2212])/i;

/**
 * True for an IANA zone name the runtime knows (`Europe/Berlin`, `UTC`, `Etc/UTC`).
 * Refuses fixed offsets written as names (`UTC+3`, `+03:00`) because a planned shift needs the
 * zone's DST rules, not today's offset. `Etc/GMT+3` is an IANA name and is accepted (note its
 * POSIX sign: it is UTC−3).
 */
export function isValidTimeZone(zone: unknown): zone is TimeZone {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  const known = VALID_ZONES.get(zone);
  if (known !== undefined) return known;
  const valid = !OFFSET_LIKE.test(zone.trim()) && zone === zone.trim() && IANAZone.isValidZone(zone);
  // luxon builds an Intl.DateTimeFormat per call (~0.25 ms here); a feed of 42,000 shifts asks
  // four times per shift. Bounded: names come from stored data and requests.
  if (VALID_ZONES.size >= MAX_REMEMBERED_ZONES) VALID_ZONES.clear();
  VALID_ZONES.set(zone, valid);
  return valid;
}

/** Memo of `isValidTimeZone` answers (a pure function of the name for the life of the process). */
const VALID_ZONES = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 2048;

/*
 * Zone offsets, memoised per UTC day.
 *
 * One offset lookup through luxon/Intl costs tens of microseconds, and coverage, labour rules
 * and rotation expansion ask for millions. So each (zone, UTC day) is looked up once: the offset
 * at the day's start, at its end, and, when they differ, the first minute on the new offset
 * (binary search, ~11 more lookups on the rare transition days). Neighbouring days share their
 * boundary lookup. Assumes at most one offset change per UTC day, true for every IANA zone
 * since the 1970s; transitions need not fall on a 15-minute or hour boundary.
 * Pure memoisation of a deterministic function; bounded so a long-running API process cannot
 * grow it without limit.
 */

/** Offsets (minutes) at the start and end of one UTC day, and where they change. */
interface DayOffsets {
  start: number;
  end: number;
  /** First instant (UTC epoch ms) on the `end` offset; the next day's start when none changes. */
  transition: Instant;
}

const MAX_CACHED_DAYS_PER_ZONE = 100_000;
const MINUTES_PER_DAY = MS_PER_DAY / MS_PER_MINUTE;
const dayOffsetsByZone = new Map<TimeZone, { zone: IANAZone; days: Map<number, DayOffsets> }>();

function getDayOffsets(zoneName: TimeZone, dayIndex: number): DayOffsets | null {
  let entry = dayOffsetsByZone.get(zoneName);
  if (!entry) {
    const zone = IANAZone.create(zoneName);
    // Invalid zones are not cached, so junk names cannot grow the map.
    if (!zone.isValid) return null;
    entry = { zone, days: new Map() };
    dayOffsetsByZone.set(zoneName, entry);
  }
  const { zone, days } = entry;
  const cached = days.get(dayIndex);
  if (cached) return cached;
  const dayStart = dayIndex * MS_PER_DAY;
  const start = days.get(dayIndex - 1)?.end ?? zone.offset(dayStart);
  const end = days.get(dayIndex + 1)?.start ?? zone.offset(dayStart + MS_PER_DAY);
  let transition = dayStart + MS_PER_DAY;
  if (start !== end) {
    let lo = 0;
    let hi = MINUTES_PER_DAY;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (zone.offset(dayStart + mid * MS_PER_MINUTE) === end) hi = mid;
      else lo = mid + 1;
    }
    transition = dayStart + lo * MS_PER_MINUTE;
  }
  if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
  const offsets = { start, end, transition };
  days.set(dayIndex, offsets);
  return offsets;
}

/**
 * Offset of `zone` from UTC at `instant` (UTC epoch ms), in minutes (Berlin summer → +120,
 * New York winter → −300). NaN for an invalid zone or a non-finite instant.
 */
export function getZoneOffsetMinutes(zone: TimeZone, instant: Instant): number {
  if (!Number.isFinite(instant)) return NaN;
  const offsets = getDayOffsets(zone, Math.floor(instant / MS_PER_DAY));
  if (!offsets) return NaN;
  return instant < offsets.transition ? offsets.start : offsets.end;
}

/**
 * Converts wall ms (the wall clock read as if it were UTC) in `zone` to a real instant,
 * applying the DST policy above. `zone` must be valid (see `isValidTimeZone`).
 */
export function wallToInstant(zone: TimeZone, wallMs: number): Instant {
  // A real instant t matches the reading when t + offset(t) = wall. The offsets in force a day
  // either side bracket any transition near it.
  const offsetBefore = getZoneOffsetMinutes(zone, wallMs - MS_PER_DAY);
  const offsetAfter = getZoneOffsetMinutes(zone, wallMs + MS_PER_DAY);
  const readBefore = wallMs - offsetBefore * MS_PER_MINUTE;
  // Same offset a day either side: no transition near (at most one per day), so it holds.
  if (offsetBefore === offsetAfter) return readBefore;
  const beforeHolds = getZoneOffsetMinutes(zone, readBefore) === offsetBefore;
  const readAfter = wallMs - offsetAfter * MS_PER_MINUTE;
  const afterHolds = getZoneOffsetMinutes(zone, readAfter) === offsetAfter;
  if (beforeHolds && afterHolds) return Math.min(readBefore, readAfter); // fall-back: first occurrence
  if (beforeHolds) return readBefore;
  if (afterHolds) return readAfter;
  // Spring-forward gap: reading with the pre-gap offset lands exactly gap-length later.
  return readBefore;
}

/** Converts an instant to wall ms in `zone` (what a clock on the wall there shows). */
export function instantToWall(zone: TimeZone, instant: Instant): number {
  return instant + getZoneOffsetMinutes(zone, instant) * MS_PER_MINUTE;
}
