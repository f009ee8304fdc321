import type { AvailabilityByWeekday, AvailabilityWindow, Weekday } from '@shiftdesk/shared-api-contract';

// The agent form's availability section as plain rows, and the conversions to and from the
// contract's `AvailabilityByWeekday`. Pure functions, so the mapping is tested without a form.

export const AVAILABILITY_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' };

/** `HH:mm` from 00:00 to 23:59; an end may also be `24:00`. */
export const START_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const END_TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** What the form shows: "Any time", or per weekday the from–to rows (no rows = not available). */
export interface AvailabilityRows {
  anyTime: boolean;
  days: Record<Weekday, AvailabilityWindow[]>;
}

/** The window a new row starts with. */
export const DEFAULT_WINDOW: AvailabilityWindow = { start: '09:00', end: '17:00' };

export function emptyDays(): Record<Weekday, AvailabilityWindow[]> {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

/**
 * Rows → request value: "Any time" is `null`; otherwise each weekday with rows, in weekday order,
 * times trimmed (a weekday without rows is left out, which the API reads as not available).
 */
export function toAvailability(rows: AvailabilityRows): AvailabilityByWeekday | null {
  if (rows.anyTime) return null;
  const availability: AvailabilityByWeekday = {};
  for (const day of AVAILABILITY_WEEKDAYS) {
    const windows = rows.days[day] ?? [];
    if (windows.length > 0) availability[day] = windows.map((w) => ({ start: w.start.trim(), end: w.end.trim() }));
  }
  return availability;
}

/** Saved value → rows: `null` (or missing) is "Any time" with no rows. */
export function fromAvailability(availability: AvailabilityByWeekday | null | undefined): AvailabilityRows {
  const days = emptyDays();
  if (availability === null || availability === undefined) return { anyTime: true, days };
  for (const day of AVAILABILITY_WEEKDAYS) days[day] = (availability[day] ?? []).map((w) => ({ start: w.start, end: w.end }));
  return { anyTime: false, days };
}

/** Tuesday to Friday get copies of Monday's rows (weekends untouched). */
export function copyMondayToWeekdays(days: Record<Weekday, AvailabilityWindow[]>): Record<Weekday, AvailabilityWindow[]> {
  const monday = days[1] ?? [];
  return { ...days, 2: monday.map((w) => ({ ...w })), 3: monday.map((w) => ({ ...w })), 4: monday.map((w) => ({ ...w })), 5: monday.map((w) => ({ ...w })) };
}

/** "08:00–20:00", "22:00–06:00 (next day)": how a row reads in a summary. */
export function describeWindow(window: AvailabilityWindow): string {
  const overnight = window.end !== '24:00' && window.end <= window.start;
  return `${window.start}–${window.end}${overnight ? ' (next day)' : ''}`;
}
