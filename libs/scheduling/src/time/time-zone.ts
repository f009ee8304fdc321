import { IANAZone } from 'luxon';
import type { Instant, TimeZone } from '../model/types';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './local-date-time';

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
  if (OFFSET_LIKE.test(zone.trim()) || zone !== zone.trim()) return false;
  return IANAZone.isValidZone(zone);
}

/** Offset of `zone` from UTC at `instant`, in minutes (Berlin summer → +120). */
export function getZoneOffsetMinutes(zone: TimeZone, instant: Instant): number {
  return IANAZone.create(zone).offset(instant);
}

/*
 * Per-zone cache: local epoch day → the single UTC offset (minutes) that holds for every wall
 * time of that day, or null when a transition is close enough that the slow path must decide.
 * Pure memoisation of a deterministic function; bounded so a long-running API process
 * cannot grow it without limit.
 */
const uniformDayOffsets = new Map<TimeZone, Map<number, number | null>>();
const MAX_CACHED_DAYS_PER_ZONE = 200_000;

function getUniformDayOffset(zone: TimeZone, epochDay: number): number | null {
  let days = uniformDayOffsets.get(zone);
  if (!days) {
    days = new Map();
    uniformDayOffsets.set(zone, days);
  }
  const cached = days.get(epochDay);
  if (cached !== undefined) return cached;
  // Any wall time of this day maps into [dayStart − 14 h, dayStart + 38 h]; probing from a day
  // before to two days after (and the middle) covers that span with room to spare.
  const dayStart = epochDay * MS_PER_DAY;
  const before = getZoneOffsetMinutes(zone, dayStart - MS_PER_DAY);
  const middle = getZoneOffsetMinutes(zone, dayStart + 12 * MS_PER_HOUR);
  const after = getZoneOffsetMinutes(zone, dayStart + 2 * MS_PER_DAY);
  const uniform = before === middle && middle === after ? before : null;
  if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
  days.set(epochDay, uniform);
  return uniform;
}

/**
 * Converts wall ms (the wall clock read as if it were UTC) in `zone` to a real instant,
 * applying the DST policy above. `zone` must be valid (see `isValidTimeZone`).
 */
export function wallToInstant(zone: TimeZone, wallMs: number): Instant {
  const uniform = getUniformDayOffset(zone, Math.floor(wallMs / MS_PER_DAY));
  if (uniform !== null) return wallMs - uniform * MS_PER_MINUTE;
  return resolveNearTransition(zone, wallMs);
}

function resolveNearTransition(zone: TimeZone, wallMs: number): Instant {
  // The offsets in force a day before and a day after bracket the transition.
  const offsetBefore = getZoneOffsetMinutes(zone, wallMs - MS_PER_DAY);
  const offsetAfter = getZoneOffsetMinutes(zone, wallMs + MS_PER_DAY);
  const readBefore = wallMs - offsetBefore * MS_PER_MINUTE;
  const readAfter = wallMs - offsetAfter * MS_PER_MINUTE;
  const beforeHolds = getZoneOffsetMinutes(zone, readBefore) === offsetBefore;
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
