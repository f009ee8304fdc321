import type { AvailabilityByWeekday, AvailabilityWindow, Instant, LocalDate, TimeZone, Weekday } from '../model/types';
import { addCalendarDays, getIsoWeekday, getLocalDate, localMinuteToInstant, parseMinuteOfDay } from '../time';

// Availability windows: when an agent can be given shifts at all (issue 4, a hard rule of the
// roster generator). Windows are wall-clock `HH:mm` in the AGENT's zone, per ISO weekday; a window
// belongs to the weekday it starts on, `end <= start` runs into the next day, `24:00` is allowed
// as an end, and a weekday missing from the map is a day the agent is not available at all.

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const MINUTES_PER_DAY = 1440;

/** A window as minutes after its own day's local midnight, end > start (up to 2 × 1440). */
interface MinuteSpan {
  start: number;
  end: number;
}

function toMinuteSpan(window: AvailabilityWindow): MinuteSpan | null {
  const start = parseMinuteOfDay(window.start);
  const end = parseMinuteOfDay(window.end, { allowEndOfDay: true });
  if (start === null || end === null) return null;
  return { start, end: end <= start ? end + MINUTES_PER_DAY : end };
}

/**
 * The instants (UTC epoch ms, half-open, sorted, touching or overlapping spans merged) the
 * agent is available during the local dates `first` … `last` in `zone`, windows laid out on the
 * wall clock of each date with the lib's DST policy: a Lisbon 08:00–20:00 window is 12 real
 * hours every day; 00:00–03:00 is 2 h on the spring-forward night and 4 h on the fall-back night.
 */
export function expandAvailability(input: { availability: AvailabilityByWeekday; zone: TimeZone; first: LocalDate; last: LocalDate }): { start: Instant; end: Instant }[] {
  const spans: { start: Instant; end: Instant }[] = [];
  for (let date = input.first; date <= input.last; date = addCalendarDays(date, 1)) {
    for (const window of input.availability[getIsoWeekday(date)] ?? []) {
      const minutes = toMinuteSpan(window);
      if (!minutes) continue;
      const start = localMinuteToInstant({ date, minutes: minutes.start, zone: input.zone });
      const end = localMinuteToInstant({ date, minutes: minutes.end, zone: input.zone });
      if (end > start) spans.push({ start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: Instant; end: Instant }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * True when every instant of [start, end) (UTC epoch ms) lies inside the union of the agent's
 * availability windows in `zone`. Windows of neighbouring days join, so Monday 20:00–24:00 and
 * Tuesday 00:00–06:00 together cover a 22:00–04:00 night shift. `null` or `undefined`
 * availability means available any time; an empty span is always within.
 */
export function isWithinAvailability(input: {
  availability: AvailabilityByWeekday | null | undefined;
  zone: TimeZone;
  start: Instant;
  end: Instant;
}): boolean {
  const { availability, zone, start, end } = input;
  if (availability === null || availability === undefined) return true;
  if (!(end > start)) return true;
  // The day before the start: its overnight windows reach past midnight into the span.
  const first = addCalendarDays(getLocalDate(start, zone), -1);
  const last = getLocalDate(end, zone);
  return expandAvailability({ availability, zone, first, last }).some((span) => span.start <= start && span.end >= end);
}

export type AvailabilityErrorReason = 'invalid-availability' | 'invalid-weekday' | 'invalid-time' | 'overlapping-windows';

/**
 * One problem of an availability map. `field` is the full path (`availability.3.0.end`:
 * weekday 3, window 0); `message` says what is wrong and how to fix it, without the path, so
 * the API can answer `availability.3.0.end: must be a time HH:mm …`.
 */
export interface AvailabilityFieldError {
  field: string;
  reason: AvailabilityErrorReason;
  message: string;
}

/**
 * Checks an availability map from untrusted input: `null` (any time) or an object whose keys are
 * ISO weekdays `1` … `7`, each a list of `{ start, end }` windows with `start` 00:00–23:59 and
 * `end` 00:00–24:00. Windows may not overlap: neither two of the same weekday, nor an overnight
 * window with the next weekday's early ones (Sunday runs into Monday). Returns every problem
 * found, in weekday and window order; an empty list means valid.
 */
export function validateAvailability(value: unknown, path = 'availability'): AvailabilityFieldError[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [{ field: path, reason: 'invalid-availability', message: 'must be null (any time) or map ISO weekdays to windows, e.g. { "1": [{ "start": "08:00", "end": "20:00" }] }' }];
  }
  const errors: AvailabilityFieldError[] = [];
  const record = value as Record<string, unknown>;
  const spans = new Map<Weekday, (MinuteSpan & { index: number })[]>();
  for (const key of Object.keys(record)) {
    const weekday = Number(key) as Weekday;
    if (!/^[1-7]$/.test(key)) {
      errors.push({ field: `${path}.${key}`, reason: 'invalid-weekday', message: 'is not a weekday; use ISO weekdays 1 (Monday) … 7 (Sunday)' });
      continue;
    }
    const windows = record[key];
    if (!Array.isArray(windows)) {
      errors.push({ field: `${path}.${key}`, reason: 'invalid-availability', message: 'must be a list of windows such as [{ "start": "08:00", "end": "20:00" }]' });
      continue;
    }
    const list: (MinuteSpan & { index: number })[] = [];
    windows.forEach((window: unknown, index) => {
      const at = `${path}.${key}.${index}`;
      const entry = (typeof window === 'object' && window !== null ? window : {}) as Record<string, unknown>;
      const start = typeof entry['start'] === 'string' ? parseMinuteOfDay(entry['start']) : null;
      const end = typeof entry['end'] === 'string' ? parseMinuteOfDay(entry['end'], { allowEndOfDay: true }) : null;
      if (start === null) errors.push({ field: `${at}.start`, reason: 'invalid-time', message: 'must be a time HH:mm from 00:00 to 23:59' });
      if (end === null) errors.push({ field: `${at}.end`, reason: 'invalid-time', message: 'must be a time HH:mm from 00:00 to 24:00 (at or before start = past midnight)' });
      if (start !== null && end !== null) list.push({ start, end: end <= start ? end + MINUTES_PER_DAY : end, index });
    });
    spans.set(weekday, list);
  }
  for (const weekday of WEEKDAYS) {
    const own = [...(spans.get(weekday) ?? [])].sort((a, b) => a.start - b.start || a.index - b.index);
    for (let i = 1; i < own.length; i++) {
      if (own[i].start < own[i - 1].end) {
        errors.push({
          field: `${path}.${weekday}.${own[i].index}`,
          reason: 'overlapping-windows',
          message: `overlaps ${path}.${weekday}.${own[i - 1].index}; join them into one window`,
        });
      }
    }
    // The previous weekday's overnight windows spill into this day's first minutes.
    const previous = weekday === 1 ? 7 : ((weekday - 1) as Weekday);
    for (const spill of spans.get(previous) ?? []) {
      if (spill.end <= MINUTES_PER_DAY) continue;
      const clash = own.find((span) => span.start < spill.end - MINUTES_PER_DAY);
      if (clash) {
        errors.push({
          field: `${path}.${weekday}.${clash.index}`,
          reason: 'overlapping-windows',
          message: `overlaps the overnight window ${path}.${previous}.${spill.index}; start it later or end that one earlier`,
        });
      }
    }
  }
  return errors;
}
